"""A server login's password in the operating system's keyring, never in our settings or history.

The window and the command line both come here (docs/architecture.md, "Connecting staff to the
server"). Passwords are kept under the service "TwinDesk", one per login: "user@host:port/db". Where
no keyring works (a server without a desktop session, a locked-down PC), `store_password` says so,
and libpq's own ~/.pgpass or a service file (pg_service.conf) keeps the password instead; libpq reads
those itself, so nothing here has to.

`keyring` is imported when a password is first looked up: its backends are found through entry
points, which takes a while, and a database file never needs them.
"""

from __future__ import annotations

import getpass
import sys
from collections.abc import Callable
from typing import Protocol

from twindesk.store.errors import UserError
from twindesk.store.messages import add_chinese

SERVICE = "TwinDesk"

NO_KEYRING = ("No system keyring is available here ({reason}), so the password cannot be remembered. "
              "Keep it in ~/.pgpass (%APPDATA%\\postgresql\\pgpass.conf on Windows) or in a PostgreSQL "
              "service file, or type it each time.")
PASSWORD_NEEDED = ("{server} needs a password and none is in the keyring or ~/.pgpass; run TwinDesk in a "
                   "terminal to type it, or keep it in ~/.pgpass or a PostgreSQL service file.")

add_chinese({
    NO_KEYRING: "此处没有可用的系统密钥环（{reason}），因此无法记住密码。请将密码保存在 ~/.pgpass（Windows 上为 "
                "%APPDATA%\\postgresql\\pgpass.conf）或 PostgreSQL 服务文件中，或每次输入。",
    PASSWORD_NEEDED: "{server} 需要密码，但密钥环和 ~/.pgpass 中都没有；请在终端中运行 TwinDesk 以输入密码，"
                     "或将其保存在 ~/.pgpass 或 PostgreSQL 服务文件中。",
})


class KeyringUnavailable(UserError):
    """No keyring backend works on this machine; the message says where else a password can live."""


class PasswordNeeded(UserError):
    """The server asks for a password, and nobody is at a terminal to type it."""


class Login(Protocol):  # a ServerAddress (store/server/address.py), or anything with its fields
    host: str
    port: int
    database: str
    user: str


def keyring_username(address: Login) -> str:
    """The keyring's name for one login: "wang@db.office:5432/twindesk"."""
    return f"{address.user}@{address.host}:{address.port}/{address.database}"


def _keyring():
    import keyring

    return keyring


def keyring_problem() -> str | None:
    """Why no keyring can keep a password here, or None when one can."""
    try:
        backend = _keyring().get_keyring()
    except Exception as exc:  # a broken backend configuration: the same as none
        return str(exc) or type(exc).__name__
    priority = getattr(backend, "priority", 1)
    if priority is not None and priority <= 0:  # keyring.backends.fail / null: they keep nothing
        return type(backend).__module__.rpartition(".")[2] + " backend"
    return None


def lookup_password(address: Login) -> str | None:
    """The remembered password, or None (none kept, or no keyring works: libpq then tries .pgpass)."""
    if not address.user:
        return None
    try:
        return _keyring().get_password(SERVICE, keyring_username(address))
    except Exception:  # keyring.errors.KeyringError and a backend's own failures
        return None


def store_password(address: Login, password: str) -> None:
    """Remember `password` for this login; KeyringUnavailable when no keyring works here."""
    problem = keyring_problem()
    if problem is not None:
        raise KeyringUnavailable(NO_KEYRING, reason=problem)
    try:
        _keyring().set_password(SERVICE, keyring_username(address), password)
    except Exception as exc:
        raise KeyringUnavailable(NO_KEYRING, reason=str(exc) or type(exc).__name__) from exc


def delete_password(address: Login) -> bool:
    """Forget the login's password (a wrong one, or "remember" unticked); False when none was kept."""
    try:
        _keyring().delete_password(SERVICE, keyring_username(address))
    except Exception:  # keyring.errors.PasswordDeleteError: there was none
        return False
    return True


_signed_in: dict[str, str] = {}  # login -> the password that worked, for this process only (never written)


def remember_signed_in(address: Login, password: str | None) -> None:
    """The password a command signed in with, for every connection it opens to that login afterwards."""
    if password:
        _signed_in[keyring_username(address)] = password


def signed_in_password(address: Login) -> str | None:
    return _signed_in.get(keyring_username(address))


def terminal_asker(server: str) -> Callable[[str], str]:
    """For the command line: ask with getpass when a person is at a terminal (the reason of a wrong
    password first); otherwise PasswordNeeded, so a script fails at once instead of hanging."""

    def ask(reason: str) -> str:
        if not (sys.stdin.isatty() and sys.stderr.isatty()):
            raise PasswordNeeded(PASSWORD_NEEDED, server=server)
        if reason:
            print(f"twindesk: {reason}", file=sys.stderr)
        return getpass.getpass(f"Password for {server}: ")

    return ask
