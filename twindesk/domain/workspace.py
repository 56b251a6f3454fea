"""The database a person works in: finding it, locking it, opening and closing it, copying it.

The window and the command line come here rather than to `store`, so storage stays one layer down
(DESIGN §3). Each function is a use case in the user's words; the storage work stays in `store`.
"""

import os
from datetime import datetime
from pathlib import Path

from twindesk.store import backups, close_database, open_database
from twindesk.store.connection import OpenedDatabase
from twindesk.store.instance_lock import DatabaseLock, LockHolder
from twindesk.store.models import database
from twindesk.store.paths import ENV_VAR, resolve_database_path

__all__ = ["ENV_VAR", "DatabaseLock", "LockHolder", "OpenedDatabase", "back_up_to", "close",
           "close_thread_connection", "database_path", "open_workspace", "path_from_environment"]


def database_path(explicit: str | os.PathLike | None = None) -> Path:
    """`--db` (or a path chosen in Settings), else `TWINDESK_DB`, else the platform's data folder."""
    return resolve_database_path(explicit)


def path_from_environment() -> bool:
    """True when `TWINDESK_DB` names the database (it then wins over the Settings' choice)."""
    return bool(os.environ.get(ENV_VAR))


def open_workspace(path: Path, *, read_only: bool = False, take_backups: bool = True) -> OpenedDatabase:
    """Open (creating it if missing, upgrading it after a backup) the database for this process.

    `take_backups=False` skips the day's rotating copies, for work that takes its own backup first
    (an import)."""
    path = Path(path)
    if not read_only:
        path.parent.mkdir(parents=True, exist_ok=True)
    return open_database(path, create=not read_only, read_only=read_only, take_backups=take_backups)


def close() -> None:
    close_database()


def close_thread_connection() -> None:
    """A worker thread's own SQLite connection, closed when the worker ends."""
    if database.obj is not None:
        database.close()


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
