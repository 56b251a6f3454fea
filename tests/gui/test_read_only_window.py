"""A read-only window is read-only: opened beside a live holder of the lock, nothing can be typed into
a form, every writing action is off, and a bar at the top says who holds the database."""

import json
import socket
from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
)

from tests.gui.conftest import answer_modal
from twindesk.domain import workspace
from twindesk.domain.operations import records
from twindesk.store import models as m
from twindesk.ui.shell.session import Session

HOLDER = {"user": "wang.fang", "host": socket.gethostname(), "pid": 1, "since": "2026-11-29T08:00:00+00:00",
          "heartbeat": "2099-01-01T00:00:00+00:00", "version": "0.1", "token": "theirs"}


@pytest.fixture
def held_database(tmp_path):
    """A database with a visit (partner, delegates) and a shipment (an item), whose lock another live
    TwinDesk holds (pid 1 is alive)."""
    path = tmp_path / "office.db"
    workspace.open_workspace(path, take_backups=False)
    partner = records.save("partner", {"name_en": "Hyogo", "country": "JP"})
    visit = records.save("visit", {"title": "Kobe forum", "start_on": date(2027, 3, 15)})
    records.set_visit_partners(visit, [partner])
    for name in ("Li Na", "Wang Wei"):
        records.save("delegate", {"visit": visit, "name": name})
    shipment = records.save("shipment", {"title": "Masks", "partner": partner})
    records.save("shipment_item", {"shipment": shipment, "description": "Medical masks", "quantity": 100})
    workspace.close()
    workspace.DatabaseLock(path).path.write_text(json.dumps(HOLDER), encoding="utf-8")
    return path, {"partner": partner, "visit": visit, "shipment": shipment}


@pytest.fixture
def read_only_session(qtbot, app_settings, held_database):
    path, _ids = held_database
    session = Session(app_settings, "en")
    errors = answer_modal(lambda box: qtbot.mouseClick(box.read_only_button, Qt.MouseButton.LeftButton))
    assert session.open(path)
    assert not errors, errors
    assert session.read_only
    session.show_window()
    qtbot.addWidget(session.window)
    qtbot.waitExposed(session.window)
    yield session
    session.window.close()
    session.shutdown()


def test_the_banner_says_who_holds_the_database(read_only_session):
    window = read_only_session.window
    banner = window.findChild(QLabel, "read_only_banner")
    assert banner is not None and banner.isVisible()
    assert banner.geometry().top() < window.stack.mapTo(window, window.stack.rect().topLeft()).y()
    assert "wang.fang" in banner.text() and socket.gethostname() in banner.text()
    assert "2026" in banner.text()  # since when


def test_a_window_with_the_lock_shows_no_banner(window):
    assert window.findChild(QLabel, "read_only_banner") is None


def test_every_writing_action_is_off(qtbot, read_only_session):
    window = read_only_session.window
    window.nav.setCurrentRow(1)
    page = window.current_list_page()
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    page.view.selectRow(0)
    assert window.open_action.isEnabled()  # looking is allowed …
    for action in (window.new_action, window.delete_action, window.import_action, window.restore_action,
                   window.undo_action, window.redo_action):
        assert not action.isEnabled(), action.objectName()  # … changing is not
    window.delete_action.trigger()
    window.new_action.trigger()
    assert m.Partner.select().count() == 1


def _editor_widgets(dialog):
    for name, editor in dialog.editors.items():
        yield name, editor.focus_widget()


def _cannot_change(widget) -> bool:
    if not widget.isEnabled():
        return True
    return isinstance(widget, (QLineEdit, QPlainTextEdit, QAbstractSpinBox)) and widget.isReadOnly()


@pytest.mark.parametrize("kind", ["visit", "shipment", "partner"])
def test_a_form_takes_no_typing_and_cannot_save(qtbot, read_only_session, held_database, kind):
    record_id = held_database[1][kind]
    before = records.get(kind, record_id)
    seen = {}

    def try_to_change(dialog):
        for name, widget in _editor_widgets(dialog):
            assert _cannot_change(widget), name
            widget.setFocus()
            qtbot.keyClicks(widget, "xyz")
            qtbot.keyClick(widget, Qt.Key.Key_Backspace)
        seen["values"] = dialog.values()
        seen["save"] = dialog.save_button.isEnabled() or dialog.save_button.isVisible()
        seen["dirty"] = dialog.is_dirty()
        seen["note"] = dialog.findChild(QLabel, "read_only_note").text()
        qtbot.keyClick(dialog.editors["name_en" if kind == "partner" else "title"].focus_widget(), Qt.Key.Key_S,
                       Qt.KeyboardModifier.ControlModifier)
        dialog.reject()

    errors = answer_modal(try_to_change)
    read_only_session.window.open_record(kind, record_id)
    assert not errors, errors
    assert not seen["save"] and not seen["dirty"]
    assert seen["note"].startswith("Read-only")
    assert records.get(kind, record_id) == before
    for name, value in seen["values"].items():  # what shows is what is stored: nothing typed went in
        assert "xyz" not in str(value), name


def test_sub_records_and_the_visits_partners_cannot_be_changed(qtbot, read_only_session, held_database):
    ids = held_database[1]
    seen = {}

    def look(dialog):
        delegates = dialog.panel("delegate")
        delegates.view.selectRow(0)
        seen["delegate_buttons"] = [b.isEnabled() for b in (delegates.add_button, delegates.delete_button,
                                                           delegates.up_button, delegates.down_button)]
        seen["view_button"] = (delegates.edit_button.text(), delegates.edit_button.isEnabled())
        seen["drag"] = delegates.view.dragDropMode()
        delegates.move_selected(1)
        delegates.delete_selected()
        delegates.add()
        partners = dialog.panel("visit_partners")
        seen["partner_controls"] = [w.isEnabled() for w in (partners.picker.widget, partners.add_button,
                                                           partners.remove_button)]
        partners.list.setCurrentRow(0)
        partners.remove()
        for i in range(dialog.tabs.count()):  # every tab can be looked at
            dialog.tabs.setCurrentIndex(i)
            assert dialog.tabs.isTabEnabled(i)
        dialog.reject()

    errors = answer_modal(look)
    read_only_session.window.open_record("visit", ids["visit"])
    assert not errors, errors
    assert seen["delegate_buttons"] == [False, False, False, False]
    assert seen["view_button"] == ("View…", True)  # opens the delegate read-only
    assert seen["drag"] == QAbstractItemView.DragDropMode.NoDragDrop
    assert seen["partner_controls"] == [False, False, False]
    assert [d.name for d in m.Delegate.select().order_by(m.Delegate.precedence, m.Delegate.id)] == ["Li Na", "Wang Wei"]
    assert records.visit_partner_ids(ids["visit"]) == [ids["partner"]]


def test_a_sub_record_opened_from_a_read_only_form_is_read_only(qtbot, read_only_session, held_database):
    seen = {}

    def open_delegate(dialog):
        delegates = dialog.panel("delegate")
        delegates.view.selectRow(0)

        def look(form):
            seen["name"] = _cannot_change(form.editors["name"].focus_widget())
            seen["save"] = form.save_button.isVisible()
            form.reject()

        inner = answer_modal(look)
        delegates.edit_selected()
        seen["inner"] = inner
        dialog.reject()

    errors = answer_modal(open_delegate)
    read_only_session.window.open_record("visit", held_database[1]["visit"])
    assert not errors and not seen["inner"], (errors, seen)
    assert seen["name"] and not seen["save"]


def test_a_read_only_window_without_a_known_holder_still_says_why(qtbot, gui_db, app_settings):
    from twindesk.ui.shell.main_window import MainWindow

    w = MainWindow(db_path=gui_db.path, settings=app_settings, lang="en", read_only=True)
    qtbot.addWidget(w)
    w.show()
    banner = w.findChild(QLabel, "read_only_banner")
    assert banner.isVisible() and "cannot change the database" in banner.text()
    QApplication.processEvents()


def test_a_window_that_loses_the_lock_shows_who_took_it(qtbot, app_settings, held_database,
                                                        no_blocking_message_boxes):
    path, _ids = held_database
    lock_file = workspace.DatabaseLock(path).path
    lock_file.unlink()
    session = Session(app_settings, "en")
    assert session.open(path) and not session.read_only
    session.show_window()
    qtbot.addWidget(session.window)
    assert session.window.findChild(QLabel, "read_only_banner") is None
    lock_file.write_text(json.dumps(HOLDER), encoding="utf-8")  # another window took it over
    session.check_lock()
    try:
        banner = session.window.findChild(QLabel, "read_only_banner")
        assert session.window.read_only and "wang.fang" in banner.text()
        assert not session.window.new_action.isEnabled()
    finally:
        session.window.close()
        session.shutdown()
