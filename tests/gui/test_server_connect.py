"""Staff connect the window to the shared server (issue 16 item 1): the connect dialog typed into like a
person does, passwords in the keyring (never in the settings), and the faults at open: a wrong password,
a stopped server. The faults mid-work are tests/gui/test_server_faults.py."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QLabel, QLineEdit, QPushButton, QSpinBox

from tests.gui.conftest import answer_modal
from tests.memory_keyring import memory_keyring, no_keyring  # noqa: F401 - fixtures
from twindesk.domain import server_connection, workspace
from twindesk.ui.shell import recent_files
from twindesk.ui.shell import settings as S
from twindesk.ui.shell.session import Session

PASSWORD = "Hyogo-2026"


@pytest.fixture
def login(pg_cluster, pg_url):
    """A login that must give its password, allowed to read and write the test's database: its owner,
    whom TwinDesk counts as an administrator (docs/architecture.md, "Who may do what")."""
    pg_cluster.create_login("connect_wang", PASSWORD, member_of=("pg_read_all_data", "pg_write_all_data"))
    address = server_connection.parse(pg_url)
    pg_cluster.run_sql(f'ALTER DATABASE "{address.database}" OWNER TO connect_wang')
    return server_connection.address_of(host=address.host, port=address.port, database=address.database,
                                        user="connect_wang")


@pytest.fixture
def session(qtbot, app_settings):
    s = Session(app_settings, "en")
    yield s
    if s.window is not None:
        s.window.close()
    s.shutdown()


def _type(qtbot, dialog, name: str, text: str) -> None:
    widget = dialog.findChild(QLineEdit, name) or dialog.findChild(QSpinBox, name)
    widget.setFocus()
    widget.selectAll()
    qtbot.keyClick(widget, Qt.Key.Key_Delete)
    qtbot.keyClicks(widget, text)


def _click(qtbot, dialog, name: str) -> None:
    qtbot.mouseClick(dialog.findChild((QPushButton, QCheckBox)[name == "remember_password"], name),
                     Qt.MouseButton.LeftButton)


def _fill(qtbot, dialog, address, password: str) -> None:
    for name in ("host", "database", "user"):
        _type(qtbot, dialog, name, getattr(address, name))
    _type(qtbot, dialog, "port", str(address.port))
    if password:
        _type(qtbot, dialog, "password", password)


def _connect_with_dialog(qtbot, session, address, password: str, *, then=None, remember=False, test=True):
    """File › Connect to server…, typed and clicked; `then(dialog)` answers the dialog shown again (a refusal)."""
    seen = {}

    def fill(dialog):
        _fill(qtbot, dialog, address, password)
        if remember:
            _click(qtbot, dialog, "remember_password")
        if test:
            _click(qtbot, dialog, "test_connection")
            result = dialog.findChild(QLabel, "test_result")
            qtbot.waitUntil(lambda: result.text().startswith(("✓", "✗")), timeout=15_000)
            seen["test"] = result.text()
        if then is not None:
            seen["again"] = answer_modal(lambda again: then(again))
        _click(qtbot, dialog, "connect")

    errors = answer_modal(fill)
    connected = session.connect_to_server()
    assert errors == [] and seen.get("again", []) == []
    return connected, seen


def test_typing_the_address_tests_it_and_opens_the_window_on_the_server(qtbot, session, login, app_settings,
                                                                         memory_keyring, tmp_path):  # noqa: F811
    connected, seen = _connect_with_dialog(qtbot, session, login, PASSWORD, remember=True)
    assert connected
    assert seen["test"].startswith("✓ Connected: PostgreSQL ") and "as connect_wang" in seen["test"]
    window = session.window
    qtbot.addWidget(window)
    opened = workspace.current()
    assert opened.engine == "postgresql" and opened.address == login
    where = f"{login.database} on {login.host}:{login.port} as connect_wang"
    assert window.windowTitle() == f"TwinDesk — server {where}"
    assert window.db_label.text() == f"server {where}"
    # the password is in the keyring, the address in the settings and in File › Recent, no password anywhere
    assert memory_keyring.kept == {("TwinDesk", f"connect_wang@{login.host}:{login.port}/{login.database}"):
                                   PASSWORD}
    app_settings.sync()
    kept = (tmp_path / "settings.ini").read_text(encoding="utf-8")
    assert PASSWORD not in kept
    assert app_settings.get(S.SERVER_ADDRESS) == login.url()
    assert recent_files.recent_entries(app_settings)[0] == login.url()
    menu = window.recent_menu
    menu.fill()
    assert menu.actions()[0].text() == f"&1  Server connect_wang@{login.host}:{login.port}/{login.database}"


def test_the_keyring_answers_the_next_time(qtbot, session, login, memory_keyring):  # noqa: F811
    server_connection.store_password(login, PASSWORD)
    assert session.open_server(login.url())  # no dialog, no prompt: the keyring had it
    assert workspace.current().address == login


def test_a_wrong_password_says_so_and_the_dialog_keeps_what_was_typed(qtbot, session, login,
                                                                       memory_keyring):  # noqa: F811
    shown = {}

    def look_then_cancel(dialog):
        shown.update({name: dialog.findChild(QLineEdit, name).text() for name in ("host", "database", "user",
                                                                                 "password")})
        shown["port"] = dialog.findChild(QSpinBox, "port").value()
        shown["problem"] = dialog.findChild(QLabel, "connect_problem").text()
        dialog.reject()

    connected, seen = _connect_with_dialog(qtbot, session, login, "wrong", then=look_then_cancel, test=False)
    assert not connected and workspace.current() is None
    assert shown["problem"].startswith("The database server refused the login for ")
    assert "Check the user name and type the password again." in shown["problem"]
    assert (shown["host"], shown["port"], shown["database"], shown["user"]) == (
        login.host, login.port, login.database, "connect_wang")
    assert shown["password"] == ""  # the wrong one is gone
    assert memory_keyring.kept == {}  # and never kept


def test_a_stopped_server_is_unreachable_and_the_dialog_says_what_to_do(qtbot, session, login, pg_cluster):
    if not pg_cluster.owned:
        pytest.skip("the tests' own cluster only: this one may not be stopped")
    shown = {}

    def look_then_cancel(dialog):
        shown["problem"] = dialog.findChild(QLabel, "connect_problem").text()
        shown["host"] = dialog.findChild(QLineEdit, "host").text()
        shown["password"] = dialog.findChild(QLineEdit, "password").text()
        dialog.reject()

    pg_cluster.stop()
    try:
        connected, seen = _connect_with_dialog(qtbot, session, login, PASSWORD, then=look_then_cancel)
    finally:
        pg_cluster.start()
    assert not connected
    assert seen["test"].startswith("✗ Cannot reach the database server for ")
    assert shown["problem"].startswith(f"Cannot reach the database server for {login.display()}")
    assert "that it is running" in shown["problem"]
    assert shown["host"] == login.host and shown["password"] == PASSWORD  # a password not refused is kept


def test_start_up_with_a_url_asks_for_the_password_and_again_when_it_is_wrong(qtbot, session, login,
                                                                               no_keyring):  # noqa: F811
    reasons = []

    def answer(password):
        def type_it(prompt):
            reasons.append(prompt.findChild(QLabel, "password_reason").text())
            assert not prompt.findChild(QCheckBox, "remember_password").isEnabled()  # no keyring here
            qtbot.keyClicks(prompt.findChild(QLineEdit, "password"), password)
            prompt.accept()
            if password == "wrong":
                answer(PASSWORD)
        return answer_modal(type_it)

    errors = answer("wrong")
    assert session.open_server(login.url(), None)
    assert errors == []
    assert reasons[0] == ""  # none was given: asked plainly
    assert "password authentication failed" in reasons[1]  # a wrong one: asked again, with the reason
    assert workspace.current().address == login and session.password == PASSWORD


def test_the_window_starts_on_the_server_named_by_the_url(app_settings, pg_url, monkeypatch):
    from twindesk.ui.shell.app import choose_target

    assert choose_target(None, pg_url, app_settings) == server_connection.parse(pg_url)
    monkeypatch.setenv("TWINDESK_DATABASE_URL", pg_url)
    assert choose_target(None, None, app_settings) == server_connection.parse(pg_url)
    app_settings.set(S.DATABASE, pg_url)  # Settings › Shared server… keeps the URL as the database
    monkeypatch.delenv("TWINDESK_DATABASE_URL")
    assert choose_target(None, None, app_settings) == server_connection.parse(pg_url)


def test_without_a_keyring_the_dialog_says_how_else_to_keep_the_password(qtbot, app_settings,
                                                                          no_keyring):  # noqa: F811
    from twindesk.ui.shell.server_dialog import ServerDialog

    dialog = ServerDialog(app_settings)
    qtbot.addWidget(dialog)
    assert not dialog.remember_password.isEnabled()
    note = dialog.findChild(QLabel, "keyring_note").text()
    assert note.startswith("No system keyring works here") and "~/.pgpass" in note and "service file" in note


def test_the_connect_dialog_the_password_prompt_and_the_bar_speak_chinese(qtbot, app_settings,
                                                                         no_keyring):  # noqa: F811
    from tests.gui.test_chinese_everywhere import english_runs, texts_of
    from twindesk.ui.shell.connection_bar import ConnectionBar
    from twindesk.ui.shell.i18n import install_language
    from twindesk.ui.shell.main_window import MainWindow
    from twindesk.ui.shell.password_prompt import PasswordPrompt
    from twindesk.ui.shell.server_dialog import ServerDialog

    assert install_language("zh_CN")
    try:
        dialog = ServerDialog(app_settings)
        prompt = PasswordPrompt("twindesk on db.office:5432 as wang", "password authentication failed")
        shell = MainWindow(settings=app_settings, lang="zh_CN")
        for widget in (dialog, prompt, shell):
            qtbot.addWidget(widget)
        bar = shell.findChild(ConnectionBar)
        bar.connection_lost()
        data = {server_connection.keyring_problem(), "host:port:database:user:password", "db.office.local",
                "twindesk on db.office:5432 as wang", "password authentication failed", "twindesk"}
        english = [f"{where}: {text!r}" for widget in (dialog, prompt, shell) for where, text in texts_of(widget)
                   if english_runs(text, data)]
        assert english == []
        assert dialog.windowTitle() == "连接共享服务器" and bar.label.text() == "与服务器的连接已断开——正在重试…"
    finally:
        install_language("en")


def test_settings_shared_server_switches_the_window_to_it_and_recent_brings_the_file_back(
        qtbot, session, login, app_settings, memory_keyring, tmp_path):  # noqa: F811
    from PySide6.QtWidgets import QDialogButtonBox

    from twindesk.domain.operations import records

    office = tmp_path / "office.db"
    workspace.open_workspace(office)
    records.save("partner", {"name_en": "Hyogo", "country": "JP"})
    workspace.close()
    assert session.open(office)
    session.show_window()
    qtbot.addWidget(session.window)

    def settings(dialog):
        def server(inner):
            _fill(qtbot, inner, login, PASSWORD)
            assert inner.findChild(QPushButton, "connect").text() == "Use this server"
            _click(qtbot, inner, "connect")
        seen["inner"] = answer_modal(server)
        qtbot.mouseClick(dialog.findChild(QPushButton, "shared_server"), Qt.MouseButton.LeftButton)
        seen["field"] = dialog.database.text()
        qtbot.mouseClick(dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok),
                         Qt.MouseButton.LeftButton)

    seen = {}
    errors = answer_modal(settings)
    session.window.settings_action.trigger()
    assert errors == [] and seen["inner"] == []
    assert seen["field"] == login.url()  # the address in the field, never the password
    assert workspace.current().address == login and session.window.server == login
    assert app_settings.get(S.DATABASE) == login.url()  # the next start opens the server
    menu = session.window.recent_menu
    menu.fill()
    back = next(a for a in menu.actions() if a.data() == str(office.resolve()))
    back.trigger()  # File › Recent: the file again
    assert session.path == office.resolve() or session.path == office
    assert session.window.server is None and session.window.db_path is not None
