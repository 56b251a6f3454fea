"""Opening a shared PostgreSQL database, and every way it can fail, against a real server (tests/pg_cluster.py)."""

from dataclasses import replace

import pytest

from twindesk.domain import workspace
from twindesk.domain.operations import door
from twindesk.domain.server_session import ServerReadOnly
from twindesk.store import models as m
from twindesk.store.engine import engine_name, is_server
from twindesk.store.server.address import parse_database_url
from twindesk.store.server.database import current_login, open_server
from twindesk.store.server.errors import (
    ServerConnectionLost,
    ServerLoginFailed,
    ServerNotInitialized,
    ServerPermissionDenied,
    ServerSchemaMismatch,
    ServerTlsFailed,
    ServerUnreachable,
)


@pytest.fixture
def address(pg_url):
    return parse_database_url(pg_url)


def _dbname(url: str) -> str:
    return url.rsplit("/", 1)[1]


def test_opening_binds_the_server_with_its_engine_address_and_login(address):
    opened = workspace.open_workspace(address)
    try:
        assert opened.engine == "postgresql" and opened.address == address and opened.path is None
        assert opened.location == address.display()
        assert workspace.current() is opened and is_server() and engine_name() == "postgresql"
        assert current_login() == "postgres"
        name = opened.db.execute_sql("SELECT current_setting('application_name')").fetchone()[0]
        assert name == "TwinDesk"
    finally:
        workspace.close()
    assert workspace.current() is None and not is_server()


def test_a_stopped_server_is_unreachable_and_reachable_again_once_started(pg_cluster, address):
    if not pg_cluster.owned:
        pytest.skip("TWINDESK_TEST_PG_URL's server is not ours to stop")
    pg_cluster.stop()
    try:
        with pytest.raises(ServerUnreachable) as caught:
            open_server(address)
        assert address.display() in str(caught.value) and "is running" in str(caught.value)
        assert "无法连接" in caught.value.text("zh_CN")
    finally:
        pg_cluster.start()
    open_server(address)
    workspace.close()


def test_a_wrong_password_is_a_refused_login(pg_cluster, pg_url, address):
    pg_cluster.create_login("pw_wang", "right horse battery")
    pg_cluster.run_sql('GRANT SELECT ON "twindesk_schema" TO pw_wang', database=_dbname(pg_url))
    who = replace(address, user="pw_wang")
    with pytest.raises(ServerLoginFailed, match="password authentication failed"):
        open_server(who, password="wrong")
    with pytest.raises(ServerLoginFailed, match="no password supplied"):
        open_server(who)
    opened = open_server(who, password="right horse battery")
    assert current_login() == "pw_wang" and opened.read_only is False
    workspace.close()


def test_an_unknown_user_is_a_refused_login(address):
    with pytest.raises(ServerLoginFailed, match="does not exist"):
        open_server(replace(address, user="nobody_here"))


def test_a_role_without_connect_is_denied(pg_cluster, pg_url, address):
    pg_cluster.create_login("no_connect")
    pg_cluster.run_sql(f'REVOKE CONNECT ON DATABASE "{_dbname(pg_url)}" FROM PUBLIC')
    with pytest.raises(ServerPermissionDenied, match="permission denied for database"):
        open_server(replace(address, user="no_connect"))


def test_a_refused_select_is_denied_not_a_crash(pg_cluster, pg_url, address):
    pg_cluster.create_login("no_select")
    pg_cluster.run_sql('GRANT SELECT ON "twindesk_schema" TO no_select', database=_dbname(pg_url))
    open_server(replace(address, user="no_select"))
    try:
        with pytest.raises(ServerPermissionDenied, match="permission denied for table partner"):
            m.Partner.select().count()
    finally:
        workspace.close()


def test_tls_required_of_a_server_without_it_is_a_tls_failure(address):
    with pytest.raises(ServerTlsFailed, match="does not support SSL") as caught:
        open_server(replace(address, sslmode="require"))
    assert "TLS" in str(caught.value) and "sslrootcert" in str(caught.value)


def test_a_database_without_twindesk_tables_is_not_initialized(pg_cluster, address):
    bare = parse_database_url(pg_cluster.new_database(initialized=False))
    with pytest.raises(ServerNotInitialized, match="server init"):
        open_server(bare)
    with pytest.raises(ServerNotInitialized, match="does not exist"):
        open_server(replace(address, database="no_such_database"))


def test_a_database_at_another_schema_version_is_refused(pg_cluster, pg_url, address):
    pg_cluster.run_sql('UPDATE "twindesk_schema" SET "version" = 99', database=_dbname(pg_url))
    with pytest.raises(ServerSchemaMismatch, match="schema 99, newer"):
        open_server(address)
    pg_cluster.run_sql('UPDATE "twindesk_schema" SET "version" = 3', database=_dbname(pg_url))
    with pytest.raises(ServerSchemaMismatch, match="schema 3 and needs an upgrade"):
        open_server(address)


def _insert_partner(name: str) -> None:
    m.Partner.insert(name_en=name, country="KR").execute()


def test_a_connection_killed_mid_transaction_writes_nothing_and_the_next_operation_reconnects(pg_cluster, pg_url,
                                                                                           address):
    workspace.open_workspace(address)
    try:
        with pytest.raises(ServerConnectionLost) as caught:
            with door.operation("save"):
                _insert_partner("written before the kill")
                assert pg_cluster.terminate_backends(_dbname(pg_url)) == 1
                _insert_partner("after the kill")
        assert "nothing of the change under way was saved" in str(caught.value)
        assert pg_cluster.run_sql("SELECT count(*) FROM partner", database=_dbname(pg_url)) == [(0,)]
        with door.operation("save"):  # a fresh connection
            _insert_partner("Jeju")
        assert [p.name_en for p in m.Partner.select()] == ["Jeju"]
    finally:
        workspace.close()


def test_a_read_after_the_server_restarted_is_asked_again_on_a_fresh_connection(pg_cluster, pg_url, address):
    workspace.open_workspace(address)
    try:
        with door.operation("save"):
            _insert_partner("Jeju")
        pg_cluster.terminate_backends(_dbname(pg_url))  # as a restart does to every session
        assert m.Partner.select().count() == 1
    finally:
        workspace.close()


def test_a_read_only_session_writes_nothing_on_the_server(pg_cluster, pg_url, address):
    workspace.open_workspace(address, read_only=True)
    try:
        with pytest.raises(ServerReadOnly, match="opened read-only"):
            with door.operation("save"):
                _insert_partner("Jeju")
        with pytest.raises(ServerPermissionDenied, match="read-only"):  # the server refuses it too
            _insert_partner("Jeju")
    finally:
        workspace.close()
    assert pg_cluster.run_sql("SELECT count(*) FROM partner", database=_dbname(pg_url)) == [(0,)]
