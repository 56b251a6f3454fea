"""Opening a database: one call binds the shared `DatabaseProxy` for the whole process.

`open_database(path)` checks the file from the outside, connects with the pragmas every connection
needs, creates or migrates the schema (after a backup) and takes the rotating backups. Tests pass a
temporary file; the window, the command line and the tests all go through here.

A read-only open changes no byte: it connects with `mode=ro` and leaves the journal mode alone (a
backup in rollback-journal mode stays one), and it does not checkpoint on close. A read-write open of
a file on a read-only medium, or in a read-only file or folder, is refused before anything is written
(`DatabaseReadOnlyMedia`), so the caller can open it read-only instead. A rotating backup that cannot be
written never keeps the database closed: it comes back as `OpenedDatabase.backup_warning`.
"""

import os
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import peewee as pw

from twindesk.store import backups, migrations, schema
from twindesk.store.errors import DatabaseFileError, DatabaseReadOnlyMedia
from twindesk.store.fileinfo import (
    APPLICATION_ID,
    in_wal_mode,
    inspect_existing,
    read_only_uri,
    wal_has_frames,
)
from twindesk.store.messages import Message, message
from twindesk.store.models import database
from twindesk.store.server.address import ServerAddress

BUSY_TIMEOUT_MS = 10_000

PRAGMAS = (
    ("foreign_keys", 1),
    ("journal_mode", "wal"),
    # FULL in WAL mode: a committed transaction survives a power cut, not only a crash.
    ("synchronous", "full"),
    ("busy_timeout", BUSY_TIMEOUT_MS),
)
# No journal_mode: setting WAL would rewrite the header of a rollback-journal file (a backup).
READ_ONLY_PRAGMAS = (("foreign_keys", 1), ("busy_timeout", BUSY_TIMEOUT_MS), ("query_only", 1))


@dataclass
class OpenedDatabase:
    path: Path | None  # the SQLite file; None on a server
    db: pw.Database
    created: bool
    migrated_from: int | None
    backups_written: list[Path]
    # Why today's rotating copy is missing, or that free space runs low; the database is open regardless.
    backup_warning: str | None = None
    read_only: bool = False
    read_only_reason: str | None = None  # set when a read-write open fell back to read-only
    engine: str = "sqlite"  # or "postgresql" (store/server/database.py)
    address: ServerAddress | None = None  # where the server database is; None for a file

    @property
    def location(self) -> str:
        """Where the database is, for a person: the file's path, or the server's display."""
        return self.address.display() if self.address is not None else str(self.path)

    def raw(self) -> sqlite3.Connection:
        return self.db.connection()


def connect(path: Path, *, read_only: bool = False) -> pw.SqliteDatabase:
    """A peewee database with TwinDesk's pragmas; each thread gets its own connection."""
    # Read-only: a `mode=ro` URI, except where SQLite needs `-wal`/`-shm` even to read (_needs_sidecars).
    by_uri = read_only and not _needs_sidecars(Path(path))
    db = pw.SqliteDatabase(read_only_uri(path) if by_uri else str(path),
                           pragmas=READ_ONLY_PRAGMAS if read_only else PRAGMAS,
                           timeout=BUSY_TIMEOUT_MS / 1000, uri=by_uri)
    db.twindesk_read_only = read_only
    return db


def _needs_sidecars(path: Path) -> bool:
    """True for a WAL-mode file with no WAL to replay, in a folder we may write: SQLite needs `-wal` and
    `-shm` even to read it, and only a read-write connection (kept from writing by query_only) removes
    them again when it is the last to close; a `mode=ro` one would leave them behind. Anything else (a
    rollback-journal backup, a WAL with frames, a read-only folder) is opened `mode=ro`, which writes
    nothing at all."""
    return in_wal_mode(path) and not wal_has_frames(path) and os.access(path.parent, os.W_OK)


def read_only_media_problem(path: Path) -> Message | None:  # a str too
    """Why `path` cannot be written (read-only medium, file or folder), or None.

    SQLite in WAL mode also writes `-wal` and `-shm` beside the file, so the folder must be writable too.
    As root `os.access` still answers for a read-only mount and an immutable file (chattr +i)."""
    folder = path.parent
    try:
        if os.statvfs(folder).f_flag & os.ST_RDONLY:
            return message("is on a read-only medium; it can only be opened read-only")
    except (AttributeError, OSError):  # no statvfs (Windows): the checks below still apply
        pass
    if path.exists() and not os.access(path, os.W_OK):
        return message("is a read-only file; it can only be opened read-only")
    if not os.access(folder, os.W_OK):
        return message("is in a read-only folder ({folder}); it can only be opened read-only", folder=folder)
    return None


def _create_new(path: Path) -> None:
    if not path.parent.is_dir():
        raise DatabaseFileError(path, "cannot be created: the folder {folder} does not exist", folder=path.parent)
    if read_only_media_problem(path) is not None:
        raise DatabaseFileError(path, "cannot be created: the folder {folder} is read-only", folder=path.parent)
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
    Raises DatabaseFileError, with the file untouched, for a missing, foreign or damaged file, and its
    subclass DatabaseReadOnlyMedia when only a read-only open can work.
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
        problem = None if read_only else read_only_media_problem(path)
        if problem is not None:
            raise DatabaseReadOnlyMedia(path, problem)
    close_database()
    db = connect(path, read_only=read_only)
    database.initialize(db)
    try:
        db.connect()
        db.execute_sql("SELECT count(*) FROM sqlite_master").fetchone()
    except pw.DatabaseError as exc:
        close_database()
        raise DatabaseFileError(path, "cannot be opened ({reason})", reason=exc) from exc

    migrated_from = None
    written: list[Path] = []
    warning = None
    try:
        if version == 0 and read_only:
            raise DatabaseFileError(path, "holds no TwinDesk tables yet; open it once read-write to finish it")
        if version == 0:
            with db.atomic():
                schema.create_tables()
                db.pragma("user_version", schema.SCHEMA_VERSION)
            db.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")  # header now tells the version
        elif version < schema.SCHEMA_VERSION:
            if not migrate:
                raise DatabaseFileError(
                    path, "has schema {version} and needs an upgrade to {newest}; open it once in "
                    "the TwinDesk window (it backs the file up, then upgrades it) and try again",
                    version=version, newest=schema.SCHEMA_VERSION,
                )
            written.append(backups.event_backup(db.connection(), path, "migration", clock()))
            migrations.upgrade(db, version, schema.SCHEMA_VERSION, schema.STEPS)
            migrated_from = version
        if take_backups and not created:  # a database made just now has nothing to protect yet
            rotation = backups.rotate(db.connection(), path, clock())
            written.extend(rotation.written)
            warning = rotation.warning
    except BaseException:
        close_database()
        raise
    return OpenedDatabase(path, db, created, migrated_from, written, warning, read_only)


def close_database() -> None:
    """Close the bound database, if any, folding the WAL back into the file (a server's connection is
    just closed; a broken one is let go)."""
    current = database.obj
    if current is None:
        return
    if not isinstance(current, pw.SqliteDatabase):
        _close_server_connection(current)
        database.initialize(None)
        return
    if not current.is_closed() and not getattr(current, "twindesk_read_only", False):
        try:
            current.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        except pw.DatabaseError:
            pass  # another process holds it; its own close will checkpoint
    if not current.is_closed():
        current.close()
    database.initialize(None)


def _close_server_connection(db: pw.Database) -> None:
    try:
        if not db.is_closed():
            db.close()
    except pw.PeeweeException:  # broken, or a transaction left open by a lost connection
        db._state.reset()
