"""A form whose record someone else changed (or deleted) after it opened: its Save shows the differences
field by field with who changed them, and saves only what the person chose (docs/architecture.md,
"Conflicts")."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMessageBox

from tests.gui.conftest import answer_modal, type_text
from twindesk.domain.operations import records
from twindesk.store import models as m
from twindesk.ui.common.databus import bus


def open_form(qtbot, kind, record_id):
    from twindesk.ui.records.forms import dialog_for

    dialog = dialog_for(kind, record_id, user="Wang")
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitActive(dialog)
    return dialog


def retype(qtbot, dialog, name, text):
    field = dialog.editors[name].widget
    field.setFocus()
    field.selectAll()
    qtbot.keyClick(field, Qt.Key.Key_Delete)
    type_text(qtbot, field, text)


def save_by_keyboard(qtbot, dialog):
    qtbot.keyClick(dialog.editors["notes"].focus_widget(), Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)


def rows_of(conflict_dialog) -> dict[str, tuple[str, str, int]]:
    table = conflict_dialog.table
    return {table.item(r, 0).text(): (table.item(r, 1).text(), table.item(r, 2).text(),
                                      table.cellWidget(r, 3).currentIndex()) for r in range(table.rowCount())}


def test_the_conflict_lists_both_values_with_who_and_saves_the_choices(qtbot, gui_db):
    pid = records.save("partner", {"name_en": "Hyogo", "country": "JP", "population": 100})
    dialog = open_form(qtbot, "partner", pid)
    # Someone else, after the form opened: a new English name and population.
    records.save("partner", {"name_en": "Hyogo Prefecture", "population": 200}, pid, user="Li Na")
    retype(qtbot, dialog, "name_en", "Hyogo-ken")
    type_text(qtbot, dialog.editors["notes"].widget, "sister since 1981")
    seen = {}

    def choose(conflict):
        from twindesk.ui.records.conflict_dialog import ConflictDialog

        assert isinstance(conflict, ConflictDialog)
        seen["rows"] = rows_of(conflict)
        seen["header"] = conflict.table.horizontalHeaderItem(2).text()
        # Theirs for the name this time (it was only mine by default, as both changed it).
        conflict.choosers["name_en"].setCurrentIndex(1)
        qtbot.mouseClick(conflict.save_button, Qt.MouseButton.LeftButton)

    errors = answer_modal(choose)
    save_by_keyboard(qtbot, dialog)
    assert not errors, errors
    rows = seen["rows"]
    assert rows["English name"][0] == "Hyogo-ken"
    assert rows["English name"][1].startswith("Hyogo Prefecture  (Li Na, ")
    assert rows["English name"][2] == 0  # both changed it: mine unless the person says otherwise
    assert rows["Population"][2] == 1  # only they changed it: theirs
    assert rows["Notes"] == ("sister since 1981", "", 0)  # only I did: mine
    assert "Li Na" in seen["header"]
    stored = m.Partner.get_by_id(pid)
    assert (stored.name_en, stored.population, stored.notes) == ("Hyogo Prefecture", 200, "sister since 1981")
    assert not dialog.isVisible()  # saved and closed
    saves = m.HistoryOperation.select().where(m.HistoryOperation.action == "save",
                                              m.HistoryOperation.record_id == pid).count()
    assert saves == 3  # created, theirs, the merge: nothing lost, nothing twice


def test_cancel_goes_back_to_the_form_with_what_was_typed(qtbot, gui_db):
    pid = records.save("partner", {"name_en": "Hyogo", "country": "JP"})
    dialog = open_form(qtbot, "partner", pid)
    records.save("partner", {"name_en": "Hyogo Prefecture"}, pid, user="Li Na")
    retype(qtbot, dialog, "name_en", "Hyogo-ken")

    errors = answer_modal(lambda c: qtbot.mouseClick(c.cancel_button, Qt.MouseButton.LeftButton))
    save_by_keyboard(qtbot, dialog)
    assert not errors, errors
    assert dialog.isVisible() and dialog.is_dirty()
    assert dialog.editors["name_en"].value() == "Hyogo-ken"
    assert m.Partner.get_by_id(pid).name_en == "Hyogo Prefecture"


def test_discard_mine_and_reload_shows_what_is_stored(qtbot, gui_db):
    pid = records.save("partner", {"name_en": "Hyogo", "country": "JP"})
    dialog = open_form(qtbot, "partner", pid)
    records.save("partner", {"name_en": "Hyogo Prefecture"}, pid, user="Li Na")
    retype(qtbot, dialog, "name_en", "Hyogo-ken")

    errors = answer_modal(lambda c: qtbot.mouseClick(c.reload_button, Qt.MouseButton.LeftButton))
    save_by_keyboard(qtbot, dialog)
    assert not errors, errors
    assert dialog.editors["name_en"].value() == "Hyogo Prefecture" and not dialog.is_dirty()
    # The form now holds their version: a further edit saves without a conflict.
    retype(qtbot, dialog, "name_en", "Hyogo-ken")
    save_by_keyboard(qtbot, dialog)
    assert m.Partner.get_by_id(pid).name_en == "Hyogo-ken"


def test_a_record_deleted_meanwhile_can_be_saved_as_a_new_one(qtbot, gui_db):
    pid = records.save("partner", {"name_en": "Hyogo", "country": "JP"})
    dialog = open_form(qtbot, "partner", pid)
    records.delete("partner", pid, user="Li Na")
    retype(qtbot, dialog, "name_en", "Hyogo-ken")
    seen = {}

    def save_as_new(conflict):
        seen["text"] = conflict.save_button.text()
        seen["note_text"] = conflict.findChild(QLabel, "conflict_note").text()
        qtbot.mouseClick(conflict.save_button, Qt.MouseButton.LeftButton)

    errors = answer_modal(save_as_new)
    save_by_keyboard(qtbot, dialog)
    assert not errors, errors
    assert seen["text"] == "Save as a new record" and "Li Na deleted" in seen["note_text"]
    (stored,) = m.Partner.select()
    assert stored.id != pid and stored.name_en == "Hyogo-ken"


def test_deleting_a_sub_record_changed_since_says_who_and_asks_again(qtbot, gui_db, monkeypatch):
    vid = records.save("visit", {"title": "Delegation"})
    did = records.save("delegate", {"visit": vid, "name": "Kim", "title": "Mayor"})
    dialog = open_form(qtbot, "visit", vid)
    panel = dialog.panel("delegate")
    panel.select_row(0)
    asked = []

    def question(parent, title, text, *args, **kwargs):
        asked.append(text)
        if len(asked) == 1:  # between the question and the delete, someone changes the delegate
            records.save("delegate", {"title": "Governor"}, did, user="Li Na")
        return QMessageBox.StandardButton.Yes if len(asked) < 3 else QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "question", question)
    qtbot.mouseClick(panel.delete_button, Qt.MouseButton.LeftButton)
    assert len(asked) == 2 and "Li Na" in asked[1] and "Title" in asked[1] and "not deleted" in asked[1]
    assert not m.Delegate.select().where(m.Delegate.id == did).exists()  # asked again, said Yes


def test_saving_the_choices_may_meet_another_change_and_asks_again(qtbot, gui_db):
    pid = records.save("partner", {"name_en": "Hyogo", "country": "JP"})
    dialog = open_form(qtbot, "partner", pid)
    records.save("partner", {"name_en": "Hyogo Prefecture"}, pid, user="Li Na")
    retype(qtbot, dialog, "notes", "mine")
    shown = []

    def second(conflict):
        shown.append(rows_of(conflict))
        qtbot.mouseClick(conflict.save_button, Qt.MouseButton.LeftButton)

    def first(conflict):
        shown.append(rows_of(conflict))
        records.save("partner", {"population": 5}, pid, user="Zhao")  # while the person was choosing
        second_errors.extend(answer_modal(second))
        qtbot.mouseClick(conflict.save_button, Qt.MouseButton.LeftButton)

    second_errors: list = []
    errors = answer_modal(first)
    save_by_keyboard(qtbot, dialog)
    assert not errors and not second_errors, (errors, second_errors)
    assert len(shown) == 2 and "Population" in shown[1] and "Zhao" in shown[1]["Population"][1]
    stored = m.Partner.get_by_id(pid)
    assert (stored.name_en, stored.notes, stored.population) == ("Hyogo Prefecture", "mine", 5)


def test_the_conflict_and_the_ask_again_speak_chinese(qtbot, gui_db, monkeypatch):
    from tests.gui.test_chinese_everywhere import english_runs, texts_of
    from twindesk.ui.records.forms import dialog_for
    from twindesk.ui.shell.i18n import install_language

    assert install_language("zh_CN")
    try:
        pid = records.save("partner", {"name_en": "Hyogo", "country": "JP"})
        dialog = dialog_for("partner", pid, lang="zh_CN", user="Wang")
        qtbot.addWidget(dialog)
        dialog.show()
        records.save("partner", {"name_en": "Hyogo Prefecture"}, pid, user="Li Na")
        retype(qtbot, dialog, "name_en", "Hyogo-ken")
        texts = []

        def read(conflict):
            texts.extend(text for _where, text in texts_of(conflict))
            table = conflict.table
            texts.extend(table.horizontalHeaderItem(c).text() for c in range(table.columnCount()))
            texts.extend(table.item(r, c).text() for r in range(table.rowCount()) for c in range(3))
            qtbot.mouseClick(conflict.cancel_button, Qt.MouseButton.LeftButton)

        errors = answer_modal(read)
        save_by_keyboard(qtbot, dialog)
        assert not errors, errors
        from twindesk.ui.records.delete_confirm import delete_checked

        asked = []

        def question(parent, title, text, *args, **kwargs):
            asked.append(title + text)
            if len(asked) > 1:
                return QMessageBox.StandardButton.No  # asked again: no
            records.save("partner", {"notes": "x"}, pid, user="Li Na")  # meanwhile
            return QMessageBox.StandardButton.Yes

        monkeypatch.setattr(QMessageBox, "question", question)
        assert not delete_checked(dialog, "partner", pid, "zh_CN", "Wang")
    finally:
        install_language("en")
    data = {"Hyogo-ken", "Hyogo Prefecture", "Hyogo", "Li Na"}
    english = [(t, runs) for t in texts + asked if (runs := english_runs(t, data))]
    assert not english, english
    assert any("英文名称" in t for t in texts) and any("仍要删除" in t for t in asked)


def test_a_change_that_reads_as_mine_saves_without_asking(qtbot, gui_db, monkeypatch):
    from twindesk.ui.records.conflict_dialog import ConflictDialog

    pid = records.save("partner", {"name_en": "Hyogo", "country": "JP"})
    dialog = open_form(qtbot, "partner", pid)
    records.save("partner", {"notes": "same"}, pid, user="Li Na")
    type_text(qtbot, dialog.editors["notes"].widget, "same")
    shown = []
    monkeypatch.setattr(ConflictDialog, "exec", lambda self: shown.append(self) or 0)  # would be Cancel
    save_by_keyboard(qtbot, dialog)
    assert not shown and not dialog.isVisible()
    assert m.Partner.get_by_id(pid).notes == "same"


def test_visit_partners_changed_meanwhile_are_not_overwritten(qtbot, gui_db, no_blocking_message_boxes):
    one = records.save("partner", {"name_en": "Hyogo", "country": "JP"})
    two = records.save("partner", {"name_en": "Jeju", "country": "KR"})
    vid = records.save("visit", {"title": "Delegation"})
    records.set_visit_partners(vid, [one])
    dialog = open_form(qtbot, "visit", vid)
    panel = dialog.panel("visit_partner")
    panel.list.setCurrentRow(0)
    # Someone else adds a partner in another TwinDesk (whose change notice has not reached this one).
    bus.changed.disconnect(panel._changed)
    records.set_visit_partners(vid, [one, two], user="Li Na")
    qtbot.mouseClick(panel.remove_button, Qt.MouseButton.LeftButton)
    assert records.visit_partner_ids(vid) == [one, two]  # the removal did not overwrite theirs
    assert any("Li Na" in text for text in no_blocking_message_boxes)
    assert panel.partner_ids() == [one, two]  # shown anew


def test_the_conflict_shows_a_records_choices_by_their_chinese_labels(qtbot, gui_db):
    from twindesk.domain.operations.conflicts import RecordConflict
    from twindesk.ui.records.conflict_dialog import ConflictDialog

    pid = records.save("partner", {"name_en": "Hyogo", "country": "JP", "kind": "city"})
    records.save("partner", {"kind": "prefecture", "country": "KR"}, pid, user="Li Na")
    with pytest.raises(RecordConflict) as caught:
        records.save("partner", {"name_en": "Hyogo", "kind": "province", "country": "CN"}, pid, user="Wang",
                     expected_version=1)
    dialog = ConflictDialog(caught.value, "zh_CN")
    qtbot.addWidget(dialog)
    table = dialog.table
    rows = {table.item(r, 0).text(): (table.item(r, 1).text(), table.item(r, 2).text().split("  ")[0])
            for r in range(table.rowCount())}
    assert rows["类型"] == ("省/道", "县（日本）"), rows
    assert rows["国家"] == ("中国", "大韩民国"), rows  # as the form's country list names them
