"""mypy on the Qt packages (render, report, app, cli) under a baseline that may only shrink.

The pure packages are checked clean by ``mypy`` in the README's test command. Here each
file's count of errors is held to ``tests/mypy_baseline.json``: a file may not gain one,
and when a file loses some the baseline must be lowered with it, so the ground gained is
kept. After fixing errors, run::

    .venv/bin/python tests/test_typing_baseline.py --update
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BASELINE = Path(__file__).with_name("mypy_baseline.json")
PACKAGES = ["ssm_studio/render", "ssm_studio/report", "ssm_studio/app", "ssm_studio/cli"]
ERROR = re.compile(r"^(?P<file>[^:\n]+\.py):\d+: error: ", re.MULTILINE)


def errors_by_file() -> Counter[str]:
    from mypy import api

    stdout, stderr, status = api.run(["--config-file", str(ROOT / "pyproject.toml"), *PACKAGES])
    if status not in (0, 1) or (status == 1 and not ERROR.search(stdout)):
        raise RuntimeError(f"mypy could not run (status {status}): {stderr or stdout}")
    return Counter(match["file"].replace("\\", "/") for match in ERROR.finditer(stdout))


def compare(found: Counter[str], allowed: dict[str, int]) -> tuple[list[str], list[str]]:
    """What grew past the baseline, and what shrank below it (the baseline to lower)."""
    grown = [f"{name}: {count} errors, the baseline allows {allowed.get(name, 0)}"
             for name, count in sorted(found.items()) if count > allowed.get(name, 0)]
    shrunk = [f"{name}: {found.get(name, 0)} errors, the baseline still says {count}"
              for name, count in sorted(allowed.items()) if found.get(name, 0) < count]
    return grown, shrunk


def test_the_comparison_fails_a_new_error_and_asks_for_a_lower_baseline():
    grown, shrunk = compare(Counter({"a.py": 3, "new.py": 1}), {"a.py": 2, "b.py": 4})
    assert grown == ["a.py: 3 errors, the baseline allows 2", "new.py: 1 errors, the baseline allows 0"]
    assert shrunk == ["b.py: 0 errors, the baseline still says 4"]
    assert compare(Counter({"a.py": 2}), {"a.py": 2}) == ([], [])


def test_qt_packages_have_no_more_type_errors_than_the_baseline(monkeypatch):
    monkeypatch.chdir(ROOT)  # mypy names files relative to where it runs
    found = errors_by_file()
    grown, shrunk = compare(found, json.loads(BASELINE.read_text(encoding="utf-8")))
    assert not grown, "new type errors:\n" + "\n".join(grown)
    assert not shrunk, ("fewer type errors than the baseline: lower it with "
                        "`.venv/bin/python tests/test_typing_baseline.py --update`\n" + "\n".join(shrunk))


if __name__ == "__main__":
    if sys.argv[1:] != ["--update"]:
        sys.exit(__doc__)
    import os

    os.chdir(ROOT)
    counts = errors_by_file()
    BASELINE.write_text(json.dumps(dict(sorted(counts.items())), indent=1) + "\n", encoding="utf-8")
    print(f"{sum(counts.values())} errors in {len(counts)} files written to {BASELINE.name}")
