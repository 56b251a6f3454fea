"""What an export or an import reports back: where each warning or problem is (sheet, row, column) and
what happened, in words for the window's table and the command line's stderr."""

from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class CellIssue:
    """A warning or an error at a place in a workbook; `row` and `column` are None for a whole sheet or
    row. `row` is the sheet's own row number, as Excel shows it. `detail` says it in either language."""

    sheet: str
    row: int | None
    column: str | None
    message: str  # in English
    detail: object = field(default=None, compare=False)  # has .text(lang): a domain FieldError or a Say

    def where(self, lang: str = "en") -> str:
        if lang.startswith("zh"):
            parts = [f"工作表“{self.sheet}”"]
            if self.row is not None:
                parts.append(f"第 {self.row} 行")
            if self.column:
                parts.append(f"“{self.column}”列")
            return "，".join(parts)
        parts = [f"sheet {self.sheet}"]
        if self.row is not None:
            parts.append(f"row {self.row}")
        if self.column:
            parts.append(f"column {self.column}")
        return ", ".join(parts)

    def message_in(self, lang: str = "en") -> str:
        return self.detail.text(lang) if self.detail is not None else self.message

    def text(self, lang: str = "en") -> str:
        """The whole line, place and message, in `lang` (zh_CN or en)."""
        return f"{self.where(lang)}{'：' if lang.startswith('zh') else ': '}{self.message_in(lang)}"

    def __str__(self) -> str:
        return self.text("en")


@dataclass(frozen=True)
class DuplicateFlag(CellIssue):
    """A new partner that looks like one the database holds; created only once the user confirms it."""

    existing_id: int = 0


@dataclass
class ExportReport:
    path: Path
    rows: dict[str, int] = field(default_factory=dict)  # sheet name -> data rows written
    warnings: list[CellIssue] = field(default_factory=list)


@dataclass
class ImportReport:
    source: Path
    dry_run: bool = False
    errors: list[CellIssue] = field(default_factory=list)  # any error: nothing was written
    warnings: list[CellIssue] = field(default_factory=list)  # unknown sheets or columns, ignored
    duplicates: list[DuplicateFlag] = field(default_factory=list)
    unconfirmed: list[DuplicateFlag] = field(default_factory=list)  # duplicates that stopped the import
    # Of the errors: fields of records changed after the workbook was written (`overwrite_newer` writes them)
    newer: list[CellIssue] = field(default_factory=list)
    notes: list[CellIssue] = field(default_factory=list)  # deleted records the import creates again
    created: dict[str, int] = field(default_factory=dict)  # sheet name -> records (to be) created
    updated: dict[str, int] = field(default_factory=dict)
    unchanged: dict[str, int] = field(default_factory=dict)
    backup: Path | None = None  # the copy of the database taken just before writing
    applied: bool = False  # True once the rows are in the database

    @property
    def ok(self) -> bool:
        """No errors and no unconfirmed duplicates: the import was (or, for a dry run, can be) applied."""
        return not self.errors and not self.unconfirmed


def issue(sheet: str, row: int | None, column: str | None, detail) -> CellIssue:
    """A CellIssue from anything that says itself in either language (`detail.text(lang)`)."""
    return CellIssue(sheet, row, column, detail.text("en"), detail)
