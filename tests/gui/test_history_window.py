"""Who changed what, when, in the window: the History tab of a record dialog and Edit › Recent changes."""

import getpass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.gui.conftest import answer_modal, type_text
from twindesk.domain.operations import records
from twindesk.ui.records.forms import dialog_for

# The history shows the database login beside the staff name (on SQLite the system's user).
LI_NA, WANG_FANG = f"Li Na ({getpass.getuser()})", f"Wang Fang ({getpass.getuser()})"


def _table(widget) -> list[list[str]]:
    model = widget.model()
    return [[model.index(r, c).data() for c in range(model.columnCount())] for r in range(model.rowCount())]


def _history_tab(dialog) -> int:
    return next(i for i in range(dialog.tabs.count()) if dialog.tabs.tabText(i) == "History")


def test_a_saved_edit_shows_in_the_history_tab_with_who_and_old_to_new(qtbot, window):
    pid = records.save("partner", {"name_en": "Jeju", "country": "KR"}, user="Wang Fang")
    window.nav.setCurrentRow(1)
    page = window.current_list_page()
    page.view.selectRow(0)
    page.view.setFocus()

    def edit(dialog):
        type_text(qtbot, dialog.editors["population"].widget, "5400000")
        qtbot.keyClick(dialog.editors["population"].widget, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)

    errors = answer_modal(edit)
    qtbot.keyClick(page.view, Qt.Key.Key_Return)
    assert not errors, errors
    seen = {}

    def look(dialog):
        dialog.tabs.setCurrentIndex(_history_tab(dialog))
        seen["rows"] = _table(dialog.history_panel.view)
        seen["empty"] = dialog.history_panel.empty.isVisible()
        dialog.reject()

    errors = answer_modal(look)
    window.open_action.trigger()
    assert not errors, errors
    rows = seen["rows"]
    assert [r[1:] for r in rows] == [[LI_NA, "save", "", "Population: — → 5,400,000"],
                                     [WANG_FANG, "save", "", "created “Jeju”"]]
    assert not seen["empty"]
    assert records.get("partner", pid)["population"] == 5400000


def test_a_new_record_has_no_changes_yet_until_its_first_save_and_follows_its_sub_records(qtbot, window):
    dialog = dialog_for("visit", None, lang="en", user="Li Na")
    qtbot.addWidget(dialog)
    panel = dialog.history_panel
    assert panel.empty.text() == "No changes yet" and not panel.empty.isHidden() and panel.view.isHidden()
    type_text(qtbot, dialog.editors["title"].widget, "Spring visit")
    dialog.save()  # a visit stays open after it is created, for its delegates
    assert panel.empty.isHidden()
    assert [r[1:] for r in _table(panel.view)] == [[LI_NA, "save", "", "created “Spring visit”"]]
    records.save("delegate", {"visit": dialog.record_id, "name": "Zhang Wei"}, user="Wang Fang")
    # the change notice of a sub-record's save reaches the open tab
    assert _table(panel.view)[0][1:] == [WANG_FANG, "save", "delegate 1", "created “Zhang Wei”"]


def test_recent_changes_lists_filters_by_person_and_opens_the_record_with_enter(qtbot, window):
    jeju = records.save("partner", {"name_en": "Jeju", "country": "KR"}, user="Wang Fang")
    records.save("partner", {"population": 5400000}, jeju, user="Li Na")
    records.save("visit", {"title": "Spring visit"}, user="Wang Fang")
    seen = {}

    def use(dialog):
        view = dialog.findChild(type(dialog.view), "list")
        seen["all"] = [r[1:5] for r in _table(view)]
        dialog.person.setCurrentIndex(dialog.person.findData("Li Na"))
        seen["li"] = [r[1:] for r in _table(view)]
        type_text(qtbot, dialog.since, "not a day")
        qtbot.keyClick(dialog.since, Qt.Key.Key_Return)
        seen["since_error"] = dialog.since_error.text()
        dialog.since.clear()
        qtbot.keyClick(dialog.since, Qt.Key.Key_Return)
        view.setFocus()
        view.selectRow(0)

        def record(opened):
            seen["opened"] = opened.windowTitle()
            opened.reject()

        inner = answer_modal(record)
        qtbot.keyClick(view, Qt.Key.Key_Return)
        seen["inner"] = inner
        seen["still_open"] = dialog.isVisible()
        dialog.reject()

    errors = answer_modal(use)
    window.recent_action.trigger()
    assert not errors, errors
    assert not seen["inner"], seen["inner"]
    assert seen["all"][:3] == [[WANG_FANG, "save", "visit 1", "Spring visit"],
                               [LI_NA, "save", f"partner {jeju}", "Jeju"],
                               [WANG_FANG, "save", f"partner {jeju}", "Jeju"]]
    assert seen["li"] == [[LI_NA, "save", f"partner {jeju}", "Jeju", "Population: — → 5,400,000"]]
    assert seen["since_error"] == "Since: “not a day” is not a date; write it as 2026-11-29."
    assert seen["opened"] == "Partner — Jeju"
    assert seen["still_open"]  # Enter opened the record, it did not close the list
    assert QApplication.activeModalWidget() is None


def test_the_menu_has_recent_changes(window):
    edit_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Edit")
    assert window.recent_action in edit_menu.actions()
    assert window.recent_action.text() == "Recent &changes…"


def test_a_record_not_yet_saved_shows_no_history_tab_until_its_first_save(qtbot, gui_db):
    dialog = dialog_for("partner", None, lang="en")
    qtbot.addWidget(dialog)
    tab = _history_tab(dialog)
    assert not dialog.tabs.isTabVisible(tab)
    type_text(qtbot, dialog.editors["name_en"].widget, "Jeju")
    dialog.editors["country"].widget.setFocus()
    type_text(qtbot, dialog.editors["country"].widget, "KR")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.record_id is not None
    assert dialog.tabs.isTabVisible(tab)
