"""The server's change channel: PostgreSQL's NOTIFY, sent inside the writing transaction.

`pg_notify` inside a transaction is delivered to the listeners only when it commits, and never for a
rollback, so a notice always names a change the others can read (docs/architecture.md, "Changes from
other staff"). On SQLite there is one writer and no channel: nothing is sent.
"""

import weakref

from twindesk.store.engine import is_server
from twindesk.store.models import database

CHANNEL = "twindesk_changes"
# PostgreSQL refuses a payload of 8000 bytes or more; the sender says "everything" instead.
PAYLOAD_LIMIT = 7900

_logins: "weakref.WeakKeyDictionary" = weakref.WeakKeyDictionary()  # connection -> its database user


def on_server() -> bool:
    """Whether the bound database is a PostgreSQL server (the only engine with a channel)."""
    return is_server()


def send(payload: str) -> None:
    """NOTIFY the channel from the open transaction (delivered at its commit)."""
    database.execute_sql("SELECT pg_notify(%s, %s)", (CHANNEL, payload))


def login() -> str:
    """The database user this connection logged in as, asked once per connection (it cannot change)."""
    conn = database.connection()
    if conn not in _logins:
        _logins[conn] = database.execute_sql("SELECT session_user").fetchone()[0]
    return _logins[conn]
