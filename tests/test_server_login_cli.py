"""The command line on a server login that needs a password (issue 16: passwords never in plain text):
the keyring's is used, a person at a terminal is asked (again, with the reason, when it was wrong), and a
script without a terminal fails at once with a message saying where a password can be kept."""

import pytest
from memory_keyring import memory_keyring  # noqa: F401 - fixture

from twindesk import cli
from twindesk.store.schema import SCHEMA_VERSION
from twindesk.store.server import password as server_password

PASSWORD = "Jeju-2026"


@pytest.fixture
def login_url(pg_cluster, pg_url):
    pg_cluster.create_login("cli_li", PASSWORD, member_of=("pg_read_all_data",))
    yield pg_url.replace("postgres@", "cli_li@")
    server_password._signed_in.clear()


def _at_a_terminal(monkeypatch, answers: list[str]) -> list[str]:
    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    monkeypatch.setattr("sys.stderr.isatty", lambda: True)
    asked = []
    monkeypatch.setattr(server_password.getpass, "getpass", lambda prompt: asked.append(prompt) or answers.pop(0))
    return asked


def test_without_a_terminal_a_command_fails_at_once_and_says_where_a_password_can_live(login_url, monkeypatch,
                                                                                         capsys):
    monkeypatch.setattr("sys.stdin.isatty", lambda: False)
    assert cli.main(["--database-url", login_url, "check"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("twindesk: error: ") and "needs a password" in err and "~/.pgpass" in err


def test_the_keyring_s_password_is_used(login_url, memory_keyring, monkeypatch, capsys):  # noqa: F811
    from twindesk.store.server.address import parse_database_url

    monkeypatch.setattr("sys.stdin.isatty", lambda: False)
    server_password.store_password(parse_database_url(login_url), PASSWORD)
    assert cli.main(["--database-url", login_url, "check"]) == 0, capsys.readouterr().err
    assert f"schema version: {SCHEMA_VERSION} (current)" in capsys.readouterr().out


def test_at_a_terminal_a_wrong_password_is_asked_for_again_with_the_reason(login_url, monkeypatch, capsys):
    asked = _at_a_terminal(monkeypatch, ["wrong", PASSWORD])
    assert cli.main(["--database-url", login_url, "check"]) == 0
    assert len(asked) == 2 and asked[0].startswith("Password for ") and "as cli_li" in asked[0]
    captured = capsys.readouterr()
    assert "password authentication failed" in captured.err and PASSWORD not in captured.err + captured.out
