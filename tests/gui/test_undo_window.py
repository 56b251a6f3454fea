"""Edit › Undo (Ctrl+Z) and Redo (Ctrl+Shift+Z) take back the changes made in the window, several levels."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from tests.gui.conftest import answer_modal, type_text
from twindesk.domain.operations import records, undo
from twindesk.store import models as m


def _visible_names(page):
    col = next(i for i, c in enumerate(page.model.columns()) if c.key == "name_en")
    return [page.model.index(r, col).data() for r in range(page.model.rowCount())]


def test_ctrl_z_brings_back_a_deleted_partner_with_its_contacts(qtbot, window, monkeypatch):
    home = records.save("home_locality", {"name_zh": "海南省", "kind": "province"})
    pid = records.save("partner", {"name_en": "Jeju", "country": "KR"})
    records.save("partnership", {"partner": pid, "home_locality": home, "status": "negotiating"})
    records.save("contact", {"partner": pid, "family_name": "Kim"})
    undo.history.reset()  # the set-up is not the user's to undo
    window.undo_actions.update()
    window.nav.setCurrentRow(1)
    page = window.current_list_page()
    assert not window.undo_action.isEnabled()
    page.view.selectRow(0)
    page.view.setFocus()
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    qtbot.keyClick(page.view, Qt.Key.Key_Delete)
    assert m.Partner.select().count() == 0 and page.model.rowCount() == 0
    assert window.undo_action.isEnabled()
    assert window.undo_action.text() == "&Undo delete of partner “Jeju”"
    qtbot.keyClick(page.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert [p.id for p in m.Partner.select()] == [pid]
    assert m.Contact.get().family_name == "Kim" and m.Partnership.get().status == "negotiating"
    assert _visible_names(page) == ["Jeju"]  # the list refreshed from the undo's change notice
    assert not window.undo_action.isEnabled()  # one step: nothing more to undo
    assert window.statusBar().currentMessage() == "Undone: delete of partner “Jeju”."
    assert window.redo_action.text() == "&Redo delete of partner “Jeju”"
    qtbot.keyClick(page.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert m.Partner.select().count() == 0 and page.model.rowCount() == 0
    assert window.undo_action.text() == "&Undo delete of partner “Jeju”"
    ops = [(o.action, o.user) for o in m.HistoryOperation.select().order_by(m.HistoryOperation.id)][-3:]
    assert ops == [("delete", "Li Na"), ("undo", "Li Na"), ("redo", "Li Na")]


def test_undo_takes_back_an_edit_made_in_a_form(qtbot, window):
    pid = records.save("partner", {"name_en": "Vladimir", "country": "RU", "population": 350000})
    window.nav.setCurrentRow(1)
    page = window.current_list_page()
    page.view.selectRow(0)
    page.view.setFocus()

    def edit(dialog):
        dialog.editors["name_en"].widget.clear()
        type_text(qtbot, dialog.editors["name_en"].widget, "Vladimir Oblast")
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    errors = answer_modal(edit)
    qtbot.keyClick(page.view, Qt.Key.Key_Return)
    assert not errors, errors
    assert _visible_names(page) == ["Vladimir Oblast"]
    assert window.undo_action.text() == "&Undo changes to partner “Vladimir Oblast”"
    window.undo_action.trigger()
    partner = m.Partner.get_by_id(pid)
    assert (partner.name_en, partner.population) == ("Vladimir", 350000)
    assert _visible_names(page) == ["Vladimir"]
    assert page.model.rowCount() == 1


def test_an_undo_that_a_later_change_overtook_is_refused_with_the_reason(qtbot, window,
                                                                         no_blocking_message_boxes):
    pid = records.save("partner", {"name_en": "Yalta", "country": "UA"})
    window.nav.setCurrentRow(1)
    page = window.current_list_page()
    page.view.selectRow(0)
    page.view.setFocus()

    def edit(dialog):
        type_text(qtbot, dialog.editors["name_en"].widget, " City")
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    errors = answer_modal(edit)
    qtbot.keyClick(page.view, Qt.Key.Key_Return)
    assert not errors, errors
    step = undo.history.next_undo()
    records.save("partner", {"population": 78000}, pid, user="Zhao")
    undo.history.undo_steps[:] = [step]  # Zhao's change is one Undo cannot see
    window.undo_action.trigger()
    assert m.Partner.get_by_id(pid).name_en == "Yalta City"  # nothing was taken back
    assert f"the partner with ID {pid} was changed since by Zhao" in no_blocking_message_boxes[-1]
