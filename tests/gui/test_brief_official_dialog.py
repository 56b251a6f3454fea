"""The brief dialog's layout choice: official (GB/T 9704-2012) for a Chinese pack, business otherwise,
chosen with the keyboard; what the build says (fonts that stood in) is shown with the offer."""

from datetime import date

from PySide6.QtCore import Qt

from tests.brief_pdf import pages_text
from twindesk.briefing.font_roles import role_fonts
from twindesk.briefing.layouts import OFFICIAL
from twindesk.domain.operations import records
from twindesk.ui.briefing.brief_dialog import BriefDialog


def _build(qtbot, dialog):
    offered = []
    dialog.offer = lambda parent, path, what, printable=False, notes="": offered.append((path, notes))
    qtbot.keyClick(dialog.build_button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: bool(offered), timeout=20_000)
    return offered[0]


def test_the_layout_follows_the_language_and_can_be_chosen(qtbot, gui_db, tmp_path):
    visit = records.save("visit", {"title": "出访兵库县", "direction": "outbound", "start_on": date(2026, 4, 1)})
    dialog = BriefDialog("visit", visit, lang="zh_CN", folder=tmp_path, today=date(2026, 11, 29))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.page_layout.currentData() == "official"
    path, notes = _build(qtbot, dialog)
    pages = pages_text(path)
    assert "".join(pages[0].split()).endswith("—1—") and "第 1 页" not in pages[0]
    stood_in = [r.note.text("zh_CN") for r in role_fonts(OFFICIAL.grid_scale).values() if r.note is not None]
    assert notes == "\n".join(stood_in)  # the fonts that stood in, if any, with the offer

    dialog = BriefDialog("visit", visit, lang="zh_CN", folder=tmp_path, today=date(2026, 11, 29))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.page_layout.setFocus()
    qtbot.keyClick(dialog.page_layout, Qt.Key.Key_Down)  # → Business report
    assert dialog.page_layout.currentData() == "business"
    dialog.save_as.edit.setText(str(tmp_path / "b.pdf"))
    path, notes = _build(qtbot, dialog)
    assert "第 1 页" in pages_text(path)[0] and notes == ""

    qtbot.keyClick(dialog.language, Qt.Key.Key_Down)  # English: the business layout comes with it
    assert dialog.page_layout.currentData() == "business"
