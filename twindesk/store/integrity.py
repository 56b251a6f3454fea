"""The checks behind `twindesk check`, and restoring a backup over the live database.

Restoring replaces the live file by rename, so it works when the live database is damaged, which is
when it is needed. The caller holds the database's lock and has it closed. In order:

1. The backup is checked: SQLite integrity, foreign keys, and TwinDesk's tables.
2. It is copied (SQLite's backup API, from a read-only connection) to a temporary file beside the live
   one, put in WAL mode, checked again and fsynced.
3. The live content is kept: a healthy database gets an online backup and is then checkpointed, so its
   WAL is empty; a damaged one gets a raw byte copy of the file and its WAL.
4. The old `-wal` and `-shm` are removed. A WAL carries no mark of the file it belongs to: left beside
   the new file, SQLite would replay the old frames onto it.
5. The temporary file is renamed over the live one, and the folder fsynced.

A kill before step 5 leaves the old content (after step 3 it is whole in the main file); after it, the
new. Only a damaged file loses its WAL between steps 4 and 5, and its raw copy keeps both.
"""

import sqlite3
import uuid
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from twindesk.store import backups, file_copies, schema
from twindesk.store.errors import BackupError, DatabaseDamaged, DatabaseFileError
from twindesk.store.fileinfo import RESTORE_HINT, inspect_existing, read_only_uri, wal_has_frames, wal_path
from twindesk.store.messages import joined, message, os_reason, render
from twindesk.store.models import ALL_MODELS

# What `check` counts, so an empty database is not simply called healthy.
COUNTED = {"partners": "partner", "visits": "visit", "shipments": "shipment"}
COUNTED_TEXT = {"partners": "{count} partners", "visits": "{count} visits", "shipments": "{count} shipments"}
# Every schema so far has had these; a table a later migration adds is checked at the current schema only.
FIRST_TABLES = frozenset({
    "home_locality", "partner", "partnership", "partnership_status_change", "contact", "activity", "visit",
    "visit_partner", "delegate", "itinerary_item", "gift", "shipment", "shipment_item",
})


@dataclass
class CheckReport:
    path: Path
    schema_version: int
    integrity: list[str] = field(default_factory=list)  # empty when "ok"
    foreign_keys: list[str] = field(default_factory=list)
    counts: dict[str, int] | None = None  # partners, visits, shipments; None if the tables are missing

    @property
    def schema_current(self) -> bool:
        return self.schema_version == schema.SCHEMA_VERSION

    @property
    def ok(self) -> bool:
        return not self.integrity and not self.foreign_keys and self.schema_current

    def lines(self, lang: str = "en") -> list[str]:
        def say(template: str, **params) -> str:
            return render(template, params, lang)

        out = [say("database: {path}", path=self.path)]
        out.append(say("integrity check: ok") if not self.integrity
                   else say("integrity check: FAILED ({count} problems)", count=len(self.integrity)))
        out.extend(f"  {p}" for p in self.integrity[:20])  # SQLite's own words
        out.append(say("foreign key check: ok") if not self.foreign_keys
                   else say("foreign key check: FAILED ({count} rows)", count=len(self.foreign_keys)))
        out.extend(f"  {p}" for p in self.foreign_keys[:20])
        out.append(say("schema version: {version} (current)", version=self.schema_version) if self.schema_current
                   else say("schema version: {version} (needs upgrade to {newest})", version=self.schema_version,
                            newest=schema.SCHEMA_VERSION))
        if self.counts is not None:
            if any(self.counts.values()):
                counted = joined((say(COUNTED_TEXT[what], count=n) for what, n in self.counts.items()), lang)
                out.append(say("records: {counts}", counts=counted))
            else:
                out.append(say("records: none (the database is empty)"))
        return out


def _read_only(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(read_only_uri(path), uri=True)


def _tables(conn: sqlite3.Connection) -> set[str]:
    return {name for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}


def check_file(path: Path) -> CheckReport:
    """Integrity, foreign keys, schema version and record counts of the file at `path`, without changing it."""
    path = Path(path)
    version = inspect_existing(path, schema.SCHEMA_VERSION)
    try:
        conn = _read_only(path)
        try:
            integrity = [r[0] for r in conn.execute("PRAGMA integrity_check")]
            fks = [
                f"{table} row {rowid} points to a missing {parent}"
                for table, rowid, parent, _ in conn.execute("PRAGMA foreign_key_check")
            ]
            counts = None
            if set(COUNTED.values()) <= _tables(conn):
                counts = {what: conn.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for what, t in COUNTED.items()}
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        journal = Path(f"{path}-journal")
        if journal.exists() and journal.stat().st_size > 0:  # a read-only look cannot roll it back
            raise DatabaseFileError(path, "has an unfinished transaction ({journal}) from a program that "
                                          "stopped; open it once in TwinDesk to roll it back",
                                    journal=journal.name) from exc
        raise DatabaseDamaged(path, "is damaged ({reason}); {hint}", reason=exc, hint=RESTORE_HINT) from exc
    return CheckReport(path, version, [] if integrity == ["ok"] else integrity, fks, counts)


def missing_tables(path: Path, version: int) -> list[str]:
    """TwinDesk's tables that the database at `path` lacks (all of them for a table-less file)."""
    wanted = {model._meta.table_name for model in ALL_MODELS}
    if version < schema.SCHEMA_VERSION:
        wanted &= FIRST_TABLES
    conn = _read_only(path)
    try:
        return sorted(wanted - _tables(conn))
    finally:
        conn.close()


def check_backup(source: Path) -> CheckReport:
    """Raise unless `source` is a whole TwinDesk database that can replace the live one."""
    source = Path(source)
    report = check_file(source)
    if report.integrity or report.foreign_keys:
        raise BackupError("{path}: failed its integrity check; nothing was restored", path=source)
    missing = missing_tables(source, report.schema_version)
    if missing:
        what = (message("no TwinDesk tables") if len(missing) > 3
                else message("no {tables} table", tables=", ".join(missing)))
        raise BackupError("{path}: is not a TwinDesk backup ({what}); nothing was restored", path=source, what=what)
    return report


def _sidecars(path: Path) -> list[Path]:
    return [wal_path(path), Path(f"{path}-shm"), Path(f"{path}-journal")]


def _live_state(db_path: Path) -> str:
    """'missing', 'empty', 'healthy' or 'damaged'; raises DatabaseFileError for a file that is not ours
    (a text file, another program's database, a newer TwinDesk's): restoring over it would destroy it."""
    if not db_path.exists():
        return "missing"
    if db_path.is_file() and db_path.stat().st_size == 0 and not wal_has_frames(db_path):
        return "empty"
    try:
        inspect_existing(db_path, schema.SCHEMA_VERSION)
    except DatabaseDamaged:
        return "damaged"
    try:
        conn = _read_only(db_path)
        try:
            result = conn.execute("PRAGMA quick_check").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.DatabaseError:
        return "damaged"
    return "healthy" if result == "ok" else "damaged"


def _keep_healthy(db_path: Path, moment: datetime) -> Path:
    """An online backup of the live database, then a checkpoint so the main file holds everything."""
    conn = sqlite3.connect(str(db_path), timeout=10)
    try:
        safety = backups.event_backup(conn, db_path, "restore", moment)
        busy, _, _ = conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
    finally:
        conn.close()
    if busy or wal_has_frames(db_path):
        raise BackupError("{path}: is in use by another program; close it and try again; nothing was restored",
                          path=db_path)
    return safety


def _keep_damaged(db_path: Path, moment: datetime) -> Path:
    """A raw copy of the damaged file and its WAL (SQLite could not be trusted to copy it)."""
    target = backups.event_target(db_path, "restore", moment)
    if wal_has_frames(db_path):  # the companion first: the copy is listed only once its .db exists
        file_copies.raw_copy(wal_path(db_path), wal_path(target))
    return file_copies.raw_copy(db_path, target)


def _stage(source: Path, db_path: Path) -> Path:
    staged = db_path.with_name(f".{db_path.name}.restore-{uuid.uuid4().hex}.tmp")
    try:
        src = _read_only(source)
        try:
            dst = sqlite3.connect(str(staged))
            try:
                src.backup(dst, pages=-1)
                # WAL mode already, so the first open after the rename need not convert the file (a
                # write in rollback-journal mode, whose hot journal a kill would leave beside it).
                dst.execute("PRAGMA journal_mode=wal")
                result = dst.execute("PRAGMA quick_check").fetchone()[0]
                dst.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            finally:
                dst.close()
        finally:
            src.close()
        if result != "ok":
            raise BackupError("{path}: the copy failed its integrity check ({result}); nothing was restored",
                              path=source, result=result)
        file_copies.fsync_file(staged)
    except sqlite3.Error as exc:
        staged.unlink(missing_ok=True)
        raise BackupError("{path}: cannot be restored ({reason}); the database is unchanged", path=source,
                          reason=exc) from exc
    except BaseException:
        staged.unlink(missing_ok=True)
        raise
    finally:
        for sidecar in _sidecars(staged):
            sidecar.unlink(missing_ok=True)
    return staged


def restore(db_path: Path, source: Path, moment: datetime) -> Path | None:
    """Replace the database at `db_path` with the backup `source`; return the copy of what it held.

    The caller holds the database's lock and has it closed. Returns None when there was nothing to keep
    (no file, or an empty one). See the module docstring for why the steps come in this order.
    """
    db_path, source = Path(db_path), Path(source)
    check_backup(source)
    for stale in db_path.parent.glob(f".{db_path.name}.restore-*.tmp*"):  # a killed restore's, with its journal
        stale.unlink(missing_ok=True)
    state = _live_state(db_path)  # refuses a file that is not ours before anything is written
    staged = _stage(source, db_path)
    try:
        safety = None
        if state == "healthy":
            safety = _keep_healthy(db_path, moment)
        elif state == "damaged":
            safety = _keep_damaged(db_path, moment)
        for sidecar in _sidecars(db_path):
            sidecar.unlink(missing_ok=True)
        staged.replace(db_path)
        file_copies.fsync_folder(db_path.parent)
    except OSError as exc:
        raise BackupError("{path}: cannot be replaced ({reason}); nothing was restored", path=db_path,
                          reason=os_reason(exc)) from exc
    finally:
        staged.unlink(missing_ok=True)
    return safety

