"""Listening on the server's change channel: one connection of its own, one thread.

The listening connection is separate from the one the process works on (autocommit, LISTEN only), so
waiting for notices never holds a transaction open or competes with a query. When it drops (server
restart, network, `pg_terminate_backend`), it connects again with a growing pause, and then says so:
notices sent while it was away are lost, so the caller refreshes everything (docs/architecture.md,
"Changes from other staff"). Notices arriving within 50 ms of each other are handed over together, so a
burst of saves elsewhere (an office of a dozen) refreshes a view once, not once per save.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

from twindesk.store.server.notify_channel import CHANNEL

log = logging.getLogger(__name__)

WAIT_S = 0.2  # one wait for notices: also how soon `stop()` is heard
GATHER_S = 0.05  # after a notice, those following within this long are handed over with it
FIRST_PAUSE_S, LONGEST_PAUSE_S = 0.5, 30.0
# A silent network (a cable pulled, a laptop asleep) is noticed by TCP keepalives within about a minute.
KEEPALIVES = {"keepalives": 1, "keepalives_idle": 30, "keepalives_interval": 10, "keepalives_count": 3}


def params_of(db) -> dict:
    """The libpq keywords of a bound peewee PostgreSQL database, for a second connection to it."""
    params = dict(db.connect_params)
    if str(db.database).startswith(("postgresql://", "postgres://")):
        params.setdefault("conninfo", db.database)
    else:
        params.setdefault("dbname", db.database)
    return params


class ChangeListener:
    """Calls `heard(payloads)` with the notices of each wait on the channel, and `reconnected()` after
    the connection came back (or came at last), in its own thread, until `stop()`."""

    def __init__(self, params: dict, heard: Callable[[list[str]], None], reconnected: Callable[[], None]):
        self.params = {**KEEPALIVES, **params, "autocommit": True}
        self.heard, self.reconnected = heard, reconnected
        self._stopping = threading.Event()
        self._conn = None
        self._thread: threading.Thread | None = None
        self.connections = 0  # how many times it connected (tests watch the reconnects)

    def start(self) -> None:
        """Listen from now on. The first connection is made here, so nothing committed after `start`
        returns is missed; if the server cannot be reached now, the thread keeps trying."""
        try:
            self._connect()
        except Exception as exc:  # the window opened; notices follow once the server answers
            log.warning("cannot listen for other staff's changes yet: %s", exc)
        self._thread = threading.Thread(target=self._run, name="twindesk-change-listener", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stopping.set()
        if self._thread is not None and self._thread is not threading.current_thread():
            self._thread.join(timeout=5)
        self._thread = None
        self._close()

    @property
    def listening(self) -> bool:
        return self._conn is not None and not self._conn.closed

    def _connect(self) -> None:
        import psycopg

        conn = psycopg.connect(**self.params)
        conn.execute(f"LISTEN {CHANNEL}")
        self._conn = conn
        self.connections += 1

    def _close(self) -> None:
        conn, self._conn = self._conn, None
        if conn is not None:
            try:
                conn.close()
            except Exception:  # already broken: nothing to let go of
                pass

    def _run(self) -> None:
        pause = FIRST_PAUSE_S
        missed = self._conn is None
        while not self._stopping.is_set():
            if self._conn is None:
                try:
                    self._connect()
                except Exception as exc:
                    log.info("change listener: server not reachable (%s); again in %.1f s", exc, pause)
                    self._stopping.wait(pause)
                    pause = min(pause * 2, LONGEST_PAUSE_S)
                    continue
                pause = FIRST_PAUSE_S
                if missed:
                    self._tell(self.reconnected)
                missed = False
            try:
                payloads = [notice.payload for notice in self._conn.notifies(timeout=WAIT_S, stop_after=1)]
                if payloads:
                    payloads += [notice.payload for notice in self._conn.notifies(timeout=GATHER_S)]
            except Exception as exc:  # the connection dropped: reconnect, then refresh everything
                if self._stopping.is_set():
                    break
                log.info("change listener: connection lost (%s)", exc)
                self._close()
                missed = True
                continue
            if payloads:
                self._tell(self.heard, payloads)

    def _tell(self, callback, *args) -> None:
        try:
            callback(*args)
        except Exception:  # a subscriber's bug must not end the listening
            log.exception("change listener: a subscriber failed")
