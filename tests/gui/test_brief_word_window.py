"""The "Briefing pack…" dialog writes the Word edition when Word is chosen: the file name's suffix
follows the choice, the layout chosen sets its page, the pack is built and offered (to open, not to
print)."""

from datetime import date

from PySide6.QtCore import Qt

from tests.brief_docx import headings, open_docx
from tests.gui.test_brief_window import _build, _visit
from twindesk.ui.briefing.brief_dialog import BriefDialog


def test_choosing_word_by_keyboard_builds_a_docx(qtbot, gui_db, tmp_path):
    visit = _visit()
    dialog = BriefDialog("visit", visit, lang="zh_CN", folder=tmp_path, today=date(2026, 11, 29))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.save_as.edit.text().endswith("2026-11-29.pdf")
    dialog.edition.setFocus()
    qtbot.keyClick(dialog.edition, Qt.Key.Key_Down)  # PDF -> Word
    assert dialog.chosen_edition() == "docx"
    expected = tmp_path / "简报 – Leadership visit to Hyogo – 2026-11-29.docx"
    assert dialog.save_as.edit.text() == str(expected)
    assert dialog.save_as.path() == expected
    qtbot.keyClick(dialog.language, Qt.Key.Key_Down)  # English: the name changes, the suffix stays
    assert dialog.save_as.edit.text().endswith("Brief – Leadership visit to Hyogo – 2026-11-29.docx")
    qtbot.keyClick(dialog.language, Qt.Key.Key_Up)
    path, what, printable = _build(qtbot, dialog)
    assert path == expected and path.exists()
    assert not printable and what == "Briefing pack"
    document = open_docx(path)
    # Chinese: the official layout, its headings numbered in the model as in the PDF
    assert "三、代表团成员" in [text for level, text in headings(document) if level == 1]
    assert "AT&T <b>x</b> a<b" in [p.text for p in document.paragraphs]  # typed text, literally


def test_a_typed_name_keeps_its_stem_when_the_choice_goes_back_to_pdf(qtbot, gui_db, tmp_path):
    visit = _visit()
    dialog = BriefDialog("visit", visit, lang="en", folder=tmp_path, today=date(2026, 11, 29))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.save_as.edit.clear()
    qtbot.keyClicks(dialog.save_as.edit, str(tmp_path / "minutes.pdf"))
    qtbot.mouseClick(dialog.edition, Qt.MouseButton.LeftButton)
    qtbot.keyClick(dialog.edition.view(), Qt.Key.Key_Down)
    qtbot.keyClick(dialog.edition.view(), Qt.Key.Key_Return)
    assert dialog.save_as.edit.text() == str(tmp_path / "minutes.docx")
    dialog.edition.setFocus()
    qtbot.keyClick(dialog.edition, Qt.Key.Key_Up)
    assert dialog.save_as.edit.text() == str(tmp_path / "minutes.pdf")


def test_word_in_the_business_layout_for_a_chinese_pack(qtbot, gui_db, tmp_path):
    visit = _visit()
    dialog = BriefDialog("visit", visit, lang="zh_CN", folder=tmp_path, today=date(2026, 11, 29))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.page_layout.setFocus()
    qtbot.keyClick(dialog.page_layout, Qt.Key.Key_Down)  # official -> business
    qtbot.keyClick(dialog.edition, Qt.Key.Key_Down)  # PDF -> Word
    assert (dialog.page_layout.currentData(), dialog.chosen_edition()) == ("business", "docx")
    path, _what, printable = _build(qtbot, dialog)
    assert path.suffix == ".docx" and not printable
    document = open_docx(path)
    assert "代表团成员" in [text for level, text in headings(document) if level == 1]  # not numbered
    assert round(document.sections[0].top_margin.mm) == 24  # the business page, not GB/T 9704's 37 mm
