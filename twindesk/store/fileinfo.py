"""Looking at a database file before SQLite writes anything to it.

Opening a file with SQLite in WAL mode rewrites its header, so a text file, an empty file or a damaged
database must be recognised from the outside first: the file stays exactly as it was.

The outside is not the whole story when a `-wal` file holds committed frames: SQLite reads the newest
version of each page from the WAL, so the main file may be shorter than its header says (a checkpoint
killed after it wrote page 1) and its header may be stale. Then SQLite itself is asked, over a read-only
connection, which changes no byte of the database (it may create the `-shm` index a WAL needs).
"""

import os
import sqlite3
import struct
from pathlib import Path

from twindesk.store.errors import DatabaseDamaged, DatabaseFileError
from twindesk.store.messages import message

SQLITE_MAGIC = b"SQLite format 3\x00"
# PRAGMA application_id of every TwinDesk database: "TwDk".
APPLICATION_ID = 0x5477446B
WAL_HEADER_SIZE = 32

# Where the damaged-database messages send people: both ways to restore exist.
RESTORE_HINT = message("restore a backup (twindesk restore BACKUP.db, or File › Restore from backup… in the window)")


def wal_path(path: Path) -> Path:
    return Path(f"{path}-wal")


def wal_has_frames(path: Path) -> bool:
    """True if `path-wal` holds more than its header: SQLite may read pages from it."""
    try:
        return wal_path(path).stat().st_size > WAL_HEADER_SIZE
    except OSError:
        return False


def in_wal_mode(path: Path) -> bool:
    """True if the file's header says WAL mode (bytes 18 and 19 are 2; 1 is a rollback journal)."""
    try:
        with Path(path).open("rb") as f:
            f.seek(18)
            return f.read(1) == b"\x02"
    except OSError:
        return False


def read_only_uri(path: Path) -> str:
    """Plain read-only (not immutable): a WAL, even one another process is writing, is read as SQLite would.

    Except in a folder nobody here can write (a read-only medium) with no WAL beside the file: SQLite
    could not create the `-shm` index a WAL-mode file needs even to be read, and there is nothing to
    index, so the file is read as it is."""
    path = Path(path).resolve()
    uri = path.as_uri() + "?mode=ro"
    if not wal_path(path).exists() and not os.access(path.parent, os.W_OK):
        uri += "&immutable=1"
    return uri


def _outside(path: Path) -> tuple[bytes, tuple[int, int] | None]:
    """The file's header, and (size, expected size) when the file is shorter than its header says but its
    WAL may hold the missing pages; DatabaseFileError unless it looks like a whole SQLite file."""
    path = Path(path)
    if path.is_dir():
        raise DatabaseFileError(path, "is a folder, not a database file")
    if not path.exists():
        raise DatabaseFileError(path, "does not exist")
    size = path.stat().st_size
    if size == 0:
        raise DatabaseFileError(path, "is an empty file, not a TwinDesk database")
    with path.open("rb") as f:
        header = f.read(100)
    if not header.startswith(SQLITE_MAGIC):
        raise DatabaseFileError(path, "is not a TwinDesk database (not an SQLite file)")
    if len(header) < 100:
        raise DatabaseDamaged(path, "is damaged: only {size} bytes, shorter than a database header", size=size)
    (page_size,) = struct.unpack(">H", header[16:18])
    page_size = 65536 if page_size == 1 else page_size
    (page_count,) = struct.unpack(">I", header[28:32])
    change_counter, valid_for = struct.unpack(">I", header[24:28])[0], struct.unpack(">I", header[92:96])[0]
    # The in-header page count is reliable only when written by SQLite 3.7.0+ in the same transaction.
    if change_counter == valid_for and page_count and size < page_size * page_count:
        if not wal_has_frames(path):
            raise DatabaseDamaged(
                path, "is damaged: the file is cut short ({size} bytes of {expected}); {hint}", size=size,
                expected=page_size * page_count, hint=RESTORE_HINT,
            )
        return header, (size, page_size * page_count)  # the missing pages may sit in the WAL
    return header, None


def check_header(path: Path) -> bytes:
    """Raise DatabaseFileError unless `path` looks like a whole SQLite file (with its WAL)."""
    header, short = _outside(path)
    if short is not None:
        _ask_sqlite(path, short)
    return header


def _ask_sqlite(path: Path, short: tuple[int, int] | None) -> tuple[int, int]:
    """(user_version, application_id) as SQLite sees them, the WAL's newer page 1 included; with `short`
    (the file's size and the size its header gives), first that every page can be read. One read-only
    connection for both."""
    checking = short is not None
    try:
        conn = sqlite3.connect(read_only_uri(path), uri=True)
        try:
            result = conn.execute("PRAGMA quick_check").fetchone()[0] if checking else "ok"
            checking = False
            if result == "ok":
                version = conn.execute("PRAGMA user_version").fetchone()[0]
                app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        if not checking:
            raise DatabaseDamaged(path, "is damaged ({reason}); {hint}", reason=exc, hint=RESTORE_HINT) from exc
        result = str(exc)
    if result != "ok":
        raise DatabaseDamaged(
            path,
            "is damaged: the file is cut short ({size} bytes of {expected}) and its WAL does not hold the "
            "missing pages ({result}); {hint}", size=short[0], expected=short[1], result=result, hint=RESTORE_HINT,
        )
    return version, app_id & 0xFFFFFFFF


def inspect_existing(path: Path, newest_version: int) -> int:
    """Check that an existing file is a TwinDesk database we can open; return its schema version.

    Both numbers come from the file header, so nothing is opened; when the WAL holds frames (its page 1
    may be newer than the main file's), they come from SQLite over a read-only connection.
    """
    header, short = _outside(path)
    if short is not None or wal_has_frames(path):  # one connection checks the pages and reads the numbers
        version, app_id = _ask_sqlite(path, short)
    else:
        (version,) = struct.unpack(">I", header[60:64])
        (app_id,) = struct.unpack(">I", header[68:72])
    if app_id != APPLICATION_ID:
        raise DatabaseFileError(path, "is an SQLite database, but not a TwinDesk database")
    if version > newest_version:
        raise DatabaseFileError(
            path,
            "was written by a newer TwinDesk (schema {version}; this one knows up to {newest}); "
            "update TwinDesk to open it", version=version, newest=newest_version,
        )
    return version
