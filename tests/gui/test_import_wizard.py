"""File › Import… driven as a person drives it: the file picked in the file dialog, the sheets' kinds and
the columns' fields chosen with the keyboard in their combos, Next and Import clicked; then the database
and what the pages show. Staff lists are made as staff type them (a merged title, Chinese headers, a
合计 row), TwinDesk's own export goes straight to the preview."""

from __future__ import annotations

import json
from datetime import date

import pytest
from openpyxl import Workbook, load_workbook
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QFileDialog

from tests.helpers.staff_files import TITLE, put_saved_values, staff_workbook
from tests.helpers.wizard_steps import (
    FINISH,
    IMPORT,
    NEXT,
    choose,
    click,
    import_now,
    open_wizard,
    shown,
    to_preview,
)
from twindesk.domain.operations import records
from twindesk.store import models as m
from twindesk.ui.exchange.import_wizard.page_ids import COLUMNS, PREVIEW, SHEETS

PARTNERS = [["序号", "城市名称", "国别", "英文名", "人口", "备注"],
            [1, "兵库县", "日本", "Hyogo", "546万", "友好省县"],
            [2, "济州特别自治道", "大韩民国", "Jeju", "67万", None],
            [3, "滨海边疆区", "俄罗斯联邦", "Primorsky Krai", "1,845,000", None]]
PARTNERSHIPS = [["中方城市", "外方城市", "结好时间", "级别", "状态"],
                ["海南省", "兵库县", "1990年5月1日", "友好省县", "已签署"],
                ["海南省", "济州特别自治道", "1995年3月", "友好省道", "存续"]]


def staff_list(path, *, partnerships: bool = True):
    """友城名录 with a merged title, a note and a 合计 row; 结好情况 naming partners and 海南省 by name."""
    wb = Workbook()
    ws = wb.active
    ws.title = "友城名录"
    ws.append([TITLE])
    ws.merge_cells("A1:F1")
    ws.append(["填表说明：人口以万为单位。"])
    for row in PARTNERS:
        ws.append(row)
    ws.append(["合计", "=COUNTA(B4:B6)"])
    if partnerships:
        ws2 = wb.create_sheet("结好情况")
        for row in PARTNERSHIPS:
            ws2.append(row)
    wb.save(path)
    put_saved_values(path, {("友城名录", "B7"): "3"})
    return path


@pytest.fixture(autouse=True)
def data_folder(tmp_path, monkeypatch):
    """The app's data folder (remembered mappings) in the test's own folder."""
    folder = tmp_path / "data"
    monkeypatch.setenv("XDG_DATA_HOME", str(folder))
    return folder


def test_a_staff_list_with_a_title_row_a_changed_column_and_a_skipped_sheet(qtbot, window, tmp_path, monkeypatch,
                                                                           data_folder):
    path = staff_list(tmp_path / "友城名录.xlsx")
    wizard = open_wizard(qtbot, window, monkeypatch, path)
    assert "xlsx" in wizard.file_page.format_label.text() and not wizard.file_page.encoding.isVisible()
    click(qtbot, wizard, NEXT)
    sheets = wizard.sheets_page
    assert wizard.currentId() == SHEETS
    assert [sheets.table.item(r, 0).text() for r in range(2)] == ["友城名录", "结好情况"]
    assert sheets.kind_boxes[0].currentData() == "partner" and sheets.kind_boxes[1].currentData() == "partnership"
    assert sheets.header_boxes[0].value() == 3 and sheets.table.item(0, 3).text() == "3"
    assert "row 7" in sheets.table.item(0, 4).text() and "total" in sheets.table.item(0, 4).text().lower()
    assert sheets.table.item(0, 5).text() == "recognised from its headers"
    choose(qtbot, sheets.kind_boxes[1], None)  # the partnerships are for another day
    assert sheets.table.item(1, 5).text() == "changed by you" and "1 of 2 sheet(s)" in sheets.hint.text()
    click(qtbot, wizard, NEXT)
    columns = wizard.columns_page
    assert wizard.currentId() == COLUMNS and columns.sheet_box.count() == 1
    header = {columns.table.item(r, 1).text(): r for r in range(columns.table.rowCount())}
    assert columns.field_boxes[header["城市名称"]].currentData() == "name_zh"
    assert columns.field_boxes[header["国别"]].currentData() == "country"
    assert columns.table.item(header["人口"], 2).text() == "546万 · 67万 · 1,845,000"
    assert "序号 (A)" in columns.unmapped.text()
    choose(qtbot, columns.field_boxes[header["英文名"]], None)  # the English names are not wanted
    choose(qtbot, columns.field_boxes[header["序号"]], "+notes")
    assert "英文名 (D)" in columns.unmapped.text() and "序号" not in columns.unmapped.text()
    to_preview(qtbot, wizard)
    preview = wizard.preview_page
    assert [r[:3] for r in shown(preview.rows)] == [("友城名录", "4", "New"), ("友城名录", "5", "New"),
                                                     ("友城名录", "6", "New")]
    assert shown(preview.rows)[0][3] == "兵库县 · 日本"
    assert preview.tabs.tabText(1) == "Problems (0)"
    assert m.Partner.select().count() == 0  # nothing written by the preview
    window.nav.setCurrentRow(1)  # the partners' list, open behind the wizard
    page = window.current_list_page()
    assert page.spec.record_kind == "partner" and page.model.rowCount() == 0
    result = import_now(qtbot, wizard)
    assert result.applied and result.backup.exists()
    assert str(result.backup) in wizard.result_page.text.text()
    assert "友城名录: 3 new, 0 changed" in wizard.result_page.text.text()
    hyogo = m.Partner.get(m.Partner.name_zh == "兵库县")
    assert (hyogo.country, hyogo.population, hyogo.name_en or None) == ("JP", 5_460_000, None)
    assert "序号: 1" in hyogo.notes and "友好省县" in hyogo.notes
    assert m.Partnership.select().count() == 0  # the skipped sheet
    qtbot.waitUntil(lambda: page.model.rowCount() == 3, timeout=5000)  # the list refreshed from the notice
    click(qtbot, wizard, FINISH)
    assert (data_folder / "TwinDesk" / "import-mappings.json").exists()

    again = open_wizard(qtbot, window, monkeypatch, path)  # the same headers: the mapping is offered again
    click(qtbot, again, NEXT)
    assert again.sheets_page.table.item(0, 5).text() == "as remembered for these headers"
    click(qtbot, again, NEXT)
    boxes = {again.columns_page.table.item(r, 1).text(): b for r, b in enumerate(again.columns_page.field_boxes)}
    assert boxes["英文名"].currentData() is None and boxes["序号"].currentData() == "+notes"


def test_records_named_by_rows_are_created_only_when_allowed(qtbot, window, tmp_path, monkeypatch):
    path = staff_list(tmp_path / "list.xlsx")
    wizard = open_wizard(qtbot, window, monkeypatch, path)
    to_preview(qtbot, wizard)
    preview = wizard.preview_page
    assert preview.create_missing.isVisible() and "海南省" in preview.create_missing.text()
    assert not wizard.button(IMPORT).isEnabled() and "lacks" in preview.why.text()
    qtbot.mouseClick(preview.create_missing, Qt.MouseButton.LeftButton,
                     pos=QPoint(8, preview.create_missing.height() // 2))
    assert preview.create_missing.isChecked()
    import_now(qtbot, wizard)
    hainan = m.HomeLocality.get(m.HomeLocality.name_zh == "海南省")
    ties = list(m.Partnership.select().order_by(m.Partnership.id))
    assert [t.home_locality_id for t in ties] == [hainan.id, hainan.id]
    assert ties[0].signed_on == date(1990, 5, 1) and ties[0].tier == "sister" and ties[0].status == "active"
    assert "海南省" in wizard.result_page.text.text()


def test_errors_are_shown_cell_by_cell_saved_for_excel_and_nothing_is_written(qtbot, window, tmp_path,
                                                                             monkeypatch):
    path = staff_workbook(tmp_path / "staff.xlsx")  # a 20-digit population, a formula never calculated
    wizard = open_wizard(qtbot, window, monkeypatch, path)
    to_preview(qtbot, wizard)
    preview = wizard.preview_page
    rows = preview.errors.model().rows()
    assert ("友城名录", 9, "人口 (E)", "12345678901234567890",
            "Population “12345678901234567890” is too large a number to store.") in rows
    formula = next(r for r in rows if r[0] == "结好情况" and r[1] == 6)
    assert formula[2] == "外方城市 (B)" and "=B3 has no saved value" in formula[4]
    assert preview.tabs.currentIndex() == 1 and not wizard.button(IMPORT).isEnabled()
    assert "Correct the problems first" in preview.why.text()
    choose(qtbot, preview.filter, "error")
    assert {r[:3] for r in shown(preview.rows)} >= {("友城名录", "9", "Error"), ("结好情况", "6", "Error")}
    assert all(r[2] == "Error" for r in shown(preview.rows))
    target = tmp_path / "problems.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    preview.tabs.setCurrentIndex(1)
    qtbot.mouseClick(preview.save_errors, Qt.MouseButton.LeftButton)
    saved = list(load_workbook(target).active.iter_rows(values_only=True))
    assert saved[0] == ("Sheet", "Row", "Column", "Value", "Problem")
    row = next(r for r in saved if r[:2] == ("友城名录", 9))
    assert row[2:4] == ("人口 (E)", "12345678901234567890") and row[4].startswith("Population")
    formula_row = next(r for r in saved if r[:2] == ("结好情况", 6))
    assert formula_row[2] == "外方城市 (B)" and "=B3 has no saved value" in formula_row[4]
    assert m.Partner.select().count() == 0 and m.Partnership.select().count() == 0


def test_a_gb18030_csv_with_its_encoding_changed_and_back(qtbot, window, tmp_path, monkeypatch):
    path = tmp_path / "友城.csv"
    lines = [TITLE, "城市名称,国别,英文名", "兵库县,日本,Hyogo", "济州,韩国,Jeju", "合计,2"]
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode("gb18030"))
    wizard = open_wizard(qtbot, window, monkeypatch, path)
    page = wizard.file_page
    assert page.encoding.isVisible() and page.encoding.currentText() == "gb18030"
    assert "detected" in page.state.text()
    page.encoding.setFocus()
    for _ in range(page.encoding.currentIndex() - page.encoding.findText("utf-8")):
        qtbot.keyClick(page.encoding, Qt.Key.Key_Up)
    qtbot.waitUntil(lambda: not page.reading, timeout=20_000)
    assert page.encoding.currentText() == "utf-8" and not page.isComplete()
    assert "utf-8" in page.state.text().lower()  # says the file is not UTF-8
    for _ in range(page.encoding.findText("gb18030") - page.encoding.currentIndex()):
        qtbot.keyClick(page.encoding, Qt.Key.Key_Down)
    qtbot.waitUntil(lambda: page.isComplete(), timeout=20_000)
    assert "as chosen" in page.state.text()
    to_preview(qtbot, wizard)
    import_now(qtbot, wizard)
    assert sorted(p.name_zh for p in m.Partner.select()) == ["兵库县", "济州"]
    assert m.Partner.get(m.Partner.name_en == "Jeju").country == "KR"


def test_nothing_to_import_says_why_and_import_stays_disabled(qtbot, window, tmp_path, monkeypatch):
    path = tmp_path / "scratch.xlsx"
    wb = Workbook()
    wb.active.title = "Sheet3"
    wb.active.append(["临时", "记录"])
    wb.active.append(["x", 1])
    wb.save(path)
    wizard = open_wizard(qtbot, window, monkeypatch, path)
    click(qtbot, wizard, NEXT)
    assert wizard.sheets_page.kind_boxes[0].currentData() is None
    assert "name no list TwinDesk keeps" in wizard.sheets_page.table.item(0, 6).text()
    click(qtbot, wizard, NEXT)  # no sheet to map: straight to the preview
    qtbot.waitUntil(lambda: wizard.preview_page.report is not None, timeout=20_000)
    preview = wizard.preview_page
    assert wizard.currentId() == PREVIEW
    assert preview.summary.text().startswith("There is nothing to import")
    assert preview.why.text() == "There is nothing to import." and not wizard.button(IMPORT).isEnabled()
    assert "临时、记录" in preview.errors.model().rows()[0][4]


def _export(path):
    from twindesk.exchange import export_workbook

    export_workbook(path)
    return path


def test_a_twindesk_export_goes_straight_to_the_preview_and_asks_about_a_likely_duplicate(
        qtbot, window, tmp_path, monkeypatch):

    hyogo = records.save("partner", {"name_zh": "兵库县", "name_en": "Hyogo", "country": "JP"})
    path = _export(tmp_path / "book.xlsx")
    wb = load_workbook(path)
    ws = wb["Partners"]
    headers = [c.value for c in ws[1]]
    row = [None] * len(headers)
    row[headers.index("Chinese name")], row[headers.index("English name")] = "兵库县", "Hyogo"
    row[headers.index("Country")] = "JP"
    ws.append(row)
    wb.save(path)
    wizard = open_wizard(qtbot, window, monkeypatch, path)
    assert "TwinDesk exported" in wizard.file_page.state.text()
    click(qtbot, wizard, NEXT)
    assert wizard.currentId() == PREVIEW
    qtbot.waitUntil(lambda: wizard.preview_page.report is not None, timeout=20_000)
    preview = wizard.preview_page
    line = preview.rows.row_of("Partners", 3)
    assert preview.rows.item(line, 2).text() == "Likely duplicate" and f"partner {hyogo}" in \
        preview.rows.item(line, 4).text()
    assert not wizard.button(IMPORT).isEnabled() and "really new" in preview.why.text()
    tick = preview.rows.item(line, 5)
    preview.rows.setCurrentItem(tick)
    preview.rows.setFocus()
    qtbot.keyClick(preview.rows, Qt.Key.Key_Space)  # ticked as really new
    assert tick.checkState() == Qt.CheckState.Checked
    import_now(qtbot, wizard)
    assert m.Partner.select().where(m.Partner.name_en == "Hyogo").count() == 2


def test_a_mapping_is_saved_and_loaded_and_a_broken_one_is_refused_in_words(qtbot, window, tmp_path, monkeypatch,
                                                                           no_blocking_message_boxes):
    path = staff_list(tmp_path / "list.xlsx", partnerships=False)
    wizard = open_wizard(qtbot, window, monkeypatch, path)
    click(qtbot, wizard, NEXT)
    click(qtbot, wizard, NEXT)
    columns = wizard.columns_page
    choose(qtbot, columns.field_boxes[3], None)  # 英文名 not imported
    target = tmp_path / "map.json"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    qtbot.mouseClick(columns.save_button, Qt.MouseButton.LeftButton)
    saved = json.loads(target.read_text(encoding="utf-8"))
    assert saved["sheets"]["友城名录"]["columns"]["英文名"] is None
    assert saved["sheets"]["友城名录"]["columns"]["城市名称"] == "name_zh"
    choose(qtbot, columns.field_boxes[3], "name_en")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(target), ""))
    qtbot.mouseClick(columns.load_button, Qt.MouseButton.LeftButton)
    assert columns.field_boxes[3].currentData() is None
    wizard.back()
    assert wizard.sheets_page.table.item(0, 5).text() == "from the mapping file"
    wizard.next()
    broken = tmp_path / "broken.json"
    broken.write_text('{"sheets": {"友城名录": {"kind": "planet"}}}', encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(broken), ""))
    qtbot.mouseClick(columns.load_button, Qt.MouseButton.LeftButton)
    assert "“planet” is not a record kind" in no_blocking_message_boxes[-1]
    assert columns.field_boxes[3].currentData() is None  # the mapping in use is kept


def test_the_header_row_typed_in_is_used_and_its_columns_suggested_again(qtbot, window, tmp_path, monkeypatch):
    path = staff_list(tmp_path / "list.xlsx", partnerships=False)
    wizard = open_wizard(qtbot, window, monkeypatch, path)
    click(qtbot, wizard, NEXT)
    sheets = wizard.sheets_page
    spin = sheets.header_boxes[0]

    def type_row(n: int) -> None:
        spin.setFocus()
        spin.selectAll()
        qtbot.keyClicks(spin, str(n))
        qtbot.keyClick(spin, Qt.Key.Key_Tab)  # on to the next field: the row is taken

    type_row(4)  # a data row taken as the headers: the kind stays
    assert wizard.sheet("友城名录").table.header_line == 4 and sheets.table.item(0, 3).text() == "2"
    assert sheets.kind_boxes[0].currentData() == "partner"
    assert [c.header for c in wizard.sheet("友城名录").columns][:2] == ["1", "兵库县"]
    type_row(3)  # back to the real headers: suggested again
    assert sheets.table.item(0, 3).text() == "3"
    click(qtbot, wizard, NEXT)
    assert wizard.columns_page.field_boxes[1].currentData() == "name_zh"


def test_a_kind_chosen_for_a_sheet_gets_its_columns_and_two_columns_for_one_field_are_refused(
        qtbot, window, tmp_path, monkeypatch):
    path = tmp_path / "本方.xlsx"
    wb = Workbook()
    wb.active.title = "Sheet3"
    for row in (["名称", "备注"], ["海口市", "省会"]):
        wb.active.append(row)
    wb.save(path)
    wizard = open_wizard(qtbot, window, monkeypatch, path)
    click(qtbot, wizard, NEXT)
    sheets = wizard.sheets_page
    assert sheets.kind_boxes[0].currentData() is None  # no kind guessed from 名称, 备注
    choose(qtbot, sheets.kind_boxes[0], "home_locality")
    click(qtbot, wizard, NEXT)
    columns = wizard.columns_page
    assert [b.currentData() for b in columns.field_boxes] == ["name_zh", "notes"]  # suggested for the kind
    assert not columns.clashes.isVisible()
    choose(qtbot, columns.field_boxes[1], "name_zh")
    assert columns.clashes.isVisible() and columns.clashes.text() == (
        "the columns 名称 (A) and 备注 (B) are mapped to the same field, Chinese name; map only one of them to it.")
    to_preview(qtbot, wizard)
    assert not wizard.button(IMPORT).isEnabled()
    assert "mapped to the same field" in wizard.preview_page.errors.model().rows()[0][4]
    assert m.HomeLocality.select().where(m.HomeLocality.name_zh == "海口市").count() == 0


def test_the_wizard_relays_the_engines_steps_in_its_own_language():
    """The worker says each step in the window's language before the signal carries it as a plain str."""
    from twindesk.domain.progress import Progress
    from twindesk.exchange.wording import step
    from twindesk.ui.exchange.import_wizard.wizard import _InOwnWords

    shown_texts = []
    relay = _InOwnWords(Progress(lambda _d, _t, text: shown_texts.append(text)), "zh_CN")
    relay.advance(1, 2, step("Reading {sheet}…", sheet="友城名录"))
    relay.advance(2, 2, "Some English only")  # a text that cannot say itself in Chinese: left out
    assert shown_texts == ["正在读取 友城名录…", ""]
