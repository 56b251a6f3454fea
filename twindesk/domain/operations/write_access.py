"""Which writes this session may make, and why not (docs/architecture.md, "Who may do what").

On a shared server the login's TwinDesk role decides (`store.server.access`): a reader writes nothing,
an editor everything but home localities, an admin everything. The workspace binds the session's level
when a server database opens; the door asks `require(action, kind)` before an operation begins, so a
refused write says why before anything is read or written. The server's grants remain the authority:
a write that slips past this check is refused by the server, and `server_refusals()` words that refusal
the same way. On SQLite nothing is bound and the lock decides, as before.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from twindesk.domain.model import access_messages  # noqa: F401 - the messages' Chinese
from twindesk.store.errors import UserError
from twindesk.store.server.diagnostics import refused_table

# What an editor may not change: home localities are the administrator's (kinds and tables alike).
ADMIN_ONLY = frozenset({"home_locality"})
# Operations that change home localities whatever record they are about: the demo writes its own.
ADMIN_ACTIONS = frozenset({"demo"})

READER_REFUSED = ("You are signed in to {server} as {login}, who may only read (role twindesk_reader). "
                  "Ask the office's administrator for the editor role.")
EDITOR_REFUSED = ("You are signed in to {server} as {login}, who may not change home localities "
                  "(role twindesk_editor). Ask the office's administrator for the admin role.")
NO_ROLE = ("You are signed in to {server} as {login}, who has no TwinDesk role (twindesk_reader, "
           "twindesk_editor or twindesk_admin). Ask the office's administrator for one.")
LOGINS_REFUSED = ("You are signed in to {server} as {login}, who may not manage logins (role twindesk_editor). "
                  "Ask the office's administrator (role twindesk_admin).")
# `twindesk server grant | revoke` by someone who is not an administrator, by their level.
ADMIN_ONLY_LOGINS = {"none": NO_ROLE, "reader": READER_REFUSED, "editor": LOGINS_REFUSED}


class WriteNotAllowed(UserError):
    """This login may not make this change on the server; nothing was written."""


@dataclass(frozen=True)
class RoleSession:
    level: str  # admin | editor | reader | none (store.server.access)
    server: str  # "twindesk on db.office:5432"
    login: str


_session: RoleSession | None = None  # None: SQLite, where the lock decides


def bind(level: str | None, server: str = "", login: str = "") -> None:
    """The open server session's level (None when no server database is open)."""
    global _session
    _session = None if level is None else RoleSession(level, server, login)


def bind_session(db, address) -> WriteNotAllowed | None:
    """Ask the server what the login of `db` (just opened at `address`) may do, and bind it; why it may
    write nothing at all, if so."""
    from dataclasses import replace

    from twindesk.store.server.access import access_level
    from twindesk.store.server.database import current_login

    bind(access_level(db), replace(address, user="").display(), current_login(db))
    return refusal()


def level() -> str | None:
    """The bound server session's level, or None on SQLite."""
    return None if _session is None else _session.level


def refusal(action: str = "", kind: str = "") -> WriteNotAllowed | None:
    """Why this session may not make an `action` on a `kind` (or any write, both empty), or None."""
    s = _session
    if s is None or s.level == "admin":
        return None
    if s.level == "none":
        return WriteNotAllowed(NO_ROLE, server=s.server, login=s.login)
    if s.level == "reader":
        return WriteNotAllowed(READER_REFUSED, server=s.server, login=s.login)
    if kind in ADMIN_ONLY or action in ADMIN_ACTIONS:
        return WriteNotAllowed(EDITOR_REFUSED, server=s.server, login=s.login)
    return None


def require(action: str = "", kind: str = "") -> None:
    problem = refusal(action, kind)
    if problem is not None:
        raise problem


def database_login() -> str:
    """Who the database let in, for the history's `db_user`: the server login, else the system's user."""
    if _session is not None:
        return _session.login
    import getpass

    try:
        return getpass.getuser()
    except Exception:  # no login name (some services): the staff name still says who
        return ""


@contextmanager
def server_refusals() -> Iterator[None]:
    """A write the server refused for want of a grant, said as our own refusal (nothing was written:
    the transaction is rolled back on the way out)."""
    try:
        yield
    except Exception as exc:
        refused = refused_table(exc)
        if refused is None or _session is None:
            raise
        s = _session
        template = EDITOR_REFUSED if refused in ADMIN_ONLY else READER_REFUSED
        raise WriteNotAllowed(template, server=s.server, login=s.login) from exc

