"""Save-as in the window: a file that exists is replaced only after "Yes" to "… already exists. Replace
it?"; the database itself, its files and what is not a regular file are refused with a plain message."""

import os
from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QFileDialog, QMessageBox

from twindesk.domain.operations import records
from twindesk.ui.briefing.brief_dialog import BriefDialog
from twindesk.ui.exchange.export_dialog import ExportDialog

YES, NO = QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.No


@pytest.fixture
def asked(monkeypatch):
    """The confirmation: records each question and answers from `asked.answers` (No when empty)."""
    questions, warnings = [], []

    def question(_parent, _title, text, *args, **kwargs):
        questions.append(text)
        return asked.answers.pop(0) if asked.answers else NO

    monkeypatch.setattr(QMessageBox, "question", question)
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a, **k: warnings.append(text))

    class Asked:
        pass

    asked = Asked()
    asked.answers, asked.questions, asked.warnings = [], questions, warnings
    return asked


def _type_path_and_press_enter(qtbot, field, path):
    field.edit.clear()
    QTest.keyClicks(field.edit, str(path))
    QTest.keyClick(field.edit, Qt.Key.Key_Return)


def _export_dialog(qtbot, gui_db, tmp_path):
    records.save("partner", {"name_en": "Hyogo", "country": "JP"})
    dialog = ExportDialog(lang="en", folder=tmp_path, today=date(2026, 11, 29), database=gui_db.path)
    qtbot.addWidget(dialog)
    dialog.offered = []
    dialog.offer = lambda _p, path, what, **k: dialog.offered.append(path)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_an_existing_workbook_is_replaced_only_after_yes(qtbot, gui_db, tmp_path, asked):
    dialog = _export_dialog(qtbot, gui_db, tmp_path)
    target = tmp_path / "meeting.xlsx"
    target.write_bytes(b"last week's workbook")
    _type_path_and_press_enter(qtbot, dialog.save_as, target)
    assert asked.questions == [f"{target} already exists. Replace it?"]
    assert getattr(dialog, "job", None) is None and target.read_bytes() == b"last week's workbook"
    asked.answers = [YES]
    _type_path_and_press_enter(qtbot, dialog.save_as, target)
    qtbot.waitUntil(lambda: bool(dialog.offered), timeout=20_000)
    assert len(asked.questions) == 2 and dialog.offered == [target]
    assert target.read_bytes()[:2] == b"PK"


def test_a_new_file_is_written_without_a_question(qtbot, gui_db, tmp_path, asked):
    dialog = _export_dialog(qtbot, gui_db, tmp_path)
    target = tmp_path / "new.xlsx"
    _type_path_and_press_enter(qtbot, dialog.save_as, target)
    qtbot.waitUntil(lambda: bool(dialog.offered), timeout=20_000)
    assert asked.questions == [] and target.read_bytes()[:2] == b"PK"


@pytest.mark.parametrize("what", ["database", "wal", "fifo", "link"])
def test_the_database_and_what_is_not_a_file_are_refused_plainly(qtbot, gui_db, tmp_path, asked, what):
    dialog = _export_dialog(qtbot, gui_db, tmp_path)
    db = gui_db.path
    dialog.save_as.suffix = {"database": ".db", "wal": ".db-wal"}.get(what, ".xlsx")
    if what == "database":
        target = db
    elif what == "wal":
        target = db.with_name(db.name + "-wal")
    elif what == "fifo":
        target = tmp_path / "pipe.xlsx"
        os.mkfifo(target)
    else:
        target = tmp_path / "link.xlsx"
        target.symlink_to(db)
    before = db.read_bytes()
    _type_path_and_press_enter(qtbot, dialog.save_as, target)
    assert asked.questions == [] and len(asked.warnings) == 1
    assert ("database in use" if what in ("database", "wal", "link") else "not a regular file") in asked.warnings[0]
    assert getattr(dialog, "job", None) is None and db.read_bytes() == before


def test_the_save_dialogs_leave_the_question_to_us(qtbot, gui_db, tmp_path, monkeypatch):
    dialog = _export_dialog(qtbot, gui_db, tmp_path)
    seen = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: seen.append(k.get("options")) or ("", ""))
    dialog.save_as.choose()
    assert seen and seen[0] & QFileDialog.Option.DontConfirmOverwrite


def test_an_existing_pack_is_replaced_only_after_yes(qtbot, gui_db, tmp_path, asked):
    visit = records.save("visit", {"title": "Visit to Hyogo", "direction": "outbound"})
    dialog = BriefDialog("visit", visit, lang="en", folder=tmp_path, database=gui_db.path)
    qtbot.addWidget(dialog)
    offered = []
    dialog.offer = lambda _p, path, what, **k: offered.append(path)
    dialog.show()
    qtbot.waitExposed(dialog)
    target = tmp_path / "pack.pdf"
    target.write_bytes(b"yesterday's pack")
    _type_path_and_press_enter(qtbot, dialog.save_as, target)
    assert len(asked.questions) == 1 and target.read_bytes() == b"yesterday's pack"
    asked.answers = [YES]
    _type_path_and_press_enter(qtbot, dialog.save_as, target)
    qtbot.waitUntil(lambda: bool(offered), timeout=20_000)
    assert target.read_bytes()[:5] == b"%PDF-"


def test_back_up_now_asks_before_replacing_and_never_onto_the_database(qtbot, window, tmp_path, asked, monkeypatch):
    target = tmp_path / "copy.db"
    target.write_bytes(b"an older copy")
    chosen = [str(target)]
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (chosen[0], ""))
    window.backup_now()
    assert len(asked.questions) == 1 and target.read_bytes() == b"an older copy"
    asked.answers = [YES]
    window.backup_now()
    assert target.read_bytes()[:16] == b"SQLite format 3\0"
    db = window.db_path
    before = db.read_bytes()
    chosen[0] = str(db)
    window.backup_now()
    assert len(asked.questions) == 2 and "database in use" in asked.warnings[-1]
    assert db.read_bytes() == before
