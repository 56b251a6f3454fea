"""The checks behind `twindesk check`, and restoring a backup over the live database."""

import sqlite3
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from twindesk.store import backups, schema
from twindesk.store.errors import BackupError, DatabaseFileError
from twindesk.store.fileinfo import inspect_existing


@dataclass
class CheckReport:
    path: Path
    schema_version: int
    integrity: list[str] = field(default_factory=list)  # empty when "ok"
    foreign_keys: list[str] = field(default_factory=list)

    @property
    def schema_current(self) -> bool:
        return self.schema_version == schema.SCHEMA_VERSION

    @property
    def ok(self) -> bool:
        return not self.integrity and not self.foreign_keys and self.schema_current

    def lines(self) -> list[str]:
        out = [f"database: {self.path}"]
        out.append("integrity check: " + ("ok" if not self.integrity else f"FAILED ({len(self.integrity)} problems)"))
        out.extend(f"  {p}" for p in self.integrity[:20])
        out.append("foreign key check: " + ("ok" if not self.foreign_keys else f"FAILED ({len(self.foreign_keys)} rows)"))
        out.extend(f"  {p}" for p in self.foreign_keys[:20])
        state = "current" if self.schema_current else f"needs upgrade to {schema.SCHEMA_VERSION}"
        out.append(f"schema version: {self.schema_version} ({state})")
        return out


def _read_only(path: Path) -> sqlite3.Connection:
    # Plain read-only open (not immutable), so a WAL still being written is read correctly.
    return sqlite3.connect(Path(path).resolve().as_uri() + "?mode=ro", uri=True)


def check_file(path: Path) -> CheckReport:
    """Integrity, foreign keys and schema version of the file at `path`, without changing it."""
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
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise DatabaseFileError(path, f"is damaged ({exc}); restore it from a backup") from exc
    return CheckReport(path, version, [] if integrity == ["ok"] else integrity, fks)


def restore(live: sqlite3.Connection, db_path: Path, source: Path, moment: datetime) -> Path:
    """Replace the live database's content with the backup `source`; return the safety copy's path.

    The backup is checked first; the current content is copied aside; then SQLite's backup API copies
    the backup into the live database in one step, which keeps its WAL and locks consistent (unlike
    renaming a file over an open database).
    """
    source = Path(source)
    report = check_file(source)
    if report.integrity or report.foreign_keys:
        raise BackupError(f"{source}: failed its integrity check; nothing was restored")
    safety = backups.event_backup(live, db_path, "restore", moment)
    src = _read_only(source)
    try:
        src.backup(live, pages=-1)
    except sqlite3.Error as exc:
        raise BackupError(f"{source}: cannot be restored ({exc}); the database is unchanged") from exc
    finally:
        src.close()
    return safety
