"""Backups: rotation over 15 months with a fixed clock, event copies, copies while another connection
writes, and restoring them."""

import sqlite3
import threading
import time
from datetime import date, datetime, timedelta

import pytest
from conftest import make_filled_database, sha256, table_counts

from twindesk import cli
from twindesk.store import BackupError, backups, close_database, open_database
from twindesk.store.integrity import check_file

pytestmark = pytest.mark.sqlite_only  # copies of the SQLite file; a server's backups are pg_dump's

# --- rotation ---------------------------------------------------------------------------------


def _names(folder, prefix):
    return sorted(p.name for p in folder.iterdir() if p.name.startswith(prefix))


def test_rotation_over_fifteen_months_keeps_the_newest(db_path):
    start = datetime(2025, 1, 1, 8, 30)
    opened_days: list[date] = []
    folder = backups.backup_folder(db_path)
    created = open_database(db_path, create=True, clock=lambda: start - timedelta(days=1))
    close_database()
    assert created.created and created.backups_written == []  # nothing to protect in a new file
    assert not folder.exists()
    for n in range(456):  # 2025-01-01 .. 2026-04-01
        moment = start + timedelta(days=n, minutes=n % 300)
        if moment.weekday() == 6 and n < 450:  # nobody works on Sunday (except in the last week)
            continue
        open_database(db_path, create=True, clock=lambda moment=moment: moment)
        close_database()
        opened_days.append(moment.date())
        assert len(_names(folder, "daily-")) <= 7
        assert len(_names(folder, "weekly-")) <= 4
        assert len(_names(folder, "monthly-")) <= 12

    last = opened_days[-1]
    assert last == date(2026, 4, 1)
    expected_daily = [f"daily-{d:%Y-%m-%d}.db" for d in opened_days[-7:]]
    weeks = sorted({d.isocalendar()[:2] for d in opened_days})[-4:]
    expected_weekly = [f"weekly-{y}-W{w:02d}.db" for y, w in weeks]
    months = sorted({(d.year, d.month) for d in opened_days})[-12:]
    expected_monthly = [f"monthly-{y}-{mo:02d}.db" for y, mo in months]
    assert _names(folder, "daily-") == expected_daily
    assert (
        _names(folder, "weekly-")
        == expected_weekly
        == ["weekly-2026-W11.db", "weekly-2026-W12.db", "weekly-2026-W13.db", "weekly-2026-W14.db"]
    )
    assert _names(folder, "monthly-") == expected_monthly
    assert expected_monthly[0] == "monthly-2025-05.db" and expected_monthly[-1] == "monthly-2026-04.db"
    assert sorted(p.name for p in folder.iterdir()) == sorted(
        expected_daily + expected_weekly + expected_monthly
    )
    assert check_file(folder / expected_daily[-1]).ok


def test_rotation_across_a_new_year_week(tmp_path):
    path = tmp_path / "y.db"
    open_database(path, create=True, clock=lambda: datetime(2026, 12, 30, 9))  # made: no copy yet
    close_database()
    for moment in (datetime(2026, 12, 31, 9), datetime(2027, 1, 1, 9), datetime(2027, 1, 4, 9)):
        open_database(path, create=True, clock=lambda moment=moment: moment)
        close_database()
    folder = backups.backup_folder(path)
    assert _names(folder, "weekly-") == ["weekly-2026-W53.db", "weekly-2027-W01.db"]
    assert _names(folder, "monthly-") == ["monthly-2026-12.db", "monthly-2027-01.db"]


def test_event_backups_keep_the_last_ten_of_each_kind(db):
    folder = backups.backup_folder(db.path)
    conn = db.raw()
    base = datetime(2026, 11, 29, 10, 0, 0)
    backups.rotate(conn, db.path, base)
    rotating = _names(folder, "daily-") + _names(folder, "weekly-") + _names(folder, "monthly-")
    written = {}
    for event in backups.EVENTS:
        written[event] = [
            backups.event_backup(conn, db.path, event, base + timedelta(minutes=i)) for i in range(13)
        ]
    for event in backups.EVENTS:
        kept = _names(folder, f"before-{event}-")
        assert kept == sorted(p.name for p in written[event][-10:]), event
        assert kept[-1] == "before-" + event + "-20261129-101200.db"
    assert _names(folder, "daily-") + _names(folder, "weekly-") + _names(folder, "monthly-") == rotating
    with pytest.raises(ValueError, match="unknown backup event"):
        backups.event_backup(conn, db.path, "whim", base)


def test_event_backups_within_one_second_keep_the_newest(db):
    conn = db.raw()
    moment = datetime(2026, 11, 29, 10, 15, 0)
    written = [backups.event_backup(conn, db.path, "import", moment) for _ in range(13)]
    assert [p.name for p in written[:3]] == [
        "before-import-20261129-101500.db",
        "before-import-20261129-101500-2.db",
        "before-import-20261129-101500-3.db",
    ]
    assert len(set(written)) == 13
    kept = sorted(p.name for p in backups.backup_folder(db.path).iterdir())
    assert kept == sorted(p.name for p in written[-10:])  # the ten newest, not by plain name order


def test_copy_never_overwrites_and_leaves_no_temp_files(db, tmp_path):
    out = tmp_path / "copy.db"
    out.write_text("precious")
    with pytest.raises(BackupError, match="already exists"):
        backups.copy_database(db.raw(), out)
    assert out.read_text() == "precious"
    backups.copy_database(db.raw(), out, overwrite=True)
    assert check_file(out).ok
    with pytest.raises(BackupError, match="folder does not exist"):
        backups.copy_database(db.raw(), tmp_path / "no" / "copy.db")
    assert [p.name for p in tmp_path.iterdir() if p.suffix == ".tmp"] == []
    # a copy is a self-contained file in rollback-journal mode
    conn = sqlite3.connect(str(out))
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    conn.close()
    assert backups.list_backups(db.path) == []


# --- a backup while another connection writes ---------------------------------------------------

BATCH = 10
INSERT = (
    "INSERT INTO partner (created_at, updated_at, updated_by, name_zh, name_en, name_native, kind, country, "
    "website, profile, notes, search_text) VALUES (?, ?, 'writer', '', ?, '', 'city', 'KR', '', '', '', ?)"
)


class Writer(threading.Thread):
    """Commits batches of BATCH partners in a loop on its own connection until stopped."""

    def __init__(self, path):
        super().__init__(daemon=True)
        self.path = path
        self.stop = threading.Event()
        self.batches = 0
        self.error = None

    def run(self):
        conn = sqlite3.connect(str(self.path), timeout=10)
        conn.execute("PRAGMA foreign_keys = ON")
        now = datetime(2026, 1, 1).isoformat(" ")
        try:
            n = 0
            while not self.stop.is_set():
                with conn:
                    rows = [(now, now, f"W{n + i:06d}", f"w{n + i:06d}") for i in range(BATCH)]
                    conn.executemany(INSERT, rows)
                n += BATCH
                self.batches += 1
        except Exception as exc:  # pragma: no cover - reported by the test
            self.error = exc
        finally:
            conn.close()

    def wait_for(self, batches, timeout=20):
        deadline = time.monotonic() + timeout
        while self.batches < batches:
            assert time.monotonic() < deadline, "writer is stuck"
            assert self.error is None, self.error
            time.sleep(0.005)


def _writer_names(path):
    conn = sqlite3.connect(str(path))
    try:
        return [
            r[0] for r in conn.execute("SELECT name_en FROM partner WHERE updated_by = 'writer' ORDER BY id")
        ]
    finally:
        conn.close()


def test_backup_while_another_connection_writes_is_consistent_and_restores(db_path, tmp_path, capsys):
    make_filled_database(db_path)
    base = table_counts(db_path)
    writer = Writer(db_path)
    writer.start()
    outs = []
    try:
        for i in range(4):
            writer.wait_for(writer.batches + 20)
            out = tmp_path / f"live-{i}.db"
            before = writer.batches
            assert cli.main(["backup", str(out), "--db", str(db_path)]) == 0
            outs.append((out, before, writer.batches))
        writer.wait_for(writer.batches + 20)  # still writing after the last copy
    finally:
        writer.stop.set()
        writer.join(10)
    assert writer.error is None
    assert capsys.readouterr().out.count("backup written to") == 4

    final = _writer_names(db_path)
    previous = 0
    for out, before, after in outs:
        report = check_file(out)
        assert report.ok, report.lines()
        assert report.foreign_keys == [] and report.integrity == []
        names = _writer_names(out)
        assert len(names) % BATCH == 0  # whole transactions only
        assert names == final[: len(names)]  # a prefix of what was committed, in order
        # committed rows when the copy started <= rows in the copy <= committed rows when it ended
        assert before * BATCH <= len(names) <= (after + 1) * BATCH and len(names) < len(final)
        assert len(names) >= previous
        previous = len(names)
        counts = table_counts(out)
        assert {t: c for t, c in counts.items() if t != "partner"} == {
            t: c for t, c in base.items() if t != "partner"
        }

    chosen = outs[1][0]
    expected = _writer_names(chosen)
    expected_counts = table_counts(chosen)
    assert cli.main(["restore", str(chosen), "--db", str(db_path)]) == 0
    out = capsys.readouterr().out
    assert "the previous content is saved as" in out
    assert table_counts(db_path) == expected_counts
    assert _writer_names(db_path) == expected
    (safety,) = backups.backup_folder(db_path).glob("before-restore-*.db")
    assert _writer_names(safety) == final
    assert check_file(db_path).ok


def test_restore_via_integrity_module_replaces_the_closed_database(db, tmp_path, make):
    from twindesk.store import models as m
    from twindesk.store.integrity import restore

    make.partner(name_en="Old")
    snapshot = tmp_path / "snap.db"
    backups.copy_database(db.raw(), snapshot)
    make.partner(name_en="New")
    close_database()  # restore renames over the file: the caller has it closed (and holds the lock)
    digest = sha256(snapshot)
    safety = restore(db.path, snapshot, datetime(2026, 1, 2, 3, 4, 5))
    assert safety.name == "before-restore-20260102-030405.db"
    open_database(db.path, take_backups=False)
    assert [p.name_en for p in m.Partner.select()] == ["Old"]
    make.partner(name_en="After")
    assert m.Partner.select().count() == 2
    close_database()
    assert sha256(snapshot) == digest
    assert table_counts(safety)["partner"] == 2
    assert check_file(db.path).ok
