"""`twindesk server init`: an empty server database becomes a TwinDesk database, with its roles.

In one transaction: the tables at the newest schema (`database.create_schema`), then the roles and
grants TwinDesk ships (`roles.sql`, docs/architecture.md "Who may do what"). A database that
holds any table already is refused before anything is done: init never works over someone's data.
"""

from __future__ import annotations

from importlib import resources

from twindesk.store.errors import UserError
from twindesk.store.server import roles_zh  # noqa: F401 - the messages' Chinese
from twindesk.store.server.diagnostics import INSUFFICIENT_PRIVILEGE, primary_message, sqlstate


class DatabaseNotEmpty(UserError):
    """server init was given a database that already holds tables; nothing was changed."""


class RolesNotAllowed(UserError):
    """The login may not create or grant roles; nothing was changed."""


class LoginMissing(UserError):
    """No such login on the server."""


def roles_sql() -> str:
    """The SQL that makes TwinDesk's roles and grants (packaged beside this module; the frozen build too)."""
    return resources.files("twindesk.store.server").joinpath("roles.sql").read_text(encoding="utf-8")


def existing_tables(db) -> list[str]:
    rows = db.execute_sql("SELECT schemaname || '.' || tablename FROM pg_tables WHERE schemaname NOT IN "
                          "('pg_catalog', 'information_schema') ORDER BY 1").fetchall()
    return [name for (name,) in rows]


def quoted(identifier: str) -> str:
    """A role's name as SQL (PostgreSQL quoting; a role is checked to exist before it is used)."""
    return '"' + identifier.replace('"', '""') + '"'


def current_database(db) -> str:
    return db.execute_sql("SELECT current_database()").fetchone()[0]


def role_exists(db, name: str) -> bool:
    return db.execute_sql("SELECT 1 FROM pg_roles WHERE rolname = %s", (name,)).fetchone() is not None


def init_database(db, server: str, *, owner: str | None = None) -> None:
    """Make the empty database bound as `db` (a peewee PostgresqlDatabase, connected) TwinDesk's.

    `owner`: the role that is to own the tables (when a superuser runs init for it); else the login."""
    from twindesk.store.server.database import create_schema

    tables = existing_tables(db)
    if tables:
        shown = ", ".join(tables[:5]) + (", …" if len(tables) > 5 else "")
        raise DatabaseNotEmpty("{server}: the database already holds {count} table(s) ({tables}); server init "
                               "sets up an empty database only. Nothing was changed.", server=server,
                               count=len(tables), tables=shown)
    if owner and not role_exists(db, owner):
        raise LoginMissing("{server}: there is no role {login} to own the tables. Nothing was changed.",
                           server=server, login=owner)
    try:
        with db.atomic():
            if owner:  # it owns the database too, so it may create in its schema (and grant on it)
                db.execute_sql(f"ALTER DATABASE {quoted(current_database(db))} OWNER TO {quoted(owner)}")
                db.execute_sql(f"SET LOCAL ROLE {quoted(owner)}")
            create_schema(db)
            if owner:
                db.execute_sql("RESET ROLE")
            # Several statements with DO blocks: sent as they are, in this transaction.
            db.connection().execute(roles_sql())
    except Exception as exc:
        if sqlstate(exc) == INSUFFICIENT_PRIVILEGE:  # creating or granting roles
            raise RolesNotAllowed(
                "{server}: this login may not set up TwinDesk's tables and roles ({reason}). Nothing was changed. Run "
                "server init as the database's owner with the right to create roles (CREATEROLE), or as a "
                "superuser with --owner ROLE.", server=server, reason=primary_message(exc)) from exc
        raise

