"""Workbooks that print (docs/architecture.md, "How a workbook prints"), read back with openpyxl: A4,
lists landscape with the header row (and HXL row) repeated, the ID repeated at the left and a print area
over the main columns at a readable scale; a header and footer with the title, marking, date and "page X
of Y" in the workbook's language; top-aligned cells; the Summary a one-page portrait handout with two
real charts over numbers on the sheet."""

from datetime import date, datetime
from decimal import Decimal

import pytest
from conftest import fill_everything
from exchange_support import HOSTILE
from openpyxl import load_workbook
from openpyxl.chart import BarChart
from openpyxl.utils import column_index_from_string, range_boundaries

from twindesk import cli
from twindesk.domain import demo, workspace
from twindesk.exchange import ViewColumn, export_view, export_workbook
from twindesk.exchange import print_setup as ps
from twindesk.exchange.columns import DOCUMENT_SHEET, SHEETS
from twindesk.exchange.print_columns import MAIN

NOW = datetime(2026, 3, 9, 10, 30)
PAGE = {"en": "Page &P of &N", "zh_CN": "第 &P 页，共 &N 页"}
EXPORTED = {"en": "Exported 2026-03-09", "zh_CN": "导出日期：2026年3月9日"}


@pytest.fixture(scope="module")
def demo_db(module_targets):
    path = module_targets.new("demo.db")
    workspace.open_workspace(path, take_backups=False)
    try:
        demo.write_demo()
    finally:
        workspace.close()
    return path


def _export(db, out, **kwargs):
    workspace.open_workspace(db, read_only=True)
    try:
        export_workbook(out, now=NOW, **kwargs)
    finally:
        workspace.close()
    return load_workbook(out)


@pytest.fixture(scope="module", params=["en", "zh_CN"])
def book(request, demo_db, tmp_path_factory):
    lang = request.param
    out = tmp_path_factory.mktemp(lang) / "w.xlsx"
    return lang, _export(demo_db, out, lang=lang, hxl=lang == "zh_CN", marking="内部资料 R&D &P")


def _printed(ws) -> tuple[int, int, int]:
    """(first column, last column, last row) of the sheet's print area."""
    first, _, last, bottom = range_boundaries(ws.print_area.split("!")[-1].replace("$", ""))
    return first, last, bottom


def test_every_sheet_is_a4_with_a_header_and_footer_in_the_workbook_language(book):
    lang, wb = book
    for ws in wb.worksheets:
        assert ws.page_setup.paperSize == ps.A4, ws.title
        assert ws.page_setup.orientation == ("portrait" if ws is wb.worksheets[0] else "landscape"), ws.title
        assert (ws.oddHeader.left.text, ws.oddHeader.left.font) == (ws.title, "-,Bold")
        # Typed text prints as typed: "&" doubled, so "&P" is not a page number.
        assert ws.oddHeader.right.text == "内部资料 R&&D &&P", ws.title
        assert ws.oddFooter.left.text == EXPORTED[lang], ws.title
        assert ws.oddFooter.right.text == PAGE[lang], ws.title
        assert ws.page_margins.left == ws.page_margins.right == ps.SIDE_MARGIN


def test_lists_repeat_their_header_rows_and_the_id_and_print_their_main_columns_readably(book):
    lang, wb = book
    header_rows = 2 if lang == "zh_CN" else 1  # the Chinese workbook has the HXL row
    for ws in wb.worksheets[1:]:
        assert ws.print_title_rows == f"$1:${header_rows}" and ws.print_title_cols == "$A:$A", ws.title
        first, last, bottom = _printed(ws)
        assert first == column_index_from_string("D") and bottom == ws.max_row, ws.title
        sheet = next(s for s in (*SHEETS.values(), DOCUMENT_SHEET) if s.name(lang) == ws.title)
        headers = [c.value for c in ws[1]]
        assert headers[:3] == [sheet.column(f).header(lang) for f in ("id", "uuid", "version")]
        main = [next(c for c in sheet.columns if c.key == key).header(lang) for key in MAIN[sheet.kind]]
        assert headers[first - 1:last] == main[:last - first + 1], ws.title  # the main ones, in order
        assert sorted(headers) == sorted(c.header(lang) for c in sheet.columns), ws.title  # none lost
        widths = [ws.column_dimensions[c.column_letter].width for c in ws[1]]
        printed = widths[first - 1:last] + widths[:1]
        # Fit to one page wide, and the columns fit at FIT_SCALE: never below 8 points.
        assert ps.width_points(printed) * ps.FIT_SCALE <= ps.printable_width("landscape"), ws.title
        assert ps.BODY_POINTS * ps.FIT_SCALE / ps.WIDEST_SUBSTITUTE >= ps.SMALLEST_POINTS
        assert ws.sheet_properties.pageSetUpPr.fitToPage, ws.title
        assert (ws.page_setup.fitToWidth, ws.page_setup.fitToHeight) == (1, 0), ws.title


def test_every_cell_is_top_aligned_and_long_texts_wrap(book):
    lang, wb = book
    for ws in wb.worksheets[1:]:
        for row in ws.iter_rows(min_row=2, max_row=min(ws.max_row, 6)):
            for cell in row:
                if cell.value is not None:
                    assert cell.alignment.vertical == "top", (ws.title, cell.coordinate, cell.value)
    notes = [c for c in wb.worksheets[1][1] if c.value in ("Notes", "备注")][0]
    data = wb.worksheets[1].iter_rows(min_row=3 if lang == "zh_CN" else 2)  # under the HXL row in Chinese
    wrapped = [r[notes.column - 1] for r in data if r[notes.column - 1].value]
    assert wrapped and all(c.alignment.wrap_text for c in wrapped)


def test_the_summary_is_a_one_page_portrait_handout_with_two_real_charts(book):
    lang, wb = book
    ws = wb.worksheets[0]
    first, last, bottom = _printed(ws)
    assert (first, last) == (1, 7) and ws.sheet_properties.pageSetUpPr.fitToPage
    assert (ws.page_setup.fitToWidth, ws.page_setup.fitToHeight) == (1, 1)
    widths = [ws.column_dimensions[letter].width for letter in "ABCDEFG"]
    assert ps.width_points(widths) <= ps.printable_width("portrait")  # full size in Excel's metrics
    charts = ws._charts
    assert [(type(c), c.type) for c in charts] == [(BarChart, "col"), (BarChart, "bar")]
    years, countries = charts
    assert len(years.series) == 2 and len(countries.series) == 1
    tops = []
    for chart in charts:
        assert chart.anchor._from.row + 1 + 10 < bottom, "the chart is inside the printed handout"
        for series in chart.series:
            column, top, _, end = range_boundaries(series.val.numRef.f.split("!")[1].replace("$", ""))
            values = [ws.cell(r, column).value for r in range(top, end + 1)]
            assert values and all(isinstance(v, int) for v in values), (series.val.numRef.f, values)
            label = series.cat.strRef.f if series.cat.strRef is not None else series.cat.numRef.f
            categories = range_boundaries(label.split("!")[1].replace("$", ""))
            assert (categories[1], categories[3]) == (top, end)
        tops.append(top)
    # Each chart's table has its heading two rows above its first value, the column headers between.
    assert ws.cell(tops[0] - 2, 5).value in ("Aid shipments by year (not cancelled)", "援助批次（按年份，不含已取消）")
    assert ws.cell(tops[1] - 2, 1).value in ("Partners by country", "友好伙伴（按国家）")
    assert ws.cell(years.anchor._from.row, 1).value is None  # a blank row between tables and charts


def test_a_long_list_shows_its_first_rows_on_the_handout_and_all_below(make, tmp_path):
    for n in range(14):
        for code in ("JP", "KR", "RU", "FR", "DE", "IT", "ES", "GR", "BR", "AR", "CL", "PE", "MX", "CA")[:n + 1]:
            make.partner(name_en=f"{code} {n}", country=code)
    out = tmp_path / "w.xlsx"
    export_workbook(out, now=NOW)
    ws = load_workbook(out).worksheets[0]
    rows = list(ws.iter_rows(values_only=True))
    _, _, bottom = _printed(ws)
    handout = next(i for i, r in enumerate(rows) if r[0] == "Partners by country")
    assert rows[handout + 2][:3] == ("Japan", "JP", 14)
    assert rows[handout + 12][:3] == ("other countries", None, 4 + 3 + 2 + 1)  # the 11th to the 14th
    complete = [i for i, r in enumerate(rows) if r[0] == "Partners by country"][1]
    assert complete + 1 > bottom and rows[complete + 15][:3] == ("Canada", "CA", 1)


def test_a_view_fits_one_page_wide_when_readable_else_prints_at_a_readable_scale(tmp_path):
    narrow = [ViewColumn("ID", "id"), ViewColumn("Name"), ViewColumn("Since", "date"),
              ViewColumn("Budget", "money")]
    rows = [(i, text, date(2024, 5, 1), Decimal("12.5")) for i, text in enumerate(HOSTILE, 1)]
    export_view(tmp_path / "n.xlsx", narrow, rows, sheet_name="Partners", lang="zh_CN", marking="秘密",
                today=date(2026, 3, 9))
    ws = load_workbook(tmp_path / "n.xlsx").active
    assert ws.page_setup.paperSize == ps.A4 and ws.page_setup.orientation == "landscape"
    assert ws.print_title_rows == "$1:$1" and _printed(ws) == (1, 4, len(rows) + 1)
    assert ws.sheet_properties.pageSetUpPr.fitToPage and ws.page_setup.fitToWidth == 1
    assert (ws.oddHeader.left.text, ws.oddHeader.right.text) == ("Partners", "秘密")
    assert (ws.oddFooter.left.text, ws.oddFooter.right.text) == (EXPORTED["zh_CN"], PAGE["zh_CN"])
    assert all(c.alignment.vertical == "top" for c in ws[2])

    wide = [ViewColumn("ID", "id")] + [ViewColumn(f"Column {n}") for n in range(12)]
    rows = [(1, *["a long enough text " * 4] * 12)]
    export_view(tmp_path / "w.xlsx", wide, rows, sheet_name="Wide")
    ws = load_workbook(tmp_path / "w.xlsx").active
    assert not ws.sheet_properties.pageSetUpPr.fitToPage  # a fit would print it too small
    assert ps.MIN_SCALE * 100 <= ws.page_setup.scale <= 100
    assert ws.oddHeader.right.text is None  # no marking unless one is chosen
    assert ws["B2"].alignment.wrap_text and ws["B2"].alignment.vertical == "top"


def test_the_scale_and_fit_rules():
    assert ps.print_scale([20] * 7) == ps.PrintScale(True, 100)  # 735 pt at full size: fits
    assert ps.print_scale([20] * 8).fit_width is False  # 840 pt: a fit would go below FIT_SCALE
    assert ps.print_scale([20] * 8).scale == 91
    assert ps.print_scale([50] * 12).scale == 73  # never below 8 points: more pages across instead
    assert ps.columns_that_fit([50, 50, 50, 50], fixed=6) == 2
    assert ps.header_text("a\x07b &P\n  c", 40) == "a\ufffdb &&P c"
    assert ps.header_text("x" * 50, 40) == "x" * 39 + "…"


def test_the_command_line_marking_reaches_every_page(make, db_target, tmp_path, capsys):
    fill_everything(make)
    workspace.close()
    out = tmp_path / "m.xlsx"
    assert cli.main(["--db", str(db_target), "export", str(out), "--marking", "Internal"]) == 0
    wb = load_workbook(out)
    assert {ws.oddHeader.right.text for ws in wb.worksheets} == {"Internal"}
    out2 = tmp_path / "none.xlsx"
    assert cli.main(["--db", str(db_target), "export", str(out2)]) == 0
    assert {ws.oddHeader.right.text for ws in load_workbook(out2).worksheets} == {None}
