"""A database whose WAL still holds committed pages is judged as SQLite reads it; read-only opens
change no byte."""

import sqlite3
from pathlib import Path

import pytest
from conftest import make_filled_database, sha256, sidecars
from wal_files import add_ballast, ballast_rows, copy_with_live_wal, write_page_one_from_wal

from twindesk import cli
from twindesk.store import DatabaseFileError, close_database, open_database, schema
from twindesk.store import models as m
from twindesk.store.errors import DatabaseDamaged
from twindesk.store.fileinfo import inspect_existing
from twindesk.store.integrity import check_file


@pytest.fixture
def killed_checkpoint(tmp_path) -> Path:
    """A file and its WAL as a checkpoint killed after writing page 1 leaves them: the header counts
    pages that are still only in the WAL."""
    source, path = tmp_path / "source.db", tmp_path / "w.db"
    make_filled_database(source)
    copy_with_live_wal(source, path, lambda conn: add_ballast(conn, 400))
    write_page_one_from_wal(path)
    header = path.read_bytes()[:100]
    assert int.from_bytes(header[28:32], "big") * 4096 > path.stat().st_size  # "cut short" by its header
    return path


def test_a_wal_holding_committed_pages_opens_and_checks_ok(killed_checkpoint, capsys):
    path = killed_checkpoint
    digest = sha256(path)
    assert cli.main(["check", "--db", str(path)]) == 0
    out = capsys.readouterr().out
    assert "integrity check: ok" in out and "records: 3 partners, 2 visits, 2 shipments" in out
    assert sha256(path) == digest  # the check changed no byte of the file
    assert ballast_rows(path) == 400
    opened = open_database(path, take_backups=False)
    assert m.Partner.select().count() == 3
    m.Partner.create(name_en="After", country="KR")
    close_database()
    assert opened.backup_warning is None
    assert check_file(path).ok and ballast_rows(path) == 400
    assert path.stat().st_size >= int.from_bytes(path.read_bytes()[28:32], "big") * 4096


def test_a_cut_short_file_with_its_wal_is_looked_at_over_one_connection(killed_checkpoint, monkeypatch):
    opened = []
    real_connect = sqlite3.connect

    def connect(*args, **kwargs):
        opened.append(args[0])
        return real_connect(*args, **kwargs)

    monkeypatch.setattr(sqlite3, "connect", connect)
    assert inspect_existing(killed_checkpoint, schema.SCHEMA_VERSION) == schema.SCHEMA_VERSION
    assert len(opened) == 1 and "mode=ro" in opened[0]  # every page checked and the numbers read at once


def test_the_same_file_without_its_wal_is_cut_short(killed_checkpoint):
    Path(f"{killed_checkpoint}-wal").unlink()
    digest = sha256(killed_checkpoint)
    with pytest.raises(DatabaseDamaged, match="is damaged: the file is cut short .*twindesk restore BACKUP.db"):
        open_database(killed_checkpoint)
    assert sha256(killed_checkpoint) == digest and sidecars(killed_checkpoint) == []


def test_a_wal_without_the_missing_pages_is_damaged(killed_checkpoint):
    path = killed_checkpoint
    with open(path, "r+b") as fh:  # lose pages that were checkpointed long ago: the WAL cannot have them
        fh.truncate(8192)
    with pytest.raises(DatabaseDamaged, match="its WAL does not hold the missing pages"):
        check_file(path)
    with pytest.raises(DatabaseDamaged, match="File › Restore from backup…"):
        open_database(path)


def test_schema_version_is_read_from_the_wal_when_the_header_is_stale(tmp_path):
    source, path = tmp_path / "source.db", tmp_path / "v.db"
    make_filled_database(source)
    newer = schema.SCHEMA_VERSION + 1
    copy_with_live_wal(source, path, lambda conn: conn.execute(f"PRAGMA user_version = {newer}"))
    assert int.from_bytes(path.read_bytes()[60:64], "big") == schema.SCHEMA_VERSION  # the stale header
    with pytest.raises(DatabaseFileError, match=f"was written by a newer TwinDesk \\(schema {newer}"):
        inspect_existing(path, schema.SCHEMA_VERSION)
    with pytest.raises(DatabaseFileError, match="newer TwinDesk"):
        open_database(path)


def test_application_id_is_read_from_the_wal(tmp_path):
    source, path = tmp_path / "source.db", tmp_path / "a.db"
    make_filled_database(source)
    copy_with_live_wal(source, path, lambda conn: conn.execute("PRAGMA application_id = 7"))
    with pytest.raises(DatabaseFileError, match="is an SQLite database, but not a TwinDesk database"):
        inspect_existing(path, schema.SCHEMA_VERSION)


def _journal_mode(path: Path) -> int:
    return path.read_bytes()[18]  # 1 rollback journal, 2 WAL


def test_read_only_export_of_a_rollback_journal_backup_changes_no_byte(tmp_path, capsys):
    live, backup = tmp_path / "live.db", tmp_path / "backup.db"
    make_filled_database(live)
    from twindesk.store import backups

    backups.copy_database(live, backup)
    assert _journal_mode(backup) == 1
    digest = sha256(backup)
    before = sorted(p.name for p in tmp_path.iterdir())
    assert cli.main(["export", str(tmp_path / "out.xlsx"), "--db", str(backup)]) == 0, capsys.readouterr().err
    assert sha256(backup) == digest and _journal_mode(backup) == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([*before, "out.xlsx"])  # no side files


def test_read_only_open_of_a_wal_database_changes_no_byte_and_refuses_writes(tmp_path):
    path = tmp_path / "w.db"
    make_filled_database(path)  # closed: WAL mode in the header, no -wal file
    digest = sha256(path)
    opened = open_database(path, read_only=True)
    assert opened.read_only and m.Partner.select().count() == 3
    with pytest.raises(Exception, match="readonly"):
        m.Partner.create(name_en="No", country="KR")
    close_database()
    assert sha256(path) == digest and sidecars(path) == []  # nothing left beside it either
    conn = sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    conn.close()
