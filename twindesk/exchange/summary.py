"""The Summary sheet, first in the meeting workbook: counts by status and by country, aid in and out by
year. Derived from the records (`domain.insights`), so the import skips it."""

from datetime import datetime

from openpyxl.cell import WriteOnlyCell

from twindesk.domain.model import countries
from twindesk.domain.model import vocabulary as v
from twindesk.domain.queries import insights
from twindesk.exchange.cells import replace_illegal, text_cell
from twindesk.exchange.workbook_layout import HEADER_FILL, HEADER_FONT, TITLE_FONT

_TEXT = {
    "title": ("TwinDesk: partners, visits and aid", "TwinDesk：友好城市、出访来访与援助物资"),
    "exported": ("Exported", "导出时间"),
    "partnerships": ("Partnerships by status", "友好关系（按状态）"),
    "visits": ("Visits by status", "出访来访（按状态）"),
    "shipments": ("Aid shipments by status", "援助物资（按状态）"),
    "countries": ("Partners by country", "友好伙伴（按国家）"),
    "aid_count": ("Aid shipments by year (not cancelled)", "援助批次（按年份，不含已取消）"),
    "aid_value": ("Aid value by year and currency (not cancelled)", "援助金额（按年份和币种，不含已取消）"),
    "status": ("Status", "状态"),
    "count": ("Count", "数量"),
    "country": ("Country", "国家"),
    "code": ("Code", "代码"),
    "partners": ("Partners", "友好伙伴"),
    "year": ("Year", "年份"),
    "currency": ("Currency", "币种"),
    "no_date": ("no date", "无日期"),
}
WIDTHS = {"A": 40, "B": 16, "C": 16, "D": 16}


def _t(key: str, lang: str) -> str:
    en, zh = _TEXT[key]
    return zh if lang.startswith("zh") else en


class _Sheet:
    def __init__(self, ws):
        self.ws = ws

    def styled(self, value, font=None, fill=None, number_format=None):
        cell = WriteOnlyCell(self.ws, value)
        if font:
            cell.font = font
        if fill:
            cell.fill = fill
        if number_format:
            cell.number_format = number_format
        return cell

    def heading(self, text: str, columns: list[str]) -> None:
        self.ws.append([])
        self.ws.append([self.styled(text, HEADER_FONT)])
        self.ws.append([self.styled(c, HEADER_FONT, HEADER_FILL) for c in columns])

    def row(self, *values, formats=()) -> None:
        out = []
        for value, fmt in zip(values, list(formats) + [None] * len(values), strict=False):
            if isinstance(value, str):  # a code or a name from the records: text, whatever it holds
                value = text_cell(self.ws, replace_illegal(value)[0]) if value else None
            elif fmt and value is not None:
                value = self.styled(value, number_format=fmt)
            out.append(value)
        self.ws.append(out)


def _status_table(sheet: _Sheet, title: str, counts: dict[str, int], vocabulary: v.Vocabulary,
                  lang: str) -> None:
    sheet.heading(title, [_t("status", lang), _t("count", lang)])
    codes = list(vocabulary.codes) + [c for c in counts if c not in vocabulary]
    for code in codes:
        sheet.row(vocabulary.label(code, lang), counts.get(code, 0), formats=(None, "#,##0"))


def _aid_tables(sheet: _Sheet, lang: str) -> None:
    incoming = v.SHIPMENT_DIRECTIONS.label("incoming", lang)
    outgoing = v.SHIPMENT_DIRECTIONS.label("outgoing", lang)
    no_date = _t("no_date", lang)
    counts: dict = {}
    for row in insights.aid_shipment_counts():
        counts.setdefault(row["year"], {})[row["direction"]] = row["shipments"]
    sheet.heading(_t("aid_count", lang), [_t("year", lang), incoming, outgoing])
    for year in sorted(counts, key=lambda y: (y is None, y or 0)):
        sheet.row(year if year is not None else no_date, counts[year].get("incoming", 0),
                  counts[year].get("outgoing", 0), formats=(None, "#,##0", "#,##0"))
    values: dict = {}
    for row in insights.aid_totals(("year", "direction")):
        values.setdefault((row["year"], row["currency"]), {})[row["direction"]] = row["value"]
    sheet.heading(_t("aid_value", lang), [_t("year", lang), _t("currency", lang), incoming, outgoing])
    for (year, currency) in sorted(values, key=lambda k: (k[0] is None, k[0] or 0, k[1] or "")):
        amounts = values[(year, currency)]
        sheet.row(year if year is not None else no_date, currency, amounts.get("incoming"),
                  amounts.get("outgoing"), formats=(None, None, "#,##0.00", "#,##0.00"))


def write_summary(wb, lang: str, title: str, exported_at: datetime) -> None:
    ws = wb.create_sheet(title)
    for letter, width in WIDTHS.items():
        ws.column_dimensions[letter].width = width
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    sheet = _Sheet(ws)
    ws.append([sheet.styled(_t("title", lang), TITLE_FONT)])
    ws.append([_t("exported", lang), sheet.styled(exported_at, number_format="yyyy-mm-dd hh:mm")])
    statuses = insights.status_counts()
    _status_table(sheet, _t("partnerships", lang), statuses["partnerships"], v.PARTNERSHIP_STATUSES, lang)
    _status_table(sheet, _t("visits", lang), statuses["visits"], v.VISIT_STATUSES, lang)
    _status_table(sheet, _t("shipments", lang), statuses["shipments"], v.SHIPMENT_STATUSES, lang)
    sheet.heading(_t("countries", lang), [_t("country", lang), _t("code", lang), _t("partners", lang)])
    for code, n in insights.partner_counts_by_country().items():
        sheet.row(countries.country_name(code, lang), code, n, formats=(None, None, "#,##0"))
    _aid_tables(sheet, lang)
