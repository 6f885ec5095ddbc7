import pytest

from ssm_studio.model import Project
from ssm_studio.model import limits as L
from ssm_studio.storage import ImageError, RecoveryStore, check_image, media_key

from .helpers import png_bytes, png_claiming_size


def test_recovery_copies_are_listed_loaded_and_discarded(tmp_path):
    store = RecoveryStore(tmp_path / "recovery")
    assert store.entries() == []
    project = Project()
    project.metadata.title = "Unsaved work"
    store.write("session1", project, {}, original=None)
    store.write("session2", project, {}, original=tmp_path / "mine.ssm")
    entries = store.entries()
    assert {e.key for e in entries} == {"session1", "session2"}
    entry = next(e for e in entries if e.key == "session2")
    assert entry.original == str(tmp_path / "mine.ssm") and entry.title == "Unsaved work"
    assert store.load(entry).project == project
    store.discard("session2")
    assert [e.key for e in store.entries()] == ["session1"]


def test_a_damaged_recovery_note_is_skipped(tmp_path):
    store = RecoveryStore(tmp_path)
    store.write("k", Project(), {}, None)
    (tmp_path / "k.json").write_text("{broken")
    assert store.entries() == []


def test_recovery_keys_cannot_name_paths(tmp_path):
    with pytest.raises(ValueError):
        RecoveryStore(tmp_path).write("../evil", Project(), {}, None)


def test_check_image_reads_size_and_format():
    data = png_bytes(5, 7)
    assert check_image(data, "photo.png") == ("png", 5, 7)
    assert media_key(data, "png").endswith(".png")


def test_corrupt_image_is_refused():
    with pytest.raises(ImageError, match="not a picture"):
        check_image(b"\x89PNG\r\n\x1a\nrubbish", "flipchart.png")


def test_image_with_too_many_pixels_is_refused_without_decoding():
    with pytest.raises(ImageError, match="megapixels|too large"):
        check_image(png_claiming_size(100_000, 100_000), "huge.png")


def test_image_over_the_byte_limit_is_refused(monkeypatch):
    monkeypatch.setattr("ssm_studio.storage.media.MAX_MEDIA_MEMBER_BYTES", 10)
    with pytest.raises(ImageError, match="MB"):
        check_image(png_bytes(), "big.png")


def test_pixel_limit_is_generous_for_real_photos():
    assert L.MAX_IMAGE_PIXELS >= 24_000_000  # a 24-megapixel camera photo of a flip chart
