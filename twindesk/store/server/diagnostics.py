"""What PostgreSQL said, found in an exception however peewee wrapped it: its SQLSTATE and its own
one-line reason (psycopg's `diag.message_primary`)."""

from __future__ import annotations

from collections.abc import Iterator

INSUFFICIENT_PRIVILEGE = "42501"  # "permission denied …"


def _chain(exc: BaseException | None) -> Iterator[BaseException]:
    """`exc`, the driver's exception peewee keeps as its first argument, and their causes."""
    seen = set()
    while exc is not None and id(exc) not in seen:
        seen.add(id(exc))
        yield exc
        yield from (a for a in exc.args if isinstance(a, BaseException))
        exc = exc.__cause__ or exc.__context__


def sqlstate(exc: BaseException) -> str | None:
    return next((c.sqlstate for c in _chain(exc) if getattr(c, "sqlstate", None)), None)


def primary_message(exc: BaseException) -> str:
    """The server's reason ("permission denied for table home_locality"), or the exception's text."""
    for candidate in _chain(exc):
        diag = getattr(candidate, "diag", None)
        if diag is not None and getattr(diag, "message_primary", None):
            return diag.message_primary
    return str(exc)


def refused_table(exc: BaseException) -> str | None:
    """For a "permission denied" error: the table it names ("" if none); None for any other error."""
    if sqlstate(exc) != INSUFFICIENT_PRIVILEGE:
        return None
    text = primary_message(exc)
    return text.rsplit(" ", 1)[-1] if " for table " in text else ""
