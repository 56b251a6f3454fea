"""open_database / close_database: creating, binding, pragmas, and refusing files it must not touch."""

import re
import sqlite3
import struct
from datetime import datetime

import pytest
from conftest import TABLES, make_bad_files, make_filled_database, sha256, sidecars, table_counts

from twindesk.store import DatabaseFileError, close_database, open_database, schema
from twindesk.store import models as m
from twindesk.store.fileinfo import APPLICATION_ID, check_header, inspect_existing
from twindesk.store.integrity import check_file
from twindesk.store.models import database


def test_create_makes_a_tagged_database_with_every_table(db_path):
    opened = open_database(db_path, create=True, take_backups=False)
    assert opened.created and opened.migrated_from is None and opened.backups_written == []
    assert database.obj is opened.db
    assert opened.db.pragma("foreign_keys") == 1
    assert opened.db.pragma("journal_mode") == "wal"
    assert opened.db.pragma("synchronous") == 2  # FULL
    assert set(TABLES) <= set(opened.db.get_tables())
    close_database()
    assert database.obj is None
    header = db_path.read_bytes()[:100]
    assert struct.unpack(">I", header[68:72])[0] == APPLICATION_ID
    assert struct.unpack(">I", header[60:64])[0] == schema.SCHEMA_VERSION
    assert inspect_existing(db_path, schema.SCHEMA_VERSION) == schema.SCHEMA_VERSION
    assert sidecars(db_path) == []  # closing folds the WAL back into the file


def test_reopen_keeps_data_and_rebinds(db_path, tmp_path):
    make_filled_database(db_path)
    before = table_counts(db_path)
    opened = open_database(db_path, take_backups=False)
    assert not opened.created
    assert m.Partner.select().count() == before["partner"] == 3
    other = tmp_path / "other.db"
    open_database(other, create=True, take_backups=False)  # rebinding closes the first
    assert m.Partner.select().count() == 0
    assert opened.db.is_closed()
    close_database()
    close_database()  # twice is harmless
    assert table_counts(db_path) == before


def test_missing_file_without_create_is_refused_and_not_created(tmp_path):
    path = tmp_path / "nothing.db"
    with pytest.raises(DatabaseFileError, match="nothing.db: does not exist"):
        open_database(path)
    assert not path.exists() and database.obj is None


def test_create_in_a_missing_folder_is_refused(tmp_path):
    path = tmp_path / "no" / "such" / "t.db"
    with pytest.raises(DatabaseFileError, match="cannot be created: the folder .* does not exist"):
        open_database(path, create=True)
    assert not path.parent.exists()


def test_a_folder_is_not_a_database(tmp_path):
    with pytest.raises(DatabaseFileError, match="is a folder, not a database file"):
        open_database(tmp_path, create=True)


@pytest.fixture(scope="module")
def bad_files(tmp_path_factory):
    return make_bad_files(tmp_path_factory.mktemp("bad"))


@pytest.mark.parametrize("name", ["text", "empty", "truncated", "foreign", "newer"])
@pytest.mark.parametrize("create", [False, True])
def test_bad_files_are_refused_and_left_byte_for_byte(bad_files, name, create):
    path, problem = bad_files[name]
    digest, size = sha256(path), path.stat().st_size
    with pytest.raises(DatabaseFileError) as info:
        open_database(path, create=create)
    assert info.value.path == str(path)
    assert str(info.value).startswith(f"{path}: {problem}")
    assert "\n" not in str(info.value)
    assert sha256(path) == digest and path.stat().st_size == size
    assert sidecars(path) == []
    assert not (path.parent / f"{path.stem}-backups").exists()
    assert database.obj is None


@pytest.mark.parametrize("name", ["text", "empty", "truncated", "foreign", "newer"])
def test_check_file_refuses_bad_files_without_changing_them(bad_files, name):
    path, problem = bad_files[name]
    digest = sha256(path)
    with pytest.raises(DatabaseFileError, match=re.escape(problem)):
        check_file(path)
    assert sha256(path) == digest and sidecars(path) == []


def test_header_too_short(tmp_path):
    path = tmp_path / "short.db"
    path.write_bytes(b"SQLite format 3\x00" + b"\x00" * 20)
    with pytest.raises(DatabaseFileError, match="is damaged: only 36 bytes"):
        check_header(path)


def test_older_schema_without_migrate_is_refused(db_path, monkeypatch):
    make_filled_database(db_path)
    digest = sha256(db_path)
    written = schema.SCHEMA_VERSION
    monkeypatch.setattr(schema, "SCHEMA_VERSION", written + 1)
    with pytest.raises(
        DatabaseFileError, match=f"has schema {written} and needs an upgrade to {schema.SCHEMA_VERSION}"
    ):
        open_database(db_path, migrate=False)
    assert sha256(db_path) == digest and database.obj is None


def test_opening_takes_rotating_backups_once_a_day(db_path):
    day = datetime(2026, 11, 29, 10, 15)
    made = open_database(db_path, create=True, clock=lambda: day)
    assert made.created and made.backups_written == []  # a new, empty file needs no copy
    close_database()
    opened = open_database(db_path, clock=lambda: day)
    folder = db_path.parent / "t-backups"
    assert sorted(p.name for p in opened.backups_written) == [
        "daily-2026-11-29.db",
        "monthly-2026-11.db",
        "weekly-2026-W48.db",
    ]
    assert sorted(p.name for p in folder.iterdir()) == sorted(p.name for p in opened.backups_written)
    close_database()
    assert open_database(db_path, clock=lambda: day.replace(hour=18)).backups_written == []
    close_database()
    for path in folder.iterdir():
        assert check_file(path).ok


def test_a_connection_per_thread_sees_committed_data(db_path):
    import threading

    make_filled_database(db_path)
    open_database(db_path, take_backups=False)
    seen = []

    def worker():
        seen.append(m.Partner.select().count())
        database.close()

    t = threading.Thread(target=worker)
    t.start()
    t.join()
    assert seen == [3]
    conn = sqlite3.connect(str(db_path))
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    conn.close()


def test_read_only_open_refuses_writes_and_neither_backs_up_nor_upgrades(db_path, monkeypatch):
    make_filled_database(db_path)
    before = table_counts(db_path)
    opened = open_database(db_path, read_only=True, clock=lambda: datetime(2026, 11, 30, 9))
    try:
        assert opened.backups_written == []
        assert not (db_path.parent / "t-backups").exists()
        with pytest.raises(Exception, match="readonly"):
            m.HomeLocality.create(name_zh="三亚市")
    finally:
        close_database()
    assert table_counts(db_path) == before

    monkeypatch.setattr(schema, "SCHEMA_VERSION", schema.SCHEMA_VERSION + 1)
    monkeypatch.setitem(schema.STEPS, schema.SCHEMA_VERSION, lambda migrator: None)
    with pytest.raises(DatabaseFileError, match="needs an upgrade"):
        open_database(db_path, read_only=True)
    assert table_counts(db_path) == before


def test_connect_opens_by_name_or_by_read_only_uri_as_the_journal_needs(tmp_path):
    """Read-write: the file with every pragma. Read-only: a `mode=ro` URI (a rollback-journal backup, a WAL
    with frames, a read-only folder), except a WAL-mode file with no WAL in a folder we may write, which
    SQLite reads only with `-wal`/`-shm` that a read-write connection (query_only) removes again."""
    from twindesk.store.connection import PRAGMAS, READ_ONLY_PRAGMAS, connect

    journal, wal = tmp_path / "journal.db", tmp_path / "wal.db"
    for path, mode in ((journal, "delete"), (wal, "wal")):
        conn = sqlite3.connect(str(path))
        conn.execute(f"PRAGMA journal_mode = {mode}")
        conn.execute("CREATE TABLE t (x)")
        conn.close()
    cases = ((journal, True, f"{journal.resolve().as_uri()}?mode=ro", True, READ_ONLY_PRAGMAS),
             (wal, True, str(wal), False, READ_ONLY_PRAGMAS),
             (journal, False, str(journal), False, PRAGMAS))  # last: it turns the file to WAL
    for path, read_only, name, uri, pragmas in cases:
        db = connect(path, read_only=read_only)
        assert (db.database, db.connect_params.get("uri", False), db._pragmas) == (name, uri, pragmas), path
        assert db.twindesk_read_only is read_only and db._timeout == 10
        db.connect()
        assert db.execute_sql("SELECT count(*) FROM t").fetchone() == (0,)
        assert db.pragma("query_only") == int(read_only)
        db.close()
