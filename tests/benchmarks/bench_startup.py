"""How long from a cold `python` to TwinDesk's window painted, and to its dashboard ready, against an
empty QMainWindow's first paint in the same run?

    python tests/benchmarks/bench_startup.py [N] [--runs R]        (default N = 10000, R = 5)

Two databases: the plain demo (`twindesk demo`), and the demo at scale (`twindesk demo --scale N`, N records
per list, cached by tests/benchmarks/common.py and copied into the temporary folder, since the window takes
backups and a lock file beside it). N = 0 skips the scale run.

Each side runs as a fresh subprocess (a cold interpreter each time) under QT_QPA_PLATFORM=offscreen, with
bytecode compiled once into the temporary folder (PYTHONPYCACHEPREFIX), as an installed TwinDesk has it:

- TwinDesk: a small script that calls `twindesk.ui.shell.app.run(db, lang="en")` — Qt application, crash log,
  settings, opening the database (with its backups), the lock file, the MainWindow, show — with
  XDG_CONFIG_HOME, XDG_DATA_HOME, XDG_STATE_HOME and XDG_CACHE_HOME pointed into a temporary folder so the
  user's settings, logs and database are not touched.
- Floor: a bare PySide6 script: QApplication, an empty QMainWindow of the same size, show.

Marks, in seconds since the script's first line (time.perf_counter at the top), by an event filter on the
main window itself (on the application it would run Python for every event of every widget, ~30 ms more
for a window with a toolbar, menus and a list, which a person's start-up does not pay):

- "first paint": the main window's first paint event, taken once that paint is through (a zero-timer
  posted from it: the children, the shell, painted in the same pass);
- "dashboard ready" (TwinDesk only): the dashboard page's `refreshed`, every card showing its data.

Both ratios are held against the floor's first paint: aims first paint <= 1.5x, dashboard ready <= 3x.
The sides alternate; one warm-up run each is discarded (it also takes the day's backups, and the window
saves its state at exit, so the timed runs start like a returning user's, on the dashboard); the median
(best in brackets) of RUNS is printed.
"""

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import demo_database  # noqa: E402  (tests/benchmarks is on sys.path)

ROOT = Path(__file__).resolve().parents[2]
AIMS = {"first paint": 1.5, "dashboard ready": 3.0}
MARK = "MARK "

# The paint watcher both scripts share: "first paint" once the window's first paint pass is through.
WATCH = r"""
from PySide6.QtCore import QEvent, QObject, QTimer


def mark(name):
    print({mark!r} + name + " " + repr(time.perf_counter() - T0), flush=True)


class FirstPaint(QObject):
    def __init__(self, window_class, then):
        super().__init__()
        self.window_class, self.then, self.seen = window_class, then, False

    def eventFilter(self, obj, event):
        if not self.seen and event.type() == QEvent.Type.Paint and isinstance(obj, self.window_class):
            self.seen = True
            QTimer.singleShot(0, lambda: (mark("first paint"), self.then(obj)))
        return False
"""

TWINDESK_SCRIPT = r"""
import time
T0 = time.perf_counter()
import sys
sys.path.insert(0, {root!r})
""" + WATCH + r"""
from twindesk.ui.shell import app as twapp
from twindesk.ui.shell.main_window import MainWindow

qapp = twapp.make_application()


def ready():
    mark("dashboard ready")
    qapp.quit()


def watch_dashboard(window):
    assert window.nav.currentRow() == 0, "the window did not open on the dashboard"
    page = window.stack.built(0)
    if page is not None and not page.is_refreshing() and page._loaded:
        ready()
    elif page is not None:
        page.refreshed.connect(ready)
    else:
        window.stack.pageBuilt.connect(lambda index, built: index == 0 and built.refreshed.connect(ready))


watcher = FirstPaint(MainWindow, watch_dashboard)
show = MainWindow.show


def watched_show(window):  # the watcher sees the main window's own events, as the floor's does
    window.installEventFilter(watcher)
    show(window)


MainWindow.show = watched_show
sys.exit(twapp.run({db!r}, lang="en"))
"""

BARE_SCRIPT = r"""
import time
T0 = time.perf_counter()
import sys
""" + WATCH + r"""
from PySide6.QtWidgets import QApplication, QMainWindow

app = QApplication(sys.argv[:1])
window = QMainWindow()
window.resize(1280, 800)
watcher = FirstPaint(QMainWindow, lambda _window: app.quit())
window.installEventFilter(watcher)
window.show()
sys.exit(app.exec())
"""


def run_once(script: str, env: dict) -> dict[str, float]:
    """The marks the script printed: name -> seconds since its first line."""
    done = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=600)
    marks = {}
    for line in done.stdout.splitlines():
        if line.startswith(MARK):
            name, _, value = line[len(MARK):].rpartition(" ")
            marks[name] = float(value)
    if done.returncode != 0 or not marks:
        raise SystemExit(f"the script failed (exit {done.returncode}):\n{done.stdout}\n{done.stderr}")
    return marks


def measure(db: Path, env: dict, runs: int) -> tuple[dict[str, list[float]], list[float]]:
    ours_script = TWINDESK_SCRIPT.format(root=str(ROOT), mark=MARK, db=str(db))
    bare_script = BARE_SCRIPT.format(mark=MARK)
    ours: dict[str, list[float]] = {name: [] for name in AIMS}
    floor: list[float] = []
    for i in range(runs + 1):
        bare = run_once(bare_script, env)
        mine = run_once(ours_script, env)
        if i:  # the first of each is a warm-up
            floor.append(bare["first paint"])
            for name in AIMS:
                ours[name].append(mine[name])
    return ours, floor


def report(label: str, ours: dict[str, list[float]], floor: list[float]) -> list[float]:
    floor_median = statistics.median(floor)
    print(f"{label}: floor (empty QMainWindow, first paint) {floor_median * 1000:.0f} ms "
          f"(best {min(floor) * 1000:.0f})")
    ratios = []
    for name, aim in AIMS.items():
        median = statistics.median(ours[name])
        ratio = median / floor_median
        ratios.append(ratio / aim)
        verdict = "ok" if ratio <= aim else "MISSES the aim"
        print(f"  {name:16} ours {median * 1000:7.0f} ms (best {min(ours[name]) * 1000:6.0f})   "
              f"ratio {ratio:5.2f}x  (aim <= {aim:g}x: {verdict})")
    return ratios


def main(n: int, runs: int) -> int:
    print(f"start-up, QT_QPA_PLATFORM=offscreen, Python {sys.version.split()[0]}; median of {runs} cold "
          f"subprocesses after a warm-up (best in brackets), in-process from the script's first line")
    with tempfile.TemporaryDirectory(prefix="twindesk-startup-") as tmp:
        tmp = Path(tmp)
        # Compiled bytecode, as an installed or frozen TwinDesk has: the warm-up writes it to a folder of
        # its own (PYTHONDONTWRITEBYTECODE would compile every module from source in every run).
        env = {k: v for k, v in os.environ.items() if k not in ("TWINDESK_DB", "PYTHONDONTWRITEBYTECODE")}
        env.update({
            "PYTHONPYCACHEPREFIX": str(tmp / "pycache"),
            "QT_QPA_PLATFORM": "offscreen",
            "XDG_CONFIG_HOME": str(tmp / "config"),
            "XDG_DATA_HOME": str(tmp / "data"),
            "XDG_STATE_HOME": str(tmp / "state"),
            "XDG_CACHE_HOME": str(tmp / "cache"),
            "PYTHONPATH": str(ROOT),
        })
        demo = tmp / "demo" / "demo.db"
        demo.parent.mkdir()
        subprocess.run([sys.executable, "-m", "twindesk", "demo", "--db", str(demo)], env=env, check=True,
                       stdout=subprocess.DEVNULL)
        shares = report("demo database", *measure(demo, env, runs))
        if n:
            scaled = tmp / "scale" / "scale.db"
            scaled.parent.mkdir()
            shutil.copyfile(demo_database(n), scaled)  # the window writes backups and its lock beside it
            shares += report(f"demo --scale {n:,}", *measure(scaled, env, runs))
    worst = max(shares)
    print(f"\n{'every figure within its aim' if worst <= 1 else 'some figure MISSES its aim'} "
          f"(worst at {worst:.2f}x its aim)")
    return 0


def _args(argv: list[str]) -> tuple[int, int]:
    runs = int(argv[argv.index("--runs") + 1]) if "--runs" in argv else 5
    if "--runs" in argv:
        del argv[argv.index("--runs"):argv.index("--runs") + 2]
    return (int(argv[0]) if argv else 10_000), runs


if __name__ == "__main__":
    raise SystemExit(main(*_args(sys.argv[1:])))
