"""Plain messages for the environment's errors: a locked database, a full disk, a damaged file, a
read-only or forbidden place, a symbolic-link loop, an ID SQLite cannot hold.

`describe_environment_error(exc)` says what happened and what to do, or returns None when the exception
is a bug (which gets the crash dialog instead). The messages are English templates with their Chinese
in `store.messages_zh`; `lang` says them in a person's language (a `UserError` by its own `text(lang)`).
The window may still pass them through Qt's translation (`translate`, context `ENVIRONMENT_ERROR_CONTEXT`),
so keep these strings and the `QT_TRANSLATE_NOOP` list in `twindesk.ui.shell.crash` the same.
"""

from __future__ import annotations

import errno
import sqlite3
import sys
from collections.abc import Callable

from twindesk.store.errors import UserError
from twindesk.store.messages import render

ENVIRONMENT_ERROR_CONTEXT = "EnvironmentError"

DATABASE_BUSY = (
    "The database is busy (another program is writing to it). Wait a moment and try again; nothing was lost."
)
DISK_FULL = "The disk is full. Free some space and try again; nothing was lost."
DATABASE_DAMAGED = (
    "The database file is damaged. Restore the latest backup: File › Restore from backup… in the window, "
    "or twindesk restore BACKUP.db on the command line."
)
READ_ONLY = (
    "The file, its folder or the disk is read-only. Nothing was changed; choose a place you can write to."
)
PERMISSION_DENIED = (
    "Permission denied: TwinDesk may not use this file or folder. Nothing was changed; check its "
    "permissions or choose another place."
)
SYMLINK_LOOP = "The path is a loop of symbolic links. Nothing was changed; give the file's real path."
ID_OUT_OF_RANGE = "An ID is out of range (IDs run from 1 to 9223372036854775807). Nothing was changed."

MESSAGES = (DATABASE_BUSY, DISK_FULL, DATABASE_DAMAGED, READ_ONLY, PERMISSION_DENIED, SYMLINK_LOOP,
            ID_OUT_OF_RANGE)

_ERRNO_MESSAGES = {
    errno.ENOSPC: DISK_FULL,
    **({errno.EDQUOT: DISK_FULL} if hasattr(errno, "EDQUOT") else {}),
    errno.EROFS: READ_ONLY,
    errno.EACCES: PERMISSION_DENIED,
    errno.EPERM: PERMISSION_DENIED,
    errno.ELOOP: SYMLINK_LOOP,
}
# SQLite's primary result codes (the low byte of `sqlite_errorcode`, Python 3.11+).
_SQLITE_MESSAGES = {
    getattr(sqlite3, "SQLITE_BUSY", 5): DATABASE_BUSY,
    getattr(sqlite3, "SQLITE_LOCKED", 6): DATABASE_BUSY,
    getattr(sqlite3, "SQLITE_READONLY", 8): READ_ONLY,
    getattr(sqlite3, "SQLITE_CORRUPT", 11): DATABASE_DAMAGED,
    getattr(sqlite3, "SQLITE_FULL", 13): DISK_FULL,
    getattr(sqlite3, "SQLITE_NOTADB", 26): DATABASE_DAMAGED,
}
_SQLITE_TEXTS = (  # for errors that carry no code (peewee's own, older Pythons)
    (("database is locked", "database table is locked", "database is busy"), DATABASE_BUSY),
    (("disk is full",), DISK_FULL),  # SQLITE_FULL: "database or disk is full"
    (("readonly database", "read-only database"), READ_ONLY),  # "attempt to write a readonly database"
    (("malformed", "file is not a database"), DATABASE_DAMAGED),
)
# A failed rollback or commit after the real error: SQLite already ended the transaction itself (as it
# does on SQLITE_FULL), and the cleanup's error hides the cause in its `__context__`.
_CLEANUP_TEXTS = ("cannot rollback", "no transaction is active", "cannot commit")


def _peewee_error() -> tuple[type, ...]:
    """peewee's base exception, once peewee is loaded: none of its errors exists before, and the window
    paints before it loads the database layer (docs/architecture.md, "Start-up")."""
    peewee = sys.modules.get("peewee")
    return (peewee.PeeweeException,) if peewee is not None else ()


def describe_environment_error(exc: BaseException, translate: Callable[[str], str] | None = None,
                               lang: str = "en") -> str | None:
    """The plain message for an environment error (or a `UserError`'s own message); None for a bug.

    A file error names its file: "PATH: message", in `lang`. `translate` (the window's Qt translation)
    is applied to the fixed message instead, where given. Follows explicit causes (`raise … from …`); the implicit context only where it is the same
    failure seen twice (peewee re-raising SQLite's error, a rollback failing after it): a bug raised
    while handling a locked database is still a bug.
    """
    for link in _chain(exc):
        found = _describe_one(link, lang)
        if found is not None:
            message, filename = found
            if translate is not None and message in MESSAGES:
                message = translate(message)
            elif message in MESSAGES:
                message = render(message, None, lang)
            return render("{path}: {problem}", {"path": filename, "problem": message}, lang) if filename else message
    return None


def is_environment_error(exc: BaseException) -> bool:
    return describe_environment_error(exc) is not None


def _describe_one(exc: BaseException, lang: str = "en") -> tuple[str, str | None] | None:
    if isinstance(exc, UserError):
        return (exc.text(lang) or type(exc).__name__), None
    if isinstance(exc, OSError) and exc.errno in _ERRNO_MESSAGES:
        return _ERRNO_MESSAGES[exc.errno], exc.filename
    if isinstance(exc, OverflowError) and "SQLite INTEGER" in str(exc):  # an ID past 2**63 - 1
        return ID_OUT_OF_RANGE, None
    if isinstance(exc, (sqlite3.Error, *_peewee_error())):
        code = getattr(exc, "sqlite_errorcode", None)
        if code is not None and code & 0xFF in _SQLITE_MESSAGES:
            return _SQLITE_MESSAGES[code & 0xFF], None
        text = str(exc).lower()
        for words, message in _SQLITE_TEXTS:
            if any(w in text for w in words):
                return message, None
    return None


def _chain(exc: BaseException, limit: int = 10):
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen and len(seen) < limit:
        seen.add(id(current))
        yield current
        current = current.__cause__ if current.__cause__ is not None else _same_failure(current)


def _same_failure(exc: BaseException) -> BaseException | None:
    """The implicit context, when it is the failure `exc` only reports again; else None."""
    context = exc.__context__
    if context is None or exc.__suppress_context__:
        return None
    if isinstance(exc, _peewee_error()) and isinstance(context, sqlite3.Error):
        return context  # peewee wraps every sqlite3 error this way
    if isinstance(exc, (sqlite3.Error, *_peewee_error())) and any(t in str(exc).lower() for t in _CLEANUP_TEXTS):
        return context
    return None
