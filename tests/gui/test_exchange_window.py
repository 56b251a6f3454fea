"""Workbooks from the window: File › Export workbook…, "Export this view…" on a list, File › Import…
with its problem table and the confirmation of likely duplicates."""

from datetime import date

from openpyxl import load_workbook
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QFileDialog

from tests.gui.conftest import type_text
from tests.helpers.wizard_steps import IMPORT, import_now, open_wizard, to_preview
from twindesk.domain.operations import records
from twindesk.store import models as m
from twindesk.ui.exchange.export_dialog import ExportDialog
from twindesk.ui.exchange.issues_dialog import IssuesModel


def _data():
    hyogo = records.save("partner", {"name_zh": "兵库县", "name_en": "Hyogo", "country": "JP"})
    jeju = records.save("partner", {"name_zh": "济州", "name_en": "Jeju", "country": "KR"})
    records.save("shipment", {"title": "Masks from Hyogo", "partner": hyogo, "direction": "incoming",
                              "status": "delivered", "delivered_on": date(2020, 2, 14)})
    records.save("shipment", {"title": "=1+2 suits for Jeju", "partner": jeju, "direction": "outgoing",
                              "status": "dispatched", "dispatched_on": date(2020, 2, 28)})
    records.save("shipment", {"title": "Typhoon relief", "counterparty": "Osaka", "kind": "funds"})
    return hyogo, jeju


def _wait_offered(qtbot, offered):
    qtbot.waitUntil(lambda: bool(offered), timeout=20_000)
    return offered[0]


def test_export_this_view_writes_the_filtered_sorted_visible_rows(qtbot, window, tmp_path, monkeypatch):
    _data()
    target = tmp_path / "shown.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    offered = []
    monkeypatch.setattr("twindesk.ui.common.file_written.offer_file", lambda _p, path, what, **k: offered.append(path))
    window.nav.setCurrentRow(3)
    page = window.current_list_page()
    type_text(qtbot, page.search, "jeju")  # the user filters the list …
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=3000)
    page.view.horizontalHeader().hideSection(
        next(i for i, c in enumerate(page.model.columns()) if c.key == "tracking_ref"))  # … hides a column
    page.findChild(object, "export_view").click()
    assert _wait_offered(qtbot, offered) == target
    ws = load_workbook(target).active
    headers = [c.value for c in ws[1]]
    assert headers[:3] == ["ID", "Date", "Direction"] and "Tracking" not in headers
    rows = list(ws.iter_rows(min_row=2, values_only=True))
    assert len(rows) == 1
    row = dict(zip(headers, rows[0], strict=False))
    assert row["Title"] == "=1+2 suits for Jeju" and ws.cell(2, headers.index("Title") + 1).data_type == "s"
    assert row["Status"] == "Dispatched" and row["Partner"] == "Jeju"
    assert row["Date"].date() == date(2020, 2, 28)  # a real date, not text


def test_export_workbook_in_chinese_with_hxl(qtbot, gui_db, tmp_path):
    _data()
    dialog = ExportDialog(lang="en", folder=tmp_path, today=date(2026, 11, 29))
    qtbot.addWidget(dialog)
    offered = []
    dialog.offer = lambda _p, path, what, **k: offered.append(path)
    dialog.language.setCurrentIndex(dialog.language.findData("zh_CN"))
    assert dialog.save_as.edit.text() == str(tmp_path / "TwinDesk 会见工作簿 2026-11-29.xlsx")
    dialog.hxl.setChecked(True)
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    path = _wait_offered(qtbot, offered)
    wb = load_workbook(path)
    assert "援助物资" in wb.sheetnames
    ws = wb["援助物资"]
    headers = [c.value for c in ws[1]]
    assert headers[0] == "ID" and "物资名称" in headers and "状态" in headers
    assert ws.cell(2, 1).value.startswith("#")  # the HXL row under the headers


def test_export_workbook_with_a_marking_typed_on_every_printed_page(qtbot, gui_db, tmp_path):
    _data()
    dialog = ExportDialog(lang="en", folder=tmp_path, today=date(2026, 11, 29))
    qtbot.addWidget(dialog)
    offered = []
    dialog.offer = lambda _p, path, what, **k: offered.append(path)
    assert dialog.marking.currentText() == ""  # none unless chosen
    dialog.marking.lineEdit().setFocus()
    qtbot.keyClicks(dialog.marking.lineEdit(), "R&D only")
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    wb = load_workbook(_wait_offered(qtbot, offered))
    assert {ws.oddHeader.right.text for ws in wb.worksheets} == {"R&&D only"}  # printed as typed
    assert wb["Shipments"].page_setup.paperSize == 9  # A4


def _exported(tmp_path, gui_db):
    from twindesk.exchange import export_workbook

    path = tmp_path / "book.xlsx"
    export_workbook(path)
    return path


def test_an_import_with_errors_lists_them_and_writes_nothing(qtbot, window, tmp_path, monkeypatch, qtmodeltester):
    _data()
    path = _exported(tmp_path, window)
    wb = load_workbook(path)
    ws = wb["Shipments"]
    headers = [c.value for c in ws[1]]
    ws.cell(2, headers.index("Title") + 1).value = None  # a required field emptied
    ws.cell(3, headers.index("Status") + 1).value = "lost at sea"
    wb.save(path)
    before = m.Shipment.select().count()
    wizard = open_wizard(qtbot, window, monkeypatch, path)
    to_preview(qtbot, wizard)
    preview = wizard.preview_page
    model = preview.errors.model()
    qtmodeltester.check(model)
    assert preview.summary.text().startswith("2 problem(s): nothing can be imported")
    assert {(r[0], r[1], r[2]) for r in model.rows()} == {("Shipments", 2, "Title"), ("Shipments", 3, "Status")}
    preview.errors.sortByColumn(1, Qt.SortOrder.DescendingOrder)
    assert [r[1] for r in model.rows()] == [3, 2]
    assert not wizard.button(IMPORT).isEnabled()
    assert m.Shipment.select().count() == before


def test_an_import_with_a_likely_duplicate_asks_then_imports_after_a_backup(qtbot, window, tmp_path, monkeypatch):
    hyogo, _jeju = _data()
    path = _exported(tmp_path, window)
    wb = load_workbook(path)
    ws = wb["Partners"]
    headers = [c.value for c in ws[1]]
    new_row = [None] * len(headers)
    new_row[headers.index("Chinese name")] = "兵库县"
    new_row[headers.index("English name")] = "Hyogo"
    new_row[headers.index("Country")] = "JP"
    ws.append(new_row)
    wb.save(path)
    wizard = open_wizard(qtbot, window, monkeypatch, path)
    to_preview(qtbot, wizard)
    preview = wizard.preview_page
    assert "Partners: 1 new" in preview.summary.text()
    line = preview.rows.row_of("Partners", 4)
    assert f"partner {hyogo}" in preview.rows.item(line, 4).text() and not wizard.button(IMPORT).isEnabled()
    preview.rows.item(line, 5).setCheckState(Qt.CheckState.Checked)  # the user ticks it as really new
    result = import_now(qtbot, wizard)
    assert result.applied and result.backup.exists()
    assert m.Partner.select().where(m.Partner.name_en == "Hyogo").count() == 2
    assert wizard.result_page.text.text().startswith("book.xlsx is imported.")


def test_issues_model_sorts_and_saves_for_excel(qtbot, tmp_path, qtmodeltester):
    from twindesk.exchange.report import CellIssue

    issues = [CellIssue("Visits", 12, "End date", "End date is before start date."),
              CellIssue("Partners", None, None, "Unknown column “Mayor”."),
              CellIssue("Partners", 3, "Country", "Country “Atlantis” is not a country.")]
    model = IssuesModel(issues, "en")
    qtmodeltester.check(model)
    model.sort(0)
    assert [r[0] for r in model.rows()] == ["Partners", "Partners", "Visits"]
    model.sort(1)
    assert [r[1] for r in model.rows()] == [None, 3, 12]
    target = tmp_path / "problems.xlsx"
    model.save_workbook(target)
    saved = list(load_workbook(target).active.iter_rows(values_only=True))
    assert saved[0] == ("Sheet", "Row", "Column", "Problem")
    assert ("Visits", 12, "End date", "End date is before start date.") in saved


def test_a_stale_workbook_lists_the_newer_values_then_overwrites_them_when_asked(qtbot, window, tmp_path,
                                                                                  monkeypatch):
    hyogo, _jeju = _data()
    path = _exported(tmp_path, window)
    records.save("partner", {"name_en": "Hyogo Prefecture"}, hyogo, user="Wang Fang")  # after the export
    wizard = open_wizard(qtbot, window, monkeypatch, path)
    to_preview(qtbot, wizard)
    preview = wizard.preview_page
    (sheet, row, column, _value, message), = preview.errors.model().rows()
    assert (sheet, column) == ("Partners", "English name") and "Wang Fang" in message
    assert "“Hyogo”" in message and "“Hyogo Prefecture”" in message
    assert preview.overwrite_newer.isVisible() and not wizard.button(IMPORT).isEnabled()
    qtbot.mouseClick(preview.overwrite_newer, Qt.MouseButton.LeftButton,
                     pos=QPoint(8, preview.overwrite_newer.height() // 2))
    qtbot.waitUntil(lambda: preview.report is not None and not preview.report.errors, timeout=20_000)
    result = import_now(qtbot, wizard)
    assert result.applied and records.get("partner", hyogo)["name_en"] == "Hyogo"
