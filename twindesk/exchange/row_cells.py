"""One sheet's rows as cells: numbers and dates as real numbers and dates with their formats, codes as
labels in the sheet's language, and every string through the text-safety rules of `cells`.

Warnings (a character replaced, a text split) are collected with sheet, row and column.
"""

from copy import copy
from dataclasses import dataclass
from datetime import datetime

from openpyxl.cell import Cell, WriteOnlyCell
from openpyxl.styles import Alignment, Font

from twindesk.domain.model.errors import UserError
from twindesk.domain.model.vocabulary import Vocabulary
from twindesk.exchange import cells
from twindesk.exchange.columns import continuation_header
from twindesk.exchange.report import CellIssue, issue
from twindesk.exchange.wording import say

FORMATS = {
    "int": "#,##0",
    "money": "#,##0.00",
    "time": "hh:mm",
    "datetime": "yyyy-mm-dd hh:mm",
}
QUANTITY_FORMATS = ("#,##0", "#,##0.###")  # whole quantities without a trailing decimal point
KIND_ALIASES = {"year": "plain_int", "decimal": "money", "longtext": "text", "country": "text",
                "name": "text", "ref": "id", "uuid": "text", "version": "plain_int"}
RAW = {"id", "plain_int", "float", "date"}  # openpyxl writes these right as they are
# Yes/No as words: LibreOffice shows a boolean cell as 1 or 0; the import reads these words back.
BOOL_LABELS = {"en": ("No", "Yes"), "zh": ("否", "是")}
WRAP = Alignment(wrap_text=True, vertical="top")  # top, as every other cell (workbook_file.save_workbook)
MUTED = Font(color="808080")  # a column carried for the import (the UUID), not for reading
LINE_HEIGHT = 15  # points, one line of 11-point text
MAX_LINES = 12  # taller rows make a list hard to read; the rest of the text is in the cell


@dataclass(frozen=True)
class OutColumn:
    kind: str  # id, plain_int, int, money, quantity, float, bool, date, datetime, time, code, text …
    header: str  # for warnings
    parts: int = 1  # columns a long text may take (the first one and its continuations)
    vocabulary: Vocabulary | None = None
    wrap: bool = False  # long texts wrap within the column instead of running across the next ones
    width: float = 0  # the column's width, for the height of a row with wrapped text
    muted: bool = False  # grey text (MUTED)
    most_lines: int = MAX_LINES  # the lines of it a row grows to; fewer for a column that does not print


class TooLongForColumns(UserError):
    """A text needs more continuation columns than the sheet has; nothing is cut, the export stops."""


class RowCells:
    def __init__(self, ws, sheet: str, columns: list[OutColumn], lang: str, warnings: list[CellIssue]):
        self.ws, self.sheet, self.lang, self.warnings = ws, sheet, lang, warnings
        self._convert = [self._converter(c) for c in columns]
        self._multi = [c.parts > 1 for c in columns]
        self._wrapped_columns = [(i, c.width, c.most_lines) for i, c in enumerate(columns) if c.wrap and c.width]
        template = WriteOnlyCell(ws)
        template.alignment = WRAP
        self._wrap_style = template._style  # copied into each wrapped cell: no alignment looked up per cell

    def append(self, values, row: int) -> None:
        """Write sheet row `row`, as tall as its wrapped texts need (spreadsheet programs do not all
        grow a row on their own when they open a file)."""
        lines = 1
        for i, width, most in self._wrapped_columns:
            value = values[i]
            # A short text on one line fits whatever its script (a wide character is 2.2 digits).
            if value.__class__ is str and (len(value) * 2.2 > width - 1 or "\n" in value):
                lines = max(lines, min(wrapped_lines(value, width), most))
        if lines > 1:
            self.ws.row_dimensions[row].height = LINE_HEIGHT * min(lines, MAX_LINES)
        self.ws.append(self.cells(values, row))
        if lines > 1:
            del self.ws.row_dimensions[row]  # written; holding 100,000 of them would cost memory

    def cells(self, values, row: int) -> list:
        """The cells of sheet row `row` from one value per column."""
        out: list = []
        for convert, multi, value in zip(self._convert, self._multi, values, strict=True):
            if value is None:
                if multi:
                    out.extend([None] * convert.parts)
                else:
                    out.append(None)
            elif multi:
                out.extend(convert(value, row))
            else:
                out.append(convert(value, row))
        return out

    # --- converters, one per column -------------------------------------------------------------------
    def _converter(self, column: OutColumn):
        convert = self._plain_converter(column)
        if not column.muted:
            return convert
        template = WriteOnlyCell(self.ws)
        template.font = MUTED
        style, ws = template._style, self.ws

        def muted(value, row):  # one style copied, not a font looked up per cell: 100,000s of rows
            made = convert(value, row)
            if made is None:
                return None
            cell = made if isinstance(made, Cell) else WriteOnlyCell(ws, made)
            cell._style = copy(style)
            return cell
        return muted

    def _plain_converter(self, column: OutColumn):
        kind = KIND_ALIASES.get(column.kind, column.kind)
        ws = self.ws
        if kind in RAW:
            def same(value, row):  # a string where a number or date belongs is still text, never a formula
                return self._text(value, row, column) if isinstance(value, str) else value
            return same
        if kind in FORMATS:
            fmt = FORMATS[kind]

            def formatted(value, _row):
                if isinstance(value, str):  # a view may hand in text where a number was expected
                    return self._text(value, _row, column)
                cell = WriteOnlyCell(ws, value)
                whole_day = kind == "datetime" and not isinstance(value, datetime)
                cell.number_format = "yyyy-mm-dd" if whole_day else fmt
                return cell
            return formatted
        if kind == "quantity":
            def quantity(value, _row):
                if isinstance(value, str):
                    return self._text(value, _row, column)
                cell = WriteOnlyCell(ws, value)
                cell.number_format = QUANTITY_FORMATS[value != int(value)]
                return cell
            return quantity
        if kind == "bool":
            words = BOOL_LABELS["zh" if self.lang.startswith("zh") else "en"]

            def yes_no(value, _row):
                if isinstance(value, bool | int):
                    return words[bool(value)]
                return self._text(value, _row, column)
            return yes_no
        if kind == "code":
            vocabulary, lang = column.vocabulary, self.lang

            def label(value, row):
                return self._text(vocabulary.label(value, lang), row, column)
            return label
        if column.parts > 1:
            def long_text(value, row):
                return self._parts(value, row, column)
            long_text.parts = column.parts
            return long_text

        def text(value, row):
            return self._text(value, row, column)
        return text

    def _text(self, value, row: int, column: OutColumn):
        if not isinstance(value, str):
            value = str(value)
        if not value:
            return None
        if cells.needs_care(value):
            parts = self._safe_parts(value, row, column)
            if len(parts) > 1:
                raise TooLongForColumns(
                    f"sheet {self.sheet}, row {row}, column {column.header}: the text is "
                    f"{cells.utf16_length(value):,} characters long, more than a cell holds "
                    f"({cells.CELL_LIMIT:,}); nothing was cut, and the workbook was not written.")
            value = cells.text_cell(self.ws, parts[0])
        return self._wrapped(value) if column.wrap else value

    def _wrapped(self, value):
        cell = value if isinstance(value, Cell) else WriteOnlyCell(self.ws, value)
        cell._style = copy(self._wrap_style)  # a text cell has no other style
        return cell

    def _parts(self, value, row: int, column: OutColumn) -> list:
        if not isinstance(value, str):
            value = str(value)
        parts = self._safe_parts(value, row, column) if value and cells.needs_care(value) else [value or None]
        if len(parts) > column.parts:
            raise TooLongForColumns(f"sheet {self.sheet}, row {row}, column {column.header}: the text needs "
                                    f"{len(parts)} columns, the sheet has {column.parts}; nothing was cut.")
        made = [cells.text_cell(self.ws, p) if p else None for p in parts]
        if column.wrap:
            made = [self._wrapped(c) if c is not None else None for c in made]
        return made + [None] * (column.parts - len(parts))

    def _safe_parts(self, value: str, row: int, column: OutColumn) -> list[str]:
        text, replaced = cells.safe_text(value)
        if replaced:
            self.warnings.append(issue(self.sheet, row, column.header, say(
                "{count} character(s) a workbook cannot hold ({names}) written as U+FFFD “\ufffd”.",
                count=len(replaced), names=", ".join(dict.fromkeys(replaced)))))
        parts = cells.split_text(text)
        if len(parts) > 1:
            names = [column.header] + [continuation_header(column.header, n, self.lang)
                                       for n in range(2, len(parts) + 1)]
            self.warnings.append(issue(self.sheet, row, column.header, say(
                "the text is {length:,} characters long, more than a cell holds ({limit:,}); it is split "
                "across the columns {columns}, which the import joins again.",
                length=cells.utf16_length(text), limit=cells.CELL_LIMIT, columns=", ".join(names))))
        return parts


def wrapped_lines(value, width: float) -> int:
    """About how many lines `value` takes wrapped in a column `width` wide. Widths are in digits of the
    default font: prose runs about 0.85 of a digit a character, a Chinese character about 2.2."""
    if not isinstance(value, str) or not value:
        return 1
    per_line = max(width - 1, 1)
    lines = 0
    for paragraph in value.split("\n", MAX_LINES)[:MAX_LINES]:
        sample = paragraph[:40]
        wide = sum(1 for c in sample if c >= "\u1100") / len(sample) if sample else 0
        lines += max(1, -int(-len(paragraph) * (0.85 + 1.35 * wide) // per_line))
    return lines
