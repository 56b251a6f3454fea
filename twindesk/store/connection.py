"""Opening a database: one call binds the shared `DatabaseProxy` for the whole process.

`open_database(path)` checks the file from the outside, connects with the pragmas every connection
needs, creates or migrates the schema (after a backup) and takes the rotating backups. Tests pass a
temporary file; the window, the command line and the tests all go through here.
"""

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import peewee as pw

from twindesk.store import backups, migrations, schema
from twindesk.store.errors import DatabaseFileError
from twindesk.store.fileinfo import APPLICATION_ID, inspect_existing
from twindesk.store.models import database

BUSY_TIMEOUT_MS = 10_000

PRAGMAS = (
    ("foreign_keys", 1),
    ("journal_mode", "wal"),
    # FULL in WAL mode: a committed transaction survives a power cut, not only a crash.
    ("synchronous", "full"),
    ("busy_timeout", BUSY_TIMEOUT_MS),
)


@dataclass
class OpenedDatabase:
    path: Path
    db: pw.SqliteDatabase
    created: bool
    migrated_from: int | None
    backups_written: list[Path]

    def raw(self) -> sqlite3.Connection:
        return self.db.connection()


def connect(path: Path, *, read_only: bool = False) -> pw.SqliteDatabase:
    """A peewee database with TwinDesk's pragmas; each thread gets its own connection."""
    pragmas = PRAGMAS + ((("query_only", 1),) if read_only else ())
    return pw.SqliteDatabase(str(path), pragmas=pragmas, timeout=BUSY_TIMEOUT_MS / 1000)


def _create_new(path: Path) -> None:
    if not path.parent.is_dir():
        raise DatabaseFileError(path, f"cannot be created: the folder {path.parent} does not exist")
    conn = sqlite3.connect(str(path))
    try:
        # Identity first, still in rollback-journal mode, so it sits in the file header at once.
        conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        conn.commit()
    finally:
        conn.close()


def open_database(
    path: Path | str,
    *,
    create: bool = False,
    migrate: bool = True,
    take_backups: bool = True,
    read_only: bool = False,
    clock: Callable[[], datetime] = datetime.now,
) -> OpenedDatabase:
    """Open (or with `create`, make) the TwinDesk database at `path` and bind it for the process.

    `read_only` is for a database another window has open: every write is refused by SQLite
    (query_only), and it is neither upgraded nor backed up behind its owner's back.
    Raises DatabaseFileError, with the file untouched, for a missing, foreign or damaged file.
    """
    path = Path(path)
    if read_only:
        create = migrate = take_backups = False
    created = False
    if not path.exists() and create:
        _create_new(path)
        created = True
        version = 0
    else:
        version = inspect_existing(path, schema.SCHEMA_VERSION)
    close_database()
    db = connect(path, read_only=read_only)
    database.initialize(db)
    try:
        db.connect()
        db.execute_sql("SELECT count(*) FROM sqlite_master").fetchone()
    except pw.DatabaseError as exc:
        close_database()
        raise DatabaseFileError(path, f"cannot be opened ({exc})") from exc

    migrated_from = None
    written: list[Path] = []
    try:
        if version == 0:
            with db.atomic():
                schema.create_tables()
                db.pragma("user_version", schema.SCHEMA_VERSION)
            db.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")  # header now tells the version
        elif version < schema.SCHEMA_VERSION:
            if not migrate:
                raise DatabaseFileError(
                    path, f"has schema {version} and needs an upgrade to {schema.SCHEMA_VERSION}; open it once in "
                    "the TwinDesk window (it backs the file up, then upgrades it) and try again"
                )
            written.append(backups.event_backup(db.connection(), path, "migration", clock()))
            migrations.upgrade(db, version, schema.SCHEMA_VERSION, schema.STEPS)
            migrated_from = version
        if take_backups and not created:  # a database made just now has nothing to protect yet
            written.extend(backups.rotate(db.connection(), path, clock()))
    except BaseException:
        close_database()
        raise
    return OpenedDatabase(path, db, created, migrated_from, written)


def close_database() -> None:
    """Close the bound database, if any, folding the WAL back into the file."""
    current = database.obj
    if current is None:
        return
    if not current.is_closed():
        try:
            current.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        except pw.DatabaseError:
            pass  # another process holds it; its own close will checkpoint
        current.close()
    database.initialize(None)
