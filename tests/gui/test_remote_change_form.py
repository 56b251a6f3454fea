"""An open form whose record another person changed (docs/architecture.md, "Records changed under an
open form"), the other person simulated in this process (tests/gui/remote_notice.py)."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from tests.gui.remote_notice import someone_else
from twindesk.domain.operations import records
from twindesk.store import models as m
from twindesk.ui.records import remote_change_bar
from twindesk.ui.records.forms import dialog_for
from twindesk.ui.shell.i18n import install_language


@pytest.fixture
def jeju(gui_db, monkeypatch):
    monkeypatch.setattr(remote_change_bar, "listening", lambda: True)
    return records.save("partner", {"name_en": "Jeju", "country": "KR"}, user="Li Na")


def open_form(qtbot, kind, record_id):
    dialog = dialog_for(kind, record_id, lang="en", user="Li Na")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_an_untouched_form_reads_the_other_person_s_change_quietly(qtbot, jeju):
    dialog = open_form(qtbot, "partner", jeju)
    someone_else("partner", {"name_en": "Jeju Island"}, jeju)
    qtbot.waitUntil(lambda: dialog.editors["name_en"].widget.text() == "Jeju Island")
    assert not dialog.is_dirty() and not dialog.save_button.isEnabled()
    assert dialog.remote_change.isHidden()
    assert dialog.remote_change.known_version == m.Partner.get_by_id(jeju).version


def test_what_was_typed_is_kept_and_the_bar_says_who_changed_the_record(qtbot, jeju, monkeypatch):
    dialog = open_form(qtbot, "partner", jeju)
    field = dialog.editors["name_native"].widget
    field.setFocus()
    qtbot.keyClicks(field, "Jeju-do")
    someone_else("partner", {"name_en": "Jeju Island"}, jeju)
    bar = dialog.remote_change
    qtbot.waitUntil(bar.isVisible)
    assert bar.text.text().startswith("王芳 changed this record at ")
    assert "Your edits are kept; Save will show both versions." in bar.text.text()
    assert field.text() == "Jeju-do" and dialog.editors["name_en"].widget.text() == "Jeju"
    assert dialog.is_dirty() and QApplication.focusWidget() is field

    answers = [QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Discard]
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda _p, _t, text, *a: asked.append(text) or answers.pop(0))
    qtbot.mouseClick(bar.reload_button, Qt.MouseButton.LeftButton)
    assert asked == ["Reload the record as it is stored now? What you typed in this form will be lost."]
    assert field.text() == "Jeju-do" and bar.isVisible()  # Cancel: nothing discarded

    qtbot.mouseClick(bar.reload_button, Qt.MouseButton.LeftButton)
    assert field.text() == "" and dialog.editors["name_en"].widget.text() == "Jeju Island"
    assert not dialog.is_dirty() and bar.isHidden()


def test_a_record_deleted_by_someone_else_keeps_what_was_typed_and_cannot_be_saved(qtbot, jeju):
    dialog = open_form(qtbot, "partner", jeju)
    qtbot.keyClicks(dialog.editors["name_native"].widget, "Jeju-do")
    someone_else("partner", {}, jeju, delete=True)
    bar = dialog.remote_change
    qtbot.waitUntil(bar.isVisible)
    assert bar.text.text().startswith("王芳 deleted this record at ")
    assert dialog.editors["name_native"].widget.text() == "Jeju-do"
    assert not dialog.save_button.isVisible() and not bar.reload_button.isVisible()
    qtbot.keyClicks(dialog.editors["name_native"].widget, "!")  # typing more does not bring Save back
    assert not dialog.save_button.isVisible()


def test_the_form_s_own_save_is_not_someone_else_s_change(qtbot, jeju):
    dialog = open_form(qtbot, "partner", jeju)
    qtbot.keyClicks(dialog.editors["name_native"].widget, "Jeju-do")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert m.Partner.get_by_id(jeju).name_native == "Jeju-do"
    assert dialog.remote_change.isHidden()


@pytest.mark.parametrize("lang,button,saved_text", [("en", "Save as new…", "deleted this record at"),
                                                    ("zh_CN", "另存为新记录…", "删除了此记录")])
def test_a_record_deleted_by_someone_else_can_be_saved_as_a_new_one(qtbot, jeju, monkeypatch, lang, button,
                                                                    saved_text, request):
    if lang != "en":
        assert install_language(lang)
        request.addfinalizer(lambda: install_language("en"))
    dialog = dialog_for("partner", jeju, lang=lang, user="Li Na")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.keyClicks(dialog.editors["name_native"].widget, "Jeju-do")
    someone_else("partner", {}, jeju, delete=True)
    bar = dialog.remote_change
    qtbot.waitUntil(bar.isVisible)
    assert saved_text in bar.text.text()
    assert bar.save_new_button.isVisible() and bar.save_new_button.text() == button
    assert not dialog.save_button.isVisible()
    answers = [QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Save]
    monkeypatch.setattr(QMessageBox, "question", lambda *a: answers.pop(0))
    qtbot.mouseClick(bar.save_new_button, Qt.MouseButton.LeftButton)
    assert m.Partner.select().count() == 0 and bar.isVisible()  # Cancel: nothing saved
    qtbot.mouseClick(bar.save_new_button, Qt.MouseButton.LeftButton)
    (new,) = m.Partner.select()
    assert (new.id != jeju, new.name_en, new.name_native, new.country) == (True, "Jeju", "Jeju-do", "KR")
    assert dialog.record_id == new.id and bar.isHidden() and not bar.deleted
