import errno
import os

import pytest

from ssm_studio.model import Project
from ssm_studio.storage import SaveError, atomic, backup_path, read_project, save_project


def saved(tmp_path, title):
    project = Project()
    project.metadata.title = title
    path = tmp_path / "work.ssm"
    save_project(path, project)
    return path


def test_saving_again_keeps_the_previous_version_as_backup(tmp_path):
    path = saved(tmp_path, "first")
    project = read_project(path).project
    project.metadata.title = "second"
    save_project(path, project)
    assert read_project(path).project.metadata.title == "second"
    assert read_project(backup_path(path)).project.metadata.title == "first"
    assert backup_path(path).name == "work (backup).ssm"


def test_disk_full_half_way_leaves_the_old_file_intact(tmp_path, monkeypatch):
    path = saved(tmp_path, "precious")
    before = path.read_bytes()

    def full_disk(fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(atomic.os, "fsync", full_disk)
    project = Project()
    project.metadata.title = "new"
    with pytest.raises(SaveError, match="disk is full") as raised:
        save_project(path, project)
    assert "previous file is unchanged" in str(raised.value)
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["work.ssm"]  # no temporary left


def test_write_failing_after_the_first_chunk(tmp_path, monkeypatch):
    path = saved(tmp_path, "precious")
    before = path.read_bytes()
    monkeypatch.setattr(atomic, "_CHUNK", 100)
    real_fdopen = os.fdopen

    class FailingAfterOneChunk:
        def __init__(self, handle):
            self.handle, self.writes = handle, 0

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            self.handle.close()

        def write(self, data):
            self.writes += 1
            if self.writes > 1:
                raise OSError(errno.ENOSPC, "No space left on device")
            return self.handle.write(data)

        def __getattr__(self, name):
            return getattr(self.handle, name)

    monkeypatch.setattr(atomic.os, "fdopen", lambda fd, mode: FailingAfterOneChunk(real_fdopen(fd, mode)))
    with pytest.raises(SaveError):
        save_project(path, Project())
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["work.ssm"]


def test_read_only_folder_is_a_readable_error(tmp_path, monkeypatch):
    def refuse(*args, **kwargs):
        raise PermissionError(errno.EACCES, "Permission denied")

    # Tests may run as root, which ignores folder permissions; refuse the way the OS would.
    monkeypatch.setattr(atomic.tempfile, "mkstemp", refuse)
    with pytest.raises(SaveError, match="permission to write"):
        save_project(tmp_path / "x.ssm", Project())
    assert not (tmp_path / "x.ssm").exists()


def test_missing_folder_is_a_readable_error(tmp_path):
    with pytest.raises(SaveError, match="does not exist"):
        save_project(tmp_path / "no" / "x.ssm", Project())


def test_saved_files_get_ordinary_permissions(tmp_path):
    path = saved(tmp_path, "x")
    assert path.stat().st_mode & 0o044  # readable by others as any new file would be
