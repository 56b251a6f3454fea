"""The files that belong to a database and that no output may ever replace.

A database is more than its file: SQLite keeps `-wal`, `-shm` (and `-journal`) beside it, the window
keeps its `.lock` there, and the rotating copies live in `<stem>-backups/`. An export or a brief
written onto any of them destroys data, whatever `--force` says.
"""

from __future__ import annotations

import os
from pathlib import Path

import peewee as pw

from twindesk.store.instance_lock import lock_path_for
from twindesk.store.models import database

SIDE_FILES = ("-wal", "-shm", "-journal")


def database_files(db_path: Path) -> list[Path]:
    """The database file and the files SQLite and TwinDesk keep beside it."""
    db_path = Path(db_path)
    return [db_path, *(db_path.with_name(db_path.name + s) for s in SIDE_FILES), lock_path_for(db_path)]


def database_in_use() -> Path | None:
    """The main file of the database bound for this process, if any (asked of SQLite itself, so it is
    right however the file was opened)."""
    if not isinstance(database.obj, pw.SqliteDatabase):  # none bound, or a server: no file
        return None
    try:
        for _seq, name, filename in database.execute_sql("PRAGMA database_list").fetchall():
            if name == "main" and filename:
                return Path(filename)
    except (pw.PeeweeException, OSError):
        pass
    name = database.obj.database
    return Path(name) if name and name != ":memory:" and not str(name).startswith("file:") else None


def real(path: Path) -> str:
    """`path` with its folder's links resolved but not its last part (a link there is the thing itself)."""
    path = Path(os.path.abspath(path))
    return os.path.join(os.path.realpath(path.parent), path.name)
