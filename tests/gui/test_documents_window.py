"""The Documents tab of a record's form (issue 15 item 1), driven as a person does: files added with
Add… (the file dialog answered) and by dropping them, listed, previewed (an image, a PDF page by page),
opened with the system's viewer from a temporary copy, saved elsewhere, edited, removed and undone;
refused files named; a record not yet saved; a read-only window; hostile file names."""

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QColor, QDesktopServices, QDragEnterEvent, QDropEvent, QImage
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox

from tests.gui.conftest import answer_modal, type_text
from twindesk.domain.model.file_types import MAX_FILE_BYTES
from twindesk.domain.operations import documents, records, undo
from twindesk.domain.queries import documents as dq
from twindesk.store import models as m
from twindesk.ui.common import file_dialogs
from twindesk.ui.records.forms import dialog_for

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def files(tmp_path) -> dict[str, Path]:
    """A photo (PNG) and a three-page agreement (PDF) on disk, as a person's scans."""
    from reportlab.pdfgen import canvas

    folder = tmp_path / "scans"
    folder.mkdir()
    image = QImage(640, 400, QImage.Format.Format_RGB32)
    image.fill(QColor("teal"))
    assert image.save(str(folder / "photo.png"))
    pdf = canvas.Canvas(str(folder / "agreement.pdf"))
    for page in range(3):
        pdf.drawString(100, 700, f"Friendship agreement, page {page + 1}")
        pdf.showPage()
    pdf.save()
    return {"image": folder / "photo.png", "pdf": folder / "agreement.pdf"}


@pytest.fixture
def partner(gui_db) -> int:
    pid = records.save("partner", {"name_zh": "兵库县", "name_en": "Hyogo", "country": "JP"})
    undo.history.reset()
    return pid


def _open(qtbot, window, kind, record_id, **kwargs):
    dialog = dialog_for(kind, record_id, lang="en", user="Li Na", parent=window, **kwargs)
    qtbot.addWidget(dialog)
    dialog.show()
    panel = dialog.panel("document")
    index = dialog.tabs.indexOf(panel)
    bar = dialog.tabs.tabBar()
    QTest.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())
    assert dialog.tabs.currentWidget() is panel and dialog.tabs.tabText(index) == "Documents"
    return dialog, panel


def _add(qtbot, panel, monkeypatch, paths) -> None:
    """Add…, with the file dialog answered with `paths`."""
    monkeypatch.setattr(file_dialogs, "open_file_names", lambda *a, **k: [str(p) for p in paths])
    qtbot.mouseClick(panel.add_button, Qt.MouseButton.LeftButton)


def _mime(*urls: QUrl) -> QMimeData:
    data = QMimeData()
    data.setUrls(list(urls))
    return data


def _drop(panel, paths) -> bool:
    """Drag the files over the tab and drop them, as a file manager does; whether the drag was taken."""
    data = _mime(*(QUrl.fromLocalFile(str(p)) for p in paths))
    spot = QPoint(panel.width() // 2, panel.height() // 2)
    enter = QDragEnterEvent(spot, Qt.DropAction.CopyAction, data, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(panel, enter)
    if not enter.isAccepted():
        return False
    QApplication.sendEvent(panel, QDropEvent(QPointF(spot), Qt.DropAction.CopyAction, data, Qt.MouseButton.LeftButton,
                                             Qt.KeyboardModifier.NoModifier))
    return True


def _shown(panel, column: str) -> list[str]:
    col = next(i for i, c in enumerate(panel.model.columns()) if c.key == column)
    return [panel.model.index(r, col).data() for r in range(panel.model.rowCount())]


def _click_row(qtbot, panel, title: str) -> None:
    row = _shown(panel, "title").index(title)
    rect = panel.view.visualRect(panel.model.index(row, 0))
    qtbot.mouseClick(panel.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_add_attaches_an_image_and_a_pdf_previewed_in_the_window(qtbot, window, partner, files, monkeypatch):
    dialog, panel = _open(qtbot, window, "partner", partner)
    _add(qtbot, panel, monkeypatch, [files["image"], files["pdf"]])
    stored = dq.documents_of("partner", partner)
    assert sorted(d.file_name for d in stored) == ["agreement.pdf", "photo.png"]
    assert len(undo.history.undo_steps) == 1  # two files, one attach, one step
    assert sorted(_shown(panel, "file_name")) == ["agreement.pdf", "photo.png"]
    assert sorted(panel.selected_ids()) == sorted(d.id for d in stored)  # the new rows are selected
    assert set(_shown(panel, "kind")) == {"Other"} and "Li Na" in _shown(panel, "added")[0]

    _click_row(qtbot, panel, "photo")
    preview = panel.preview
    assert preview.stack.currentWidget() is preview.image
    assert not preview.image.pixmap().isNull() and preview.image.pixmap().width() > 0

    _click_row(qtbot, panel, "agreement")
    assert preview.page_count() == 3 and preview.current_page() == 0
    assert preview.page_label.text() == "Page 1 of 3"
    qtbot.keyClick(preview.pdf_view, Qt.Key.Key_PageDown)
    assert preview.current_page() == 1 and preview.page_label.text() == "Page 2 of 3"
    qtbot.keyClick(preview.pdf_view, Qt.Key.Key_PageUp)
    assert preview.current_page() == 0
    dialog.close()


def test_files_dropped_on_the_tab_are_attached_and_a_web_link_is_refused(qtbot, window, partner, files):
    dialog, panel = _open(qtbot, window, "partner", partner)
    link = _mime(QUrl("https://example.org/agreement.pdf"))
    enter = QDragEnterEvent(QPoint(5, 5), Qt.DropAction.CopyAction, link, Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(panel, enter)
    assert not enter.isAccepted()
    assert _drop(panel, [files["image"], files["pdf"]])
    assert sorted(_shown(panel, "file_name")) == ["agreement.pdf", "photo.png"]
    assert len(dq.documents_of("partner", panel.parent_id)) == 2 and len(undo.history.undo_steps) == 1
    assert len(panel.selected_ids()) == 2
    dialog.close()


def test_open_hands_a_temporary_copy_to_the_system_viewer(qtbot, window, partner, files, monkeypatch):
    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    dialog, panel = _open(qtbot, window, "partner", partner)
    _add(qtbot, panel, monkeypatch, [files["pdf"]])
    qtbot.mouseClick(panel.open_button, Qt.MouseButton.LeftButton)
    copy = Path(opened[0].toLocalFile())
    assert copy.read_bytes() == files["pdf"].read_bytes()
    assert copy.name == "agreement.pdf" and copy != files["pdf"]
    assert copy.parent.parent.name.startswith("twindesk-documents-")  # the private temporary folder
    dialog.close()


def test_save_a_copy_writes_the_same_bytes_and_replaces_only_after_yes(qtbot, window, partner, files, monkeypatch,
                                                                      tmp_path, no_blocking_message_boxes):
    dialog, panel = _open(qtbot, window, "partner", partner)
    _add(qtbot, panel, monkeypatch, [files["image"]])
    target = tmp_path / "out" / "copy.png"
    target.parent.mkdir()
    suggested = []
    monkeypatch.setattr(file_dialogs, "save_file_name",
                        lambda parent, title, name, *a, **k: suggested.append(name) or str(target))
    qtbot.mouseClick(panel.save_copy_button, Qt.MouseButton.LeftButton)
    assert suggested == ["photo.png"]
    assert target.read_bytes() == files["image"].read_bytes()
    target.write_bytes(b"mine")
    qtbot.mouseClick(panel.save_copy_button, Qt.MouseButton.LeftButton)  # the prompt is answered No
    assert "already exists" in no_blocking_message_boxes[-1]
    assert target.read_bytes() == b"mine"
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    qtbot.mouseClick(panel.save_copy_button, Qt.MouseButton.LeftButton)
    assert target.read_bytes() == files["image"].read_bytes()
    assert sorted(p.name for p in target.parent.iterdir()) == ["copy.png"]  # no temporary file left
    dialog.close()


def test_refused_files_are_named_and_nothing_of_them_is_written(qtbot, window, partner, files, monkeypatch,
                                                              tmp_path, no_blocking_message_boxes):
    empty = tmp_path / "empty.pdf"
    empty.write_bytes(b"")
    wrong = tmp_path / "scan.pdf"
    wrong.write_bytes(files["image"].read_bytes())  # a PNG under a PDF's name
    huge = tmp_path / "huge.pdf"
    with open(huge, "wb") as f:  # sparse: 60 MB on paper, nothing on the disk
        f.truncate(MAX_FILE_BYTES + 10 * 1024 * 1024)
    dialog, panel = _open(qtbot, window, "partner", partner)
    _add(qtbot, panel, monkeypatch, [empty, wrong, huge])
    said = no_blocking_message_boxes[-1]
    assert said.startswith("Nothing was attached")
    assert "“empty.pdf” is empty" in said and "“scan.pdf” is not a PDF document: its content is a PNG image" in said
    assert "“huge.pdf” is 60.0 MB; the largest file TwinDesk keeps is 50 MB" in said
    assert m.Document.select().count() == 0 and m.DocumentBlob.select().count() == 0
    assert not undo.history.undo_steps and panel.model.rowCount() == 0
    assert _drop(panel, [files["pdf"], wrong])  # the good one goes in, the bad one is named
    assert _shown(panel, "file_name") == ["agreement.pdf"]
    assert no_blocking_message_boxes[-1].startswith("These files were not attached") and "scan.pdf" in \
        no_blocking_message_boxes[-1]
    dialog.close()


def test_ctrl_z_takes_back_an_attach_and_a_removal(qtbot, window, partner, files, monkeypatch):
    dialog, panel = _open(qtbot, window, "partner", partner)
    _add(qtbot, panel, monkeypatch, [files["image"], files["pdf"]])
    dialog.close()
    qtbot.keyClick(window, Qt.Key.Key_Z, CTRL)
    assert dq.documents_of("partner", partner) == []
    qtbot.keyClick(window, Qt.Key.Key_Z, CTRL | Qt.KeyboardModifier.ShiftModifier)
    assert len(dq.documents_of("partner", partner)) == 2
    dialog, panel = _open(qtbot, window, "partner", partner)
    _click_row(qtbot, panel, "photo")
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    qtbot.keyClick(panel.view, Qt.Key.Key_Delete)
    assert _shown(panel, "title") == ["agreement"]  # the tab follows the change notice
    dialog.close()
    qtbot.keyClick(window, Qt.Key.Key_Z, CTRL)
    assert sorted(d.title for d in dq.documents_of("partner", partner)) == ["agreement", "photo"]


def test_enter_edits_title_kind_date_and_note_in_a_small_form(qtbot, window, partner, files, monkeypatch):
    dialog, panel = _open(qtbot, window, "partner", partner)
    _add(qtbot, panel, monkeypatch, [files["pdf"]])
    seen = {}

    def fill(form):
        seen["names"] = {w.objectName() for w in (form.title, form.kind, form.date.widget, form.note)}
        form.title.selectAll()
        type_text(qtbot, form.title, "友好城市协议书")
        form.kind.setFocus()
        qtbot.keyClicks(form.kind, "Agreement")
        form.date.widget.setFocus()
        qtbot.keyClicks(form.date.widget, "1990-05-01")
        form.note.setFocus()
        qtbot.keyClicks(form.note, "signed in Kobe")
        qtbot.keyClick(form.note, Qt.Key.Key_S, CTRL)

    errors = answer_modal(fill)
    panel.view.setFocus()
    qtbot.keyClick(panel.view, Qt.Key.Key_Return)
    assert not errors, errors
    assert seen["names"] == {"title", "kind", "dated_on", "note"}
    doc = dq.documents_of("partner", partner)[0]
    assert (doc.title, doc.kind, doc.on, doc.note) == ("友好城市协议书", "agreement", date(1990, 5, 1), "signed in Kobe")
    assert _shown(panel, "title") == ["友好城市协议书"] and _shown(panel, "kind") == ["Agreement"]
    assert len(undo.history.undo_steps) == 2  # the attach, then the edit
    dialog.close()


def test_files_added_to_a_new_record_are_attached_with_its_first_save(qtbot, window, gui_db, files, monkeypatch):
    undo.history.reset()
    dialog, panel = _open(qtbot, window, "activity", None)
    _add(qtbot, panel, monkeypatch, [files["image"], files["pdf"]])
    assert sorted(_shown(panel, "file_name")) == ["agreement.pdf", "photo.png"]
    assert m.Document.select().count() == 0 and dialog.is_dirty()
    _click_row(qtbot, panel, "photo")
    assert not panel.preview.image.pixmap().isNull()  # previewed from memory
    dialog.tabs.setCurrentIndex(0)
    title = dialog.editors["title"].focus_widget()
    title.setFocus()
    qtbot.keyClicks(title, "Trade forum")
    held = dialog.editors["held_on"].focus_widget()
    held.setFocus()
    qtbot.keyClicks(held, "2027-03-15")
    qtbot.keyClick(held, Qt.Key.Key_S, CTRL)
    activity = m.Activity.get()
    assert sorted(d.file_name for d in dq.documents_of("activity", activity.id)) == ["agreement.pdf", "photo.png"]
    assert len(undo.history.undo_steps) == 1  # the activity and its files: one step
    assert panel.parent_id == activity.id and len(_shown(panel, "title")) == 2
    dialog.close()
    qtbot.keyClick(window, Qt.Key.Key_Z, CTRL)
    assert m.Activity.select().count() == 0 and m.Document.select().count() == 0


def test_a_new_activity_without_files_still_closes_on_save(qtbot, window, gui_db):
    dialog, panel = _open(qtbot, window, "activity", None)
    dialog.tabs.setCurrentIndex(0)
    title = dialog.editors["title"].focus_widget()
    title.setFocus()
    qtbot.keyClicks(title, "Forum")
    held = dialog.editors["held_on"].focus_widget()
    held.setFocus()
    qtbot.keyClicks(held, "2027-03-15")
    qtbot.keyClick(held, Qt.Key.Key_S, CTRL)
    assert m.Activity.select().count() == 1 and not dialog.isVisible()


def test_a_read_only_window_shows_and_previews_but_changes_nothing(qtbot, window, partner, files, monkeypatch):
    documents.attach("partner", partner, [files["image"], files["pdf"]])
    dialog, panel = _open(qtbot, window, "partner", partner, read_only=True)
    assert not panel.add_button.isEnabled()
    _click_row(qtbot, panel, "agreement")
    assert panel.preview.page_count() == 3 and panel.open_button.isEnabled()
    assert not panel.remove_button.isEnabled() and panel.edit_button.text() == "View…"
    assert not _drop(panel, [files["image"]])
    qtbot.keyClick(panel.view, Qt.Key.Key_Delete)
    seen = {}
    errors = answer_modal(lambda form: seen.update(save=form.save_button.isVisible(), title=form.title.isEnabled())
                          or form.reject())
    qtbot.keyClick(panel.view, Qt.Key.Key_Return)
    assert not errors and seen == {"save": False, "title": False}
    assert m.Document.select().count() == 2
    dialog.close()


HOSTILE = ["../../etc/passwd", "CON", "a" * 296 + ".pdf", "invoice\u202efdp.png"]


def test_hostile_names_are_shown_cleaned_and_never_used_as_paths(qtbot, window, partner, files, monkeypatch, tmp_path):
    pdf, png = files["pdf"].read_bytes(), files["image"].read_bytes()
    documents.attach("partner", partner, [(HOSTILE[0], b"root:x:0:0\n"), (HOSTILE[1], b"device\n"),
                                          (HOSTILE[2], pdf), (HOSTILE[3], png)])
    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    suggested: list[str] = []
    monkeypatch.setattr(file_dialogs, "save_file_name", lambda parent, title, name, *a, **k: suggested.append(name) or "")
    dialog, panel = _open(qtbot, window, "partner", partner)
    shown = _shown(panel, "file_name")
    assert "../../etc/passwd" in shown and "CON" in shown and "invoicefdp.png" in shown
    assert not any("\u202e" in text for column in ("title", "file_name") for text in _shown(panel, column))
    for row in range(panel.model.rowCount()):
        panel.select([panel.model.id_at(row)])
        qtbot.mouseClick(panel.open_button, Qt.MouseButton.LeftButton)
        qtbot.mouseClick(panel.save_copy_button, Qt.MouseButton.LeftButton)
    copies = [Path(url.toLocalFile()) for url in opened]
    assert len(copies) == 4 and all(c.parent.parent.name.startswith("twindesk-documents-") for c in copies)
    for name in suggested + [c.name for c in copies]:
        assert "/" not in name and "\\" not in name and ".." not in name and "\u202e" not in name
        assert name.split(".")[0].upper() not in ("CON", "NUL", "PRN", "AUX") and len(name) <= 120
    assert not (tmp_path / "etc").exists()
    dialog.close()


def test_deleting_a_record_names_its_documents(qtbot, window, partner, files, no_blocking_message_boxes):
    documents.attach("partner", partner, [files["image"], files["pdf"]])
    window.delete_record("partner", partner)  # answered No
    assert "2 documents" in no_blocking_message_boxes[-1]
    assert m.Partner.select().count() == 1


def _png_header(width: int, height: int) -> bytes:
    """A PNG that claims width × height pixels in a few bytes (a "decompression bomb" in the making)."""
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(b"")) + chunk(b"IEND", b""))


def test_a_huge_image_is_not_decoded_and_a_large_one_is_decoded_smaller(qtbot, window, partner, tmp_path):
    from twindesk.ui.records.document_preview import MAX_SIDE

    big = QImage(3000, 1500, QImage.Format.Format_RGB32)
    big.fill(QColor("navy"))
    big.save(str(tmp_path / "wide.png"))
    bomb, wide = documents.attach("partner", partner, [("bomb.png", _png_header(40_000, 40_000)), tmp_path / "wide.png"])
    dialog, panel = _open(qtbot, window, "partner", partner)
    panel.select([bomb])
    assert panel.preview.stack.currentWidget() is panel.preview.message
    assert "too large to preview (40000 × 40000 pixels)" in panel.preview.message.text()
    panel.select([wide])
    assert panel.preview._image.width() == MAX_SIDE and panel.preview._image.height() == MAX_SIDE // 2
    dialog.close()


def test_a_large_document_is_read_off_the_gui_thread(qtbot, window, partner, files, monkeypatch):
    from twindesk.ui.records import document_preview

    monkeypatch.setattr(document_preview, "READ_HERE", 0)  # every document counts as large
    documents.attach("partner", partner, [files["pdf"]])
    dialog, panel = _open(qtbot, window, "partner", partner)
    panel.select(panel.model.ids())
    assert panel.preview.message.text().startswith("Reading")
    qtbot.waitUntil(lambda: panel.preview.page_count() == 3, timeout=5000)
    dialog.close()
