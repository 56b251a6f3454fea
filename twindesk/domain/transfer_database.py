"""Moving a TwinDesk database onto the shared server and back: `twindesk transfer --to URL` and
`twindesk transfer --from URL OUT.db` (docs/architecture.md, "Moving a database to the server and back").

Everything is copied (every table, history and documents included, ids, UUIDs and versions as they
are) in one transaction on the target, then proved: every table's rows are counted and checksummed on
both sides before the commit. Any failure, a mismatch included, leaves nothing: the server's
transaction is rolled back, the new file is a temporary one removed. The source only reads: the file
is opened read-only under its lock (so no window changes it meanwhile), the server in one read-only
snapshot (staff may go on working; the copy is the database as it was when it began).

This is bulk work at the store's level, like a restore, not an edit of records: it writes no history
of its own (it copies the history) and does not pass through the door (docs/architecture.md, "The one
door").
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import peewee as pw

from twindesk.domain.output_file import check_target
from twindesk.domain.transfer_messages import MISMATCH
from twindesk.store import database_copy, durable, schema
from twindesk.store.connection import connect
from twindesk.store.copy_targets import (
    create_sqlite_indexes,
    create_sqlite_tables,
    new_sqlite_file,
    prepare_server_target,
)
from twindesk.store.database_files import SIDE_FILES
from twindesk.store.errors import DatabaseFileError, UserError
from twindesk.store.fileinfo import inspect_existing
from twindesk.store.instance_lock import DatabaseInUse, DatabaseLock

# (table, rows copied of this table so far, rows copied in all, rows in all)
ProgressReport = Callable[[str, int, int, int], None]


class TransferMismatch(UserError):
    """The target does not hold what the source held; nothing was kept."""


@dataclass
class TableResult:
    name: str
    source_rows: int
    target_rows: int
    same: bool


@dataclass
class TransferResult:
    source: str
    target: str
    tables: list[TableResult] = field(default_factory=list)
    schema_created: bool = False  # the server database was empty and got the schema
    seconds: float = 0.0

    @property
    def rows(self) -> int:
        return sum(t.target_rows for t in self.tables)


def transfer_to_server(db_path: Path | str, address, *, password: str | None = None,
                       progress: ProgressReport | None = None) -> TransferResult:
    """Copy the SQLite database at `db_path` into the empty server database at `address`."""
    from twindesk.store.server.database import server_database
    from twindesk.store.server.errors import server_error

    db_path = Path(db_path)
    _check_source_file(db_path)
    lock = _lock_source(db_path)
    source = target = None
    started = time.monotonic()
    try:
        source = connect(db_path, read_only=True)
        source.connect()
        target = server_database(address, password)
        target.connect()
        try:
            with target.atomic():
                created = prepare_server_target(target, address)
                result = _copy_and_prove(source, target, progress)
        except (pw.PeeweeException, *_driver_errors()) as exc:
            raise server_error(exc, address) from exc
        result.source, result.target, result.schema_created = str(db_path), address.display(), created
    finally:
        for db in (source, target):
            if db is not None and not db.is_closed():
                db.close()
        if lock is not None:
            lock.release()
    result.seconds = time.monotonic() - started
    return result


def transfer_from_server(address, out_path: Path | str, *, replace: bool = False, password: str | None = None,
                         progress: ProgressReport | None = None) -> TransferResult:
    """Copy the server database at `address` into a new SQLite file `out_path` (with `replace`, over
    an existing one nobody has open)."""
    from twindesk.store.server.database import check_schema, server_database
    from twindesk.store.server.errors import server_error

    out_path = Path(out_path)
    exists = check_target(out_path, replace=replace)
    lock = _lock_target(out_path) if exists else None
    source = None
    started = time.monotonic()
    try:
        source = server_database(address, password, read_only=True)
        source.connect()
        try:
            check_schema(source, address)
        except pw.PeeweeException as exc:
            raise server_error(exc, address) from exc
        with durable.temp_beside(out_path, ".part", companions=SIDE_FILES) as tmp:
            target = new_sqlite_file(tmp)
            try:
                with target.atomic():
                    create_sqlite_tables(target)
                    result = _copy_and_prove(source, target, progress, lambda: create_sqlite_indexes(target))
            except (pw.PeeweeException, *_driver_errors()) as exc:
                if _from_server(exc):
                    raise server_error(exc, address) from exc
                raise
            finally:
                target.close()
            check_target(out_path, replace=replace)  # nothing took the name meanwhile
            if exists:
                for side in SIDE_FILES:  # an old WAL would be replayed onto the new file
                    out_path.with_name(out_path.name + side).unlink(missing_ok=True)
            durable.publish(tmp, out_path, replace=exists)
        result.source, result.target = address.display(), str(out_path)
    finally:
        if source is not None and not source.is_closed():
            source.close()
        if lock is not None:
            lock.release()
    result.seconds = time.monotonic() - started
    return result


def _copy_and_prove(source: pw.Database, target: pw.Database, progress: ProgressReport | None,
                    after_copy: Callable[[], None] | None = None) -> TransferResult:
    """Inside the target's transaction: copy every table from one snapshot of `source` (then
    `after_copy`: a new file's indexes), then read the target back and compare each table's count and
    checksum with what was read. A mismatch raises (and so rolls the copy back)."""
    tables = database_copy.tables()
    database_copy.defer_foreign_keys(target)
    read: dict[str, database_copy.Digest] = {}
    with source.atomic():
        if database_copy.is_postgresql(source):
            source.execute_sql("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        total = sum(database_copy.count_rows(source, t) for t in tables)
        done = 0
        for table in tables:
            def report(rows, table=table, before=done):
                if progress is not None:
                    progress(table.name, rows, before + rows, total)

            read[table.name] = database_copy.copy_table(source, target, table, report)
            done += read[table.name].rows
    if after_copy is not None:
        after_copy()
    result = TransferResult("", "")
    wrong = []
    for table in tables:
        written = database_copy.digest(target, table)
        want = read[table.name]
        same = (written.rows, written.sha256) == (want.rows, want.sha256) and \
            written.next_id_after >= want.next_id_after
        result.tables.append(TableResult(table.name, want.rows, written.rows, same))
        if not same:
            wrong.append(table.name)
    if wrong:
        raise TransferMismatch(MISMATCH, tables=", ".join(wrong))
    return result


def _check_source_file(path: Path) -> None:
    version = inspect_existing(path, schema.SCHEMA_VERSION)
    if version == 0:
        raise DatabaseFileError(path, "holds no TwinDesk tables yet; open it once read-write to finish it")
    if version < schema.SCHEMA_VERSION:
        raise DatabaseFileError(
            path, "has schema {version} and needs an upgrade to {newest}; open it once in the TwinDesk window "
            "(it backs the file up, then upgrades it) and try again", version=version, newest=schema.SCHEMA_VERSION)


def _lock_source(path: Path) -> DatabaseLock | None:
    """The source's write lock, so no window changes it while it is copied (a change made there
    meanwhile would be in neither). On a medium where no lock can be written nobody writes anyway."""
    lock = DatabaseLock(path)
    try:
        holder = lock.acquire()
    except OSError:
        return None
    if holder is not None:
        raise DatabaseInUse(path, holder)
    return lock


def _lock_target(path: Path) -> DatabaseLock:
    """An existing file replaced (--force) must not be open in a window meanwhile."""
    lock = DatabaseLock(path)
    holder = lock.acquire()
    if holder is not None:
        raise DatabaseInUse(path, holder)
    return lock


def _from_server(exc: BaseException) -> bool:
    """True for psycopg's errors (the server's), bare or under peewee's wrapper; False for SQLite's."""
    original = getattr(exc, "orig", None) or exc
    return type(original).__module__.startswith("psycopg")


def _driver_errors() -> tuple[type[BaseException], ...]:
    """psycopg's own errors: a COPY runs on the driver's cursor, outside peewee's wrapping."""
    try:
        import psycopg
    except ImportError:
        return ()
    return (psycopg.Error,)
