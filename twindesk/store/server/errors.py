"""What went wrong with the shared server, said so a person knows what to do (docs/architecture.md,
"PostgreSQL: the shared server (store)").

`server_error(exc, address)` turns a psycopg (or peewee-wrapped) exception into one of the
`ServerError`s below. It reads the SQLSTATE where the server sent one, and libpq's own words where the
failure happened before any server answered (a refused connection, a TLS handshake).
"""

from __future__ import annotations

import re

from twindesk.store.errors import UserError
from twindesk.store.server.messages import (
    CONNECTION_LOST,
    LOGIN_FAILED,
    NO_DATABASE,
    NO_PERMISSION,
    NOT_INITIALIZED,
    READ_ONLY,
    TLS_FAILED,
    UNREACHABLE,
)


class ServerError(UserError):
    """A problem with the PostgreSQL server or the connection to it; `address` is where."""

    address = None


class ServerUnreachable(ServerError):
    pass


class ServerLoginFailed(ServerError):
    pass


class ServerPermissionDenied(ServerError):
    pass


class ServerTlsFailed(ServerError):
    pass


class ServerNotInitialized(ServerError):
    pass


class ServerSchemaMismatch(ServerNotInitialized):
    """The database is TwinDesk's, at a schema version this TwinDesk does not open."""


class ServerConnectionLost(ServerError):
    pass


# SQLSTATE classes and codes (PostgreSQL's appendix A).
_LOGIN = {"28000", "28P01"}
_PERMISSION = {"42501"}
_READ_ONLY = {"25006"}
_NO_DATABASE = {"3D000"}
_LOST_CLASSES = ("08", "57P")  # connection exceptions; operator intervention (admin shutdown, crash)
_NOT_INITIALIZED = {"42P01"}

_TLS_WORDS = ("ssl", "tls", "certificate")
_LOGIN_WORDS = ("password authentication failed", "no password supplied", "role \"", "authentication failed",
                "peer authentication", "ident authentication")
_PERMISSION_WORDS = ("permission denied", "no pg_hba.conf entry", "not permitted to log in")
_LOST_WORDS = ("server closed the connection", "terminating connection", "connection is closed",
               "consuming input failed", "connection is lost", "ssl syscall error", "eof detected",
               "connection has been closed", "the connection is lost", "broken pipe",
               "connection reset", "sending query failed", "flushing failed")


def _original(exc: BaseException) -> BaseException:
    """The driver's exception under peewee's wrapper."""
    return getattr(exc, "orig", None) or exc


def reason_of(exc: BaseException) -> str:
    """The server's or libpq's reason, on one line, without libpq's "connection to server at … failed:"
    and the "FATAL:"/"ERROR:" prefix ("Connection refused", "password authentication failed for …")."""
    exc = _original(exc)
    diag = getattr(exc, "diag", None)
    text = (getattr(diag, "message_primary", None) if diag is not None else None) or str(exc)
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    line = lines[0] if lines else type(exc).__name__
    return _PREFIXES.sub("", line).strip().rstrip(".") or line


_PREFIXES = re.compile(r"^(connection failed:\s*)?(connection to server (at|on) .*? failed:\s*)?((FATAL|ERROR):\s*)?")


def is_connection_failure(exc: BaseException) -> bool:
    """True when `exc` says the connection itself broke (as opposed to a refused statement)."""
    exc = _original(exc)
    state = getattr(exc, "sqlstate", None) or ""
    if state.startswith(_LOST_CLASSES):
        return True
    text = str(exc).lower()
    return any(w in text for w in _LOST_WORDS)


def server_error(exc: BaseException, address, *, connecting: bool = False) -> ServerError:
    """The ServerError that says `exc` for `address` (a ServerAddress). `connecting`: it happened while
    opening the connection (so a broken connection means "unreachable", not "lost")."""
    if isinstance(exc, ServerError):
        return exc
    original = _original(exc)
    state = getattr(original, "sqlstate", None) or ""
    text = str(original).lower()
    reason = reason_of(original)
    server = address.display() if address is not None else "the database server"
    if state in _LOGIN or (connecting and any(w in text for w in _LOGIN_WORDS)):
        error = ServerLoginFailed(LOGIN_FAILED, server=server, reason=reason)
    elif state in _NO_DATABASE or (connecting and "database \"" in text and "does not exist" in text):
        error = ServerNotInitialized(NO_DATABASE, server=server)
    elif state in _READ_ONLY:
        error = ServerPermissionDenied(READ_ONLY, server=server, reason=reason)
    elif state in _PERMISSION or any(w in text for w in _PERMISSION_WORDS):
        error = ServerPermissionDenied(NO_PERMISSION, server=server, reason=reason)
    elif connecting and any(w in text for w in _TLS_WORDS):
        error = ServerTlsFailed(TLS_FAILED, server=server, reason=reason)
    elif state in _NOT_INITIALIZED:
        error = ServerNotInitialized(NOT_INITIALIZED, server=server)
    elif connecting:
        error = ServerUnreachable(UNREACHABLE, server=server, reason=reason)
    elif is_connection_failure(original):
        error = ServerConnectionLost(CONNECTION_LOST, server=server, reason=reason)
    else:  # a statement the server refused for another reason: said as it is, a bug if it recurs
        error = ServerError("{server}: the database server refused the work: {reason}", server=server,
                            reason=reason)
    error.address = address
    return error


def is_server_problem(exc: BaseException) -> bool:
    """True when `exc` is the server's or the connection's doing (a login, a grant, a lost connection, a
    read-only session), which `server_error` says for a person; False for anything else (a bug)."""
    original = _original(exc)
    state = getattr(original, "sqlstate", None) or ""
    text = str(original).lower()
    return (state in _LOGIN | _PERMISSION | _READ_ONLY | _NO_DATABASE or is_connection_failure(original)
            or any(w in text for w in _PERMISSION_WORDS))
