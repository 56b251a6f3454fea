"""The `twindesk` command: the window by default, and headless subcommands (docs/architecture.md, "The command line").

Headless commands never import Qt. Exit status: 0 success, 2 the user's or the environment's error
(one line on stderr saying what and where), 1 a bug (traceback on stderr).
"""

import argparse
import contextlib
import gc
import os
import sys
import traceback
from pathlib import Path

from twindesk import __version__
from twindesk.domain.model.errors import UserError, describe_environment_error

LANGS = ("zh_CN", "en")


def record_id(text: str) -> int:
    """An ID argument: a whole number that can be a record's ID (argparse says so, exit 2)."""
    from twindesk.domain.model.ids import IdOutOfRange, checked_id

    try:
        return checked_id(int(text))
    except ValueError:
        raise argparse.ArgumentTypeError(f"ID {text!r} is not a whole number") from None
    except IdOutOfRange as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _db_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", metavar="PATH", help="database file (default: $TWINDESK_DB or the data folder)")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="twindesk",
        description="Partner cities, delegation visits and aid shipments. Without a command: open the window.",
    )
    parser.add_argument("--version", action="version", version=f"TwinDesk {__version__}")
    _db_option(parser)
    parser.add_argument("--lang", choices=LANGS, help="language of the window (default: the system's)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    demo = sub.add_parser("demo", help="write the demo data set (from the seed article)")
    _db_option(demo)
    demo.add_argument("--scale", type=int, default=0, metavar="N", help="add N synthetic records per list")
    demo.add_argument("--force", action="store_true", help="replace whatever the database holds (after a backup)")

    check = sub.add_parser("check", help="integrity check, foreign-key check and schema version")
    _db_option(check)

    backup = sub.add_parser("backup", help="write a consistent copy of the database to OUT.db")
    backup.add_argument("out", metavar="OUT.db")
    _db_option(backup)

    restore = sub.add_parser("restore", help="replace the database with a backup (after backing it up)")
    restore.add_argument("source", metavar="IN.db")
    _db_option(restore)

    _brief_parser(sub)
    _exchange_parsers(sub)
    _history_parser(sub)
    return parser


HISTORY_DESCRIPTION = """\
Who changed what, when: one line per change, newest first, as
  2026-12-01 09:30  Li Na  save  partner 12  Population: — → 5,400,000
With --record, the changes of that record and of its sub-records (a visit's delegates, itinerary, gifts
and partners; a partner's partnerships and contacts …), also after it was deleted. KIND is one of:
{kinds}.
"""


def _history_parser(sub) -> None:
    from twindesk.domain.model.specs import SPECS

    history = sub.add_parser("history", help="who changed what, when (newest first)",
                             description=HISTORY_DESCRIPTION.format(kinds=", ".join(SPECS)),
                             formatter_class=argparse.RawDescriptionHelpFormatter)
    _db_option(history)
    history.add_argument("--record", metavar="KIND:ID", help="only this record and its sub-records, e.g. partner:12")
    history.add_argument("--since", metavar="DATE", help="only changes on or after this day, e.g. 2026-11-01")
    history.add_argument("--limit", type=int, default=100, metavar="N", help="at most N lines (default: 100)")
    # Its own dest, as for brief: the window's --lang would be reset by this sub-command.
    history.add_argument("--lang", dest="history_lang", choices=LANGS, help="language of the lines (default: en)")


def _brief_parser(sub) -> None:
    from twindesk.briefing.sections import available_sections  # no reportlab: sections are plain data

    brief = sub.add_parser("brief", help="write a PDF briefing pack for a visit or a partner")
    kinds = brief.add_subparsers(dest="brief_kind", metavar="KIND", required=True)
    for kind in ("visit", "partner"):
        keys = ", ".join(s.key for s in available_sections(kind))
        p = kinds.add_parser(kind, help=f"the briefing pack of one {kind}")
        p.add_argument("id", type=record_id, metavar="ID", help=f"the {kind}'s ID")
        p.add_argument("out", metavar="OUT.pdf")
        p.add_argument("--force", action="store_true", help="replace OUT.pdf if it exists")
        _db_option(p)
        # Its own dest: the same dest as the window's --lang would be reset by this sub-command.
        p.add_argument("--lang", dest="brief_lang", choices=LANGS, help="language of the pack (default: en)")
        p.add_argument("--sections", metavar="a,b,c", help=f"the sections to print (default: all): {keys}")
        p.add_argument("--marking", default="", metavar="TEXT", help="e.g. 内部资料 or Internal, on every page")


IMPORT_DESCRIPTION = """\
Read a workbook written by `twindesk export` (English or Chinese sheet names and headers; columns in any
order) into the database.

Every row of every sheet is checked first. Any problem: nothing is written, each problem is listed on
stderr with sheet, row, column and message, and the exit status is 2. Otherwise a backup of the database
is taken and all rows are written in one transaction.

A row is matched to its record by its UUID (the workbook's UUID column), else by its ID:

  a row without an ID            creates a record (unless its UUID is one the database holds)
  a row of a record the database updates that record (columns the sheet lacks keep their value)
  holds
  a row of a record it does not  creates the record with that ID and UUID (an empty database, or a
  hold                           record deleted since the export: said on stderr), so the links
                                 between sheets stay valid
  a row whose ID and UUID are    a conflict: both UUIDs are listed and nothing is written (exit 2);
  different records              the same for an ID once used by another, since deleted, record

A row written before its record was last changed (its Version is older than the database's) that would
change the record is a conflict too: each field is listed with the workbook's and the database's value
and who changed it when, and nothing is written (exit 2) unless --overwrite-newer is given.

Rows are never deleted. A new partner with the same name and country as one the database holds is a
likely duplicate: they are listed and the import is refused (exit 2) unless --accept-duplicates is
given. The Summary sheet and the name columns beside IDs are ignored; unknown sheets and columns are
reported and ignored. If the database file does not exist, it is created.
"""


def _exchange_parsers(sub) -> None:
    export = sub.add_parser("export", help="write the meeting workbook (Excel): a summary, then every list",
                            description="Write the meeting workbook: a Summary sheet, then one sheet per list, "
                                        "each with ID first. Written whole or not at all.")
    export.add_argument("out", metavar="OUT.xlsx")
    _db_option(export)
    export.add_argument("--force", action="store_true", help="replace OUT.xlsx if it exists")
    # Its own dest, as for brief: the window's --lang would be reset by this sub-command.
    export.add_argument("--lang", dest="export_lang", choices=LANGS,
                        help="language of sheet names, headers and labels (default: en)")
    export.add_argument("--hxl", action="store_true",
                        help="add a row of HXL hashtags (#org, #country+code, #item, #value …) under the headers")

    imp = sub.add_parser("import", help="read a workbook written by export into the database",
                         description=IMPORT_DESCRIPTION, formatter_class=argparse.RawDescriptionHelpFormatter)
    imp.add_argument("source", metavar="IN.xlsx")
    _db_option(imp)
    imp.add_argument("--dry-run", action="store_true",
                     help="check every row and say what would be created and updated; write nothing")
    imp.add_argument("--accept-duplicates", action="store_true",
                     help="create the new partners listed as likely duplicates (same name and country)")
    imp.add_argument("--overwrite-newer", action="store_true",
                     help="write rows over records changed in the database after the workbook was written")


def _db_path(args) -> Path:
    from twindesk.domain.workspace import database_path

    return database_path(args.db)


def cmd_demo(args) -> int:
    from twindesk.domain import demo, workspace

    if args.scale < 0:
        raise UserError(f"--scale must be 0 or more (got {args.scale})")
    path = _db_path(args)
    with workspace.writing(path) as opened:
        if args.force and not opened.created:
            saved = workspace.event_backup("demo")
            print(f"backup of the previous content: {saved}")
        # One operation: the clearing commits only with the demo (old data or the demo, never empty).
        summary = demo.write_demo(scale=args.scale, replace=args.force)
    print(f"demo data written to {path}")
    for table, count in summary.as_dict().items():
        print(f"  {table}: {count}")
    return 0


def cmd_check(args) -> int:
    from twindesk.store.integrity import check_file

    report = check_file(_db_path(args))
    print("\n".join(report.lines()))
    if not report.ok:
        raise UserError(f"{report.path}: the check failed (see above); restore a backup or ask for help")
    return 0


def cmd_backup(args) -> int:
    from twindesk.domain import workspace
    from twindesk.store import schema
    from twindesk.store.fileinfo import inspect_existing

    path = _db_path(args)
    inspect_existing(path, schema.SCHEMA_VERSION)
    out = workspace.back_up_to(path, Path(args.out))
    print(f"backup written to {out}")
    return 0


def cmd_restore(args) -> int:
    from twindesk.domain import workspace

    path = _db_path(args)
    source = Path(args.source)
    if source.resolve() == path.resolve():
        raise UserError(f"{source}: is the database itself; choose a backup file")
    # The live file need not open: restoring is how a damaged database is mended.
    safety = workspace.restore_backup(path, source)
    kept = f"; the previous content is saved as {safety}" if safety is not None else ""
    print(f"restored {source} into {path}{kept}")
    return 0


def cmd_brief(args) -> int:
    from twindesk.briefing import build_partner_brief, build_visit_brief, choose_sections
    from twindesk.domain import workspace
    from twindesk.domain.model.errors import NotFound
    from twindesk.domain.output_file import check_target

    sections = None if args.sections is None else args.sections.split(",")
    choose_sections(args.brief_kind, sections)  # a wrong --sections fails before the database is opened
    build = build_visit_brief if args.brief_kind == "visit" else build_partner_brief
    path = _db_path(args)
    check_target(args.out, replace=args.force, database=path)  # before the database is even opened
    workspace.open_workspace(path, read_only=True)  # a pack only reads
    try:
        lang = args.brief_lang or args.lang or "en"  # `twindesk --lang zh_CN brief …` works too
        out = build(args.id, Path(args.out), lang=lang, sections=sections, marking=args.marking,
                    replace=args.force)
    except NotFound as exc:
        raise UserError(f"{path}: {exc}") from exc
    finally:
        workspace.close()
    print(f"{args.brief_kind} brief written to {out}")
    return 0


def cmd_export(args) -> int:
    from twindesk.domain import workspace
    from twindesk.domain.output_file import check_target
    from twindesk.exchange import export_workbook

    out, path = Path(args.out), _db_path(args)
    check_target(out, replace=args.force, database=path)  # before the database is even opened
    workspace.open_workspace(path, read_only=True)  # an export only reads
    try:
        report = export_workbook(out, lang=args.export_lang or args.lang or "en", hxl=args.hxl,
                                 replace=args.force)
    finally:
        workspace.close()
    for warning in report.warnings:
        print(f"twindesk: warning: {out}, {warning}", file=sys.stderr)
    sheets = ", ".join(f"{name} {n}" for name, n in report.rows.items())
    print(f"workbook written to {out} (rows per sheet: {sheets})")
    return 0


def _import_refused(source: Path, issues: list, what: str) -> int:
    for issue in issues:
        print(f"twindesk: error: {source}, {issue}", file=sys.stderr)
    print(f"twindesk: error: {source}: {what}; nothing was imported", file=sys.stderr)
    return 2


def cmd_import(args) -> int:
    from twindesk.domain import workspace
    from twindesk.exchange import import_workbook

    source, path = Path(args.source), _db_path(args)
    if not source.is_file():
        raise UserError(f"{source}: no such file")
    # Even a dry run takes the lock: its answer ("no duplicates") must hold for the import that follows.
    # A new database is made, and removed again below unless the import is written into it.
    opened = workspace.open_workspace(path, take_backups=False)  # the import backs up before writing
    report = None
    try:
        report = import_workbook(source, dry_run=args.dry_run, accept_duplicates=args.accept_duplicates,
                                 overwrite_newer=args.overwrite_newer)
    finally:
        workspace.close()
        if opened.created and (report is None or not report.applied):  # no empty file left behind
            for leftover in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
                leftover.unlink(missing_ok=True)
    for warning in report.warnings:
        print(f"twindesk: warning: {source}, {warning}", file=sys.stderr)
    if report.errors:
        newer = (f"; {len(report.newer)} of them changed in the database after the workbook was written: "
                 "run again with --overwrite-newer to write the workbook's values over them"
                 if report.newer else "")
        return _import_refused(source, report.errors, f"{len(report.errors)} problem(s){newer}")
    if report.unconfirmed:
        return _import_refused(source, report.unconfirmed, (
            f"{len(report.unconfirmed)} likely duplicate partner(s); check them, and run again with "
            "--accept-duplicates to create them"))
    if args.dry_run:
        print(f"dry run: {source} can be imported into {path}; nothing was written. It would make:")
    else:
        print(f"imported {source} into {path}; the previous content is saved as {report.backup}")
    for name in report.created:
        print(f"  {name}: {report.created[name]} new, {report.updated[name]} changed, "
              f"{report.unchanged[name]} unchanged")
    for note in report.notes:
        print(f"twindesk: note: {source}, {note}", file=sys.stderr)
    return 0


def _record_option(text: str) -> tuple[str, int]:
    from twindesk.domain.model.specs import SPECS

    kind, sep, number = text.partition(":")
    kind = kind.strip().lower().replace("-", "_")
    if not sep or kind not in SPECS:
        raise UserError(f"--record {text!r}: write KIND:ID with KIND one of {', '.join(SPECS)} (e.g. partner:12)")
    try:
        record_id = int(number)
    except ValueError:
        raise UserError(f"--record {text!r}: the ID {number.strip()!r} is not a whole number") from None
    if not 0 < record_id < 2**63:
        raise UserError(f"--record {text!r}: the ID must be a whole number above zero")
    return kind, record_id


def cmd_history(args) -> int:
    from itertools import islice, takewhile

    from twindesk.domain import workspace
    from twindesk.domain.model.fields import parse_date
    from twindesk.domain.queries import history

    record = _record_option(args.record) if args.record is not None else None
    try:
        since = parse_date(args.since) if args.since is not None else None
    except ValueError as exc:
        raise UserError(f"--since {args.since!r} {exc}") from None
    if args.limit < 1:
        raise UserError(f"--limit must be 1 or more (got {args.limit})")
    lang = args.history_lang or args.lang or "en"
    path = _db_path(args)
    workspace.open_workspace(path, read_only=True)  # the history only reads
    try:
        if record is None:
            rows = history.changes(since=since, limit=args.limit, lang=lang)
        else:
            kind, record_id = record
            if not history.record_exists(kind, record_id) and not history.has_history(kind, record_id):
                raise UserError(f"{path}: there is no {kind} with ID {record_id}, and none in the history")
            rows = history.record_history(kind, record_id, lang)
            if since is not None:
                rows = takewhile(lambda r: r.at.date() >= since, rows)  # newest first: stop at the first older
            rows = islice(rows, args.limit)
        shown = 0
        for row in rows:
            print(row.line())
            shown += 1
        if not shown:
            print("twindesk: no changes recorded" + (f" since {since}" if since else ""), file=sys.stderr)
    finally:
        workspace.close()
    return 0


def cmd_window(args) -> int:
    from twindesk.ui.app import run  # the only place Qt is loaded

    return run(args.db, lang=args.lang)


COMMANDS = {
    "demo": cmd_demo,
    "check": cmd_check,
    "backup": cmd_backup,
    "restore": cmd_restore,
    "brief": cmd_brief,
    "export": cmd_export,
    "import": cmd_import,
    "history": cmd_history,
    None: cmd_window,
}


def main(argv: list[str] | None = None) -> int:
    previous_hook = sys.unraisablehook
    sys.unraisablehook = lambda unraisable: _unraisable(unraisable, previous_hook)
    try:
        try:
            return _run(argv)
        finally:
            if sys.stdout is not None:
                sys.stdout.flush()  # a closed pipe shows up here, not as a traceback when Python exits
    except BrokenPipeError:  # `twindesk … | head`: the reader has all it wanted; end quietly
        _discard_stdout()
        return 2
    finally:
        gc.collect()  # a half-written file's objects close now, under the quiet hook
        sys.unraisablehook = previous_hook


def _unraisable(unraisable, previous_hook) -> None:
    """A half-written file closed by the garbage collector fails again (the disk is still full): the
    one line on stderr already said so, so no "Exception ignored" traceback follows it."""
    if unraisable.exc_value is None or describe_environment_error(unraisable.exc_value) is None:
        previous_hook(unraisable)


def _discard_stdout() -> None:
    """What is still buffered for the closed pipe goes nowhere (the Python docs' advice on SIGPIPE)."""
    with contextlib.suppress(OSError, ValueError, AttributeError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())


def _run(argv: list[str] | None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return COMMANDS[args.command](args)
    except UserError as exc:
        print(f"twindesk: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("twindesk: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        raise
    except Exception as exc:
        message = describe_environment_error(exc)  # a locked database, a full disk, a damaged file …
        if message is not None:
            print(f"twindesk: error: {message}", file=sys.stderr)
            return 2
        # a bug: say so plainly, with the details a developer needs
        traceback.print_exc()
        print("twindesk: internal error (a bug); please report the lines above", file=sys.stderr)
        return 1
