"""Server passwords in the system keyring (store/server/password.py): kept per login under "TwinDesk",
said plainly when no keyring works, and asked at a terminal only when a person is there."""

from dataclasses import dataclass

import pytest
from memory_keyring import memory_keyring, no_keyring  # noqa: F401 - fixtures

from twindesk.store.server import password as sp


@dataclass(frozen=True)
class Login:
    host: str = "db.office"
    port: int = 5432
    database: str = "twindesk"
    user: str = "wang"


def test_a_password_is_kept_per_login_under_twindesk(memory_keyring):  # noqa: F811
    sp.store_password(Login(), "s3cret")
    assert memory_keyring.kept == {("TwinDesk", "wang@db.office:5432/twindesk"): "s3cret"}
    assert sp.lookup_password(Login()) == "s3cret"
    assert sp.lookup_password(Login(user="li")) is None  # another login, another password
    assert sp.lookup_password(Login(port=5433)) is None
    assert sp.delete_password(Login()) is True
    assert sp.lookup_password(Login()) is None
    assert sp.delete_password(Login()) is False  # none kept: no error


def test_without_a_keyring_the_message_says_where_else_a_password_can_live(no_keyring):  # noqa: F811
    assert sp.keyring_problem() is not None
    assert sp.lookup_password(Login()) is None  # libpq then reads ~/.pgpass itself
    with pytest.raises(sp.KeyringUnavailable) as caught:
        sp.store_password(Login(), "s3cret")
    assert ".pgpass" in str(caught.value) and "service file" in str(caught.value)
    assert "密钥环" in caught.value.text("zh_CN")


def test_the_command_line_asks_only_at_a_terminal(monkeypatch):
    monkeypatch.setattr("sys.stdin.isatty", lambda: False)
    ask = sp.terminal_asker("twindesk on db.office:5432 as wang")
    with pytest.raises(sp.PasswordNeeded) as caught:
        ask("")
    assert "twindesk on db.office:5432 as wang" in str(caught.value) and "~/.pgpass" in str(caught.value)


def test_at_a_terminal_the_reason_comes_first_then_getpass(monkeypatch, capsys):
    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    monkeypatch.setattr("sys.stderr.isatty", lambda: True)
    prompts = []
    monkeypatch.setattr(sp.getpass, "getpass", lambda prompt: prompts.append(prompt) or "typed")
    assert sp.terminal_asker("db as wang")("password authentication failed") == "typed"
    assert prompts == ["Password for db as wang: "]
    assert "password authentication failed" in capsys.readouterr().err
