"""The server's change channel: PostgreSQL's NOTIFY, sent inside the writing transaction.

`pg_notify` inside a transaction is delivered to the listeners only when it commits, and never for a
rollback, so a notice always names a change the others can read (docs/architecture.md, "Changes from
other staff"). On SQLite there is one writer and no channel: nothing is sent.
"""

from twindesk.store.models import database

CHANNEL = "twindesk_changes"
# PostgreSQL refuses a payload of 8000 bytes or more; the sender says "everything" instead.
PAYLOAD_LIMIT = 7900


def on_server() -> bool:
    """Whether the bound database is a PostgreSQL server (the only engine with a channel)."""
    import peewee as pw  # loaded already once a database is bound

    return isinstance(database.obj, pw.PostgresqlDatabase)


def send(payload: str) -> None:
    """NOTIFY the channel from the open transaction (delivered at its commit)."""
    database.execute_sql("SELECT pg_notify(%s, %s)", (CHANNEL, payload))


def login() -> str:
    """The database user this connection logged in as (kept per connection: it cannot change)."""
    conn = database.connection()
    known = getattr(conn, "twindesk_login", None)
    if known is None:
        known = database.execute_sql("SELECT session_user").fetchone()[0]
        try:
            conn.twindesk_login = known
        except AttributeError:  # a connection class without a __dict__: ask each time
            pass
    return known
