"""The database a person works in: finding it, locking it, opening and closing it, copying it.

The window and the command line come here rather than to `store`, so storage stays one layer down
(DESIGN §3). Each function is a use case in the user's words; the storage work stays in `store`.
"""

import contextlib
import os
from datetime import datetime
from pathlib import Path

from twindesk.store import backups, close_database, integrity, open_database
from twindesk.store.backups import BackupInfo
from twindesk.store.connection import OpenedDatabase
from twindesk.store.errors import DatabaseReadOnlyMedia
from twindesk.store.instance_lock import DatabaseLock, LockHolder
from twindesk.store.models import database
from twindesk.store.paths import ENV_VAR, resolve_database_path

__all__ = ["ENV_VAR", "BackupInfo", "DatabaseLock", "DatabaseReadOnlyMedia", "LockHolder", "OpenedDatabase",
           "back_up_to", "close", "close_thread_connection", "database_path", "list_backups", "open_workspace",
           "path_from_environment", "restore_backup"]


def database_path(explicit: str | os.PathLike | None = None) -> Path:
    """`--db` (or a path chosen in Settings), else `TWINDESK_DB`, else the platform's data folder."""
    return resolve_database_path(explicit)


def path_from_environment() -> bool:
    """True when `TWINDESK_DB` names the database (it then wins over the Settings' choice)."""
    return bool(os.environ.get(ENV_VAR))


def open_workspace(path: Path, *, read_only: bool = False, take_backups: bool = True,
                   read_only_fallback: bool = False) -> OpenedDatabase:
    """Open (creating it if missing, upgrading it after a backup) the database for this process.

    `take_backups=False` skips the day's rotating copies, for work that takes its own backup first
    (an import). A read-write open of a file on read-only media raises `DatabaseReadOnlyMedia`; with
    `read_only_fallback` it opens read-only instead and says why in `read_only_reason`."""
    path = Path(path)
    if not read_only and not path.parent.is_dir():
        path.parent.mkdir(parents=True, exist_ok=True)
    try:
        return open_database(path, create=not read_only, read_only=read_only, take_backups=take_backups)
    except DatabaseReadOnlyMedia as exc:
        if not read_only_fallback:
            raise
        opened = open_database(path, read_only=True)
        opened.read_only_reason = str(exc)
        return opened


def close() -> None:
    close_database()


def close_thread_connection() -> None:
    """A worker thread's own SQLite connection, closed when the worker ends."""
    if database.obj is not None:
        database.close()


def list_backups(db_path: Path) -> list[BackupInfo]:
    """The automatic and event backups of the database, newest first, with date, kind, size and counts."""
    return backups.describe_backups(Path(db_path))


def restore_backup(db_path: Path, source: Path, *, lock: DatabaseLock | None = None) -> Path | None:
    """Replace the database with the backup `source`; return the copy of what it held (None if nothing).

    Works on a damaged database. Takes the database's lock for the duration, unless `lock` (the
    window's own) is held already. Whatever database this process has open is closed first (the file
    is replaced by rename) and left closed; the window opens it again. On the way it is opened once,
    which upgrades a backup from an older TwinDesk (after its own backup)."""
    db_path = Path(db_path)
    close_database()
    hold = contextlib.nullcontext() if lock is not None and lock.held else DatabaseLock(db_path)
    with hold:
        safety = integrity.restore(db_path, Path(source), datetime.now())
        open_database(db_path, take_backups=False)
        close_database()
    return safety


def back_up_to(db_path: Path, target: Path, *, replace: bool = False) -> Path:
    """A consistent copy of the database at `target` (the user chose the name; `replace` if they
    already agreed to overwrite it)."""
    target = Path(target)
    if replace and target.exists():
        # Copy beside it first, so a failed backup never costs the file it was to replace.
        staged = backups.copy_database(db_path, target.with_name(f".{target.name}.{datetime.now():%H%M%S%f}"))
        os.replace(staged, target)
        return target
    return backups.copy_database(db_path, target)
