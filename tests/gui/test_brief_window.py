"""The window's "Briefing pack…": tick sections, pick the language and marking, build off the GUI
thread, then the pack is offered to open, show or print."""

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from tests.brief_pdf import text
from tests.gui.conftest import answer_modal, type_text
from twindesk.domain.operations import records
from twindesk.ui.briefing.brief_dialog import BriefDialog
from twindesk.ui.common import file_written


def _visit():
    hyogo = records.save("partner", {"name_zh": "兵库县", "name_en": "Hyogo Prefecture", "name_native": "兵庫県",
                                     "kind": "prefecture", "country": "JP"})
    visit = records.save("visit", {"title": "Leadership visit to Hyogo", "direction": "outbound",
                                   "purpose": "AT&T <b>x</b> a<b", "start_on": date(2026, 4, 1),
                                   "end_on": date(2026, 4, 3)})
    records.set_visit_partners(visit, [hyogo])
    records.save("delegate", {"visit": visit, "name": "王胜", "title": "Deputy head"})
    return visit


def _build(qtbot, dialog):
    """Press Build and wait for the pack: the offer to open it comes once the worker is done."""
    offered = []
    dialog.offer = lambda parent, path, what, printable=False, **k: offered.append((path, what, printable))
    qtbot.mouseClick(dialog.build_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(offered), timeout=20_000)
    return offered[0]


def test_a_chinese_pack_with_chosen_sections_is_built_and_offered(qtbot, gui_db, tmp_path):
    visit = _visit()
    dialog = BriefDialog("visit", visit, lang="zh_CN", folder=tmp_path, today=date(2026, 11, 29))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.sections["delegation"].text() == "代表团成员"
    assert dialog.marking.currentText() == "内部资料"
    assert dialog.save_as.edit.text() == str(tmp_path / "简报 – Leadership visit to Hyogo – 2026-11-29.pdf")
    dialog.sections["itinerary"].setChecked(False)  # the user unticks two sections
    qtbot.keyClick(dialog.sections["gifts"], Qt.Key.Key_Space)
    assert dialog.chosen_sections()[:3] == ["cover", "contents", "purpose"]
    assert "itinerary" not in dialog.chosen_sections() and "gifts" not in dialog.chosen_sections()
    path, what, printable = _build(qtbot, dialog)
    assert printable and what == "Briefing pack"
    assert path == tmp_path / "简报 – Leadership visit to Hyogo – 2026-11-29.pdf"
    content = text(path)
    assert "代表团成员" in content and "王胜" in content and "内部资料" in content
    assert "AT&T <b>x</b> a<b" in content  # typed text printed literally
    assert "日程安排" not in content and "礼品往来" not in content


def test_switching_the_pack_to_english_relabels_and_renames(qtbot, gui_db, tmp_path):
    visit = _visit()
    dialog = BriefDialog("visit", visit, lang="zh_CN", folder=tmp_path, today=date(2026, 11, 29))
    qtbot.addWidget(dialog)
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    assert dialog.sections["delegation"].text() == "Delegation"
    assert dialog.save_as.edit.text().endswith("Brief – Leadership visit to Hyogo – 2026-11-29.pdf")
    dialog.marking.setEditText("")
    type_text(qtbot, dialog.marking.lineEdit(), "For the vice-governor")
    path, _what, _printable = _build(qtbot, dialog)
    content = text(path)
    assert "Delegation" in content and "For the vice-governor" in content


def test_no_section_ticked_means_nothing_to_build(qtbot, gui_db, tmp_path):
    dialog = BriefDialog("visit", _visit(), lang="en", folder=tmp_path)
    qtbot.addWidget(dialog)
    for check in dialog.sections.values():
        check.setChecked(False)
    assert not dialog.build_button.isEnabled()


def test_a_folder_that_does_not_exist_is_reported_and_nothing_is_written(qtbot, gui_db, tmp_path, monkeypatch):
    shown = []
    # said at once, before any work starts (ui.replace_prompt), as a plain message
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _title, text, *a, **k: shown.append(text))
    dialog = BriefDialog("visit", _visit(), lang="en", folder=tmp_path / "missing")
    qtbot.addWidget(dialog)
    qtbot.mouseClick(dialog.build_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(shown), timeout=20_000)
    assert "does not exist" in shown[0]
    assert not (tmp_path / "missing").exists()
    assert dialog.isVisible() or dialog.result() == 0  # still there to pick another folder


def test_the_visit_form_and_the_main_window_open_the_pack_dialog(qtbot, window):
    visit = _visit()
    window.nav.setCurrentRow(2)
    page = window.current_list_page()
    assert not window.brief_action.isEnabled()
    page.view.selectRow(0)
    assert window.brief_action.isEnabled()
    seen = {}

    def look(dialog):
        seen["title"] = dialog.windowTitle()
        seen["record"] = (dialog.kind, dialog.record_id)
        dialog.reject()

    errors = answer_modal(look)
    window.brief_action.trigger()
    assert not errors, errors
    assert seen == {"title": "Briefing pack", "record": ("visit", visit)}


def test_the_written_prompt_offers_print_for_a_pdf_only(qtbot, tmp_path):
    pdf = tmp_path / "a.pdf"
    box = file_written.build_prompt(None, pdf, "Briefing pack", printable=True)
    qtbot.addWidget(box)
    assert box.print_button is not None and box.defaultButton() is box.open_button
    assert str(pdf) in box.text()
    box2 = file_written.build_prompt(None, tmp_path / "a.xlsx", "Workbook")
    qtbot.addWidget(box2)
    assert box2.print_button is None
    assert QMessageBox.StandardButton.Close in (box2.standardButton(b) for b in box2.buttons())
