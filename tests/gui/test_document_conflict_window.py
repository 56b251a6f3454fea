"""A document's form and the Documents tab's Remove on a document someone else changed or removed
meanwhile (docs/architecture.md, "Documents"): the conflict dialog field by field, Remove asking again;
nothing of theirs overwritten unless the person chose it."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from tests.gui.conftest import answer_modal
from twindesk.domain.operations import documents, records
from twindesk.domain.queries import documents as dq
from twindesk.store import models as m
from twindesk.ui.common.databus import bus
from twindesk.ui.records.conflict_dialog import ConflictDialog
from twindesk.ui.records.document_dialog import DocumentDialog
from twindesk.ui.records.documents_panel import DocumentsPanel

PDF = b"%PDF-1.7\n" + bytes(range(256)) * 8 + b"\n%%EOF\n"
CTRL = Qt.KeyboardModifier.ControlModifier


def _attached(owner: int, name: str = "agreement.pdf") -> int:
    return documents.attach("partner", owner, [(name, PDF)])[0]


def unheard(change) -> None:
    """Another person's change before its notice reached this window (a server's notice is a moment late)."""
    was = bus.blockSignals(True)
    try:
        change()
    finally:
        bus.blockSignals(was)


def _form(qtbot, doc: int) -> DocumentDialog:
    dialog = DocumentDialog(dq.document(doc), lang="en", user="Li Na")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_saving_a_document_changed_meanwhile_shows_both_and_keeps_what_was_chosen(qtbot, gui_db):
    doc = _attached(records.save("partner", {"name_en": "Jeju", "country": "KR"}))
    form = _form(qtbot, doc)
    documents.edit(doc, title="Friendship agreement", user="王芳")  # someone else, after the form opened
    form.note.setFocus()
    qtbot.keyClicks(form.note, "signed in Jeju")
    seen = {}

    def keep_theirs_title(conflict):
        assert isinstance(conflict, ConflictDialog)
        table = conflict.table
        seen["rows"] = {table.item(r, 0).text(): (table.item(r, 1).text(), table.item(r, 2).text().split("  ")[0])
                        for r in range(table.rowCount())}
        qtbot.mouseClick(conflict.save_button, Qt.MouseButton.LeftButton)  # theirs chosen for the title

    errors = answer_modal(keep_theirs_title)
    qtbot.keyClick(form.note, Qt.Key.Key_S, CTRL)
    assert not errors, errors
    assert seen["rows"] == {"Title": ("agreement", "Friendship agreement"), "Note": ("signed in Jeju", "")}
    stored = m.Document.get_by_id(doc)
    assert (stored.title, stored.note, stored.version) == ("Friendship agreement", "signed in Jeju", 3)
    assert not form.isVisible()


def test_cancel_in_the_conflict_keeps_the_form_and_writes_nothing(qtbot, gui_db):
    doc = _attached(records.save("partner", {"name_en": "Jeju", "country": "KR"}))
    form = _form(qtbot, doc)
    documents.edit(doc, title="Friendship agreement", user="王芳")
    form.title.selectAll()
    qtbot.keyClicks(form.title, "Mine")
    errors = answer_modal(lambda conflict: qtbot.mouseClick(conflict.cancel_button, Qt.MouseButton.LeftButton))
    qtbot.keyClick(form.title, Qt.Key.Key_S, CTRL)
    assert not errors, errors
    assert form.isVisible() and form.title.text() == "Mine"
    assert m.Document.get_by_id(doc).title == "Friendship agreement"


def test_a_document_removed_meanwhile_is_said_and_its_form_closes(qtbot, gui_db, monkeypatch):
    doc = _attached(records.save("partner", {"name_en": "Jeju", "country": "KR"}))
    form = _form(qtbot, doc)
    documents.detach([doc], user="王芳")
    said = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a: said.append(text))
    form.title.selectAll()
    qtbot.keyClicks(form.title, "Mine")
    qtbot.keyClick(form.title, Qt.Key.Key_S, CTRL)
    assert len(said) == 1 and "was deleted by 王芳" in said[0]
    assert not form.isVisible()


def test_remove_of_a_document_changed_since_the_list_showed_it_asks_again(qtbot, gui_db, monkeypatch):
    pid = records.save("partner", {"name_en": "Jeju", "country": "KR"})
    doc = _attached(pid)
    panel = DocumentsPanel("partner", pid, lang="en", user="Li Na")
    qtbot.addWidget(panel)
    panel.show()
    unheard(lambda: documents.edit(doc, kind="agreement", user="王芳"))  # the list still shows version 1
    panel.select([doc])
    asked, answers = [], [QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.No]
    monkeypatch.setattr(QMessageBox, "question", lambda _p, _t, text, *a: asked.append(text) or answers.pop(0))
    qtbot.mouseClick(panel.remove_button, Qt.MouseButton.LeftButton)
    assert len(asked) == 2 and "was changed by 王芳" in asked[1] and asked[1].endswith("Remove it anyway?")
    assert m.Document.get_by_id(doc).kind == "agreement"  # No: it stays

    panel.select([doc])
    answers[:] = [QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.Yes]
    unheard(lambda: documents.edit(doc, note="again", user="王芳"))
    qtbot.mouseClick(panel.remove_button, Qt.MouseButton.LeftButton)
    assert not m.Document.select().where(m.Document.id == doc).exists()


def test_the_conflict_shows_a_documents_kind_by_its_chinese_label(qtbot, gui_db):
    from twindesk.ui.shell.i18n import install_language

    doc = _attached(records.save("partner", {"name_en": "Jeju", "country": "KR"}))
    documents.edit(doc, kind="agreement", user="Li Na")
    assert install_language("zh_CN")
    try:
        form = DocumentDialog(dq.document(doc), lang="zh_CN", user="Li Na")
        qtbot.addWidget(form)
        form.show()
        documents.edit(doc, kind="letter", user="王芳")  # someone else, after the form opened
        form.note.setFocus()
        qtbot.keyClicks(form.note, "Jeju")
        seen = {}

        def read(conflict):
            table = conflict.table
            seen.update({table.item(r, 0).text(): (table.item(r, 1).text(), table.item(r, 2).text().split("  ")[0])
                         for r in range(table.rowCount())})
            qtbot.mouseClick(conflict.cancel_button, Qt.MouseButton.LeftButton)

        errors = answer_modal(read)
        qtbot.keyClick(form.note, Qt.Key.Key_S, CTRL)
        assert not errors, errors
    finally:
        install_language("en")
    assert seen["类型"] == ("协议", "信函"), seen  # the labels the form's list shows, not agreement / letter
    assert m.Document.get_by_id(doc).kind == "letter"
