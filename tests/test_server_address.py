"""Database URLs: what they name, and that no password ever travels in one."""

import pytest

from twindesk.store.server.address import (
    DatabaseUrlError,
    ServerAddress,
    is_database_url,
    parse_database_url,
)


def test_a_full_url_names_host_port_database_user_and_tls():
    address = parse_database_url(
        "postgresql://wang@db.office:6543/twindesk?sslmode=verify-full&sslrootcert=/etc/office-ca.pem")
    assert address == ServerAddress(host="db.office", port=6543, database="twindesk", user="wang",
                                    sslmode="verify-full", sslrootcert="/etc/office-ca.pem")
    assert address.display() == "twindesk on db.office:6543 as wang"
    assert str(address) == address.display()
    assert parse_database_url(address.url()) == address


def test_a_server_is_named_in_the_readers_language():
    address = parse_database_url("postgresql://wang@db.office:6543/twindesk")
    assert address.display().text("zh_CN") == "db.office:6543 上的 twindesk（用户 wang）"
    assert parse_database_url("postgresql://db.office/twindesk").display().text("zh_CN") == "db.office:5432 上的 twindesk"
    by_service = parse_database_url("postgresql://?service=office")
    assert by_service.display() == "service office"
    assert by_service.display().text("zh_CN") == "服务 office"


def test_defaults_the_postgres_scheme_and_a_service_file():
    address = parse_database_url("postgres://db.office/twindesk")
    assert (address.host, address.port, address.user, address.sslmode) == ("db.office", 5432, "", "prefer")
    assert address.url() == "postgresql://db.office/twindesk"
    service = parse_database_url("postgresql:///twindesk?service=office")
    assert (service.host, service.database, service.service) == ("", "twindesk", "office")
    assert service.connect_params()["service"] == "office" and "host" not in service.connect_params()
    assert "port" not in service.connect_params()  # the service file says it
    assert parse_database_url(service.url()) == service


@pytest.mark.parametrize("url", ["postgresql://wang:secret@db.office/twindesk",
                                 "postgresql://wang:@db.office/twindesk",
                                 "postgresql://db.office/twindesk?password=secret"])
def test_a_password_in_the_url_is_refused_and_not_repeated(url):
    with pytest.raises(DatabaseUrlError) as caught:
        parse_database_url(url)
    assert "may not hold a password" in str(caught.value) and "keyring" in str(caught.value)
    assert "secret" not in str(caught.value)
    assert "密码" in caught.value.text("zh_CN")


@pytest.mark.parametrize(("url", "says"), [
    ("postgresql://db.office/twindesk?sslmode=always", "sslmode always is not one of"),
    ("postgresql://db.office/twindesk?target_session_attrs=any", "unknown option target_session_attrs"),
    ("postgresql://db.office:99999/twindesk", "the port is not a number"),
    ("mysql://db.office/twindesk", "is not a PostgreSQL database URL"),
])
def test_what_cannot_be_used_is_said(url, says):
    with pytest.raises(DatabaseUrlError, match=says):
        parse_database_url(url)


def test_connect_params_carry_our_name_a_timeout_keepalives_and_tls():
    params = parse_database_url("postgresql://wang@db.office/twindesk?sslmode=require").connect_params()
    assert params["application_name"] == "TwinDesk"
    assert params["connect_timeout"] == 5
    assert params["keepalives"] == 1 and params["keepalives_idle"] > 0 and params["keepalives_count"] > 0
    assert params["sslmode"] == "require"
    assert (params["host"], params["port"], params["dbname"], params["user"]) == ("db.office", 5432, "twindesk",
                                                                                  "wang")
    assert "password" not in params  # libpq looks in ~/.pgpass itself
    assert parse_database_url("postgresql://db.office/x").connect_params("pw")["password"] == "pw"


def test_what_is_a_url_and_what_is_a_file():
    assert is_database_url("postgresql://db/x") and is_database_url("postgres://db/x")
    assert is_database_url("  POSTGRESQL://db/x")
    assert not is_database_url("/home/wang/twindesk.db") and not is_database_url("C:\\twindesk.db")
    assert not is_database_url("") and not is_database_url(None)
