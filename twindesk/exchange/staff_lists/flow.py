"""Importing a staff list: read it, recognise its tables, check every row, then write all of it or nothing.

1. `read_source` reads the file, `recognise` finds each sheet's table, kind and columns (the user's
   mapping, else one remembered for the same headers, else the automatic suggestion).
2. Every data row goes to the domain's `ImportCheck` in staff mode (`typed_by_staff=True`: labels,
   countries and partners by name, 10万 …) as raw values by field name; a column mapped to NOTES is
   added to the notes as "header: value". A formula without a saved value, or whose saved value is an
   error, is an error at its cell; formulas read as their saved value are noted once per column.
3. Nothing recognised (no sheet with a table of a known kind) is an error that says why, per sheet.
4. As for a TwinDesk workbook (`import_flow`): any error and nothing is written; likely duplicates wait for
   the user's confirmation; otherwise one operation writes everything after a backup
   (`domain.transfer.apply`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime
from operator import itemgetter
from pathlib import Path

from twindesk.domain.progress import Progress
from twindesk.domain.transfer.apply import apply_import, unconfirmed
from twindesk.domain.transfer.check import ImportCheck
from twindesk.domain.transfer.collector_paused import collector_paused
from twindesk.domain.transfer.plan import ImportPlan
from twindesk.exchange.import_flow import READ_SHARE, Phase
from twindesk.exchange.report import DuplicateFlag, ImportReport, issue
from twindesk.exchange.staff_lists.column_mapping import NOTES, Mapping, MappingMemory, notes_field
from twindesk.exchange.staff_lists.recognition import Recognition, SheetRecognition, recognise
from twindesk.exchange.staff_lists.sheet_lines import fed_line
from twindesk.exchange.staff_lists.sheet_rows import (  # noqa: F401 - the row states: this module's API too
    DUPLICATE,
    ERROR,
    NEW,
    UNCHANGED,
    UPDATE,
    SheetRow,
    count_rows,
    sheet_rows,
)
from twindesk.exchange.staff_lists.sources import Source, read_source
from twindesk.exchange.wording import say, step


@dataclass
class StaffImportReport(ImportReport):
    """An ImportReport, plus what was recognised and each row's status."""

    format: str = ""
    encoding: str | None = None  # a CSV's
    encoding_detected: bool = False
    recognition: Recognition | None = None
    # each row's status, made when first asked for (the preview shows them; a plain import never asks)
    row_maker: Callable[[], list[SheetRow]] | None = field(default=None, repr=False, compare=False)
    _rows: list[SheetRow] | None = field(default=None, repr=False)
    # records the import creates because a row names them (create_missing): the domain's Created
    created_for_references: list = field(default_factory=list)
    nothing_recognised: bool = False  # no sheet holds a list TwinDesk keeps: the errors say why
    skipped: list = field(default_factory=list)  # CellIssues: totals rows, notes below a table, and after

    @property
    def mapping(self) -> Mapping | None:
        return self.recognition.mapping if self.recognition else None

    @property
    def rows(self) -> list[SheetRow]:
        """What each data row becomes, in the order the rows were read."""
        if self._rows is None:
            self._rows = self.row_maker() if self.row_maker is not None else []
        return self._rows


def _check(overwrite_newer: bool, options: dict) -> ImportCheck:
    """The domain's check in staff mode (labels, names, partner.country …); `options` such as create_missing."""
    return ImportCheck(overwrite_newer=overwrite_newer, typed_by_staff=True, **options)


def _picker(indexes: list[int]):
    """values -> the cells at `indexes`, as a tuple (itemgetter: it runs for every row)."""
    if len(indexes) == 1:
        return lambda values: (values[indexes[0]],)
    return itemgetter(*indexes) if indexes else (lambda _values: ())


class _Feed:
    """Turns the recognised rows into ImportCheck rows, and its problems back into cells."""

    def __init__(self, recognition: Recognition, report: StaffImportReport):
        self.report = report
        self.sheets: dict[tuple[str, int], SheetRecognition] = {}  # (kind, n-th sheet of it) -> sheet
        self.fed: list[tuple[SheetRecognition, str, int, int]] = []  # (sheet, kind, fed line, sheet row)
        self.rows: dict[tuple[str, int], tuple[SheetRecognition, int]] = {}  # (kind, fed) -> (sheet, row)
        counts: dict[str, int] = {}
        for sheet in recognition.imported:
            n = counts.get(sheet.kind, 0)
            counts[sheet.kind] = n + 1
            self.sheets[(sheet.kind, n)] = sheet

    def run(self, check: ImportCheck, progress: Progress, total: int) -> None:
        done = 0
        for (kind, n), sheet in self.sheets.items():
            notes = notes_field(kind)
            single = [(c.index, c.field) for c in sheet.columns if c.field and c.field != NOTES]
            to_notes = [(c.index, c.header or c.letter) for c in sheet.columns if c.field == NOTES]
            cached: dict[int, list[int]] = {}
            looked_at = single + [(i, NOTES) for i, _ in to_notes]  # for formulas
            names = [name for _, name in single]
            pick = _picker([i for i, _ in single])
            wide = 1 + max((i for i, _ in single), default=-1)  # a row this wide has every mapped cell
            identified = not {"id", "uuid", "version"}.isdisjoint(names)  # a TwinDesk-like ID column
            formulas, fed_rows, where = sheet.grid.formulas, self.fed, self.rows  # once per sheet
            batch = []  # the sheet's rows, handed to the check together
            for line, values in sheet.table.rows:
                width = len(values)
                if width >= wide:
                    row = dict(zip(names, pick(values), strict=True))
                else:
                    row = {name: (values[i] if i < width else None) for i, name in single}
                if formulas and self._formulas(sheet, line, looked_at, cached):
                    continue
                if to_notes and notes:
                    extra = [f"{h}: {values[i]}" for i, h in to_notes if i < width and values[i] is not None]
                    if extra:
                        typed = row.get(notes)
                        row[notes] = "\n".join(([str(typed)] if typed not in (None, "") else []) + extra)
                record_id = row.pop("id", None) if identified else None
                uuid, version = (row.pop("uuid", None), row.pop("version", None)) if identified else (None, None)
                fed = fed_line(n, line, sheet.sheet) if n else line  # two sheets of one kind: sheet_lines.py
                batch.append((fed, record_id, row, uuid, version))
                fed_rows.append((sheet, kind, fed, line))
                where[(kind, fed)] = (sheet, line)
                done += 1
                if done % 1000 == 0:
                    progress.advance(done, total, step("Reading {sheet}…", sheet=sheet.sheet))
            check.add_rows(kind, batch)
            for index, lines in cached.items():
                column = sheet.columns[index]
                self.report.notes.append(issue(sheet.sheet, None, column.place, say(
                    "{count} cell(s) are formulas (rows {first}–{last}); the values saved with the file are "
                    "read.", count=len(lines), first=lines[0], last=lines[-1])))

    def _formulas(self, sheet: SheetRecognition, line: int, columns, cached: dict) -> bool:
        """Note formula cells read as their saved value; report those without one. True: the row has one."""
        if not sheet.grid.formulas:
            return False
        bad = False
        for index, _name in columns:
            cell = sheet.grid.formula_at(line, index)
            if cell is None:
                continue
            place = sheet.columns[index].place
            if not cell.cached:
                bad = True
                self.report.errors.append(issue(sheet.sheet, line, place, say(
                    "the formula ={formula} has no saved value (the program that wrote the file did not "
                    "calculate it); open the file in Excel, WPS or LibreOffice, save it, and import again.",
                    formula=cell.formula)))
            elif cell.error is not None:
                bad = True
                self.report.errors.append(issue(sheet.sheet, line, place, say(
                    "the formula ={formula} gives the error {error}; correct it or type the value.",
                    formula=cell.formula, error=cell.error)))
            else:
                cached.setdefault(index, []).append(line)
        return bad

    def where(self, kind: str, fed: int, plan: ImportPlan | None = None) -> tuple[SheetRecognition, int]:
        """The sheet and row of a line fed to the check; a record made for a reference (a negative line)
        is shown at the first row naming it."""
        if fed < 0 and plan is not None and -fed <= len(plan.created):
            kind, fed, _name = plan.created[-fed - 1].referenced_by[0]
        return self.rows[(kind, fed)]

    def _place(self, plan: ImportPlan, kind: str, fed: int, name: str | None):
        sheet, line = self.where(kind, fed, plan)
        column = sheet.column_for(name)
        return sheet, line, column.place if column else None

    def report_plan(self, plan: ImportPlan) -> None:
        report = self.report
        for p in plan.problems:
            sheet, line, column = self._place(plan, p.kind, p.line, p.field)
            report.errors.append(issue(sheet.sheet, line, column, p.error))
            if p.newer:
                report.newer.append(report.errors[-1])
        for p in plan.notes:
            sheet, line, column = self._place(plan, p.kind, p.line, p.field)
            report.notes.append(issue(sheet.sheet, line, column, p.error))
        for d in plan.duplicates:
            sheet, line, column = self._place(plan, d.kind, d.line, d.error.field)
            report.duplicates.append(DuplicateFlag(sheet.sheet, line, column, d.message, d.error, d.existing_id))
        report.created_for_references = list(plan.created)
        count_rows(report, self.sheets.values(), self.fed, self.rows, plan)
        report.row_maker = lambda: sheet_rows(plan, self.fed)


def _nothing_recognised(recognition: Recognition, report: StaffImportReport) -> None:
    report.nothing_recognised = True
    for sheet in recognition.sheets:
        report.errors.append(issue(sheet.sheet, sheet.table.header_line, None, sheet.reason))
    if not recognition.sheets:
        report.errors.append(issue(recognition.source.path.name, None, None, say("the file holds no sheet.")))


def run_staff_import(source: Source | Path | str, mapping: Mapping | None = None, *, encoding: str | None = None,
                     memory: MappingMemory | None = None, recall: bool = True, dry_run: bool = True, accept_duplicates: bool = False,
                     confirmed_duplicates: Iterable[DuplicateFlag] = (), overwrite_newer: bool = False,
                     check_options: dict | None = None, progress: Progress | None = None, user: str = "",
                     now: datetime | None = None) -> StaffImportReport:
    """Recognise, check and (unless `dry_run`) write a staff list into the bound database.

    `source` is a path (read with `encoding` for a CSV) or a Source already read. With `memory`, a
    remembered mapping is used (unless `recall` is False), and the mapping used is remembered once the
    import is written.
    `check_options` go to ImportCheck (e.g. create_missing). Raises what `read_source` raises, and
    Cancelled when `progress` is cancelled (nothing written)."""
    with collector_paused():  # collector_paused.py: the check's many objects are no garbage
        return _run(source, mapping, encoding=encoding, memory=memory, recall=recall, dry_run=dry_run,
                    accept_duplicates=accept_duplicates, confirmed_duplicates=confirmed_duplicates,
                    overwrite_newer=overwrite_newer, check_options=check_options, progress=progress,
                    user=user, now=now)


def _run(source, mapping, *, encoding, memory, recall, dry_run, accept_duplicates, confirmed_duplicates,
         overwrite_newer, check_options, progress, user, now) -> StaffImportReport:
    progress = progress or Progress()
    if not isinstance(source, Source):
        source = read_source(Path(source), encoding)
    recognition = recognise(source, mapping, memory if recall else None)
    report = StaffImportReport(source.path, dry_run, format=source.format, encoding=source.encoding,
                               encoding_detected=source.encoding_detected, recognition=recognition)
    for sheet in recognition.sheets:
        for skipped in sheet.table.skipped:
            report.skipped.append(issue(sheet.sheet, skipped.line, None, skipped.reason))
    if not recognition.imported:
        _nothing_recognised(recognition, report)
        return report
    for sheet in recognition.sheets:
        if not sheet.imported:
            report.warnings.append(issue(sheet.sheet, None, None, sheet.reason))
    for sheet in recognition.imported:  # two columns for one field: refused, not one of them taken
        report.errors.extend(issue(sheet.sheet, None, None, clash) for clash in sheet.clashes)
    if report.errors:
        return report
    feed = _Feed(recognition, report)
    check = _check(overwrite_newer, check_options or {})
    total = sum(len(s.table.rows) for s in recognition.imported)
    feed.run(check, Phase(progress, 0, READ_SHARE), total)
    plan = check.finish()
    feed.report_plan(plan)
    if report.errors:
        return report
    fed = {(sheet.sheet, line): (kind, line_fed) for sheet, kind, line_fed, line in feed.fed}
    confirmed = {fed[(flag.sheet, flag.row)] for flag in confirmed_duplicates if (flag.sheet, flag.row) in fed}
    waiting = {(d.kind, d.line) for d in unconfirmed(plan, accept_duplicates, confirmed)}
    report.unconfirmed = [f for f, d in zip(report.duplicates, plan.duplicates, strict=True)
                          if (d.kind, d.line) in waiting]
    if dry_run or report.unconfirmed:
        return report
    result = apply_import(plan, accept_all_duplicates=accept_duplicates, confirmed=confirmed, user=user,
                          now=now, progress=Phase(progress, READ_SHARE, 1000 - READ_SHARE))
    report.backup, report.applied = result.backup, True
    if memory is not None:
        memory.remember(recognition.mapping)
    progress.advance(1000, 1000, step("Import finished."))
    return report


def preview_staff_list(source: Source | Path | str, mapping: Mapping | None = None, **options) -> StaffImportReport:
    """A dry run: what would be imported, row by row; nothing is written."""
    return run_staff_import(source, mapping, dry_run=True, **options)


def import_staff_list(source: Source | Path | str, mapping: Mapping | None = None, **options) -> StaffImportReport:
    """The import itself: all of it after a backup, or nothing (see the module)."""
    return run_staff_import(source, mapping, **{**options, "dry_run": False})
