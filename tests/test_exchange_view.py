""""Export this view…": one sheet of what a list shows, with the workbook's text safety and layout."""

from datetime import date, datetime, time
from decimal import Decimal

import pytest
from exchange_support import CONTROL, CONTROL_WRITTEN, HOSTILE, LONG_NOTE
from openpyxl import load_workbook

from twindesk.domain.progress import Cancelled, Progress
from twindesk.exchange import ViewColumn, export_view
from twindesk.exchange.cells import escape
from twindesk.exchange.view import sheet_title

COLUMNS = [
    ViewColumn("ID", "id"),
    ViewColumn("Partner", "text"),
    ViewColumn("Population", "int"),
    ViewColumn("Budget", "money"),
    ViewColumn("Quantity", "quantity"),
    ViewColumn("Start", "date"),
    ViewColumn("Changed", "datetime"),
    ViewColumn("At", "time"),
    ViewColumn("Family name first", "bool"),
    ViewColumn("Year", "year"),
]


def _rows():
    texts = HOSTILE + ["\t=1", CONTROL, LONG_NOTE]
    return [(i, text, 1_000_000 + i, Decimal("1234.5"), Decimal("1000") if i % 2 else Decimal("2.25"),
             date(2024, 5, 1), datetime(2024, 5, 1, 9, 30), time(9, 30), bool(i % 2), 1995)
            for i, text in enumerate(texts, start=1)]


def test_the_view_is_one_safe_sheet_with_the_list_layout(tmp_path):
    out = tmp_path / "view.xlsx"
    rows = _rows()
    report = export_view(out, COLUMNS, rows, sheet_name="Partners: 2024/05")
    wb = load_workbook(out)
    assert wb.sheetnames == ["Partners  2024 05"]
    ws = wb.worksheets[0]
    header = [c.value for c in ws[1]]
    assert header == ["ID", "Partner", "Partner (continued 2)"] + [c.header for c in COLUMNS[2:]]
    assert all(c.font.b for c in ws[1])
    assert ws.freeze_panes == "A2"
    assert ws.auto_filter.ref == f"A1:K{len(rows) + 1}"
    for letter, text in zip("ABCDEFGHIJK", header, strict=True):
        assert ws.column_dimensions[letter].width >= len(text)

    for n, row in enumerate(rows, start=2):
        cells = {h: ws.cell(n, i + 1) for i, h in enumerate(header)}
        partner = cells["Partner"]
        assert partner.data_type == "s"
        expected = escape(row[1]).replace(CONTROL, CONTROL_WRITTEN)
        if row[1] == LONG_NOTE:
            assert partner.value + cells["Partner (continued 2)"].value == LONG_NOTE
        else:
            assert partner.value == expected and cells["Partner (continued 2)"].value is None
        assert (cells["Population"].value, cells["Population"].number_format) == (row[2], "#,##0")
        assert (cells["Budget"].value, cells["Budget"].number_format) == (1234.5, "#,##0.00")
        assert cells["Quantity"].number_format == ("#,##0" if row[0] % 2 else "#,##0.###")
        assert (cells["Start"].value, cells["Start"].number_format) == (datetime(2024, 5, 1), "yyyy-mm-dd")
        assert cells["Changed"].number_format == "yyyy-mm-dd hh:mm"
        assert (cells["At"].value, cells["At"].number_format) == (time(9, 30), "hh:mm")
        assert cells["Family name first"].value == ("Yes" if row[0] % 2 else "No")
        assert (cells["Year"].value, cells["Year"].number_format) == (1995, "General")
        assert all(c.data_type not in ("f", "e") for c in cells.values())
    tab = next(n for n, row in enumerate(rows, start=2) if row[1] == "\t=1")
    assert ws.cell(tab, 2).value == "\t=1"

    control_row = next(n for n, row in enumerate(rows, start=2) if row[1] == CONTROL)
    long_row = next(n for n, row in enumerate(rows, start=2) if row[1] == LONG_NOTE)
    assert [(w.sheet, w.row, w.column) for w in report.warnings] == [
        ("Partners  2024 05", control_row, "Partner"), ("Partners  2024 05", long_row, "Partner")]
    assert report.rows == {"Partners  2024 05": len(rows)}
    assert report.warnings[0].text("zh_CN").startswith(
        f"工作表“Partners  2024 05”，第 {control_row} 行，“Partner”列：4 个工作簿无法保存的字符（U+0007, U+0000")


def test_hxl_tags_make_a_second_frozen_row(tmp_path):
    out = tmp_path / "view.xlsx"
    columns = [ViewColumn("ID", "id", "#meta+id"), ViewColumn("Country", "text", "#country+code")]
    export_view(out, columns, [(1, "JP"), (2, "KR")], sheet_name="Partners")
    ws = load_workbook(out).active
    assert [c.value for c in ws[2]] == ["#meta+id", "#country+code"]
    assert ws.freeze_panes == "A3" and ws.auto_filter.ref == "A2:B4"


def test_sheet_names_excel_accepts():
    assert sheet_title("a/b\\c?d*e[f]g:h") == "a b c d e f g h"
    assert len(sheet_title("x" * 40)) == 31
    assert sheet_title("///") == "Export"


def test_a_cancelled_view_export_leaves_the_old_file(tmp_path):
    out = tmp_path / "view.xlsx"
    out.write_bytes(b"previous")
    progress = Progress()
    progress.cancel()
    with pytest.raises(Cancelled):
        export_view(out, COLUMNS, _rows() * 200, progress=progress, replace=True)
    assert out.read_bytes() == b"previous" and sorted(p.name for p in tmp_path.iterdir()) == ["view.xlsx"]


def test_text_where_a_number_belongs_is_still_text(tmp_path):
    out = tmp_path / "view.xlsx"
    columns = [ViewColumn("ID", "id"), ViewColumn("Day", "date"), ViewColumn("Value", "money")]
    export_view(out, columns, [("=1+2", "#N/A", "@SUM(A1)")])
    row = load_workbook(out).active[2]
    assert [(c.value, c.data_type) for c in row] == [("=1+2", "s"), ("#N/A", "s"), ("@SUM(A1)", "s")]
