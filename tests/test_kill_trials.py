"""SIGKILL at random moments of the closing checkpoint, `restore` and `demo --force`, 20 trials each:
afterwards the database opens, `check` says ok, and it holds the old content or the new, never empty
and never falsely "damaged"."""

import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import REPO, make_filled_database, subprocess_env
from wal_files import add_ballast, ballast_rows

from twindesk.store import close_database, open_database
from twindesk.store.integrity import check_file

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL (POSIX)")

TRIALS = 20
CLOSER = Path(__file__).parent / "helpers" / "checkpoint_closer.py"


def _start(*argv) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, *map(str, argv)], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, env=subprocess_env(), cwd=str(REPO))


def _finish(proc: subprocess.Popen, delay: float | None) -> int:
    try:
        if delay is not None:
            time.sleep(delay)
            proc.kill()
        proc.wait(30)
        return proc.returncode
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        proc.stdout.close()
        proc.stderr.close()


def _timed_run(*argv) -> float:
    start = time.monotonic()
    proc = _start(*argv)
    code = _finish(proc, None)
    assert code == 0, argv
    return time.monotonic() - start


def _healthy(path: Path) -> None:
    report = check_file(path)  # raised "damaged: the file is cut short" before the WAL was consulted
    assert report.ok, report.lines()
    open_database(path, take_backups=False)  # and TwinDesk opens it read-write
    close_database()


def _partner_names(path: Path) -> list[str]:
    conn = sqlite3.connect(Path(path).resolve().as_uri() + "?mode=ro", uri=True)
    try:
        return [n for (n,) in conn.execute("SELECT name_en FROM partner ORDER BY id")]
    finally:
        conn.close()


def test_sigkill_during_the_closing_checkpoint(tmp_path):
    template = tmp_path / "template.db"
    make_filled_database(template)
    rows = 800
    rng = random.Random(11)
    # one full run: how long the closing checkpoint takes here
    path = tmp_path / "calibrate.db"
    shutil.copyfile(template, path)
    proc = _start(CLOSER, path, rows)
    assert proc.stdout.readline().strip() == "closing"
    start = time.monotonic()
    assert proc.stdout.readline().strip() == "closed"
    span = max(time.monotonic() - start, 0.005)
    assert _finish(proc, None) == 0
    killed_mid_checkpoint = 0
    for trial in range(TRIALS):
        path = tmp_path / f"trial-{trial}.db"
        shutil.copyfile(template, path)
        proc = _start(CLOSER, path, rows)
        assert proc.stdout.readline().strip() == "closing", proc.stderr.read()
        code = _finish(proc, rng.uniform(0, span * 1.2))
        wal = Path(f"{path}-wal")
        killed_mid_checkpoint += code == -signal.SIGKILL and wal.exists() and wal.stat().st_size > 0
        _healthy(path)
        assert ballast_rows(path) == rows  # committed before the close: never lost
        assert _partner_names(path) == _partner_names(template)
    print(f"{killed_mid_checkpoint} of {TRIALS} kills left a WAL to replay")


def test_sigkill_during_restore(tmp_path):
    live_template, source = tmp_path / "live-template.db", tmp_path / "source.db"
    make_filled_database(live_template)
    make_filled_database(source)
    for path, name, rows in ((live_template, "Old", 3000), (source, "New", 1500)):
        conn = sqlite3.connect(str(path))
        conn.execute("UPDATE partner SET name_en = ? WHERE id = 1", (name,))
        conn.commit()
        add_ballast(conn, rows)
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        conn.close()
    old = (_partner_names(live_template), 3000)
    new = (_partner_names(source), 1500)
    live = tmp_path / "calibrate.db"
    shutil.copyfile(live_template, live)
    span = _timed_run("-m", "twindesk", "restore", source, "--db", live)
    assert (_partner_names(live), ballast_rows(live)) == new
    rng = random.Random(12)
    seen = set()
    for trial in range(TRIALS):
        live = tmp_path / f"trial-{trial}" / "live.db"
        live.parent.mkdir()
        shutil.copyfile(live_template, live)
        _finish(_start("-m", "twindesk", "restore", source, "--db", live), rng.uniform(0.15, 1.0) * span)
        _healthy(live)
        state = (_partner_names(live), ballast_rows(live))
        assert state in (old, new)
        seen.add("new" if state == new else "old")
        leftovers = [p.name for p in live.parent.iterdir() if p.name.endswith(".tmp")]
        if state == old and leftovers:  # a killed restore's staged copy goes with the next restore
            assert _finish(_start("-m", "twindesk", "restore", source, "--db", live), None) == 0
            assert [p.name for p in live.parent.iterdir() if p.name.startswith(".live.db.restore")] == []
    print(f"restore trials ended with: {sorted(seen)}")


def test_sigkill_during_demo_force(tmp_path):
    template = tmp_path / "template.db"
    make_filled_database(template)
    old = _partner_names(template)
    full = tmp_path / "calibrate.db"
    shutil.copyfile(template, full)
    span = _timed_run("-m", "twindesk", "demo", "--force", "--scale", "150", "--db", full)
    demo = _partner_names(full)
    assert len(demo) > len(old)
    rng = random.Random(13)
    for trial in range(TRIALS):
        path = tmp_path / f"trial-{trial}.db"
        shutil.copyfile(template, path)
        _finish(_start("-m", "twindesk", "demo", "--force", "--scale", "150", "--db", path),
                rng.uniform(0.2, 1.0) * span)
        _healthy(path)
        assert _partner_names(path) in (old, demo)  # never empty: clearing commits only with the demo
        for leftover in Path(path.parent).glob(f"{path.name}.lock"):
            os.unlink(leftover)
