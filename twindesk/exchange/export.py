"""The meeting workbook: the Summary sheet, then one sheet per list (docs/architecture.md, "Files"), written write-only.

`export_workbook(target, lang=…, hxl=…, marking=…, progress=…)` writes to a temporary file beside `target` and
renames it into place at the end (`workbook_file.writing_workbook`): a failed or cancelled export
leaves the previous file, or none, and no temporary file.
"""

from dataclasses import replace
from datetime import datetime
from itertools import chain, islice
from pathlib import Path

from twindesk.domain.model import countries
from twindesk.domain.progress import Progress
from twindesk.domain.transfer import export as transfer_export
from twindesk.domain.transfer.tables import spec_of
from twindesk.exchange import hxl as hxl_tags
from twindesk.exchange import print_setup
from twindesk.exchange.cells import CELL_LIMIT, parts_needed
from twindesk.exchange.columns import SHEET_ORDER, SHEETS, SUMMARY_NAMES, SheetDef, continuation_header
from twindesk.exchange.documents_sheet import write_documents_sheet
from twindesk.exchange.print_columns import IDENTITY, print_order
from twindesk.exchange.report import ExportReport
from twindesk.exchange.row_cells import OutColumn, RowCells
from twindesk.exchange.summary import write_summary
from twindesk.exchange.widths import MAX, column_width
from twindesk.exchange.workbook_file import writing_workbook
from twindesk.exchange.workbook_layout import PageInfo, finish_list_sheet, start_list_sheet

SAMPLE_ROWS = 200  # rows looked at for the column widths
PROGRESS_EVERY = 1000


class _CountryNames(dict):
    """Country code -> its name in the sheet's language, each looked up once per export."""

    def __init__(self, lang: str):
        super().__init__()
        self.lang = lang

    def __missing__(self, code):
        self[code] = name = countries.country_name(code, self.lang)
        return name

    def get(self, code, default=None):
        return default if code is None else self[code]


def _layout(sheet: SheetDef, long_texts: dict[str, int], lang: str, with_hxl: bool):
    """Output columns, headers and HXL tags, with continuation columns for texts too long for a cell."""
    out, headers, tags = [], [], []
    for column in sheet.columns:
        parts = parts_needed(long_texts.get(column.field, 0))
        kind = {"country": "text", "name": "text", "longtext": "text"}.get(column.kind, column.kind)
        header = column.header(lang)
        out.append(OutColumn(kind, header, parts, column.vocabulary, wrap=column.kind == "longtext",
                             muted=column.kind == "uuid"))  # grey: 5% of a large export's time
        headers.append(header)
        headers += [continuation_header(header, n, lang) for n in range(2, parts + 1)]
        if with_hxl:
            tags.append(column.hxl)
            tags += [hxl_tags.continuation_tag(column.hxl, n) for n in range(2, parts + 1)]
    return out, headers, tags


def _value_plan(sheet: SheetDef, country_names: _CountryNames) -> list[tuple[int, dict | None]]:
    """For each sheet column: (index in the record tuple, name lookup or None)."""
    fields = [f.name for f in spec_of(sheet.kind).fields]
    aids = transfer_export.reading_aids(sheet.kind)
    leading = transfer_export.LEADING  # the record's ID, UUID, version and tag come before its fields
    first = len(leading)
    plan = []
    for column in sheet.columns:
        if column.field in leading:
            plan.append((leading.index(column.field), None))
        elif column.field is not None:
            plan.append((first + fields.index(column.field), None))
        else:
            source = column.key.split(":")[0]
            if source in aids:  # the name of a referenced record, joined by the domain's query
                plan.append((first + len(fields) + aids.index(source), None))
            else:  # a country's name, from its code
                plan.append((first + fields.index(source), country_names))
    return plan


def _printed(main: int, out_columns: list[OutColumn]) -> range:
    """The output columns that print: the main ones that fit one page wide beside the ID."""
    first = sum(c.parts for c in out_columns[:len(IDENTITY)])
    main_widths = [c.width for c in out_columns[len(IDENTITY):len(IDENTITY) + main] for _ in range(c.parts)]
    if not main_widths:
        return range(0, sum(c.parts for c in out_columns))
    return range(first, first + print_setup.columns_that_fit(main_widths, fixed=out_columns[0].width))


UNPRINTED_LINES = 3  # a long note in a column that does not print makes its row at most this tall


def _wrap_printed_texts(out_columns: list[OutColumn], printed: range) -> None:
    """A printed text wider than the widest column wraps in it, in a row as tall as it needs, rather than
    being cut at the page's edge. A wrapped column that does not print grows its row a little only: the
    printed page is not spaced out by notes it does not show (the cell holds the whole text)."""
    start = 0
    for i, column in enumerate(out_columns):
        if start in printed:
            if column.kind == "text" and column.width >= MAX:
                out_columns[i] = replace(column, wrap=True)
        elif column.wrap:
            out_columns[i] = replace(column, most_lines=UNPRINTED_LINES)
        start += column.parts


def _write_sheet(wb, sheet: SheetDef, lang: str, with_hxl: bool, names: _CountryNames, report: ExportReport,
                 progress: Progress, done: int, total: int, count: int, page: PageInfo) -> int:
    title = sheet.name(lang)
    ordered, main = print_order(sheet.kind, sheet.columns)
    sheet = replace(sheet, columns=tuple(ordered))
    long_texts = transfer_export.longest_texts(sheet.kind, over=CELL_LIMIT // 2)
    out_columns, headers, tags = _layout(sheet, long_texts, lang, with_hxl)
    plan = _value_plan(sheet, names)

    def values(record: tuple) -> list:
        return [record[i] if lookup is None else lookup.get(record[i]) for i, lookup in plan]

    records = transfer_export.record_rows(sheet.kind, lang)
    sample = [values(r) for r in islice(records, SAMPLE_ROWS)]
    widths = []
    for i, column in enumerate(out_columns):
        width = column_width(column.header, column.kind, [row[i] for row in sample])
        out_columns[i] = replace(column, width=width)
        widths += [width] * column.parts
    printed = _printed(main, out_columns)
    _wrap_printed_texts(out_columns, printed)
    ws = start_list_sheet(wb, title, headers, widths, tags if with_hxl else None, rows=count, page=page,
                          printed=printed)
    header_rows = 2 if with_hxl else 1
    writer = RowCells(ws, title, out_columns, lang, report.warnings)
    row_number = header_rows
    for row_values in chain(sample, (values(r) for r in records)):
        row_number += 1
        writer.append(row_values, row_number)
        done += 1
        if done % PROGRESS_EVERY == 0:
            progress.advance(done, total, f"Writing {title}…")
    if row_number - header_rows != count:  # the snapshot makes this impossible; the size must be exact
        raise AssertionError(f"{title}: {row_number - header_rows} rows written, {count} counted")
    finish_list_sheet(ws, len(headers), row_number, header_rows, printed)
    report.rows[title] = count
    return done


def export_workbook(target: Path | str, *, lang: str = "en", hxl: bool = False, marking: str = "",
                    progress: Progress | None = None, now: datetime | None = None,
                    replace: bool = False) -> ExportReport:
    """Write the meeting workbook of the bound database to `target`; return what was written and warned.

    `lang` "en" or "zh_CN" names the sheets and headers; `hxl` adds a row of HXL hashtags under the
    headers; `marking` (内部资料, "Internal" …; none by default) heads every printed page; `replace` allows
    an existing file at `target` to be replaced. Raises Cancelled when `progress` is cancelled,
    OutputFileError when `target` cannot be written; either way nothing is left behind.
    """
    progress = progress or Progress()
    target = Path(target)
    report = ExportReport(target)
    names = _CountryNames(lang)
    exported = now or datetime.now().replace(microsecond=0)
    page = PageInfo(lang, marking, exported.date())
    with writing_workbook(target, replace=replace) as wb, transfer_export.snapshot():
        counts = transfer_export.row_counts()
        total = sum(counts.values())
        progress.advance(0, total, "Writing the summary…")
        summary = SUMMARY_NAMES[1] if lang.startswith("zh") else SUMMARY_NAMES[0]
        write_summary(wb, lang, summary, exported, page)
        done = 0
        for kind in SHEET_ORDER:
            done = _write_sheet(wb, SHEETS[kind], lang, hxl, names, report, progress, done, total,
                                counts[kind], page)
        write_documents_sheet(wb, lang, hxl, report, page)  # what is on file, without the files
        progress.advance(total, total, "Saving the workbook…")  # saved as the block ends (every row written)
    return report
