"""The flow of an import: read a workbook, check every row of every sheet, then write all of it or nothing.

1. Every sheet the workbook has is read and every row checked with the domain's rules
   (`domain.transfer_check`); any error and nothing is written — the report lists each with sheet, row,
   column and message.
2. New partners with the same name and country as one in the database are flagged as likely duplicates.
   They are created only when the caller confirms them: `accept_duplicates=True` for all of them, or
   `confirmed_duplicates=` the flags (from a dry run's report) the user ticked. Otherwise nothing is
   written and the report's `unconfirmed` lists them.
   A row whose record was changed in the database after the workbook was written, and that would change
   it, is an error too (listed in `newer` as well, with both values), unless `overwrite_newer=True`. A
   row whose ID and UUID name different records is an error (`domain.transfer.identity`).
3. With `dry_run`, stop here: the report says what would be created, updated and left unchanged.
4. Otherwise `domain.transfer_apply` backs the database up and writes every row in one transaction.

`import_file` decides which import a file gets: a workbook TwinDesk wrote (`is_twindesk_workbook`: its
list sheets by TwinDesk's names, ID in the first header cell) is read exactly as above, by ID and UUID;
anything else, or any file with a mapping, is a list staff typed (`staff_lists.flow`).
"""

from collections.abc import Iterable
from datetime import datetime
from pathlib import Path

from twindesk.domain.progress import Progress, RelayedProgress
from twindesk.domain.transfer.apply import apply_import, unconfirmed
from twindesk.domain.transfer.check import ImportCheck
from twindesk.domain.transfer.plan import ImportPlan
from twindesk.exchange.import_read import (
    SheetColumns,
    WorkbookReadError,
    count_rows,
    is_hxl_row,
    match_columns,
    match_sheet,
    open_workbook,
    rows_of,
)
from twindesk.exchange.report import DuplicateFlag, ImportReport, issue
from twindesk.exchange.wording import say, step

READ_SHARE = 800  # of 1000 progress steps: reading and checking; the rest is writing
PROGRESS_EVERY = 1000


class Phase(RelayedProgress):
    """A stretch of the caller's progress bar: reports `done/total` scaled into [start, start + span)."""

    def __init__(self, parent: Progress, start: int, span: int):
        super().__init__(parent)
        self.start, self.span = start, span

    def advance(self, done: int, total: int, text: str = "") -> None:
        share = min(done / total, 1.0) if total else 0.0
        self.parent.advance(self.start + int(self.span * share), 1000, text)


def _read_sheets(wb, check: ImportCheck, report: ImportReport, progress: Progress, total: int) -> dict:
    """Feed every list sheet's rows to `check`; returns kind -> SheetColumns of the sheets read."""
    read: dict[str, SheetColumns] = {}
    done = 0
    for ws in wb.worksheets:
        matched = match_sheet(ws.title)
        if matched == "summary":
            continue
        if matched == "documents":  # a file cannot come back from a cell: the database keeps them
            rows = [r for r in ws.iter_rows(min_row=2, max_row=3, values_only=True) if not is_hxl_row(r)]
            if any(v is not None for row in rows[:1] for v in row):
                report.warnings.append(issue(ws.title, None, None, say(
                    "the list of documents; their files are not in a workbook, so it is not imported.")))
            continue
        if matched is None:
            report.warnings.append(issue(ws.title, None, None, say("unknown sheet; it is ignored.")))
            continue
        sheet, lang = matched
        if sheet.kind in read:
            report.errors.append(issue(ws.title, None, None, say(
                "holds the same list as sheet {other}; keep one of them.", other=read[sheet.kind].title)))
            continue
        ws.reset_dimensions()  # some writers store a wrong size, which would cut rows short
        rows = ws.iter_rows(min_row=1, max_row=2, values_only=True)
        header = next(rows, ())
        second = next(rows, ())
        columns = match_columns(sheet, ws.title, lang, header, report.errors, report.warnings)
        read[sheet.kind] = columns
        first_row = 3 if is_hxl_row(second) else 2
        for row in rows_of(ws, columns, first_row):
            check.add(sheet.kind, row.line, row.record_id, row.values, uuid=row.uuid, version=row.version)
            done += 1
            if done % PROGRESS_EVERY == 0:
                progress.advance(done, total, step("Reading {sheet}…", sheet=ws.title))
    return read


def _report_plan(plan: ImportPlan, read: dict[str, SheetColumns], report: ImportReport) -> None:
    for p in plan.problems:
        columns = read[p.kind]
        report.errors.append(issue(columns.title, p.line, columns.header_for(p.field), p.error))
        if p.newer:
            report.newer.append(report.errors[-1])
    for p in plan.notes:
        columns = read[p.kind]
        report.notes.append(issue(columns.title, p.line, columns.header_for(p.field), p.error))
    for d in plan.duplicates:
        columns = read[d.kind]
        flag = DuplicateFlag(columns.title, d.line, None, d.message, d.error, d.existing_id)
        report.duplicates.append(flag)
    for kind, columns in read.items():
        table = plan.tables[kind]
        report.created[columns.title] = table.created
        report.updated[columns.title] = table.updated
        report.unchanged[columns.title] = table.unchanged


def is_twindesk_workbook(source: Path) -> bool:
    """`source` is an .xlsx TwinDesk's export wrote (or a program that saved it again): a sheet named as
    one of TwinDesk's lists whose first header is ID. Sheet names come from the archive's directory, so a
    staff list is told apart without parsing its sheets."""
    from twindesk.exchange.staff_lists.formulas import sheet_names

    names = sheet_names(source)
    if not any(isinstance(match_sheet(n), tuple) for n in names):
        return False
    wb = open_workbook(source)
    try:
        for ws in wb.worksheets:
            if isinstance(match_sheet(ws.title), tuple):
                first = next(ws.iter_rows(min_row=1, max_row=1, max_col=1, values_only=True), (None,))
                if first and isinstance(first[0], str) and first[0].strip().casefold() == "id":
                    return True
    finally:
        wb.close()
    return False


def import_file(source: Path | str, *, mapping=None, encoding: str | None = None, memory=None,
                recall: bool = True, check_options: dict | None = None, dry_run: bool = False, accept_duplicates: bool = False,
                confirmed_duplicates: Iterable[DuplicateFlag] = (), overwrite_newer: bool = False,
                progress: Progress | None = None, user: str = "", now: datetime | None = None) -> ImportReport:
    """Import any file a person picks (see the module): an ImportReport for a TwinDesk workbook, a
    `staff_lists.flow.StaffImportReport` for a staff list. `mapping` (a staff_lists Mapping), `encoding`
    (a CSV's), `memory` (a MappingMemory), `recall` (use what it remembers) and `check_options` (for
    the domain's check, e.g. create_missing) are for staff lists."""
    source = Path(source)
    common = dict(dry_run=dry_run, accept_duplicates=accept_duplicates, confirmed_duplicates=confirmed_duplicates,
                  overwrite_newer=overwrite_newer, progress=progress, user=user, now=now)
    from twindesk.exchange.staff_lists.sources import file_format

    if not source.is_file():
        raise WorkbookReadError("{path}: no such file", path=source)
    if mapping is None and file_format(source) in ("xlsx", "xlsm") and is_twindesk_workbook(source):
        return import_workbook(source, **common)
    from twindesk.exchange.staff_lists.flow import run_staff_import

    return run_staff_import(source, mapping, encoding=encoding, memory=memory, recall=recall,
                            check_options=check_options, **common)


def import_workbook(source: Path | str, *, dry_run: bool = False, accept_duplicates: bool = False,
                    confirmed_duplicates: Iterable[DuplicateFlag] = (), overwrite_newer: bool = False,
                    progress: Progress | None = None, user: str = "", now: datetime | None = None) -> ImportReport:
    """Import `source` into the bound database (see the module's docstring); return the report.

    Raises WorkbookReadError for a file that is not a readable workbook, Cancelled when `progress` is
    cancelled (nothing is written; a cancel while writing rolls the transaction back).
    """
    source = Path(source)
    progress = progress or Progress()
    report = ImportReport(source, dry_run)
    wb = open_workbook(source)  # first: it refuses a workbook over budget before anything is unpacked
    total = count_rows(source)
    check = ImportCheck(overwrite_newer=overwrite_newer)
    try:
        read = _read_sheets(wb, check, report, Phase(progress, 0, READ_SHARE), total)
    except (OSError, KeyError, ValueError) as exc:  # a damaged sheet part; openpyxl says what it choked on
        raise WorkbookReadError("{path}: cannot be read as an Excel workbook ({reason})", path=source,
                                reason=exc) from exc
    finally:
        wb.close()
    plan = check.finish()
    _report_plan(plan, read, report)
    if report.errors:
        return report
    kinds_by_title = {c.title: kind for kind, c in read.items()}
    confirmed = {(kinds_by_title.get(f.sheet), f.row) for f in confirmed_duplicates}
    waiting = {(d.kind, d.line) for d in unconfirmed(plan, accept_duplicates, confirmed)}
    report.unconfirmed = [f for f in report.duplicates if (kinds_by_title[f.sheet], f.row) in waiting]
    if dry_run or report.unconfirmed:
        return report
    result = apply_import(plan, accept_all_duplicates=accept_duplicates, confirmed=confirmed, user=user,
                          now=now, progress=Phase(progress, READ_SHARE, 1000 - READ_SHARE))
    report.backup = result.backup
    report.applied = True
    progress.advance(1000, 1000, step("Import finished."))
    return report
