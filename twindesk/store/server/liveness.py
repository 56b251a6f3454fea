"""Whether an idle server connection is still there, found out without waiting on the network.

A connection the server closed while it sat idle (the server restarted, the backend was terminated, an
administrator shut it down) looks healthy to libpq until the next statement fails on it. The server
says goodbye first, though: its socket turns readable with nothing asked. Reading what is there, without
blocking, tells libpq, so the store replaces the connection before new work instead of failing it
(docs/architecture.md, "Connecting staff to the server"). A readable socket that only holds a
notification (LISTEN) is still a good connection.
"""

from __future__ import annotations

import select

READS = 4  # what a quiet connection may hold: a notification or two, or the server's goodbye


def server_hung_up(conn) -> bool:
    """True when the idle psycopg connection `conn` was closed by the server (or cannot be polled)."""
    from psycopg import pq

    try:
        if conn.closed or conn.broken:
            return True
        # The goodbye comes in two reads (the server's FATAL message, then the end of the stream).
        for _ in range(READS):
            if not select.select([conn.fileno()], [], [], 0)[0]:
                break
            conn.pgconn.consume_input()
    except Exception:  # noqa: BLE001 - psycopg says the connection is gone, or it cannot be polled
        return True
    return conn.pgconn.status != pq.ConnStatus.OK
