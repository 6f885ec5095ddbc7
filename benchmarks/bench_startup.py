"""Start-up: from launching the process to a shown window, beside a bare PySide6 window; and
the Qt-free commands beside bare Python.

Each run is a fresh process. "Shown" is when the first event-loop turn after show() runs
(the window has been laid out and exposed); "answering" is when a key press posted after the
loop search's results reached the window is taken by the canvas (the window answers input
with the loops on screen). Each is measured with time.perf_counter inside the
process against its own start (the interpreter's import of site included, via -X importtime
free wall clock from the parent). The parent times the whole process up to the line that
says so. The same stopping rule for both: print once shown, then quit.

Run:  QT_QPA_PLATFORM=offscreen python benchmarks/bench_startup.py
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time

RUNS = 5
BARE = """
import time
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([])
window = QMainWindow()
window.resize(1366, 768)
window.show()
QTimer.singleShot(0, lambda: (print("shown", flush=True), app.quit()))
app.exec()
"""


def until_shown(args: list[str], env: dict, word: str = "shown") -> float:
    started = time.perf_counter()
    process = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=env)
    for line in process.stdout:
        if line.startswith(word):
            elapsed = time.perf_counter() - started
            process.kill()
            process.wait()
            return elapsed
    process.wait()
    raise RuntimeError(f"{args} never said it was {word}")


def big_project(folder: str, n: int = 5_000) -> str:
    """A project of ``n`` variables and 3n claims in four perspectives, saved as a user's file."""
    sys.path.insert(0, os.path.dirname(__file__))
    from bench_canvas import diagram

    from ssm_studio.storage import save_project

    path = os.path.join(folder, f"big-{n}.ssm")
    save_project(path, diagram(n))
    return path


def whole(args: list[str], env: dict) -> float:
    started = time.perf_counter()
    subprocess.run(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, check=True)
    return time.perf_counter() - started


def main() -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "SSM_STUDIO_REPORT_SHOWN": "1",
           "HOME": tempfile.mkdtemp(), "XDG_CONFIG_HOME": tempfile.mkdtemp()}
    python = sys.executable
    example = os.path.join(os.path.dirname(__file__), "..", "examples", "stoke-worklessness.ssm")
    big = big_project(tempfile.mkdtemp())
    rows = [
        ("bare PySide6 window", lambda: until_shown([python, "-c", BARE], env)),
        ("ssm-studio window (example)", lambda: until_shown([python, "-m", "ssm_studio.cli.main", example], env)),
        ("example open and painted", lambda: until_shown([python, "-m", "ssm_studio.cli.main", example], env,
                                                         "ready")),
        ("example answering, loops shown", lambda: until_shown([python, "-m", "ssm_studio.cli.main", example], env,
                                                              "answering")),
        ("5,000 variables open and painted", lambda: until_shown([python, "-m", "ssm_studio.cli.main", big], env,
                                                                 "ready")),
        ("5,000 answering, loops shown", lambda: until_shown([python, "-m", "ssm_studio.cli.main", big], env,
                                                            "answering")),
    ]
    cli = [
        ("bare python", lambda: whole([python, "-c", "pass"], env)),
        ("ssm-studio --version", lambda: whole([python, "-m", "ssm_studio.cli.main", "--version"], env)),
        ("ssm-studio --help", lambda: whole([python, "-m", "ssm_studio.cli.main", "--help"], env)),
        ("ssm-studio info FILE", lambda: whole([python, "-m", "ssm_studio.cli.main", "info", example], env)),
    ]
    # The interface in Welsh against English (issue #27: ≤ 1.05×): the language from the
    # system's locale, as on a first start; each run warms the disk first, as every row does
    # (the first Welsh start in a checkout also compiles the .qm, once, as an installed build
    # ships it compiled).
    welsh = {**env, "LANG": "cy_GB.UTF-8", "LC_ALL": "cy_GB.UTF-8", "LANGUAGE": "cy"}
    english = {**env, "LANG": "en_GB.UTF-8", "LC_ALL": "en_GB.UTF-8", "LANGUAGE": "en"}
    languages = [
        ("window (example), in English", lambda: until_shown([python, "-m", "ssm_studio.cli.main", example], english)),
        ("window (example), in Welsh", lambda: until_shown([python, "-m", "ssm_studio.cli.main", example], welsh)),
    ]
    print(f"median of {RUNS} fresh processes, seconds")
    for title, table in (("to a shown window", rows), ("Qt-free commands", cli)):
        print(f"\n{title}")
        floor = None
        for name, run in table:
            run()  # warm the disk cache; not counted
            median = statistics.median(run() for _ in range(RUNS))
            floor = floor or median
            print(f"  {name:<30} {median:7.3f}  {median / floor:5.2f}×")
    print("\nthe interface's language (English and Welsh runs alternate)")
    for _name, run in languages:
        run()  # warm the disk cache (and build the Welsh .qm where none is installed); not counted
    times: list[list[float]] = [[], []]
    for _ in range(RUNS):
        for k, (_name, run) in enumerate(languages):
            times[k].append(run())
    english_median = statistics.median(times[0])
    for (name, _run), taken in zip(languages, times, strict=True):
        median = statistics.median(taken)
        print(f"  {name:<30} {median:7.3f}  {median / english_median:5.2f}×  (goal for Welsh ≤ 1.05×)")


if __name__ == "__main__":
    main()
