"""How a sheet prints (docs/architecture.md, "How a workbook prints"): A4, the header row repeated on every
page, a header and footer (the sheet's title, the marking, the date of the export, "page X of Y" in the
workbook's language), and a print scale that keeps 11-point text at 8 points or more.

Widths are Excel's units: a stored column width w is 7w pixels of Calibri 11 at 96 dpi, 5.25w points.
LibreOffice without Carlito (Calibri's metric twin) draws Calibri as DejaVu Sans, whose digits are wider
(measured on LibreOffice 7.4: a width-20 column is 140 pt, not 105; and columns that fit a page at 97.8%
in Excel's metrics it fits at 71%, its zoom rounded down: 1.38 times); a reader's own "fit to page" then
shrinks by that much more. So a sheet is fit to one page wide only when its printed columns fit at
MIN_SCALE × WIDEST_SUBSTITUTE (full size) or more in Excel's metrics; otherwise it prints at an explicit
scale of at least MIN_SCALE, as many pages across as it needs.
"""

from dataclasses import dataclass
from datetime import date

from openpyxl.worksheet.page import PageMargins

from twindesk.exchange.cells import replace_illegal

A4 = 9  # ECMA-376 paper size code
POINTS_PER_WIDTH = 5.25  # 7 pixels of Calibri 11 a width unit, at 0.75 point a pixel
BODY_POINTS, SMALLEST_POINTS = 11, 8
MIN_SCALE = 0.73  # 11 pt × 0.73 = 8.03 pt
WIDEST_SUBSTITUTE = 1.38  # DejaVu Sans for Calibri in LibreOffice, see above
FIT_SCALE = 1.01  # MIN_SCALE × WIDEST_SUBSTITUTE, rounded up: fitting to the width never prints below 8 pt
PAGE_POINTS = {"landscape": (841.89, 595.28), "portrait": (595.28, 841.89)}
SIDE_MARGIN, TOP_MARGIN, HEADER_MARGIN = 0.5, 0.75, 0.3  # inches
MARKING_CHARACTERS = 40  # Excel holds 255 characters per header, codes included

_TEXT = {
    "exported": ("Exported {date}", "导出日期：{date}"),
    "page": ("Page &P of &N", "第 &P 页，共 &N 页"),
}


def printable_width(orientation: str) -> float:
    """Points across the page inside the side margins."""
    return PAGE_POINTS[orientation][0] - 2 * SIDE_MARGIN * 72


def width_points(widths) -> float:
    return sum(widths) * POINTS_PER_WIDTH


@dataclass(frozen=True)
class PrintScale:
    fit_width: bool  # fit to one page wide (the reader picks the scale, never below 8 pt)
    scale: int  # percent, when not fit to the width


def print_scale(widths, orientation: str = "landscape") -> PrintScale:
    """Fit to the width when the columns `widths` fit at FIT_SCALE or more, else an explicit scale."""
    needed = printable_width(orientation) / max(width_points(widths), 1)
    if needed >= FIT_SCALE:
        return PrintScale(True, 100)
    return PrintScale(False, max(int(MIN_SCALE * 100), min(100, int(needed * 100))))


def columns_that_fit(widths, fixed: float = 0.0, orientation: str = "landscape") -> int:
    """How many of `widths` (in order) print beside `fixed` width units at FIT_SCALE or more; at least one."""
    room = printable_width(orientation) / FIT_SCALE / POINTS_PER_WIDTH - fixed
    total, count = 0.0, 0
    for width in widths:
        total += width
        if total > room:
            break
        count += 1
    return max(count, 1)


def header_text(text: str, limit: int | None = None) -> str:
    """`text` as a header or footer prints it literally: one line, no control characters, "&" doubled
    (a typed "&P" is not the page number)."""
    text = " ".join(replace_illegal(text)[0].split())
    if limit is not None and len(text) > limit:
        text = text[:limit - 1] + "…"
    return text.replace("&", "&&")


def long_date(day: date, lang: str) -> str:
    return f"{day.year}年{day.month}月{day.day}日" if lang.startswith("zh") else day.isoformat()


def _t(key: str, lang: str) -> str:
    return _TEXT[key][1 if lang.startswith("zh") else 0]


def set_up_page(ws, *, title: str, lang: str, marking: str, exported: date, orientation: str) -> None:
    """A4 in `orientation`, margins, and the header and footer of every page."""
    ws.page_setup.paperSize = A4
    ws.page_setup.orientation = orientation
    ws.page_setup.pageOrder = "overThenDown"  # a row's columns on consecutive pages
    ws.page_margins = PageMargins(left=SIDE_MARGIN, right=SIDE_MARGIN, top=TOP_MARGIN, bottom=TOP_MARGIN,
                                  header=HEADER_MARGIN, footer=HEADER_MARGIN)
    ws.print_options.horizontalCentered = False
    bold = "-,Bold"  # the sheet's font, bold (Excel's &"-,Bold")
    ws.oddHeader.left.text, ws.oddHeader.left.font = header_text(title), bold
    if marking.strip():
        ws.oddHeader.right.text = header_text(marking, MARKING_CHARACTERS)
        ws.oddHeader.right.font = bold
    ws.oddFooter.left.text = header_text(_t("exported", lang).format(date=long_date(exported, lang)))
    ws.oddFooter.right.text = _t("page", lang)  # codes, not typed text: not escaped


def set_scale(ws, scale: PrintScale, *, tall: bool) -> None:
    """Fit to one page wide (and as many down as needed, or one page when not `tall`), or `scale.scale`%."""
    if scale.fit_width:
        ws.sheet_properties.pageSetUpPr.fitToPage = True
        ws.page_setup.fitToWidth = 1
        ws.page_setup.fitToHeight = 0 if tall else 1
    else:
        ws.sheet_properties.pageSetUpPr.fitToPage = False
        ws.page_setup.scale = scale.scale
