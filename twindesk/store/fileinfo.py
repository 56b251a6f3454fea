"""Looking at a database file before SQLite writes anything to it.

Opening a file with SQLite in WAL mode rewrites its header, so a text file, an empty file or a damaged
database must be recognised from the outside first: the file stays exactly as it was.
"""

import struct
from pathlib import Path

from twindesk.store.errors import DatabaseFileError

SQLITE_MAGIC = b"SQLite format 3\x00"
# PRAGMA application_id of every TwinDesk database: "TwDk".
APPLICATION_ID = 0x5477446B


def check_header(path: Path) -> bytes:
    """Raise DatabaseFileError unless `path` looks like a whole SQLite file."""
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
        raise DatabaseFileError(path, f"is damaged: only {size} bytes, shorter than a database header")
    (page_size,) = struct.unpack(">H", header[16:18])
    page_size = 65536 if page_size == 1 else page_size
    (page_count,) = struct.unpack(">I", header[28:32])
    change_counter, valid_for = struct.unpack(">I", header[24:28])[0], struct.unpack(">I", header[92:96])[0]
    # The in-header page count is reliable only when written by SQLite 3.7.0+ in the same transaction.
    if change_counter == valid_for and page_count and size < page_size * page_count:
        raise DatabaseFileError(
            path,
            f"is damaged: the file is cut short ({size} bytes of {page_size * page_count}); "
            "restore it from a backup",
        )
    return header


def inspect_existing(path: Path, newest_version: int) -> int:
    """Check that an existing file is a TwinDesk database we can open; return its schema version.

    Both numbers come from the file header, so nothing is opened. TwinDesk writes the application id
    before switching to WAL, and checkpoints after every migration, so the header is current.
    """
    header = check_header(path)
    (version,) = struct.unpack(">I", header[60:64])
    (app_id,) = struct.unpack(">I", header[68:72])
    if app_id != APPLICATION_ID:
        raise DatabaseFileError(path, "is an SQLite database, but not a TwinDesk database")
    if version > newest_version:
        raise DatabaseFileError(
            path,
            f"was written by a newer TwinDesk (schema {version}; this one knows up to {newest_version}); "
            "update TwinDesk to open it",
        )
    return version
