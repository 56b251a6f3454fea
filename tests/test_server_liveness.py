"""An idle connection the server closed (a restart) is found out before new work, so the first operation
after a restart runs on a fresh connection instead of failing (store/server/liveness.py)."""

import pytest

from twindesk.domain import workspace
from twindesk.store.models import database
from twindesk.store.server.database import server_transaction
from twindesk.store.server.liveness import server_hung_up


@pytest.fixture
def cluster(pg_cluster):
    if not pg_cluster.owned:
        pytest.skip("the tests' own cluster only: this one may not be restarted")
    return pg_cluster


def test_a_restart_is_noticed_on_the_idle_connection_and_the_next_transaction_works(cluster, pg_url):
    workspace.open_workspace(pg_url)
    database.execute_sql("SELECT 1")
    conn = database.obj._state.conn
    assert not server_hung_up(conn)  # a quiet, healthy connection
    cluster.restart()  # (asking server_hung_up here would itself tell libpq: the transaction must find out)
    with server_transaction(database.obj):  # a write's transaction: not retried, so it must start fresh
        assert database.execute_sql("SELECT count(*) FROM partner").fetchone() == (0,)
    assert database.obj._state.conn is not conn and server_hung_up(conn)


def test_a_notification_waiting_on_the_connection_is_no_hang_up(pg_url):
    workspace.open_workspace(pg_url)
    database.execute_sql("LISTEN twindesk_test")
    database.execute_sql("NOTIFY twindesk_test, 'hello'")
    assert not server_hung_up(database.obj._state.conn)
