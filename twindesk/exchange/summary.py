"""The Summary sheet, first in the meeting workbook: counts by status and by country, aid in and out by
year and by currency, and two charts. Derived from the records (`domain.insights`), so the import skips it.

The top of the sheet is a one-page A4 handout (docs/architecture.md, "How a workbook prints"): tables in
two columns of blocks, each heading on the row above its table, then the charts, printed portrait and fit
to one page. A list too long for the handout (the countries, the years) shows its first rows there, the
rest summed in one row; the complete tables follow below the handout, on the sheet but not printed.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime

from openpyxl.cell import Cell, WriteOnlyCell

from twindesk.domain.model import countries
from twindesk.domain.model import vocabulary as v
from twindesk.domain.queries import insights
from twindesk.exchange import print_charts, print_setup
from twindesk.exchange.cells import replace_illegal, text_cell
from twindesk.exchange.workbook_layout import HEADER_FILL, HEADER_FONT, TITLE_FONT, PageInfo

_TEXT = {
    "title": ("TwinDesk: partners, visits and aid", "TwinDesk：友好城市、出访来访与援助物资"),
    "exported": ("Exported", "导出时间"),
    "partnerships": ("Partnerships by status", "友好关系（按状态）"),
    "visits": ("Visits by status", "出访来访（按状态）"),
    "shipments": ("Aid shipments by status", "援助物资（按状态）"),
    "countries": ("Partners by country", "友好伙伴（按国家）"),
    "aid_count": ("Aid shipments by year (not cancelled)", "援助批次（按年份，不含已取消）"),
    "aid_currency": ("Aid value by currency (not cancelled)", "援助金额（按币种，不含已取消）"),
    "aid_value": ("Aid value by year and currency (not cancelled)", "援助金额（按年份和币种，不含已取消）"),
    "complete": ("Complete tables (the handout above shows the first rows)", "完整数据（上方的一页摘要只列出前几行）"),
    "status": ("Status", "状态"),
    "count": ("Count", "数量"),
    "country": ("Country", "国家"),
    "code": ("Code", "代码"),
    "partners": ("Partners", "友好伙伴"),
    "year": ("Year", "年份"),
    "currency": ("Currency", "币种"),
    "no_date": ("no date", "无日期"),
    "earlier": ("earlier", "更早"),
    "other_countries": ("other countries", "其他国家"),
    "other_currencies": ("other currencies", "其他币种"),
}
# Two blocks side by side (A–C, E–G) with a narrow gap; 95 units, 499 pt: A4 portrait at full size.
WIDTHS = {"A": 24, "B": 16, "C": 9, "D": 2, "E": 22, "F": 11, "G": 11}
LEFT, RIGHT, COLUMNS = 0, 4, 7
HANDOUT_ROWS = 10  # rows of a list shown on the handout; the rest summed in one row
CHART_ROWS = 16
COUNT, MONEY = "#,##0", "#,##0.00"


def _t(key: str, lang: str) -> str:
    en, zh = _TEXT[key]
    return zh if lang.startswith("zh") else en


@dataclass
class Table:
    title: str
    header: list[str]
    rows: list[tuple]
    formats: tuple = ()
    top: int = 0  # the sheet row of its heading, once placed


@dataclass
class _Grid:
    """The sheet's rows as they will be written (write-only: row by row, top to bottom)."""

    ws: object
    rows: list[list] = field(default_factory=list)

    def cell(self, value, font=None, fill=None, number_format=None):
        if isinstance(value, str):  # a code or a name from the records: text, whatever it holds
            value = text_cell(self.ws, replace_illegal(value)[0]) if value else None
        if value is None or not (font or fill or number_format):
            return value
        cell = value if isinstance(value, Cell) else WriteOnlyCell(self.ws, value)
        if font:
            cell.font = font
        if fill:
            cell.fill = fill
        if number_format:
            cell.number_format = number_format
        return cell

    def put(self, row: int, column: int, value) -> None:
        while len(self.rows) < row:
            self.rows.append([None] * COLUMNS)
        self.rows[row - 1][column] = value

    def table(self, t: Table, row: int, column: int) -> int:
        """Place `t` with its heading at `row`; return the row after it."""
        t.top = row
        self.put(row, column, self.cell(t.title, HEADER_FONT))
        for i, text in enumerate(t.header):
            self.put(row + 1, column + i, self.cell(text, HEADER_FONT, HEADER_FILL))
        for n, values in enumerate(t.rows, start=row + 2):
            for i, value in enumerate(values):
                fmt = t.formats[i] if i < len(t.formats) and not isinstance(value, str) else None
                self.put(n, column + i, self.cell(value, number_format=fmt))
        return row + 2 + len(t.rows)

    def side_by_side(self, left: Table, right: Table | None, row: int) -> int:
        """Both tables from `row`; the row after the taller one and a blank row."""
        end = self.table(left, row, LEFT)
        if right is not None:
            end = max(end, self.table(right, row, RIGHT))
        return end + 1


def _status_table(title: str, counts: dict[str, int], vocabulary: v.Vocabulary, lang: str) -> Table:
    codes = list(vocabulary.codes) + [c for c in counts if c not in vocabulary]
    return Table(title, [_t("status", lang), _t("count", lang)],
                 [(vocabulary.label(code, lang), counts.get(code, 0)) for code in codes], (None, COUNT))


def _first_rows(rows: list[tuple], other: tuple, sums: range) -> list[tuple]:
    """The first HANDOUT_ROWS of `rows`, the rest summed (the columns `sums`) into the row `other`."""
    if len(rows) <= HANDOUT_ROWS + 1:
        return rows
    rest = rows[HANDOUT_ROWS:]
    summed = list(other)
    for i in sums:
        summed[i] = sum(r[i] or 0 for r in rest) or None
    return rows[:HANDOUT_ROWS] + [tuple(summed)]


def _country_tables(lang: str) -> tuple[Table, Table]:
    rows = [(countries.country_name(code, lang), code, n) for code, n in
            insights.partner_counts_by_country().items()]
    header = [_t("country", lang), _t("code", lang), _t("partners", lang)]
    shown = _first_rows(rows, (_t("other_countries", lang), None, 0), range(2, 3))
    formats = (None, None, COUNT)
    return Table(_t("countries", lang), header, shown, formats), Table(_t("countries", lang), header, rows, formats)


def _year_tables(lang: str, incoming: str, outgoing: str) -> tuple[Table, Table]:
    counts: dict = defaultdict(dict)
    for row in insights.aid_shipment_counts():
        counts[row["year"]][row["direction"]] = row["shipments"]
    years = sorted(counts, key=lambda y: (y is None, y or 0))
    rows = [(year if year is not None else _t("no_date", lang), counts[year].get("incoming", 0),
             counts[year].get("outgoing", 0)) for year in years]
    dated = [r for r, y in zip(rows, years, strict=True) if y is not None]
    undated = [r for r, y in zip(rows, years, strict=True) if y is None]
    shown = rows
    if len(dated) > HANDOUT_ROWS + 1:  # the latest years; the earlier ones summed in the first row
        earlier = dated[:-HANDOUT_ROWS]
        shown = [(_t("earlier", lang), sum(r[1] for r in earlier), sum(r[2] for r in earlier))]
        shown += dated[-HANDOUT_ROWS:] + undated
    header, formats = [_t("year", lang), incoming, outgoing], (None, COUNT, COUNT)
    return (Table(_t("aid_count", lang), header, shown, formats),
            Table(_t("aid_count", lang), header, rows, formats))


def _value_tables(lang: str, incoming: str, outgoing: str) -> tuple[Table, Table]:
    values: dict = defaultdict(dict)
    by_currency: dict = defaultdict(lambda: defaultdict(int))
    for row in insights.aid_totals(("year", "direction")):
        values[(row["year"], row["currency"])][row["direction"]] = row["value"]
        if row["value"] is not None:
            by_currency[row["currency"]][row["direction"]] += row["value"]
    no_date = _t("no_date", lang)
    rows = [(year if year is not None else no_date, currency, amounts.get("incoming"), amounts.get("outgoing"))
            for (year, currency), amounts in sorted(values.items(), key=lambda kv: (
                kv[0][0] is None, kv[0][0] or 0, kv[0][1] or ""))]
    totals = sorted(by_currency.items(), key=lambda kv: -sum(kv[1].values()))
    currency_rows = [(c or "", t.get("incoming") or None, t.get("outgoing") or None) for c, t in totals]
    currency_rows = _first_rows(currency_rows, (_t("other_currencies", lang), None, None), range(1, 3))
    return (Table(_t("aid_currency", lang), [_t("currency", lang), incoming, outgoing], currency_rows,
                  (None, MONEY, MONEY)),
            Table(_t("aid_value", lang), [_t("year", lang), _t("currency", lang), incoming, outgoing], rows,
                  (None, None, MONEY, MONEY)))


def write_summary(wb, lang: str, title: str, exported_at: datetime, page: PageInfo | None = None) -> None:
    ws = wb.create_sheet(title)
    for letter, width in WIDTHS.items():
        ws.column_dimensions[letter].width = width
    ws.row_dimensions[1].height = 21  # the 14-point title (LibreOffice does not grow a row on opening)
    grid = _Grid(ws)
    grid.put(1, 0, grid.cell(_t("title", lang), TITLE_FONT))
    grid.put(2, 0, grid.cell(_t("exported", lang)))
    grid.put(2, 1, grid.cell(exported_at, number_format="yyyy-mm-dd hh:mm"))
    statuses = insights.status_counts()
    incoming = v.SHIPMENT_DIRECTIONS.label("incoming", lang)
    outgoing = v.SHIPMENT_DIRECTIONS.label("outgoing", lang)
    years, all_years = _year_tables(lang, incoming, outgoing)
    by_country, all_countries = _country_tables(lang)
    currencies, values = _value_tables(lang, incoming, outgoing)
    row = grid.side_by_side(
        _status_table(_t("partnerships", lang), statuses["partnerships"], v.PARTNERSHIP_STATUSES, lang),
        _status_table(_t("visits", lang), statuses["visits"], v.VISIT_STATUSES, lang), 4)
    row = grid.side_by_side(
        _status_table(_t("shipments", lang), statuses["shipments"], v.SHIPMENT_STATUSES, lang), years, row)
    row = grid.side_by_side(by_country, currencies, row)
    charts_at, handout_end = row, row + CHART_ROWS - 1
    print_charts.add_charts(ws, years, by_country, row=charts_at, rows=CHART_ROWS,
                            widths=list(WIDTHS.values()), left=LEFT, right=RIGHT)
    row = handout_end + 3
    complete = [t for t, shown in ((all_countries, by_country), (all_years, years)) if t.rows != shown.rows]
    grid.put(row, 0, grid.cell(_t("complete", lang), HEADER_FONT))
    for table in complete + [values]:
        row = grid.table(table, row + 2, LEFT)
    if page is not None:
        print_setup.set_up_page(ws, title=title, lang=page.lang, marking=page.marking, exported=page.exported,
                                orientation="portrait")
    # Before the first row: a write-only sheet writes its properties (fit to page) with it.
    print_setup.set_scale(ws, print_setup.PrintScale(True, 100), tall=False)  # one page
    ws.print_area = f"A1:G{handout_end}"
    for cells in grid.rows:
        ws.append(cells)
