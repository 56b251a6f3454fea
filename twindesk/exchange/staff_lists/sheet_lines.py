"""The line a staff list's row is given to the domain's check: its sheet row, carrying its sheet.

The check keys rows by (kind, line), so two sheets of one kind need distinct lines. A row of the
second (third …) sheet of a kind is fed as a `SheetLine`: an int distinct from every other sheet's
lines (what the check compares and sorts), that says its real row and sheet wherever a message names
it ("rows 4 and 7 (sheet 欧洲)", "row 7 (sheet 欧洲) of this import"), in the reader's language. The
first sheet of each kind is fed its plain row numbers, as a list of one sheet per kind always was.
"""

from __future__ import annotations

SPAN = 1 << 32  # more rows than any sheet has (Excel: 2^20)


class SheetLine(int):
    """Sheet row `row` of sheet `sheet`, the `index`-th (from 1) sheet of its kind."""

    row: int
    sheet: str

    def __new__(cls, index: int, row: int, sheet: str):
        self = super().__new__(cls, index * SPAN + row)
        self.row, self.sheet = row, sheet
        return self

    def text(self, lang: str = "en") -> str:
        if lang.lower().startswith("zh"):
            return f"{self.row}（工作表“{self.sheet}”）"
        return f"{self.row} (sheet {self.sheet})"

    def __str__(self) -> str:
        return self.text("en")

    def __format__(self, spec: str) -> str:
        return format(str(self), spec) if not spec or spec[-1:] not in "dnxXobeEfFgG%" else \
            format(int(self), spec)

    def __repr__(self) -> str:
        return f"SheetLine({self.row}, {self.sheet!r})"

    def __reduce__(self):
        return SheetLine, (int(self) // SPAN, self.row, self.sheet)


def fed_line(index: int, row: int, sheet: str) -> int:
    """The line a row is fed with: the row itself on the first sheet of its kind (`index` 0)."""
    return row if index == 0 else SheetLine(index, row, sheet)
