"""`twindesk import FILE`: a workbook TwinDesk wrote, or a list staff typed (.xlsx/.xlsm/.xls/.ods/.csv).

A TwinDesk workbook is read by ID and UUID exactly as before. A staff list is recognised (header row,
kind of each sheet, field of each column) by the same engine as File › Import…; `--dry-run` prints that
recognition and what would be written; `--mapping MAP.json` replaces the automatic recognition and
`--save-mapping MAP.json` keeps it for next time. Without `--mapping` the automatic recognition applies
(a script gets the same answer every time); a written import's mapping is remembered for the window.
Nothing recognised is exit 2, with the reason for each sheet.
"""

from __future__ import annotations

import sys
from pathlib import Path

from twindesk.domain.model.errors import UserError
from twindesk.domain.progress import Progress
from twindesk.store.messages import render, said


class _Say:
    def __init__(self, lang: str):
        self.lang = lang

    def __call__(self, template: str, /, **params) -> str:
        return render(template, params, self.lang)

    def stderr(self, kind: str, text: str) -> None:
        print(self("twindesk: " + kind + ": {text}", text=text), file=sys.stderr)


class _Steps(Progress):
    """The import's steps on the terminal (stderr), each said once, in the reader's language."""

    def __init__(self, lang: str, stream):
        super().__init__(self._show)
        self.lang, self.stream, self.last = lang, stream, ""

    def _show(self, _done: int, _total: int, text: str) -> None:
        shown = text.text(self.lang) if hasattr(text, "text") else text
        if shown and shown != self.last:
            self.last = shown
            print(shown, file=self.stream, flush=True)


def _memory():
    import platformdirs

    from twindesk.exchange.staff_lists.column_mapping import MappingMemory
    from twindesk.store.paths import APP_NAME

    return MappingMemory(Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)))


def _field_words(kind: str, name: str | None, _: _Say) -> str:
    from twindesk.exchange.staff_lists.column_mapping import NOTES, target_label

    label = target_label(kind, name, _.lang)
    return label if name in (None, NOTES) else f"{label} ({name})"


def _kind_words(kind: str, lang: str) -> str:
    from twindesk.exchange.columns import SHEET_NAMES

    en, zh = SHEET_NAMES[kind]
    return zh if lang.startswith("zh") else en.lower()


def print_recognition(report, _: _Say) -> None:
    """Per sheet: the header row, the kind and how it was chosen, each column's field, skipped rows."""
    source = report.recognition.source
    if source.format == "csv":
        how = _("detected") if source.encoding_detected else _("as given")
        print(_("{path}: a list typed by staff (CSV, encoding {encoding}, {how})", path=source.path,
                encoding=source.encoding, how=how))
    else:
        print(_("{path}: a list typed by staff ({format})", path=source.path, format=source.format))
    origins = {"automatic": _("recognised from its headers"), "remembered": _("as remembered for these headers"),
               "given": _("as the mapping says")}
    for sheet in report.recognition.sheets:
        if sheet.table.header_line is None or not sheet.imported:
            print(_("sheet {sheet}: not imported: {reason}", sheet=sheet.sheet, reason=said(sheet.reason, _.lang)))
            continue
        print(_("sheet {sheet}: headers in row {line}, data in rows {first}–{last}; {kind} ({how})",
                sheet=sheet.sheet, line=sheet.table.header_line, first=sheet.table.rows[0][0],
                last=sheet.table.end_line, kind=_kind_words(sheet.kind, _.lang), how=origins[sheet.origin]))
        for column in sheet.columns:
            if not column.header and column.field is None:
                continue
            print(f"  {column.letter} {column.header or '—'} → {_field_words(sheet.kind, column.field, _)}")
        for skipped in sheet.table.skipped:
            print("  " + _("row {line}: {reason}", line=skipped.line, reason=said(skipped.reason, _.lang)))


def _refused(source: Path, issues: list, what: str, _: _Say) -> int:
    for issue in issues:
        _.stderr("error", _("{path}, {detail}", path=source, detail=said(issue, _.lang)))
    _.stderr("error", _("{path}: {what}; nothing was imported", path=source, what=what))
    return 2


def run_import(args, lang: str, path) -> int:  # a file's Path or a ServerAddress
    from twindesk.domain import workspace
    from twindesk.exchange.import_flow import import_file
    from twindesk.exchange.staff_lists.column_mapping import Mapping
    from twindesk.exchange.staff_lists.flow import StaffImportReport

    _ = _Say(lang)
    source = Path(args.source)
    if not source.is_file():
        raise UserError("{path}: no such file", path=source)
    mapping = Mapping.load(args.mapping) if args.mapping else None
    if args.save_mapping:
        from twindesk.domain.output_file import check_target

        check_target(Path(args.save_mapping), replace=True)
    # Even a dry run takes the lock: its answer ("no duplicates") must hold for the import that follows.
    # A new database is made, and removed again below unless the import is written into it.
    opened = workspace.open_workspace(path, take_backups=False)  # the import backs up before writing
    report = None
    try:
        options = {"create_missing": True} if args.create_missing else {}
        report = import_file(source, mapping=mapping, encoding=args.encoding, memory=_memory(), recall=False,
                             dry_run=args.dry_run, accept_duplicates=args.accept_duplicates,
                             overwrite_newer=args.overwrite_newer, check_options=options,
                             progress=_Steps(lang, sys.stderr) if sys.stderr.isatty() else None)
    finally:
        workspace.close()
        if opened.created and (report is None or not report.applied):  # no empty file left behind
            from twindesk.store.database_files import database_files

            for leftover in database_files(path):  # the file, SQLite's side files and the lock
                leftover.unlink(missing_ok=True)
    staff = isinstance(report, StaffImportReport)
    if staff and args.dry_run:
        print_recognition(report, _)
    if staff and args.save_mapping and report.recognition.mapping.sheets:
        report.recognition.mapping.save(args.save_mapping)
        print(_("mapping saved to {path}", path=args.save_mapping))
    for warning in report.warnings:
        _.stderr("warning", _("{path}, {detail}", path=source, detail=said(warning, _.lang)))
    if staff and not args.dry_run:
        for skipped in report.skipped:
            _.stderr("note", _("{path}, {detail}", path=source, detail=said(skipped, _.lang)))
    if staff and report.nothing_recognised:
        return _refused(source, report.errors, _(
            "nothing to import: no sheet holds a list TwinDesk keeps (give a mapping with --mapping, or "
            "see --dry-run)"), _)
    if report.errors:
        if report.newer:
            what = _("{count} problem(s); {newer} of them changed in the database after the workbook was written: "
                     "run again with --overwrite-newer to write the workbook's values over them",
                     count=len(report.errors), newer=len(report.newer))
        else:
            what = _("{count} problem(s)", count=len(report.errors))
        return _refused(source, report.errors, what, _)
    if report.unconfirmed:
        return _refused(source, report.unconfirmed, _(
            "{count} likely duplicate partner(s); check them, and run again with --accept-duplicates to "
            "create them", count=len(report.unconfirmed)), _)
    if args.dry_run:
        print(_("dry run: {source} can be imported into {path}; nothing was written. It would make:",
                source=source, path=path))
    elif report.backup is None:  # a server database: no file is copied; its own backups hold the before
        print(_("imported {source} into {path}; the server's backups (pg_dump) hold the content before it",
                source=source, path=path))
    else:
        print(_("imported {source} into {path}; the previous content is saved as {backup}", source=source,
                path=path, backup=report.backup))
    for name in report.created:
        print("  " + _("{sheet}: {new} new, {changed} changed, {same} unchanged", sheet=name,
                       new=report.created[name], changed=report.updated[name], same=report.unchanged[name]))
    for made in getattr(report, "created_for_references", ()):
        print("  " + _("{kind} “{name}”: new, named by {count} row(s)", kind=_kind_words(made.kind, _.lang),
                       name=made.name, count=len(made.referenced_by)))
    for note in report.notes:
        _.stderr("note", _("{path}, {detail}", path=source, detail=said(note, _.lang)))
    return 0

