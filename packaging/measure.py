"""The bundle's size and start-up time, frozen against running from source (make package-measure).

    .venv/bin/python packaging/measure.py [--compare OTHER_BUNDLE_DIR] [--runs N]

Sizes: dist/TwinDesk (files, MiB), the archive, and OTHER_BUNDLE_DIR if given (e.g. a build made with
TWINDESK_NO_TRIM=1, to see what trimming saves). Start-up: `twindesk --version` (median of N runs after
one warm-up), and the time until the main window is viewable on a virtual X display (Xvfb, xcb; median of
N runs after one warm-up) on the demo database, for dist/TwinDesk/twindesk and for .venv/bin/twindesk.
Prints a Markdown table.
"""

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import buildinfo  # noqa: E402
import harness  # noqa: E402

ROOT = buildinfo.ROOT


def folder(path: Path) -> tuple[int, float]:
    files = [p for p in path.rglob("*") if p.is_file() and not p.is_symlink()]
    return len(files), sum(p.stat().st_size for p in files) / 2**20


def time_version(exe: Path, env: dict, runs: int) -> float:
    def once() -> float:
        started = time.monotonic()
        subprocess.run([str(exe), "--version"], check=True, capture_output=True, env=env)
        return time.monotonic() - started

    once()
    return statistics.median(once() for _ in range(runs))


def time_window(exe: Path, env: dict, db: Path, runs: int) -> float | None:
    if harness.x_tools_missing():
        return None
    times = []
    with harness.Xvfb() as x:
        for _ in range(runs + 1):
            started = time.monotonic()
            process = subprocess.Popen([str(exe), "--db", str(db)], env={**env, "DISPLAY": x.display,
                                       "QT_QPA_PLATFORM": "xcb"}, stdout=subprocess.DEVNULL,
                                       stderr=subprocess.DEVNULL, start_new_session=True)
            try:
                seconds = harness.wait_for_window(x.display, process, started)
            finally:
                harness.stop(process)
            if seconds is None:
                raise SystemExit(f"{exe}: no window appeared")
            times.append(seconds)
            time.sleep(0.5)
    return statistics.median(times[1:])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--compare", type=Path, help="another one-folder build to size up against")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()

    bundle = ROOT / "dist" / buildinfo.DIST_NAME
    frozen = bundle / buildinfo.LINUX_EXE
    source = ROOT / ".venv" / "bin" / "twindesk"
    if not frozen.is_file():
        raise SystemExit("no dist/TwinDesk: run `make package` first")

    rows = []
    count, mib = folder(bundle)
    rows.append(("dist/TwinDesk (the application folder)", f"{mib:.1f} MiB, {count} files"))
    archive = buildinfo.archive_path()
    if archive.is_file():
        rows.append((f"dist/{archive.name}", f"{archive.stat().st_size / 2**20:.1f} MiB"))
    if args.compare:
        count, mib = folder(args.compare)
        rows.append((f"{args.compare} (compared)", f"{mib:.1f} MiB, {count} files"))

    with tempfile.TemporaryDirectory() as tmp:
        env = harness.clean_env(Path(tmp) / "home")
        source_env = {**env, "PATH": f"{source.parent}:{env['PATH']}"}
        db = Path(tmp) / "demo.db"
        subprocess.run([str(frozen), "demo", "--db", str(db)], check=True, capture_output=True, env=env)
        for label, exe, e in (("frozen", frozen, env), ("from source", source, source_env)):
            rows.append((f"`twindesk --version`, {label}", f"{time_version(exe, e, args.runs):.2f} s"))
        for label, exe, e in (("frozen", frozen, env), ("from source", source, source_env)):
            seconds = time_window(exe, e, db, max(1, args.runs // 2 + 1))
            rows.append((f"window shown (Xvfb, demo database), {label}",
                         "n/a (no Xvfb/xwininfo)" if seconds is None else f"{seconds:.2f} s"))

    print("| what | measured |\n| --- | --- |")
    for what, value in rows:
        print(f"| {what} | {value} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
