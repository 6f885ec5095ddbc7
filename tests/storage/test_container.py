import json
import zipfile

import pytest

from ssm_studio.model import FORMAT_VERSION, ImageItem, Project
from ssm_studio.model import limits as L
from ssm_studio.storage import (
    InvalidProjectError,
    NewerFormatError,
    TooLargeError,
    UnsupportedFormatError,
    media_key,
    project_to_bytes,
    read_project,
    read_project_bytes,
    save_project,
)
from ssm_studio.storage.migrations import migrate

from .helpers import png_bytes, zip_bytes


def project_json(**changes) -> bytes:
    data = json.loads(Project().model_dump_json())
    data.update(changes)
    return json.dumps(data).encode()


def test_save_and_load_round_trip_with_media(tmp_path, example_project):
    image = png_bytes()
    key = media_key(image, "png")
    example_project.rich_picture.items.append(ImageItem(media=key, width=40, height=30))
    path = tmp_path / "p.ssm"
    save_project(path, example_project, {key: image, "0" * 64 + ".png": b"unused"})
    loaded = read_project(path)
    assert loaded.project == example_project
    assert loaded.media == {key: image}  # media no item uses are not written
    assert loaded.warnings == []
    with zipfile.ZipFile(path) as archive:
        assert archive.namelist() == ["project.json", f"media/{key}"]


def test_saving_twice_gives_identical_bytes(example_project):
    assert project_to_bytes(example_project, {}) == project_to_bytes(example_project, {})


@pytest.mark.parametrize("data,error,words", [
    (b"", UnsupportedFormatError, "not an SSM Studio project"),
    (b"hello, I am a text file", UnsupportedFormatError, "not an SSM Studio project"),
    (zip_bytes({"other.txt": b"x"}), InvalidProjectError, "no project.json"),
    (zip_bytes({"project.json": b"{not json"}), InvalidProjectError, "not valid JSON"),
    (zip_bytes({"project.json": b"[1, 2]"}), InvalidProjectError, "project"),
    (zip_bytes({"project.json": project_json(perspectives="many")}), InvalidProjectError, "perspectives"),
    (zip_bytes({"project.json": project_json(metadata={"title": 5})}), InvalidProjectError, "title"),
    (zip_bytes({"project.json": b'{"cld": {}}'}), InvalidProjectError, "format_version"),
    (zip_bytes({"project.json": project_json(format_version="one")}), InvalidProjectError, "format_version"),
])
def test_bad_files_get_a_readable_message(data, error, words):
    with pytest.raises(error, match=words) as raised:
        read_project_bytes(data, "'x.ssm'")
    assert "'x.ssm'" in str(raised.value)
    assert "Traceback" not in str(raised.value)


def test_missing_required_field_names_the_field():
    data = json.loads(Project().model_dump_json())
    data["perspectives"] = [{"id": "p1"}]
    with pytest.raises(InvalidProjectError, match="perspectives → 0 → name: Field required"):
        read_project_bytes(zip_bytes({"project.json": json.dumps(data).encode()}))


def test_truncated_file_is_reported_as_damaged(example_project):
    data = project_to_bytes(example_project, {})
    with pytest.raises(InvalidProjectError, match="damaged or incomplete"):
        read_project_bytes(data[: len(data) // 2])


def test_newer_format_is_refused_saying_which_version_it_needs():
    data = zip_bytes({"project.json": project_json(format_version=FORMAT_VERSION + 7)})
    with pytest.raises(NewerFormatError) as raised:
        read_project_bytes(data, "'future.ssm'")
    message = str(raised.value)
    assert f"file format {FORMAT_VERSION + 7}" in message and "newer SSM Studio" in message


def test_migrations_run_step_by_step():
    steps = {
        1: lambda d: {"format_version": 1, "notes": d["notes"].upper()},
        2: lambda d: {"format_version": 2, "notes2": d["notes"] + "!"},
    }
    assert migrate({"format_version": 1, "notes": "a"}, "f", target=3, steps=steps) == {
        "format_version": 3, "notes2": "A!"}


def test_a_missing_migration_step_is_a_readable_error():
    with pytest.raises(InvalidProjectError, match="no upgrade is known from file format 1"):
        migrate({"format_version": 1}, "f", target=2, steps={})


def test_declared_gigabyte_member_is_refused_before_reading(monkeypatch):
    data = bytearray(zip_bytes({"project.json": project_json()}))
    # Rewrite the central directory's uncompressed size to claim ~4 GB.
    central = data.rindex(b"PK\x01\x02")
    data[central + 24 : central + 28] = (0xFFFFFFF0).to_bytes(4, "little")
    with pytest.raises(TooLargeError, match="GB|MB") as raised:
        read_project_bytes(bytes(data))
    assert "not opened" in str(raised.value)


def test_member_larger_than_it_claims_is_stopped_at_the_limit(monkeypatch):
    monkeypatch.setattr(L, "MAX_PROJECT_JSON_BYTES", 2000)
    data = bytearray(zip_bytes({"project.json": b" " * 50_000 + project_json()}))
    central = data.rindex(b"PK\x01\x02")
    data[central + 24 : central + 28] = (100).to_bytes(4, "little")
    local = data.index(b"PK\x03\x04")
    data[local + 22 : local + 26] = (100).to_bytes(4, "little")
    # zipfile stops at the declared size and then finds the checksum wrong: refused as damaged.
    with pytest.raises(InvalidProjectError, match="damaged"):
        read_project_bytes(bytes(data))


def test_archive_with_too_many_members_is_refused_from_its_directory_record():
    data = bytearray(zip_bytes({"project.json": project_json()}))
    eocd = data.rindex(b"PK\x05\x06")
    data[eocd + 8 : eocd + 12] = (0xFFFF).to_bytes(2, "little") * 2  # "65,535 entries"
    with pytest.raises(TooLargeError, match="more parts"):
        read_project_bytes(bytes(data))


def test_archive_with_many_real_members_is_refused(monkeypatch):
    monkeypatch.setattr(L, "MAX_ARCHIVE_MEMBERS", 50)
    members = {f"junk/{i}": b"" for i in range(60)} | {"project.json": project_json()}
    with pytest.raises(TooLargeError):
        read_project_bytes(zip_bytes(members))


def test_total_uncompressed_size_is_bounded(monkeypatch):
    monkeypatch.setattr(L, "MAX_TOTAL_UNCOMPRESSED_BYTES", 10_000)
    members = {"project.json": project_json(), "media/big": b"\0" * 20_000}
    with pytest.raises(TooLargeError, match="unpack"):
        read_project_bytes(zip_bytes(members))


def test_member_names_are_never_used_as_paths(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "inner").mkdir()
    members = {"project.json": project_json(), "../../escape": b"x", "media/../../x.png": b"y",
               "/abs": b"z"}
    loaded = read_project_bytes(zip_bytes(members))
    assert loaded.media == {}
    assert any("unexpected part" in w for w in loaded.warnings)
    assert sorted(p.name for p in tmp_path.rglob("*")) == ["inner"]


def test_damaged_image_loads_with_a_warning_and_is_kept(tmp_path):
    key = "a" * 64 + ".png"
    project = Project()
    project.rich_picture.items.append(ImageItem(media=key, width=10, height=10))
    members = {"project.json": project.model_dump_json().encode(), f"media/{key}": b"not a png"}
    loaded = read_project_bytes(zip_bytes(members))
    assert loaded.media[key] == b"not a png"
    assert any("not a picture" in w for w in loaded.warnings)


def test_missing_image_is_a_warning_not_a_failure():
    project = Project()
    project.rich_picture.items.append(ImageItem(media="b" * 64 + ".jpg", width=10, height=10))
    loaded = read_project_bytes(zip_bytes({"project.json": project.model_dump_json().encode()}))
    assert any("missing" in w for w in loaded.warnings)


def test_file_that_does_not_exist(tmp_path):
    with pytest.raises(InvalidProjectError, match="does not exist"):
        read_project(tmp_path / "nope.ssm")


def test_a_format_2_project_opens_with_every_variable_plain_in_the_current_format(example_project):
    data = json.loads(example_project.model_dump_json())
    data["format_version"] = 2
    for variable in data["cld"]["variables"]:
        del variable["kind"]  # format 2 had no kind
    loaded = read_project_bytes(zip_bytes({"project.json": json.dumps(data).encode()})).project
    assert loaded.format_version == FORMAT_VERSION
    assert {v.kind for v in loaded.cld.variables} == {"variable"}
    assert [v.name for v in loaded.cld.variables] == [v.name for v in example_project.cld.variables]
    data["cld"]["variables"][0]["kind"] = "stock"
    data["format_version"] = 3
    assert read_project_bytes(zip_bytes({"project.json": json.dumps(data).encode()})).project.cld.variables[0].kind \
        == "stock"
