"""Other staff's changes reach this process on a PostgreSQL server (docs/architecture.md, "Changes from
other staff"): NOTIFY at commit only, heard on a connection of its own, own notices passed over, and a
listener that survives its connection being killed."""

import queue
import time

import psycopg
import pytest

from twindesk.domain import remote_changes
from twindesk.domain.operations import change_payload, door
from twindesk.store.server.change_listener import ChangeListener
from twindesk.store.server.notify_channel import CHANNEL

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
    listener = ChangeListener({"conninfo": pg_url}, lambda payloads: [heard.put(p) for p in payloads],
                              lambda: reconnects.put(time.monotonic()))
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

    listener = Flaky({"conninfo": pg_url}, lambda _payloads: None, lambda: reconnects.put(1))
    try:
        listener.start()
        assert _wait(reconnects, 10) == 1 and listener.listening
    finally:
        listener.stop()


@pytest.fixture
def heard(pg_url, monkeypatch):
    """What the process's listener (remote_changes, on `pg_url`) hands the door, as a list."""
    seen = []
    door.subscribe(seen.append)
    monkeypatch.setattr(remote_changes, "params_of", lambda _db: {"conninfo": pg_url})
    monkeypatch.setattr(remote_changes.notify_channel, "on_server", lambda: True)
    try:
        assert remote_changes.start()
        yield seen
    finally:
        remote_changes.stop()
        door.unsubscribe(seen.append)


def _until_heard(seen: list, then_s: float) -> None:
    """Until something is heard (at most DELIVERED_WITHIN_S), then `then_s` more for what should not come."""
    deadline = time.monotonic() + DELIVERED_WITHIN_S
    while not seen and time.monotonic() < deadline:
        time.sleep(0.02)
    time.sleep(then_s)


def test_the_process_s_own_notices_and_foreign_ones_are_passed_over(pg_url, heard):
    _notify(pg_url, change_payload.encode(5, "save", {"partner": {9}}, False, "me", "me"))  # our token
    _notify(pg_url, "not one of ours")
    _notify(pg_url, change_payload.encode(6, "save", {"partner": {9}}, False, "王芳", "wang", token="other"))
    _until_heard(heard, 0.2)
    assert heard == [door.Changes(6, "save", {"partner": frozenset({9})}, remote=True, by="王芳")]


def test_a_burst_of_changes_elsewhere_is_one_notice_here(pg_url, heard):
    with psycopg.connect(pg_url) as conn:  # one transaction: delivered together
        for n, who in enumerate(["王芳", "李娜", "王芳"], start=1):
            conn.execute("SELECT pg_notify(%s, %s)", (CHANNEL, change_payload.encode(
                n, "save", {"partner": {n}}, False, who, "wang", token="other")))
    _until_heard(heard, 0.3)
    assert heard == [door.Changes(3, "save", {"partner": frozenset({1, 2, 3})}, remote=True, by="王芳, 李娜")]


# -- the door and the listener together, on a TwinDesk database ------------------------------------------

wall_clock: list[float] = []  # when the last remote notice was heard (time.time(), comparable across processes)

SECOND_PROCESS = """
import sys
from twindesk.domain import workspace
from twindesk.domain.operations import records
workspace.open_workspace(sys.argv[1])
import time
print(records.save("partner", {"name_en": "Jeju", "country": "KR"}, user="王芳"), time.time(), flush=True)
workspace.close()
"""


@pytest.fixture
def server_heard(pg_url, request):
    """This process on a fresh server database, listening; the remote notices it hears. Read-only
    (a reader's window, `default_transaction_read_only`) with `indirect` param True."""
    from twindesk.domain import workspace

    workspace.open_workspace(pg_url, read_only=getattr(request, "param", False))
    heard = queue.Queue()
    wall_clock.clear()

    def remote_only(changes):
        if changes.remote:
            wall_clock.append(time.time())
            heard.put(changes)

    door.subscribe(remote_only)
    assert workspace.listen_for_other_staff()
    yield heard
    door.unsubscribe(remote_only)
    workspace.close()
    assert remote_changes.listener() is None


@pytest.mark.parametrize("server_heard", [False, True], ids=["editor", "reader"], indirect=True)
def test_a_partner_another_process_saved_arrives_within_two_seconds_with_its_id_and_who(pg_url, server_heard):
    from tests.conftest import run_python

    proc = run_python("-c", SECOND_PROCESS, pg_url)
    assert proc.returncode == 0, proc.stderr
    partner_id, committed_at = proc.stdout.split()[-2:]
    changes = _wait(server_heard, DELIVERED_WITHIN_S)
    assert changes is not None, "no notice from the other process"
    heard_at = wall_clock.pop() if wall_clock else time.time()
    assert changes.remote and changes.by == "王芳" and changes.action == "save"
    assert changes.ids == {"partner": frozenset({int(partner_id)})} and not changes.everything
    assert changes.operation_id > 0
    print(f"\nheard {1000 * (heard_at - float(committed_at)):.1f} ms after the save returned in the other process")


def test_the_door_notifies_at_commit_only_and_this_process_passes_over_its_own(pg_url, server_heard):
    from twindesk.domain.operations import records

    raw = queue.Queue()
    spy = ChangeListener({"conninfo": pg_url}, lambda payloads: [raw.put(p) for p in payloads], lambda: None)
    spy.start()
    try:
        with pytest.raises(RuntimeError), door.operation("save", kind="partner"):
            records.save("partner", {"name_en": "Never", "country": "KR"})
            raise RuntimeError("the operation fails after its write")
        kept = records.save("partner", {"name_en": "Busan", "country": "KR"}, user="Li Na")
        payload = _wait(raw)
        assert payload is not None
        assert _wait(raw, 0.3) is None  # one notice: the rolled-back operation sent none
    finally:
        spy.stop()
    sent = change_payload.decode(payload, own_token="a listener that is not this process")
    assert sent.ids == {"partner": frozenset({kept})} and sent.who == "Li Na" and sent.login == "postgres"
    assert _wait(server_heard, 0.5) is None  # this process's own notice is not heard as another's


def test_a_killed_listening_connection_comes_back_and_everything_is_read_again(pg_url, pg_cluster, server_heard):
    from tests.conftest import run_python

    listener = remote_changes.listener()
    pid = listener._conn.info.backend_pid
    pg_cluster.run_sql("SELECT pg_terminate_backend(%s)", params=(pid,))
    changes = _wait(server_heard, 10)
    assert changes is not None and changes.everything and changes.remote
    assert changes.action == remote_changes.RECONNECTED
    assert listener.connections == 2
    proc = run_python("-c", SECOND_PROCESS, pg_url)
    assert proc.returncode == 0, proc.stderr
    heard = _wait(server_heard)
    assert heard is not None and heard.by == "王芳"
