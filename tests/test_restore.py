"""`twindesk restore` mends a damaged database, keeps a raw copy of it, never replays the old WAL onto
the restored file, and refuses backups without TwinDesk's tables; backups are listed for the window."""

import os
import sqlite3
from pathlib import Path

import pytest
from conftest import make_filled_database, sha256, sidecars, table_counts
from wal_files import add_ballast, ballast_rows, copy_with_live_wal, write_page_one_from_wal

from twindesk import cli
from twindesk.domain import workspace
from twindesk.store import backups, close_database, open_database
from twindesk.store.fileinfo import APPLICATION_ID
from twindesk.store.instance_lock import DatabaseInUse, DatabaseLock
from twindesk.store.integrity import check_file


def run(capsys, *argv):
    code = cli.main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def _rename_first_partner(path: Path, name: str) -> None:
    conn = sqlite3.connect(str(path))
    conn.execute("UPDATE partner SET name_en = ? WHERE id = 1", (name,))
    conn.commit()
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()


def _first_partner(path: Path) -> str:
    conn = sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True)
    try:
        return conn.execute("SELECT name_en FROM partner WHERE id = 1").fetchone()[0]
    finally:
        conn.close()


@pytest.fixture
def source(tmp_path) -> Path:
    path = tmp_path / "backup.db"
    make_filled_database(path)
    _rename_first_partner(path, "From the backup")
    return path


def _restores(capsys, source, live):
    code, out, err = run(capsys, "restore", source, "--db", live)
    assert (code, err) == (0, ""), err
    assert _first_partner(live) == "From the backup"
    assert table_counts(live) == table_counts(source) and ballast_rows(live) == 0
    assert check_file(live).ok
    return out


def test_restore_onto_a_cut_short_database_keeps_a_raw_copy(capsys, tmp_path, source):
    live = tmp_path / "live" / "t.db"
    live.parent.mkdir()
    make_filled_database(live)
    data = live.read_bytes()
    live.write_bytes(data[: len(data) // 2])  # damaged: every other command refuses it
    damaged = sha256(live)
    out = _restores(capsys, source, live)
    (kept,) = backups.backup_folder(live).glob("before-restore-*.db")
    assert out.strip() == f"restored {source} into {live}; the previous content is saved as {kept}"
    assert sha256(kept) == damaged  # byte for byte, not an online backup of a damaged file
    assert [p.name for p in live.parent.iterdir() if p.name.endswith(".tmp")] == []


def test_restore_onto_bad_pages_keeps_a_raw_copy(capsys, tmp_path, source):
    live = tmp_path / "t.db"
    make_filled_database(live)
    data = bytearray(live.read_bytes())
    data[4096 * 2:4096 * 3] = b"\xff" * 4096  # a b-tree page overwritten; the header is intact
    live.write_bytes(bytes(data))
    damaged = sha256(live)
    _restores(capsys, source, live)
    (kept,) = backups.backup_folder(live).glob("before-restore-*.db")
    assert sha256(kept) == damaged


def test_the_old_wal_is_kept_aside_and_never_replayed_onto_the_restored_file(capsys, tmp_path, source):
    template, live = tmp_path / "template.db", tmp_path / "t.db"
    make_filled_database(template)
    copy_with_live_wal(template, live, lambda conn: add_ballast(conn, 300))
    write_page_one_from_wal(live)
    with open(live, "r+b") as fh:
        fh.truncate(8192)  # damaged, with a WAL full of valid frames beside it
    wal = Path(f"{live}-wal")
    wal_digest, main_digest = sha256(wal), sha256(live)
    _restores(capsys, source, live)  # a replayed old WAL would bring the ballast back, or damage it
    (kept,) = backups.backup_folder(live).glob("before-restore-*.db")
    assert sha256(kept) == main_digest and sha256(Path(f"{kept}-wal")) == wal_digest
    (info,) = [b for b in workspace.list_backups(live) if b.path == kept]
    assert info.kind == "restore" and info.partners is None and "raw copy" in info.problem


def test_restore_onto_a_healthy_database_with_a_wal(capsys, tmp_path, source):
    live = tmp_path / "t.db"
    make_filled_database(live)
    conn = sqlite3.connect(str(live))  # committed frames still in the WAL while restore runs
    conn.execute("PRAGMA wal_autocheckpoint=0")
    add_ballast(conn, 200)
    conn.close()
    _restores(capsys, source, live)
    (kept,) = backups.backup_folder(live).glob("before-restore-*.db")
    assert ballast_rows(kept) == 200 and check_file(kept).ok and not Path(f"{kept}-wal").exists()


@pytest.mark.parametrize("state", ["missing", "empty"])
def test_restore_onto_nothing(capsys, tmp_path, source, state):
    live = tmp_path / "t.db"
    if state == "empty":
        live.write_bytes(b"")
    out = _restores(capsys, source, live)
    assert out.strip() == f"restored {source} into {live}"
    assert not list(backups.backup_folder(live).glob("before-restore-*"))


def _stamped_without_tables(path: Path) -> None:
    conn = sqlite3.connect(str(path))
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    conn.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY)")
    conn.commit()
    conn.close()


def _without_gifts(path: Path) -> None:
    make_filled_database(path)
    conn = sqlite3.connect(str(path))
    conn.execute("PRAGMA foreign_keys = OFF")
    conn.execute("DROP TABLE gift")
    conn.commit()
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()


@pytest.mark.parametrize(("spoil", "says"), [
    (_stamped_without_tables, "is not a TwinDesk backup (no TwinDesk tables); nothing was restored"),
    (_without_gifts, "is not a TwinDesk backup (no gift table); nothing was restored"),
])
def test_restore_refuses_a_backup_without_twindesk_tables(capsys, tmp_path, spoil, says):
    live, bad = tmp_path / "t.db", tmp_path / "bad.db"
    make_filled_database(live)
    spoil(bad)
    digests = sha256(live), sha256(bad)
    code, out, err = run(capsys, "restore", bad, "--db", live)
    assert (code, out) == (2, "")
    assert err.splitlines() == [f"twindesk: error: {bad}: {says}"]
    assert (sha256(live), sha256(bad)) == digests
    assert not backups.backup_folder(live).exists()
    assert sidecars(live) == []


def test_restore_refuses_while_another_window_holds_the_database(tmp_path, source):
    live = tmp_path / "t.db"
    make_filled_database(live)
    digest = sha256(live)
    with DatabaseLock(live), pytest.raises(DatabaseInUse):
        workspace.restore_backup(live, source)
    assert sha256(live) == digest


def test_the_window_restores_under_its_own_lock_and_reopens(tmp_path, source):
    from twindesk.store import models as m

    live = tmp_path / "t.db"
    make_filled_database(live)
    lock = DatabaseLock(live)
    assert lock.acquire() is None
    try:
        workspace.open_workspace(live, lock=lock)
        safety = workspace.restore_backup(live, source, lock=lock)
        assert safety is not None and safety.exists()
        workspace.open_workspace(live, lock=lock)
        assert m.Partner.get_by_id(1).name_en == "From the backup"
    finally:
        close_database()
        lock.release()


def test_list_backups_has_kind_date_size_and_counts_and_changes_nothing(tmp_path):
    from datetime import datetime, timedelta

    live = tmp_path / "t.db"
    make_filled_database(live)
    open_database(live)  # daily, weekly and monthly: one copy, three names
    conn = sqlite3.connect(str(live))
    conn.execute("DELETE FROM shipment_item")
    conn.execute("DELETE FROM shipment")
    conn.commit()
    conn.close()
    later = datetime.now().replace(microsecond=0) + timedelta(minutes=1)  # rotating copies: their file's time
    event = backups.event_backup(sqlite3.connect(str(live)), live, "import", later)
    close_database()
    folder = backups.backup_folder(live)
    before = {p.name: sha256(p) for p in folder.iterdir()}
    listed = workspace.list_backups(live)
    assert {p.name: sha256(p) for p in folder.iterdir()} == before  # no byte and no side file added
    assert [b.kinds for b in listed] == [("import",), ("daily", "monthly", "weekly")]
    newest, rotating = listed
    assert newest.path == event and newest.taken == later
    assert (newest.partners, newest.visits, newest.shipments) == (3, 2, 0)
    assert (rotating.partners, rotating.visits, rotating.shipments) == (3, 2, 2)
    assert rotating.size == os.stat(rotating.path).st_size  # one copy, counted once
    assert rotating.kind == "daily" and newest.problem is None


def test_a_hot_rollback_journal_is_not_called_damaged(tmp_path):
    """A rollback-journal file killed mid-transaction: a read-only look cannot roll it back, but it is
    not damaged (a read-write open rolls it back)."""
    import shutil

    from twindesk.store import DatabaseFileError
    from twindesk.store.errors import DatabaseDamaged

    make_filled_database(tmp_path / "s.db")
    path, killed = tmp_path / "r.db", tmp_path / "k.db"
    backups.copy_database(tmp_path / "s.db", path)  # a backup: rollback-journal mode
    conn = sqlite3.connect(str(path), isolation_level=None)
    conn.execute("PRAGMA cache_size=1")  # spill to the file before the commit, as a big transaction does
    conn.execute("BEGIN")
    conn.execute("UPDATE partner SET notes = hex(randomblob(3000))")
    shutil.copyfile(path, killed)
    shutil.copyfile(f"{path}-journal", f"{killed}-journal")
    conn.execute("ROLLBACK")
    conn.close()
    with pytest.raises(DatabaseFileError, match="has an unfinished transaction") as info:
        check_file(killed)
    assert not isinstance(info.value, DatabaseDamaged)
    assert table_counts(killed) == table_counts(path)  # a read-write open rolls it back: nothing lost
