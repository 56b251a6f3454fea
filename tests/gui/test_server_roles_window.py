"""The window on the shared server follows the login's TwinDesk role (docs/architecture.md, "Who may do
what"): a reader's window opens read-only with the role's reason in the banner, every writing action off
and forms that take no typing; an editor's home localities are read-only with the reason, the other
lists not; an admin changes home localities. Opened on the server's URL as the session does."""


import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractSpinBox, QLabel, QLineEdit, QPlainTextEdit
from server_office import READER_SAYS, office_fixture

from tests.gui.conftest import answer_modal, type_text
from twindesk.domain import workspace
from twindesk.store import models as m

EDITOR_SAYS = "who may not change home localities (role twindesk_editor)."  # what the banners and notes say first

office = office_fixture(stocked=True)


@pytest.fixture
def window_as(qtbot, app_settings, office):
    """The window over the office's database as a login, opened as the session opens a server (read-write,
    falling back to read-only with the reason)."""
    from twindesk.ui.common import background
    from twindesk.ui.shell.main_window import MainWindow

    windows = []

    def open_as(who: str):
        url = office.url(who)
        opened = workspace.open_workspace(url, password=office.password(who), read_only_fallback=True)
        window = MainWindow(db_path=url, settings=app_settings, lang="en", user="王芳",
                            read_only=opened.read_only, read_only_reason=str(opened.read_only_reason or ""))
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        windows.append(window)
        return window

    yield open_as
    for window in windows:
        window.close()
    background.wait_for_all()
    workspace.close()


def show_list(qtbot, window, row: int):
    window.nav.setCurrentRow(row)
    page = window.current_list_page()
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    page.view.selectRow(0)
    window._update_actions()
    return page


def cannot_change(widget) -> bool:
    if not widget.isEnabled():
        return True
    return isinstance(widget, (QLineEdit, QPlainTextEdit, QAbstractSpinBox)) and widget.isReadOnly()


def try_typing(qtbot, window, kind: str, record_id: int, field: str) -> dict:
    """Open the record's form, type into every field and press Ctrl+S; what the form showed."""
    seen = {}

    def attempt(dialog):
        for name, editor in dialog.editors.items():
            seen.setdefault("changeable", []).extend([] if cannot_change(editor.focus_widget()) else [name])
        widget = dialog.editors[field].focus_widget()
        widget.setFocus()
        qtbot.keyClicks(widget, "xyz")
        note = dialog.findChild(QLabel, "read_only_note")
        seen["note"] = note.text() if note is not None else None
        seen["save_visible"] = dialog.save_button.isVisible()
        qtbot.keyClick(widget, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
        dialog.reject()

    errors = answer_modal(attempt)
    window.open_record(kind, record_id)
    assert not errors, errors
    return seen


def test_a_readers_window_is_read_only_and_says_why(qtbot, window_as, office):
    window = window_as("reader")
    banner = window.findChild(QLabel, "read_only_banner")
    assert banner is not None and banner.isVisible()
    assert f"as {office.logins['reader']}, {READER_SAYS}" in banner.text()
    show_list(qtbot, window, 1)
    assert window.open_action.isEnabled()
    for action in (window.new_action, window.delete_action, window.import_action, window.restore_action,
                   window.undo_action, window.redo_action):
        assert not action.isEnabled(), action.objectName()
    window.new_action.trigger()
    window.delete_action.trigger()
    assert office.sql("SELECT count(*) FROM partner") == [(1,)]
    assert office.sql("SELECT count(*) FROM history_operation") == [(0,)]


def test_a_readers_form_takes_no_typing_and_says_why(qtbot, window_as, office):
    window = window_as("reader")
    seen = try_typing(qtbot, window, "partner", office.ids["partner"], "name_en")
    assert seen["changeable"] == [] and not seen["save_visible"]
    assert READER_SAYS in seen["note"]
    assert office.sql("SELECT name_en FROM partner") == [("Jeju",)]


def test_an_editors_home_localities_are_read_only_with_the_reason(qtbot, window_as, office):
    window = window_as("editor")
    assert window.findChild(QLabel, "read_only_banner") is None  # the window itself may write
    page = show_list(qtbot, window, 5)
    assert EDITOR_SAYS in page.read_only_banner.text() and page.read_only_banner.isVisible()
    assert not window.new_action.isEnabled() and not window.delete_action.isEnabled()
    assert window.import_action.isEnabled()  # records may be imported
    window.delete_action.trigger()
    window.new_action.trigger()
    assert office.sql("SELECT count(*) FROM home_locality") == [(1,)]

    partners = show_list(qtbot, window, 1)
    assert getattr(partners, "read_only_banner", None) is None
    assert window.new_action.isEnabled() and window.delete_action.isEnabled()


def test_an_editors_home_locality_form_takes_no_typing_and_says_why(qtbot, window_as, office):
    window = window_as("editor")
    seen = try_typing(qtbot, window, "home_locality", office.ids["home_locality"], "name_en")
    assert seen["changeable"] == [] and not seen["save_visible"]
    assert EDITOR_SAYS in seen["note"]
    assert office.sql("SELECT name_en FROM home_locality") == [("Hainan",)]


def test_an_admin_changes_a_home_locality_in_its_form(qtbot, window_as, office):
    window = window_as("admin")
    page = show_list(qtbot, window, 5)
    assert getattr(page, "read_only_banner", None) is None
    assert window.new_action.isEnabled()

    def edit(dialog):
        widget = dialog.editors["name_en"].focus_widget()
        widget.selectAll()
        type_text(qtbot, widget, "Hainan Province")
        qtbot.keyClick(widget, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)

    errors = answer_modal(edit)
    window.open_record("home_locality", office.ids["home_locality"])
    assert not errors, errors
    assert office.sql("SELECT name_en FROM home_locality") == [("Hainan Province",)]


# --- the same forms on SQLite, the session's role bound by hand ---------------------------------------


@pytest.fixture
def role(gui_db):
    """Bind a server role to the (SQLite) session, as opening a server database does."""
    from twindesk.domain.operations import write_access

    yield lambda level: write_access.bind(level, "twindesk on db.office:5432", "lina")
    write_access.bind(None)


@pytest.fixture
def hainan(gui_db):
    from twindesk.domain.operations import records

    return records.save("home_locality", {"name_zh": "海南省", "name_en": "Hainan", "kind": "province"})


def test_an_editor_form_of_a_home_locality_on_sqlite(qtbot, window, role, hainan):
    role("editor")
    page = show_list(qtbot, window, 5)
    kind_banner = page.read_only_banner.text()  # the page was built after the role was bound
    assert "as lina, " + EDITOR_SAYS in kind_banner
    assert not window.new_action.isEnabled() and not window.delete_action.isEnabled()
    seen = try_typing(qtbot, window, "home_locality", hainan, "name_en")
    assert seen["changeable"] == [] and not seen["save_visible"]
    assert EDITOR_SAYS in seen["note"]
    assert m.HomeLocality.get_by_id(hainan).name_en == "Hainan"
    assert m.HistoryOperation.select().count() == 1  # the set-up's save only


def test_an_admin_form_of_a_home_locality_on_sqlite_saves(qtbot, window, role, hainan):
    role("admin")
    page = show_list(qtbot, window, 5)
    assert getattr(page, "read_only_banner", None) is None and window.new_action.isEnabled()

    def edit(dialog):
        assert dialog.findChild(QLabel, "read_only_note") is None
        widget = dialog.editors["name_en"].focus_widget()
        widget.selectAll()
        type_text(qtbot, widget, "Hainan Province")
        qtbot.keyClick(widget, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)

    errors = answer_modal(edit)
    window.open_record("home_locality", hainan)
    assert not errors, errors
    assert m.HomeLocality.get_by_id(hainan).name_en == "Hainan Province"


def test_a_reader_form_on_sqlite_takes_no_typing_and_says_why(qtbot, window, role, gui_db):
    from twindesk.domain.operations import records

    jeju = records.save("partner", {"name_en": "Jeju", "country": "KR"})
    role("reader")
    seen = try_typing(qtbot, window, "partner", jeju, "name_en")
    assert seen["changeable"] == [] and not seen["save_visible"]
    assert "as lina, " + READER_SAYS in seen["note"]
    assert records.get("partner", jeju)["name_en"] == "Jeju"
