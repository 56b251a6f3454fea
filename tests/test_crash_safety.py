"""A process killed with SIGKILL in the middle of a large write transaction leaves the database intact."""

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import REPO, make_filled_database, subprocess_env, table_counts

from twindesk.domain import workspace
from twindesk.store import models as m
from twindesk.store.integrity import check_file

HELPER = Path(__file__).parent / "helpers" / "crash_writer.py"

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL (POSIX)")


def _wait_for_ready(proc, timeout=30):
    deadline = time.monotonic() + timeout
    line = ""
    while time.monotonic() < deadline:
        line = proc.stdout.readline()
        if line.strip() == "ready" or not line:
            break
    return line.strip()


@pytest.mark.parametrize("ready_after", [5000, 20000])
def test_sigkill_during_a_large_transaction_keeps_the_previous_rows(db_path, ready_after):
    make_filled_database(db_path)
    before = table_counts(db_path)
    proc = subprocess.Popen(
        [sys.executable, str(HELPER), str(db_path), str(ready_after)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=subprocess_env(),
        cwd=str(REPO),
    )
    try:
        line = _wait_for_ready(proc)
        assert line == "ready", proc.stderr.read() if proc.poll() is not None else line
        time.sleep(0.2)  # it keeps inserting
        assert proc.poll() is None, "the writer ended on its own"
        # Uncommitted pages already reached the WAL: the kill really interrupts a write in progress.
        wal = Path(f"{db_path}-wal")
        assert wal.exists() and wal.stat().st_size > 1_000_000
        os.kill(proc.pid, signal.SIGKILL)
        assert proc.wait(10) == -signal.SIGKILL
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        proc.stdout.close()
        proc.stderr.close()

    conn = sqlite3.connect(str(db_path))  # recovers (ignores) the uncommitted WAL frames
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        assert conn.execute("SELECT count(*) FROM partner WHERE updated_by = 'crash'").fetchone()[0] == 0
    finally:
        conn.close()
    assert table_counts(db_path) == before
    assert check_file(db_path).ok

    # and TwinDesk opens it and writes to it as usual
    workspace.open_workspace(db_path, take_backups=False)
    try:
        assert m.Partner.select().count() == before["partner"]
        m.Partner.create(name_en="After the crash", country="KR")
    finally:
        workspace.close()
    assert table_counts(db_path)["partner"] == before["partner"] + 1
