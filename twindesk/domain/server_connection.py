"""Staff's connection to the shared server, in the user's words: the address typed in Settings, the
password (keyring, .pgpass or asked), testing a connection, noticing that it dropped and getting it back.

The window and the command line come here rather than to `store` (docs/architecture.md, "Layers";
"Connecting staff to the server"). Nothing here imports Qt, nor psycopg before a server is used.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass

from twindesk.store.server.password import (  # noqa: F401 - the window reads them from here
    KeyringUnavailable,
    PasswordNeeded,
    delete_password,
    keyring_problem,
    keyring_username,
    lookup_password,
    remember_signed_in,
    store_password,
    terminal_asker,
)

ASKED_AT_MOST = 3  # a wrong password is asked for again, with the reason, this many times in all


def address_of(*, host: str, port: int, database: str, user: str, sslmode: str = "prefer",
               sslrootcert: str = "", service: str = ""):
    """A ServerAddress from the connect dialog's fields (no password: it is never part of an address)."""
    from twindesk.store.server.address import ServerAddress

    return ServerAddress(host=host.strip(), port=int(port), database=database.strip(), user=user.strip(),
                         sslmode=sslmode, sslrootcert=sslrootcert.strip(), service=service.strip())


def parse(url: str):
    from twindesk.store.server.address import parse_database_url

    return parse_database_url(url)


def is_database_url(text: str) -> bool:
    return text.startswith(("postgresql:", "postgres:"))


@dataclass(frozen=True)
class Probe:
    """What a test connection found: who we are on which server, and whether the line is encrypted."""

    login: str
    server_version: str
    encrypted: bool


def probe(address, password: str | None) -> Probe:
    """Connect once, ask who we are, and disconnect: the connect dialog's Test (on a worker thread).
    The server's refusal is a ServerError (unreachable, login failed, TLS, permission) saying where."""
    import psycopg

    from twindesk.store.server.errors import server_error

    try:
        conn = psycopg.connect(**address.connect_params(password))
    except psycopg.Error as exc:
        raise server_error(exc, address, connecting=True) from exc
    try:
        with conn:
            login, version = conn.execute("SELECT current_user, current_setting('server_version')").fetchone()
            row = conn.execute("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()").fetchone()
    except psycopg.Error as exc:
        raise server_error(exc, address) from exc
    return Probe(login, version, bool(row and row[0]))


def login_failed(exc: BaseException) -> bool:
    from twindesk.store.server.errors import ServerLoginFailed

    return isinstance(exc, ServerLoginFailed)


def no_password_given(exc: BaseException) -> bool:
    """The server asked for a password and libpq had none (not a wrong one): asked without a reason."""
    while exc is not None:
        if "no password supplied" in str(exc):
            return True
        exc = exc.__cause__ or exc.__context__
    return False


def open_with_password(address, open_with: Callable[[str | None], object],
                       ask: Callable[[str], str | None], password: str | None = None):
    """`open_with(password)`, first with `password` or the keyring's (None lets libpq read .pgpass or a
    service file), then with what `ask(reason)` returns while the login fails: reason "" when none was
    given, the server's refusal when it was wrong. `ask` returning None gives up: the refusal is raised.

    Returns (what open_with returned, the password that worked or None)."""
    if password is None:
        password = lookup_password(address)
    for attempt in range(ASKED_AT_MOST + 1):
        try:
            return open_with(password), password
        except Exception as exc:
            if not login_failed(exc) or attempt == ASKED_AT_MOST:
                raise
            reason = "" if password is None and no_password_given(exc) else _said(exc)
            typed = ask(reason)
            if typed is None:
                raise
            password = typed
    raise AssertionError("unreachable")


def sign_in(address, ask: Callable[[str], str | None]) -> None:
    """For a command, before it opens the database: find the password that works (the keyring's, libpq's
    .pgpass, or `ask`ed), kept in memory for this process's connections to that login."""
    _, password = open_with_password(address, lambda pw: probe(address, pw), ask)
    remember_signed_in(address, password)


def _said(exc: BaseException) -> str:
    text = getattr(exc, "text", None)
    return text() if callable(text) else str(exc)


# --- a connection that dropped while working ----------------------------------------------------------

def is_connection_fault(exc: BaseException | None) -> bool:
    """The server went away (network, restart, a killed backend) rather than refusing what we asked:
    the window then shows its reconnecting bar instead of a message or the crash dialog."""
    if "twindesk.store.server.database" not in sys.modules or exc is None:
        return False  # no server was ever opened in this process
    from twindesk.store.server.errors import ServerConnectionLost, ServerUnreachable

    seen = 0
    while exc is not None and seen < 10:
        if isinstance(exc, (ServerConnectionLost, ServerUnreachable)):
            return True
        if _is_lost_psycopg_connection(exc):
            return True
        exc, seen = exc.__cause__ or exc.__context__, seen + 1
    return False


def _is_lost_psycopg_connection(exc: BaseException) -> bool:
    psycopg = sys.modules.get("psycopg")
    if psycopg is None or not isinstance(exc, psycopg.OperationalError):
        return False
    if isinstance(exc, psycopg.errors.AdminShutdown | psycopg.errors.CannotConnectNow):
        return True  # a restart, or the backend terminated by an administrator
    text = str(exc).lower()
    return any(words in text for words in (
        "the connection is closed", "server closed the connection", "connection to server",
        "consuming input failed", "terminating connection", "connection is lost", "connection refused",
        "could not receive data", "could not send data", "ssl syscall error", "eof detected"))


def server_is_back(address, password: str | None) -> bool:
    """One try at the server (a worker thread's, every few seconds while the window waits for it)."""
    try:
        probe(address, password)
    except Exception:
        return False
    return True


def wait_for_server() -> None:
    """The connection dropped and the window waits for the server: until `reconnect`, no statement
    tries to connect (each fails at once, saying the connection is lost) rather than waiting for a
    host that may not answer at all."""
    server = _bound_server()
    if server is not None:
        server.wait_for_server()


def server_answers() -> None:
    """The server answered another connection of this process (the change listener's, back after a
    break): statements may connect again, so the views reading on its notice get their data."""
    server = _bound_server()
    if server is not None:
        server.wait_for_server(False)


def reconnect() -> None:
    """The calling thread's connection to the server, dropped and opened again (it is known to be
    broken; the server answered a probe just now). The same peewee database, the same parameters.
    If it cannot, the window goes on waiting (`wait_for_server`)."""
    from twindesk.store.models import database

    if database.obj is None:
        return
    server = _bound_server()
    if server is None:  # a database file: nothing to get back
        database.connect(reuse_if_open=True)
        return
    server.wait_for_server(False)
    try:
        server.drop_broken_connection(force=True)
        database.connect(reuse_if_open=True)
    except BaseException:
        server.wait_for_server()
        raise


def _bound_server():
    """The bound server database (store/server/database.py), or None (no database, or a file)."""
    from twindesk.store.engine import is_server
    from twindesk.store.models import database

    return database.obj if is_server() else None
