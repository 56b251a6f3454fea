"""The database a person works in: finding it, locking it, opening and closing it, copying it.

The window and the command line come here rather than to `store`, so storage stays one layer down
(docs/architecture.md). Each function is a use case in the user's words; the storage work stays in `store`.
"""

import errno
import os
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

from twindesk.domain import remote_changes
from twindesk.domain.operations import door, undo, write_access
from twindesk.domain.output_file import check_target
from twindesk.domain.server_session import ServerSession
from twindesk.store import backups, close_database, integrity, open_database
from twindesk.store.backups import BackupInfo
from twindesk.store.connection import OpenedDatabase, read_only_media_problem
from twindesk.store.engine import is_server
from twindesk.store.errors import DatabaseFileError, DatabaseReadOnlyMedia
from twindesk.store.instance_lock import DatabaseInUse, DatabaseLock, LockHolder
from twindesk.store.messages import message
from twindesk.store.models import database
from twindesk.store.network_drive import DatabaseOnNetworkDrive, network_filesystem
from twindesk.store.paths import ENV_VAR, resolve_database_path
from twindesk.store.server.address import ServerAddress, is_database_url, parse_database_url
from twindesk.store.server.database import open_server

__all__ = ["ENV_VAR", "BackupInfo", "DatabaseInUse", "DatabaseLock", "DatabaseOnNetworkDrive",
           "DatabaseReadOnlyMedia", "LockHolder", "OpenedDatabase", "back_up_to", "close", "close_thread_connection",
           "current", "database_path", "list_backups", "network_filesystem", "open_server_workspace",
           "open_workspace", "path_from_environment", "refuse_network_drives", "restore_backup", "writing"]


def database_path(explicit: str | os.PathLike | None = None) -> Path:
    """`--db` (or a path chosen in Settings), else `TWINDESK_DB`, else the platform's data folder.

    A loop of symbolic links is said as such here: further on it would pass for a missing file."""
    path = resolve_database_path(explicit)
    try:
        os.stat(path)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise DatabaseFileError(path, "is a loop of symbolic links; give the database's real path") from exc
    return path


def path_from_environment() -> bool:
    """True when `TWINDESK_DB` names the database (it then wins over the Settings' choice)."""
    return bool(os.environ.get(ENV_VAR))


_own_lock: DatabaseLock | None = None  # a lock open_workspace took itself, released by close()
_current: OpenedDatabase | None = None  # what open_workspace opened, until close()
_network_drives_refused = False  # the command line's, unless --allow-network-drive; the window asks


def refuse_network_drives(refused: bool = True) -> None:
    """Whether read-write opens in this process refuse a file on a network drive (see below)."""
    global _network_drives_refused
    _network_drives_refused = refused


def refuse_network_drive(path: Path) -> None:
    """Raise DatabaseOnNetworkDrive for a file on a network drive while refused: SQLite's locking is
    not safe there (docs/architecture.md, "A database on a network drive"). Reading is not refused."""
    if _network_drives_refused:
        filesystem = network_filesystem(path)
        if filesystem is not None:
            raise DatabaseOnNetworkDrive(path, filesystem)


def current() -> OpenedDatabase | None:
    """The open database (`.engine`, `.address`, `.location`, `.read_only`, `.read_only_reason`), or None."""
    return _current if database.obj is not None else None


def open_workspace(target: Path | str | ServerAddress, *, read_only: bool = False, take_backups: bool = True,
                   lock: DatabaseLock | None = None, read_only_fallback: bool = False,
                   password: str | None = None) -> OpenedDatabase:
    """Open (creating it if missing, upgrading it after a backup) the database for this process.

    `target` is a file's path, or a PostgreSQL database's URL or ServerAddress (`open_server_workspace`).

    Read-write needs the database's write lock (docs/architecture.md, "The lock"): the caller's `lock`
    (the window holds its own, with a heartbeat), or one taken here and released by `close()`; if
    another TwinDesk holds it, DatabaseInUse says who, on which machine and since when. Every operation
    checks the lock again. `take_backups=False` skips the day's rotating copies, for work that takes its
    own backup first (an import).

    A file on a network drive raises `DatabaseOnNetworkDrive` while `refuse_network_drives()` is on
    (the command line's writing commands). A file on read-only media (or a read-only file or folder) raises `DatabaseReadOnlyMedia` before any
    lock or write; with `read_only_fallback` it is opened read-only instead, saying why in
    `read_only_reason`. A rotating backup that could not be written is `backup_warning`, not an error."""
    global _own_lock, _current
    if isinstance(target, ServerAddress) or is_database_url(str(target)):
        return open_server_workspace(target, read_only=read_only, password=password,
                                     read_only_fallback=read_only_fallback)
    path = Path(target)
    close()
    if not read_only:
        refuse_network_drive(path)
    if not read_only and path.exists():
        problem = read_only_media_problem(path)
        if problem is not None:
            if not read_only_fallback:
                raise DatabaseReadOnlyMedia(path, problem)
            opened = open_workspace(path, read_only=True)
            opened.read_only_reason = message("{path}: {problem}", path=path, problem=problem)
            return opened
    if not read_only:
        if not path.parent.is_dir():
            path.parent.mkdir(parents=True, exist_ok=True)
        if lock is None:
            lock = DatabaseLock(path)
            holder = lock.acquire()
            if holder is not None:
                raise DatabaseInUse(path, holder)
            _own_lock = lock
    try:
        opened = open_database(path, create=not read_only, read_only=read_only, take_backups=take_backups)
    except BaseException:
        close()
        raise
    door.bind_write_lock(None if read_only else lock)
    undo.history.reset()
    if not read_only:  # files a past session's documents left: no undo step can bring them back now
        from twindesk.domain.operations.documents import collect_blobs

        collect_blobs()
    _current = opened
    return opened


def open_server_workspace(target: str | ServerAddress, *, read_only: bool = False,
                          password: str | None = None, read_only_fallback: bool = False) -> OpenedDatabase:
    """Open a shared PostgreSQL database for this process. No lock file: the session stands for the
    write lock (domain/server_session.py), and the server's grants decide who may write. No backups on
    opening: the server's are pg_dump's.

    A login whose TwinDesk role only reads (write_access) is refused a read-write open with the reason,
    before anything is read; with `read_only_fallback` (the window) it opens read-only, saying why.
    A read-write open removes the document contents nobody could bring back any more (usually: none,
    one query, nothing written)."""
    global _current
    address = target if isinstance(target, ServerAddress) else parse_database_url(target)
    close()
    opened = open_server(address, password=password, read_only=read_only)
    refusal = write_access.bind_session(opened.db, address)
    if refusal is not None and not read_only:
        if not read_only_fallback:
            close()
            raise refusal
        opened.read_only, opened.read_only_reason = True, message(refusal.template, **refusal.params)
    door.bind_write_lock(ServerSession(address, read_only=opened.read_only, reason=opened.read_only_reason))
    undo.history.reset()
    if not opened.read_only:  # contents no document has used for the grace period (document_contents.py)
        from twindesk.domain.operations.document_contents import collect_blobs

        collect_blobs()
    _current = opened
    return opened


@contextmanager
def writing(target: Path | str | ServerAddress, *, take_backups: bool = False) -> Iterator[OpenedDatabase]:
    """The database opened read-write (a file under its lock) for one command, then closed and unlocked."""
    opened = open_workspace(target, take_backups=take_backups)
    try:
        yield opened
    finally:
        close()


def close() -> None:
    """Close the database and let go of the lock this module took (never the window's own)."""
    global _own_lock, _current
    remote_changes.stop()  # no notice may arrive for a database no longer open
    _current = None
    door.bind_write_lock(None)
    write_access.bind(None)
    undo.history.reset()
    close_database()
    if _own_lock is not None:
        _own_lock.release()
        _own_lock = None


def listen_for_other_staff() -> bool:
    """On a server, other staff's changes reach this process's views from now until `close()`
    (domain/remote_changes.py); False on SQLite, where nobody else writes."""
    return remote_changes.start()


def is_open() -> bool:
    """Whether a database is open (none while a restore replaces the file)."""
    return database.obj is not None


def close_thread_connection() -> None:
    """A worker thread's own SQLite connection, closed when the worker ends."""
    if database.obj is not None:
        database.close()


def back_up_to(db_path: Path, target: Path, *, replace: bool = False) -> Path:
    """A consistent copy of the database at `target` (the user chose the name; `replace` if they
    already agreed to overwrite it). Never onto the database's own files, its backups folder or
    something that is not a regular file; the old file goes only once the copy is whole."""
    target = Path(target)
    check_target(target, replace=True, database=db_path)  # an existing file: copy_database's own refusal
    return backups.copy_database(db_path, target, overwrite=replace)


def event_backup(event: str) -> Path | None:
    """A copy of the open database taken just before `event` (demo, import, restore) replaces its data;
    None on a server, whose backups are PostgreSQL's own (pg_dump)."""
    db = database.obj
    if is_server(db):
        return None
    return backups.event_backup(db.connection(), Path(db.database), event, datetime.now())


def list_backups(db_path: Path) -> list[BackupInfo]:
    """The automatic and event backups of the database, newest first, with date, kind, size and counts."""
    return backups.describe_backups(Path(db_path))


def restore_backup(db_path: Path, source: Path, *, lock: DatabaseLock | None = None) -> Path | None:
    """Replace the database at `db_path` with the backup `source`, under the write lock; return the
    copy of what it held before (None if there was nothing: no file, or an empty one).

    Works on a damaged database: the live file is never opened before it is replaced (by rename;
    store/integrity.py). The lock is the caller's `lock` (the window's own) or one taken here; whatever
    database this process has open is closed first. Then the restored file is opened once, which
    upgrades a backup from an older TwinDesk, and the restore is written to the history, clears Undo
    and tells every view (docs/architecture.md); it is left closed for the caller to open again."""
    db_path = Path(db_path)
    refuse_network_drive(db_path)
    close()
    own = lock is None or not lock.held
    if own:
        lock = DatabaseLock(db_path)
        holder = lock.acquire()
        if holder is not None:
            raise DatabaseInUse(db_path, holder)
    try:
        safety = integrity.restore(db_path, Path(source), datetime.now())
        open_workspace(db_path, take_backups=False, lock=lock)
        try:
            with door.operation("restore", summary="restored from {source}", summary_params={"source": str(source)},
                                everything=True, undoable=False):
                pass
        finally:
            close()
    finally:
        if own:
            lock.release()
    return safety
