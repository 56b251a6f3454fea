"""Plain messages for the environment's errors: a locked database, a full disk, a damaged file.

`describe_environment_error(exc)` says what happened and what to do, or returns None when the exception
is a bug (which gets the crash dialog instead). The messages are English source texts; the window passes
them through Qt's translation (context `ENVIRONMENT_ERROR_CONTEXT`), so keep these strings and the
`QT_TRANSLATE_NOOP` list in `twindesk.ui.crash` the same.
"""

from __future__ import annotations

import errno
import sqlite3

import peewee as pw

from twindesk.store.errors import UserError

ENVIRONMENT_ERROR_CONTEXT = "EnvironmentError"

DATABASE_BUSY = (
    "The database is busy (another program is writing to it). Wait a moment and try again; nothing was lost."
)
DISK_FULL = "The disk is full. Free some space and try again; nothing was lost."
DATABASE_DAMAGED = (
    "The database file is damaged. Restore the latest backup: File › Restore from backup… in the window, "
    "or twindesk restore BACKUP.db on the command line."
)

MESSAGES = (DATABASE_BUSY, DISK_FULL, DATABASE_DAMAGED)

_DISK_FULL_ERRNOS = {errno.ENOSPC} | ({errno.EDQUOT} if hasattr(errno, "EDQUOT") else set())
_DATABASE_ERRORS = (sqlite3.Error, pw.PeeweeException)


def describe_environment_error(exc: BaseException) -> str | None:
    """The plain message for an environment error (or a `UserError`'s own message); None for a bug.

    Follows explicit causes (`raise … from …`), not the implicit context: a bug raised while handling
    a locked database is still a bug.
    """
    for link in _chain(exc):
        message = _describe_one(link)
        if message is not None:
            return message
    return None


def is_environment_error(exc: BaseException) -> bool:
    return describe_environment_error(exc) is not None


def _describe_one(exc: BaseException) -> str | None:
    if isinstance(exc, UserError):
        return str(exc) or type(exc).__name__
    if isinstance(exc, OSError) and exc.errno in _DISK_FULL_ERRNOS:
        return DISK_FULL
    if isinstance(exc, _DATABASE_ERRORS):
        text = str(exc).lower()
        if "database is locked" in text or "database table is locked" in text or "database is busy" in text:
            return DATABASE_BUSY
        if "disk is full" in text:  # SQLITE_FULL: "database or disk is full"
            return DISK_FULL
        if "malformed" in text or "file is not a database" in text:
            return DATABASE_DAMAGED
    return None


def _chain(exc: BaseException, limit: int = 10):
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen and len(seen) < limit:
        seen.add(id(current))
        yield current
        current = current.__cause__
