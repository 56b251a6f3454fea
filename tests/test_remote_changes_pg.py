"""Other staff's changes reach this process on a PostgreSQL server (docs/architecture.md, "Changes from
other staff"): NOTIFY at commit only, heard on a connection of its own, own notices passed over, and a
listener that survives its connection being killed."""

import queue
import time

import psycopg
import pytest

from twindesk.domain import remote_changes
from twindesk.domain.operations import change_payload, door
from twindesk.store.change_listener import ChangeListener
from twindesk.store.notify_channel import CHANNEL

DELIVERED_WITHIN_S = 2.0


def _wait(found: queue.Queue, seconds: float = DELIVERED_WITHIN_S):
    try:
        return found.get(timeout=seconds)
    except queue.Empty:
        return None


def _notify(url: str, payload: str, *, commit: bool = True) -> None:
    with psycopg.connect(url) as conn:
        conn.execute("SELECT pg_notify(%s, %s)", (CHANNEL, payload))
        conn.commit() if commit else conn.rollback()


@pytest.fixture
def listening(pg_url):
    heard, reconnects = queue.Queue(), queue.Queue()
    listener = ChangeListener({"conninfo": pg_url}, heard.put, lambda: reconnects.put(time.monotonic()))
    listener.start()
    yield listener, heard, reconnects
    listener.stop()


def test_a_committed_notice_arrives_and_a_rolled_back_one_never(pg_url, listening):
    listener, heard, _ = listening
    _notify(pg_url, "rolled back", commit=False)
    started = time.monotonic()
    _notify(pg_url, "committed")
    assert _wait(heard) == "committed"
    assert time.monotonic() - started < DELIVERED_WITHIN_S
    assert heard.empty()


def test_the_listener_survives_its_connection_being_killed_and_says_it_may_have_missed_some(pg_url, listening):
    listener, heard, reconnects = listening
    with psycopg.connect(pg_url, autocommit=True) as conn:
        conn.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query LIKE 'LISTEN%%' "
                     "AND pid <> pg_backend_pid()")
    assert _wait(reconnects, 10) is not None
    assert listener.connections == 2 and listener.listening
    _notify(pg_url, "after the reconnect")
    assert _wait(heard) == "after the reconnect"


def test_stopping_is_prompt_and_final(pg_url, listening):
    listener, heard, _ = listening
    started = time.monotonic()
    listener.stop()
    assert time.monotonic() - started < 1.0 and not listener.listening
    _notify(pg_url, "too late")
    assert _wait(heard, 0.5) is None


def test_a_server_that_is_down_at_first_is_listened_to_once_it_answers(pg_url):
    reconnects = queue.Queue()
    attempts = []

    class Flaky(ChangeListener):
        def _connect(self):
            attempts.append(1)
            if len(attempts) < 3:
                raise psycopg.OperationalError("connection refused")
            super()._connect()

    listener = Flaky({"conninfo": pg_url}, lambda _p: None, lambda: reconnects.put(1))
    try:
        listener.start()
        assert _wait(reconnects, 10) == 1 and listener.listening
    finally:
        listener.stop()


def test_the_process_s_own_notices_and_foreign_ones_are_passed_over(pg_url, monkeypatch):
    seen = []
    door.subscribe(seen.append)
    monkeypatch.setattr(remote_changes, "params_of", lambda _db: {"conninfo": pg_url})
    monkeypatch.setattr(remote_changes.notify_channel, "on_server", lambda: True)
    try:
        assert remote_changes.start()
        _notify(pg_url, change_payload.encode(5, "save", {"partner": {9}}, False, "me", "me"))  # our token
        _notify(pg_url, "not one of ours")
        _notify(pg_url, change_payload.encode(6, "save", {"partner": {9}}, False, "王芳", "wang", token="other"))
        deadline = time.monotonic() + DELIVERED_WITHIN_S
        while not seen and time.monotonic() < deadline:
            time.sleep(0.02)
        time.sleep(0.2)
    finally:
        remote_changes.stop()
        door.unsubscribe(seen.append)
    assert seen == [door.Changes(6, "save", {"partner": frozenset({9})}, remote=True, by="王芳")]

