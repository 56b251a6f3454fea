"""How long from a cold `python` to TwinDesk's main window shown, against an empty QMainWindow?

    python tests/benchmarks/bench_startup.py [N] [--runs R]        (default R = 7)

N is accepted, like the other benchmarks take it, and ignored: start-up is measured on the plain demo
database, without scale.

Each side runs as a fresh subprocess (a cold interpreter each time) under QT_QPA_PLATFORM=offscreen:

- TwinDesk: a small script that calls `twindesk.ui.shell.app.run(db, lang="en")` — Qt application, crash log,
  settings, opening the database (with its backups), the lock file, the MainWindow, show — on the demo
  database (`twindesk demo`, no scale) in a temporary folder, with XDG_CONFIG_HOME, XDG_DATA_HOME,
  XDG_STATE_HOME and XDG_CACHE_HOME pointed into that folder so the user's settings, logs and
  database are not touched (the lock file sits next to the temporary database).
- Floor: a bare PySide6 script: QApplication, an empty QMainWindow of the same size, show.

Both schedule `QTimer.singleShot(0, …)` before the event loop starts; that callback processes the
pending events (the first paint), prints the time since the script's first line (time.perf_counter at
the top) and quits. Two figures per side: that in-process time, and the wall-clock of the whole
subprocess (interpreter start to exit). The sides alternate; one warm-up run each is discarded (it also
takes the day's backups, and the window saves its state at exit, so the timed runs start like a returning
user's, with saved geometry and column widths); the median (best in brackets) of RUNS is printed, and
the ratio of medians is held against the aim (at most 1.5x).
"""

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
AIM = 1.5
MARK = "SHOWN "

TWINDESK_SCRIPT = r"""
import time
T0 = time.perf_counter()
import sys
sys.path.insert(0, {root!r})
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from twindesk.ui.shell import app as twapp
from twindesk.ui.shell.main_window import MainWindow

qapp = twapp.make_application()


def shown():
    QApplication.processEvents()
    windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
    assert windows, "no main window shown"
    print({mark!r} + repr(time.perf_counter() - T0), flush=True)
    qapp.quit()


QTimer.singleShot(0, shown)  # runs once run() enters the event loop, after window.show()
sys.exit(twapp.run({db!r}, lang="en"))
"""

BARE_SCRIPT = r"""
import time
T0 = time.perf_counter()
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow

app = QApplication(sys.argv[:1])
window = QMainWindow()
window.resize(1280, 800)


def shown():
    QApplication.processEvents()
    assert window.isVisible()
    print({mark!r} + repr(time.perf_counter() - T0), flush=True)
    app.quit()


QTimer.singleShot(0, shown)
window.show()
sys.exit(app.exec())
"""


def run_once(script: str, env: dict) -> tuple[float, float]:
    """(in-process seconds to shown, wall-clock seconds of the subprocess)."""
    t0 = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=120)
    wall = time.perf_counter() - t0
    marks = [line for line in done.stdout.splitlines() if line.startswith(MARK)]
    if done.returncode != 0 or not marks:
        raise SystemExit(f"the script failed (exit {done.returncode}):\n{done.stdout}\n{done.stderr}")
    return float(marks[0][len(MARK):]), wall


def summary(times: list[float]) -> tuple[float, float]:
    return min(times), statistics.median(times)


def report(label: str, ours: tuple[float, float], floor: tuple[float, float]) -> float:
    ratio = ours[1] / floor[1] if floor[1] else float("inf")
    verdict = "ok" if ratio <= AIM else "MISSES the aim"
    print(f"  {label:30} ours {ours[1] * 1000:7.0f} ms (best {ours[0] * 1000:6.0f})   "
          f"floor {floor[1] * 1000:7.0f} ms (best {floor[0] * 1000:6.0f})   "
          f"ratio {ratio:5.2f}x  (aim <= {AIM:g}x: {verdict})")
    return ratio


def main(runs: int) -> int:
    with tempfile.TemporaryDirectory(prefix="twindesk-startup-") as tmp:
        tmp = Path(tmp)
        env = {k: v for k, v in os.environ.items() if k != "TWINDESK_DB"}
        env.update({
            "QT_QPA_PLATFORM": "offscreen",
            "XDG_CONFIG_HOME": str(tmp / "config"),
            "XDG_DATA_HOME": str(tmp / "data"),
            "XDG_STATE_HOME": str(tmp / "state"),
            "XDG_CACHE_HOME": str(tmp / "cache"),
            "PYTHONPATH": str(ROOT),
        })
        db = tmp / "demo.db"
        subprocess.run([sys.executable, "-m", "twindesk", "demo", "--db", str(db)], env=env, check=True,
                       stdout=subprocess.DEVNULL)
        ours_script = TWINDESK_SCRIPT.format(root=str(ROOT), mark=MARK, db=str(db))
        bare_script = BARE_SCRIPT.format(mark=MARK)

        ours_in, ours_wall, bare_in, bare_wall = [], [], [], []
        for i in range(runs + 1):
            b = run_once(bare_script, env)
            o = run_once(ours_script, env)
            if i:  # the first of each is a warm-up
                bare_in.append(b[0])
                bare_wall.append(b[1])
                ours_in.append(o[0])
                ours_wall.append(o[1])

    print(f"start-up to the main window shown, demo database, QT_QPA_PLATFORM=offscreen, Python "
          f"{sys.version.split()[0]}")
    print(f"median of {runs} cold subprocesses after a warm-up (best in brackets)")
    ratios = [
        report("in-process (top → shown)", summary(ours_in), summary(bare_in)),
        report("wall-clock (whole process)", summary(ours_wall), summary(bare_wall)),
    ]
    worst = max(ratios)
    print(f"\nworst ratio {worst:.2f}x (aim <= {AIM:g}x): {'ok' if worst <= AIM else 'MISSES the aim'}")
    return 0


def _runs(argv: list[str]) -> int:
    if "--runs" in argv:
        return int(argv[argv.index("--runs") + 1])
    return 7


if __name__ == "__main__":
    raise SystemExit(main(_runs(sys.argv[1:])))
