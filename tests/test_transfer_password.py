"""`twindesk transfer --to/--from URL` for a login that needs a password signs in as every other command
does (domain/server_connection.py `sign_in`): the keyring's password, asked at a terminal, or a clear
message for a script without one. Needs PostgreSQL (the harness)."""

import pytest
from conftest import make_filled_database, table_counts
from memory_keyring import memory_keyring, no_keyring  # noqa: F401 - fixtures

from twindesk import cli
from twindesk.store.server import password as server_password
from twindesk.store.server.address import parse_database_url

PASSWORD = "Sanya-2026"
LOGIN = "xfer_li"


@pytest.fixture
def office(tmp_path):
    path = tmp_path / "office.db"
    make_filled_database(path)
    return path


@pytest.fixture
def empty_server(pg_cluster):
    """An empty server database owned by a login that must give its password: transfer makes the tables."""
    pg_cluster.create_login(LOGIN, PASSWORD)
    url = pg_cluster.new_database(initialized=False)
    name = url.rsplit("/", 1)[1]
    pg_cluster.run_sql(f'ALTER DATABASE "{name}" OWNER TO "{LOGIN}"')
    yield url.replace(f"{pg_cluster.superuser}@", f"{LOGIN}@"), url
    server_password._signed_in.clear()
    pg_cluster.drop_database(name)


def test_the_keyring_s_password_carries_a_transfer_to_the_server_and_back(office, empty_server, tmp_path,
                                                                            memory_keyring, monkeypatch,  # noqa: F811
                                                                            capsys):
    login_url, superuser_url = empty_server
    monkeypatch.setattr("sys.stdin.isatty", lambda: False)
    server_password.store_password(parse_database_url(login_url), PASSWORD)
    assert cli.main(["transfer", "--to", login_url, "--db", str(office)]) == 0, capsys.readouterr().err
    assert "verified:" in capsys.readouterr().out
    assert table_counts(superuser_url) == table_counts(office)
    server_password._signed_in.clear()  # --from signs in afresh
    back = tmp_path / "back.db"
    assert cli.main(["transfer", "--from", login_url, str(back)]) == 0, capsys.readouterr().err
    assert table_counts(back) == table_counts(office)


def test_at_a_terminal_the_password_is_asked_for_and_never_shown(office, empty_server, no_keyring,  # noqa: F811
                                                                  monkeypatch, capsys):
    login_url, superuser_url = empty_server
    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    monkeypatch.setattr("sys.stderr.isatty", lambda: True)
    asked, answers = [], ["wrong", PASSWORD]
    monkeypatch.setattr(server_password.getpass, "getpass", lambda prompt: asked.append(prompt) or answers.pop(0))
    assert cli.main(["transfer", "--to", login_url, "--db", str(office)]) == 0
    captured = capsys.readouterr()
    assert len(asked) == 2 and f"as {LOGIN}" in asked[0]
    assert "password authentication failed" in captured.err and PASSWORD not in captured.err + captured.out
    assert table_counts(superuser_url) == table_counts(office)


@pytest.mark.parametrize("direction", ["--to", "--from"])
def test_a_script_without_a_password_fails_at_once_saying_where_one_can_live(office, empty_server, tmp_path,
                                                                              no_keyring, monkeypatch,  # noqa: F811
                                                                              capsys, direction):
    login_url, _ = empty_server
    monkeypatch.setattr("sys.stdin.isatty", lambda: False)
    argv = ["transfer", "--to", login_url, "--db", str(office)] if direction == "--to" else [
        "transfer", "--from", login_url, str(tmp_path / "back.db")]
    assert cli.main(argv) == 2
    out, err = capsys.readouterr()
    assert out == "" and err.startswith("twindesk: error: ")
    assert "needs a password" in err and "~/.pgpass" in err and not (tmp_path / "back.db").exists()
