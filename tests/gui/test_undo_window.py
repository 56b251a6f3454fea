"""Edit › Undo (Ctrl+Z) takes back the last delete or edit made in the window."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from tests.gui.conftest import answer_modal, type_text
from twindesk.domain.operations import records
from twindesk.store import models as m


def _visible_names(page):
    col = next(i for i, c in enumerate(page.model.columns()) if c.key == "name_en")
    return [page.model.index(r, col).data() for r in range(page.model.rowCount())]


def test_ctrl_z_brings_back_a_deleted_partner_with_its_contacts(qtbot, window, monkeypatch):
    home = records.save("home_locality", {"name_zh": "海南省", "kind": "province"})
    pid = records.save("partner", {"name_en": "Jeju", "country": "KR"})
    records.save("partnership", {"partner": pid, "home_locality": home, "status": "negotiating"})
    records.save("contact", {"partner": pid, "family_name": "Kim"})
    window.nav.setCurrentRow(1)
    page = window.current_list_page()
    assert not window.undo_action.isEnabled()
    page.view.selectRow(0)
    page.view.setFocus()
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    qtbot.keyClick(page.view, Qt.Key.Key_Delete)
    assert m.Partner.select().count() == 0 and page.model.rowCount() == 0
    assert window.undo_action.isEnabled()
    assert window.undo_action.text() == f"&Undo delete of partner {pid}"
    qtbot.keyClick(page.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert [p.id for p in m.Partner.select()] == [pid]
    assert m.Contact.get().family_name == "Kim" and m.Partnership.get().status == "negotiating"
    assert _visible_names(page) == ["Jeju"]
    assert not window.undo_action.isEnabled()  # one step: nothing more to undo
    assert window.statusBar().currentMessage() == f"Undone: partner {pid} is as it was."


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
    assert window.undo_action.text() == f"&Undo changes to partner {pid}"
    window.undo_action.trigger()
    partner = m.Partner.get_by_id(pid)
    assert (partner.name_en, partner.population) == ("Vladimir", 350000)
    assert _visible_names(page) == ["Vladimir"]
    assert page.model.rowCount() == 1


def test_an_undo_the_data_no_longer_allows_is_refused_with_the_reason(qtbot, window, monkeypatch,
                                                                      no_blocking_message_boxes):
    pid = records.save("partner", {"name_en": "Yalta", "country": "UA"})
    window.nav.setCurrentRow(1)
    page = window.current_list_page()
    page.view.selectRow(0)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    window.delete_action.trigger()
    records.save("partner", {"name_en": "Sevastopol", "country": "UA"})  # takes the freed ID
    window.undo_action.trigger()
    assert [p.name_en for p in m.Partner.select()] == ["Sevastopol"]
    assert f"The partner with ID {pid} cannot be brought back" in no_blocking_message_boxes[-1]
