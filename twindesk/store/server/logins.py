"""Staff logins and their TwinDesk role: `twindesk server grant | revoke | users`.

Thin commands over the server's own GRANT and REVOKE (docs/architecture.md, "Who may do what"): a
login holds at most one of TwinDesk's roles, so granting one takes away the others. The server checks
that whoever runs them may (the owner with CREATEROLE, a superuser, or a TwinDesk administrator, who
holds the roles WITH ADMIN OPTION).
"""

from __future__ import annotations

from dataclasses import dataclass

from twindesk.store.server.access import LEVEL_OF_ROLE, LEVELS, ROLE_OF_LEVEL
from twindesk.store.server.diagnostics import INSUFFICIENT_PRIVILEGE, primary_message, sqlstate
from twindesk.store.server.initialize import LoginMissing, RolesNotAllowed, quoted


@dataclass(frozen=True)
class Login:
    name: str
    level: str  # admin | editor | reader | none (superusers and the database's owner: admin)
    superuser: bool = False
    owner: bool = False  # owns the database (or is a member of its owner)


def grant(db, server: str, login: str, level: str) -> None:
    """`login` holds TwinDesk's `level` role from now on, and no other (one transaction)."""
    role = ROLE_OF_LEVEL[level]
    _require_login(db, server, login)
    with _managing(server, login), db.atomic():
        for other in _roles_of(db, login):
            if other != role:
                db.execute_sql(f"REVOKE {other} FROM {quoted(login)}")
        # An administrator may grant the admin role on in turn (roles.sql).
        option = " WITH ADMIN OPTION" if level == "admin" else ""
        db.execute_sql(f"GRANT {role} TO {quoted(login)}{option}")


def revoke(db, server: str, login: str) -> list[str]:
    """`login` holds none of TwinDesk's roles from now on; the roles it held."""
    _require_login(db, server, login)
    held = _roles_of(db, login)
    with _managing(server, login), db.atomic():
        for role in held:
            db.execute_sql(f"REVOKE {role} FROM {quoted(login)}")
    return held


def users(db) -> list[Login]:
    """Every login on the server with its TwinDesk role (the highest it holds), by name."""
    rows = db.execute_sql(
        "SELECT r.rolname, r.rolsuper, pg_has_role(r.oid, (SELECT datdba FROM pg_database "
        "WHERE datname = current_database()), 'USAGE'), array(SELECT t.rolname::text FROM pg_roles t "
        "WHERE t.rolname IN ('twindesk_reader', 'twindesk_editor', 'twindesk_admin') "
        "AND pg_has_role(r.oid, t.oid, 'USAGE')) FROM pg_roles r "
        "WHERE r.rolcanlogin ORDER BY r.rolname").fetchall()
    out = []
    for name, superuser, owner, roles in rows:
        level = max((LEVEL_OF_ROLE[r] for r in roles or ()), key=LEVELS.index, default="none")
        out.append(Login(name, "admin" if superuser or owner else level, bool(superuser), bool(owner)))
    return out


def _roles_of(db, login: str) -> list[str]:
    """TwinDesk's roles granted to `login` itself (not those it holds through another)."""
    rows = db.execute_sql(
        "SELECT g.rolname FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid "
        "JOIN pg_roles u ON u.oid = m.member WHERE u.rolname = %s "
        "AND g.rolname IN ('twindesk_reader', 'twindesk_editor', 'twindesk_admin') ORDER BY g.rolname",
        (login,)).fetchall()
    return [name for (name,) in rows]


def _require_login(db, server: str, login: str) -> None:
    row = db.execute_sql("SELECT rolcanlogin FROM pg_roles WHERE rolname = %s", (login,)).fetchone()
    if row is None:
        raise LoginMissing("{server}: there is no login {login}. Create it first (as a superuser: "
                           "createuser --pwprompt {login}), then grant it a role.", server=server, login=login)
    if not row[0]:
        raise LoginMissing("{server}: {login} is a role that cannot log in, not a staff login.",
                           server=server, login=login)
    missing = [r for r in ROLE_OF_LEVEL.values()
               if db.execute_sql("SELECT 1 FROM pg_roles WHERE rolname = %s", (r,)).fetchone() is None]
    if missing:
        raise RolesNotAllowed("{server}: TwinDesk's roles are missing ({roles}); run twindesk server init "
                              "first.", server=server, roles=", ".join(missing))


class _managing:
    """The server's refusal to grant or revoke, said as what to do."""

    def __init__(self, server: str, login: str):
        self.server, self.login = server, login

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc, tb):
        if exc is not None and sqlstate(exc) == INSUFFICIENT_PRIVILEGE:
            raise RolesNotAllowed(
                "{server}: you may not change the roles of {login} ({reason}). Nothing was changed. Ask the "
                "office's administrator (a login with the twindesk_admin role) or the database's owner.",
                server=self.server, login=self.login, reason=primary_message(exc)) from exc
        return False
