"""Damaged and hostile .ssm files are refused with a message, or open and save again."""

import os
import stat
import threading
import time

import pytest

from ssm_studio.errors import SsmError
from ssm_studio.storage import project_to_bytes, read_project, read_project_bytes

from .fuzz_loader import SOURCE, archive, cases

CASES = int(os.environ.get("SSM_FUZZ_CASES", "400"))


def test_every_fuzzed_file_is_refused_or_round_trips(example_project):
    accepted = refused = 0
    slowest = 0.0
    for description, blob in cases(seed=2026, count=CASES, example=example_project):
        started = time.perf_counter()
        try:
            loaded = read_project_bytes(blob, SOURCE)
        except SsmError as error:
            refused += 1
            assert str(error).strip(), description
            assert "Traceback" not in str(error)
            continue
        except Exception as error:  # noqa: BLE001 - the point of the test
            pytest.fail(f"{description}: {type(error).__name__} escaped: {str(error)[:300]}")
        finally:
            slowest = max(slowest, time.perf_counter() - started)
        accepted += 1
        saved = project_to_bytes(loaded.project, loaded.media)
        again = read_project_bytes(saved, SOURCE)
        assert project_to_bytes(again.project, again.media) == saved, description
    assert refused > CASES // 4 and accepted > 0  # the mutations reach both outcomes
    assert slowest < 5.0


@pytest.mark.parametrize("token, words", [
    (b"9" * 5000, "fuzzed.ssm.*not valid JSON"),
    (b"NaN", "fuzzed.ssm.*finite number"),
    (b"1e400", "fuzzed.ssm.*finite number"),
])
def test_hostile_numbers_are_refused(example_project, token, words):
    text = example_project.model_dump_json().encode()
    text = text.replace(b'"x":0.0', b'"x":' + token, 1)
    assert token in text
    with pytest.raises(SsmError, match=words):
        read_project_bytes(archive(text), SOURCE)


def test_a_huge_integer_in_an_older_format_is_refused(example_project):
    """The json.loads path (older files) must not raise Python's digit-limit ValueError."""
    text = example_project.model_dump_json().encode().replace(b'"format_version":1', b'"format_version":0', 1)
    text = text.replace(b'"x":0.0', b'"x":' + b"7" * 5000, 1)
    with pytest.raises(SsmError):
        read_project_bytes(archive(text), SOURCE)


def test_only_regular_files_are_read(tmp_path):
    """A named pipe would block open() for ever; it is refused at once."""
    pipe = tmp_path / "pipe.ssm"
    os.mkfifo(pipe)
    assert stat.S_ISFIFO(os.stat(pipe).st_mode)
    outcome = []

    def attempt():
        try:
            read_project(pipe)
        except SsmError as error:
            outcome.append(str(error))

    worker = threading.Thread(target=attempt, daemon=True)
    worker.start()
    worker.join(2.0)
    if worker.is_alive():  # unblock the reader before failing, or the run would hang
        with open(pipe, "wb"):
            pass
        pytest.fail("reading a named pipe blocked")
    assert outcome and "not a regular file" in outcome[0]


def test_duplicate_ids_are_refused(example_project):
    data = example_project.model_dump_json().encode()
    first = example_project.cld.variables[0]
    twin = first.model_dump_json().encode()
    data = data.replace(twin, twin + b"," + twin, 1)
    with pytest.raises(SsmError, match="share one id"):
        read_project_bytes(archive(data), SOURCE)
