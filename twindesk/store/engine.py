"""Which engine the bound database runs on: the SQLite file or the shared PostgreSQL server.

The few places whose SQL or behaviour differs ask here (docs/architecture.md, "PostgreSQL: the shared
server (store)"); everything else is the same code on both.
"""

import peewee as pw

from twindesk.store.models import database

SQLITE = "sqlite"
POSTGRESQL = "postgresql"


def engine_name(db=None) -> str:
    """"postgresql" or "sqlite" for `db` (default: the bound database); "" when none is bound."""
    db = db if db is not None else database.obj
    if isinstance(db, pw.PostgresqlDatabase):
        return POSTGRESQL
    if isinstance(db, pw.SqliteDatabase):
        return SQLITE
    return ""


def is_server(db=None) -> bool:
    """True when `db` (default: the bound database) is PostgreSQL."""
    return engine_name(db) == POSTGRESQL
