"""What the preview shows of a report, row by row: each sheet row as new, update, unchanged, likely
duplicate (with the record it is like: names and ID) or error, and the value of a cell a problem is at.
No widgets here: the page puts these into its tables."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from twindesk.exchange.staff_lists.column_mapping import NOTES

NAMES = 2  # mapped values shown to tell a row apart
_LIKE_ROW = QT_TRANSLATE_NOOP("ImportWizard", "like row %1 of this import")
_NAMED_ID = QT_TRANSLATE_NOOP("ImportWizard", "%1 (ID %2)")
_ID = QT_TRANSLATE_NOOP("ImportWizard", "ID %1")


@dataclass
class PreviewRow:
    sheet: str
    row: int
    status: str
    what: str = ""  # the row's first values, to recognise it
    match: str = ""  # the record it updates or is like, or its first problem
    flag: object = None  # the DuplicateFlag to confirm, for a likely duplicate


def _tr(text: str) -> str:
    return QCoreApplication.translate("ImportWizard", text)


class Cells:
    """The values of a staff list's cells, by sheet, row and column as an issue names them."""

    def __init__(self, recognition):
        self.sheets = {s.sheet: s for s in recognition.sheets} if recognition else {}
        self._rows: dict[str, dict[int, tuple]] = {}

    def row(self, sheet: str, line: int) -> tuple:
        if sheet not in self.sheets:
            return ()
        if sheet not in self._rows:
            self._rows[sheet] = dict(self.sheets[sheet].table.rows)
        return self._rows[sheet].get(line, ())

    def value_of(self, issue) -> str:
        found = self.sheets.get(issue.sheet)
        if found is None or issue.row is None or not issue.column:
            return ""
        column = next((c for c in found.columns if c.place == issue.column), None)
        values = self.row(issue.sheet, issue.row)
        if column is None or column.index >= len(values) or values[column.index] is None:
            return ""
        return str(values[column.index])

    def what(self, sheet: str, line: int) -> str:
        found = self.sheets.get(sheet)
        values = self.row(sheet, line)
        if found is None:
            return ""
        shown = [str(values[c.index]) for c in found.columns
                 if c.field not in (None, NOTES, "id") and c.index < len(values) and values[c.index] not in (None, "")]
        return " · ".join(shown[:NAMES])


def _match(row, lang: str) -> str:
    detail = row.detail
    if row.status == "duplicate":
        duplicate = getattr(detail, "duplicate", None)
        names = " / ".join(n for n in getattr(duplicate, "names", ()) if n)
        if duplicate is not None and duplicate.existing_id is None and duplicate.other_line is not None:
            return _tr(_LIKE_ROW).replace("%1", str(duplicate.other_line)) + (
                f": {names}" if names else "")
        if names:
            return _tr(_NAMED_ID).replace("%1", names).replace("%2", str(row.existing_id))
        return _tr(_ID).replace("%1", str(row.existing_id))
    if row.status in ("update", "unchanged") and row.existing_id is not None:
        return _tr(_ID).replace("%1", str(row.existing_id))
    problems = getattr(detail, "problems", ()) or getattr(detail, "notes", ())
    return problems[0].error.text(lang) if problems else ""


def preview_rows(report, cells: Cells, lang: str) -> list[PreviewRow]:
    """Every row of `report` the user should see, in sheet order."""
    flags = {(f.sheet, f.row): f for f in report.duplicates}
    errors: dict[tuple, list] = {}
    for e in report.errors:
        if e.row is not None:
            errors.setdefault((e.sheet, e.row), []).append(e)
    out: list[PreviewRow] = []
    seen = set()
    for row in getattr(report, "rows", ()):
        key = (row.sheet, row.row)
        seen.add(key)
        status = "error" if key in errors else row.status
        match = errors[key][0].message_in(lang) if key in errors and row.status != "error" else _match(row, lang)
        out.append(PreviewRow(row.sheet, row.row, status, cells.what(*key), match, flags.get(key)))
    for key, found in errors.items():  # rows the check never saw (a formula without a value) or a TwinDesk file
        if key not in seen:
            seen.add(key)
            out.append(PreviewRow(key[0], key[1], "error", cells.what(*key), found[0].message_in(lang)))
    for key, flag in flags.items():
        if key not in seen:
            out.append(PreviewRow(key[0], key[1], "duplicate", "", flag.message_in(lang), flag))
    order = {name: i for i, name in enumerate(cells.sheets)}
    out.sort(key=lambda r: (order.get(r.sheet, len(order)), r.sheet, r.row))
    return out
