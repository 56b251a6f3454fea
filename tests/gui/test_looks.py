"""A window that looks cared for: one icon set, counts in the navigation, statuses as badges, forms
titled with the record's name and sized to their fields, pickers without ID noise, column widths from
the content, recent databases, file dialogs that remember their folder, a print preview, and the user
guide on F1 in the window's language."""

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QImage, QPageSize, QPainter, QPdfWriter
from PySide6.QtWidgets import QApplication, QFileDialog

from tests.gui.conftest import answer_modal
from twindesk.domain import workspace
from twindesk.domain.operations import records
from twindesk.ui.common import file_dialogs, icons, last_folder
from twindesk.ui.common.formatting import format_value
from twindesk.ui.lists import column_widths
from twindesk.ui.lists.list_model import BADGE_ROLE
from twindesk.ui.lists.status_badge import StatusBadgeDelegate
from twindesk.ui.records import dialog_size
from twindesk.ui.records.forms import dialog_for
from twindesk.ui.records.ref_picker import RefPicker
from twindesk.ui.shell.main_window import MainWindow
from twindesk.ui.shell.session import Session


def _inked(icon) -> int:
    """How many pixels of a 24-px rendering are drawn: an empty or blank icon has none."""
    image = icon.pixmap(24, 24).toImage().convertToFormat(QImage.Format.Format_ARGB32)
    return sum(1 for x in range(image.width()) for y in range(image.height()) if image.pixelColor(x, y).alpha() > 60)


# --- icons ----------------------------------------------------------------------------------------------

def test_toolbar_actions_and_navigation_items_carry_drawn_icons(window):
    actions = [a for a in window.toolbar.actions() if not a.isSeparator()]
    assert len(actions) >= 6
    for action in actions:
        assert _inked(action.icon()) > 20, action.objectName()
    assert window.toolbar.toolButtonStyle() == Qt.ToolButtonStyle.ToolButtonTextBesideIcon
    for row in range(window.nav.count()):
        assert _inked(window.nav.item(row).icon()) > 20, window.nav.item(row).text()
    assert window.guide_action.icon().isNull() is False


def test_every_item_of_the_file_menu_carries_a_drawn_icon(window):
    file_menu = window.menuBar().actions()[0].menu()
    items = [a for a in file_menu.actions() if not a.isSeparator()]
    assert window.connect_server_action in items
    for action in items:
        assert _inked(action.icon()) > 20, action.text()


def test_record_kinds_have_their_icons_in_their_forms(qtbot, gui_db):
    for kind in ("partner", "visit", "shipment", "activity", "home_locality"):
        dialog = dialog_for(kind, None)
        qtbot.addWidget(dialog)
        assert _inked(dialog.windowIcon()) > 20, kind


def test_a_missing_icon_font_leaves_empty_icons_not_a_crash(monkeypatch):
    monkeypatch.setattr(icons, "_family", [None])
    assert icons.icon("new").isNull()


# --- navigation counts -------------------------------------------------------------------------------------

def test_navigation_counts_follow_the_change_notices(qtbot, window):
    nav = window.nav
    qtbot.waitUntil(lambda: nav.count_of(1) is not None)  # read once the window has painted
    assert [nav.count_of(r) for r in range(nav.count())] == [None, 0, 0, 0, 0, 0]
    dialog_errors = []

    def fill(dialog):
        dialog.editors["name_en"].widget.setText("Hyogo")
        country = dialog.editors["country"].widget
        country.setCurrentIndex(country.findData("JP"))
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        dialog.reject()

    window.nav.setCurrentRow(1)
    dialog_errors = answer_modal(fill)
    window.new_action.trigger()
    assert not dialog_errors, dialog_errors
    assert nav.count_of(1) == 1  # the save's notice, not a refresh by hand
    visit = records.save("visit", {"title": "Spring visit"})
    assert (nav.count_of(1), nav.count_of(2)) == (1, 1)
    records.delete("visit", visit)
    assert nav.count_of(2) == 0
    assert nav.item(1).text() == "Partners"  # the count is drawn beside the title, not in it


# --- badges ---------------------------------------------------------------------------------------------------

def test_statuses_are_badges_with_their_code_and_word(qtbot, window):
    records.save("visit", {"title": "Spring visit", "status": "confirmed", "start_on": date(2027, 3, 15)})
    window.nav.setCurrentRow(2)
    page = window.current_list_page()
    columns = page.model.columns()
    status = next(i for i, c in enumerate(columns) if c.key == "status")
    title = next(i for i, c in enumerate(columns) if c.key == "title")
    assert page.model.index(0, status).data(BADGE_ROLE) == "confirmed"
    assert page.model.index(0, status).data() == "Confirmed"
    assert page.model.index(0, title).data(BADGE_ROLE) is None
    assert isinstance(page.view.itemDelegateForColumn(status), StatusBadgeDelegate)
    assert not isinstance(page.view.itemDelegateForColumn(title), StatusBadgeDelegate)


# --- forms ----------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("lang, expected", [("en", "Partner — Hyogo Prefecture"), ("zh_CN", "友好伙伴 — 兵库县")])
def test_a_form_is_titled_with_the_records_name(qtbot, gui_db, app_settings, lang, expected):
    hyogo = records.save("partner", {"name_zh": "兵库县", "name_en": "Hyogo Prefecture", "country": "JP"})
    w = MainWindow(db_path=gui_db.path, settings=app_settings, lang=lang, user="Li Na")
    qtbot.addWidget(w)
    seen = {}

    def look(dialog):
        seen["title"] = dialog.windowTitle()
        dialog.reject()

    errors = answer_modal(look)
    w.open_record("partner", hyogo)
    assert not errors, errors
    assert seen["title"] == expected
    assert str(hyogo) not in seen["title"]


def test_a_visit_and_a_delegate_are_titled_with_their_names(qtbot, gui_db):
    visit = records.save("visit", {"title": "Spring visit", "start_on": date(2027, 3, 15)})
    delegate = records.save("delegate", {"visit": visit, "name": "Zhang Wei"})
    for kind, record_id, title in (("visit", visit, "Visit — Spring visit"), ("delegate", delegate, "Delegate — Zhang Wei")):
        dialog = dialog_for(kind, record_id)
        qtbot.addWidget(dialog)
        assert dialog.windowTitle() == title


def test_a_form_opens_with_every_field_in_view_on_a_laptop_screen(qtbot, gui_db, monkeypatch):
    laptop = QRect(0, 0, 1366, 728)  # 1366×768 less a taskbar
    monkeypatch.setattr(dialog_size, "available_area", lambda _dialog: laptop)
    for kind in ("partner", "visit", "shipment"):
        dialog = dialog_for(kind, None)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        assert dialog.height() <= laptop.height() * dialog_size.SCREEN_SHARE + 1
        if kind != "visit":  # a visit's long texts may scroll on 768 lines; these must not
            assert dialog.tabs.widget(0).verticalScrollBar().maximum() == 0, kind


# --- the partner picker -------------------------------------------------------------------------------------------

def test_the_picker_shows_an_id_only_where_names_collide(qtbot, gui_db):
    hyogo = records.save("partner", {"name_zh": "兵库县", "name_en": "Hyogo", "country": "JP"})
    jeju = records.save("partner", {"name_zh": "济州", "name_en": "Jeju", "country": "KR"})
    twin = records.save("partner", {"name_zh": "济州", "name_en": "Jeju", "country": "KR"})
    picker = RefPicker("partner")
    picker.set_value(hyogo)
    assert picker.widget.text() == "兵库县 / Hyogo (JP)"
    assert picker.value() == hyogo
    picker.set_value(twin)
    assert picker.widget.text() == f"济州 / Jeju (KR) · ID {twin}"
    assert picker.value() == twin
    picker.widget.setText("jeju")
    picker.search()
    assert picker.matches.stringList() == [f"济州 / Jeju (KR) · ID {jeju}", f"济州 / Jeju (KR) · ID {twin}"]


# --- column widths ---------------------------------------------------------------------------------------------------

def test_only_the_widest_columns_give_way():
    assert column_widths.shared_cap([40, 90, 300], 1000) is None
    assert column_widths.shared_cap([40, 90, 600, 800], 1000, floor=100) == 435
    assert column_widths.shared_cap([40, 90, 600, 800], 300, floor=100) == 100


def test_list_columns_fit_dates_and_statuses_whole(qtbot, window):
    for i in range(40):
        records.save("visit", {"title": f"A long visit title that goes on and on, number {i} " * 3,
                               "start_on": date(2027, 3, 15), "status": "confirmed",
                               "purpose": "x"})
    window.nav.setCurrentRow(2)
    page = window.current_list_page()
    page._sized = False
    page.refresh()
    header = page.view.horizontalHeader()
    for key in ("start_on", "status"):
        section = next(i for i, c in enumerate(page.model.columns()) if c.key == key)
        assert header.sectionSize(section) >= page.view.sizeHintForColumn(section), key
    title = next(i for i, c in enumerate(page.model.columns()) if c.key == "title")
    assert column_widths.FLOOR <= header.sectionSize(title) < page.view.sizeHintForColumn(title)


def _section(page, key: str) -> int:
    return next(i for i, c in enumerate(page.model.columns()) if c.key == key)


def _shown_whole(page, key: str, text: str) -> bool:
    section = _section(page, key)
    needed = page.view.fontMetrics().horizontalAdvance(text)
    return page.view.horizontalHeader().sectionSize(section) >= needed


def test_a_value_made_wider_by_a_change_shows_whole_after_the_refresh(qtbot, window):
    pid = records.save("partner", {"name_en": "Jeju", "country": "KR", "population": 5})
    for i in range(30):
        records.save("partner", {"name_en": f"Partner {i}", "country": "KR", "population": i})
    window.nav.setCurrentRow(1)
    page = window.current_list_page()
    header = page.view.horizontalHeader()
    names = _section(page, "name_en")
    header.resizeSection(names, header.sectionSize(names) + 60)  # dragged wider by the person

    dragged = header.sectionSize(names)
    wide = format_value(540_000_000_000_000, "en")  # as the list writes it (the locale's separators)
    assert not _shown_whole(page, "population", wide)  # the test means something
    records.save("partner", {"population": 540_000_000_000_000}, pid, user="Wang")  # the change notice refreshes
    row = page.model.row_of(pid)
    qtbot.waitUntil(lambda: page.model.data(page.model.index(row, _section(page, "population"))) == wide)
    assert _shown_whole(page, "population", wide)
    assert header.sectionSize(names) == dragged  # what the person dragged wider stays
    assert header.length() <= page.view.viewport().width()  # the last column gave way: no scrolling sideways


def test_a_column_narrowed_by_hand_is_left_narrow_after_a_refresh(qtbot, window):
    pid = records.save("partner", {"name_en": "Jeju", "country": "KR", "population": 5})
    window.nav.setCurrentRow(1)
    page = window.current_list_page()
    header = page.view.horizontalHeader()
    population = _section(page, "population")
    header.resizeSection(population, 30)
    records.save("partner", {"population": 5_400_000_000}, pid, user="Wang")
    page.refresh()
    assert header.sectionSize(population) == 30


# --- recent databases and the last folder -------------------------------------------------------------------------------

def test_recent_databases_are_listed_after_opening_two(qtbot, app_settings, tmp_path):
    first, second = tmp_path / "office.db", tmp_path / "archive.db"
    for path in (first, second):
        workspace.open_workspace(path, take_backups=False)
        workspace.close()
    session = Session(app_settings, "en")
    try:
        assert session.open(first)
        session.show_window()
        qtbot.addWidget(session.window)
        session.switch_database(str(second))
        qtbot.addWidget(session.window)
        menu = session.window.recent_menu
        menu.fill()
        assert menu.paths() == [str(second.resolve()), str(first.resolve())]
        first_entry = next(a for a in menu.actions() if a.data() == str(first.resolve()))
        assert first_entry.isEnabled() and not first_entry.isChecked()
        first_entry.trigger()  # back to the first one
        assert session.path == first
    finally:
        session.window.close()
        session.shutdown()


def test_file_dialogs_start_in_the_folder_last_chosen(qtbot, window, app_settings, tmp_path, monkeypatch):
    folder = tmp_path / "meeting"
    folder.mkdir()
    started = []

    def dialog(parent, title, start, file_filter, **kwargs):
        started.append(start)
        return str(folder / "view.xlsx"), file_filter

    monkeypatch.setattr(QFileDialog, "getSaveFileName", dialog)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", dialog)
    file_dialogs.save_file_name(window, "Export", "/somewhere/else/view.xlsx", "*.xlsx")
    file_dialogs.open_file_name(window, "Import", "", "*.xlsx")
    assert started[1] == str(folder)
    assert Path(last_folder.start_in("/somewhere/book.xlsx")) == folder / "book.xlsx"
    assert app_settings.get(last_folder.S.LAST_FOLDER) == str(folder)  # kept for the next run
    last_folder.use(app_settings)
    assert last_folder.folder() == folder


# --- print preview ---------------------------------------------------------------------------------------------

def test_a_briefing_pack_has_a_print_preview_of_its_pages(qtbot, tmp_path):
    from PySide6.QtPrintSupport import QPrintPreviewWidget

    from twindesk.ui.briefing.pdf_printing import preview_dialog

    pdf = tmp_path / "pack.pdf"
    writer = QPdfWriter(str(pdf))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    painter = QPainter(writer)
    painter.drawText(200, 200, "Page one")
    writer.newPage()
    painter.drawText(200, 200, "Page two")
    painter.end()
    dialog = preview_dialog(None, pdf)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    preview = dialog.findChild(QPrintPreviewWidget)
    preview.updatePreview()
    assert preview.pageCount() == 2
    assert "pack.pdf" in dialog.windowTitle()


def test_the_written_pack_offers_the_preview(qtbot, tmp_path):
    from twindesk.ui.common.file_written import build_prompt

    box = build_prompt(None, tmp_path / "pack.pdf", "Briefing pack", printable=True)
    qtbot.addWidget(box)
    assert box.preview_button is not None and box.preview_button.text() == "Print preview…"


# --- the user guide --------------------------------------------------------------------------------------------------------

@pytest.fixture
def zh_window(qtbot, gui_db, app_settings):
    w = MainWindow(db_path=gui_db.path, settings=app_settings, lang="zh_CN", user="李娜")
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    return w


@pytest.mark.parametrize("which, file, words", [("zh_window", "guide_zh_CN.html", "新增友好伙伴"),
                                                ("window", "guide_en.html", "Adding a partner")])
def test_f1_opens_the_guide_in_the_windows_language(qtbot, request, which, file, words):
    w = request.getfixturevalue(which)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is w, timeout=3000)  # shortcuts reach the active window
    qtbot.keyClick(w.nav, Qt.Key.Key_F1)
    qtbot.waitUntil(lambda: getattr(w, "guide", None) is not None and w.guide.isVisible(), timeout=3000)
    assert Path(w.guide.source_file()).name == file
    text = w.guide.browser.toPlainText()
    assert words in text
    for task in ("Restor", "Undo", "Import", "Export", "shipment", "visit") if w.lang == "en" else (
            "恢复", "撤销", "导入", "导出工作簿", "援助物资", "打印背景材料"):
        assert task in text, task
    w.guide.close()
    QApplication.processEvents()
