"""The Summary's two charts, real Excel charts (openpyxl.chart) over the numbers of the handout's tables,
so Excel and LibreOffice draw them and they follow the cells: aid shipments by year and direction
(columns, incoming and outgoing side by side), and partners by country (bars, the most first).

Sizes are in centimetres: a width unit is 7 pixels, a default row 20 pixels, at 96 pixels an inch.
"""

from openpyxl.chart import BarChart, Reference
from openpyxl.chart.text import RichText, Text
from openpyxl.chart.title import Title
from openpyxl.drawing.text import CharacterProperties, Paragraph, ParagraphProperties, RegularTextRun

CM_PER_PIXEL = 2.54 / 96
ROW_PIXELS, WIDTH_PIXELS = 20, 7
GAP_PIXELS = 6  # inside the cells the chart covers, so it never touches the next block
# Points: as the cells, so that the handout fit to its page (78% in LibreOffice drawing Calibri as DejaVu
# Sans) keeps every label at 8 points or more.
TITLE_POINTS, LABEL_POINTS = 12, 11


def _text(size: int, bold: bool = False) -> RichText:
    """Text properties at `size` points (the chart's labels and legend)."""
    props = CharacterProperties(sz=size * 100, b=bold)
    return RichText(p=[Paragraph(pPr=ParagraphProperties(defRPr=props), endParaRPr=props)])


def _title(text: str) -> Title:
    props = CharacterProperties(sz=TITLE_POINTS * 100, b=True)
    paragraph = Paragraph(pPr=ParagraphProperties(defRPr=props), r=[RegularTextRun(rPr=props, t=text)])
    return Title(tx=Text(rich=RichText(p=[paragraph])), overlay=False)


def _readable(chart: BarChart, title: str) -> None:
    chart.title = _title(title)
    chart.x_axis.delete = chart.y_axis.delete = False  # openpyxl 3.1 hides both axes unless told
    chart.x_axis.txPr = chart.y_axis.txPr = _text(LABEL_POINTS)
    chart.y_axis.majorGridlines = None
    chart.y_axis.numFmt = "#,##0"
    if chart.legend is not None:
        chart.legend.txPr = _text(LABEL_POINTS)


def _size(chart: BarChart, widths: list[float], rows: int) -> None:
    chart.width = (sum(widths) * WIDTH_PIXELS - GAP_PIXELS) * CM_PER_PIXEL
    chart.height = (rows * ROW_PIXELS - GAP_PIXELS) * CM_PER_PIXEL


def _cell(row: int, column: int) -> str:
    return f"{chr(ord('A') + column)}{row}"


def aid_by_year(ws, table, column: int) -> BarChart:
    """Columns per year, a series per direction (the table's second and third columns)."""
    chart = BarChart()
    chart.type, chart.grouping = "col", "clustered"
    header, last = table.top + 1, table.top + 1 + len(table.rows)
    chart.add_data(Reference(ws, min_col=column + 2, max_col=column + 3, min_row=header, max_row=last),
                   titles_from_data=True)
    chart.set_categories(Reference(ws, min_col=column + 1, min_row=header + 1, max_row=last))
    chart.legend.position = "b"
    _readable(chart, table.title)
    return chart


def partners_by_country(ws, table, column: int) -> BarChart:
    """A bar per country (the table's first column), as long as its partners (the third)."""
    chart = BarChart()
    chart.type = "bar"
    header, last = table.top + 1, table.top + 1 + len(table.rows)
    chart.add_data(Reference(ws, min_col=column + 3, min_row=header, max_row=last), titles_from_data=True)
    chart.set_categories(Reference(ws, min_col=column + 1, min_row=header + 1, max_row=last))
    chart.legend = None
    chart.x_axis.scaling.orientation = "maxMin"  # the first row (the most partners) at the top
    _readable(chart, table.title)
    return chart


def add_charts(ws, years, by_country, *, row: int, rows: int, widths: list[float], left: int,
               right: int) -> None:
    """The two charts side by side from `row`, `rows` tall: aid by year over the left block's columns,
    partners by country over the right block's. `years` and `by_country` are placed tables (Table.top)."""
    first = aid_by_year(ws, years, right)
    _size(first, widths[left:right - 1], rows)
    ws.add_chart(first, _cell(row, left))
    second = partners_by_country(ws, by_country, left)
    _size(second, widths[right:], rows)
    ws.add_chart(second, _cell(row, right))
