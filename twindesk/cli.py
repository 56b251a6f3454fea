"""The `twindesk` command: the window by default, and headless subcommands (docs/architecture.md, "The command line").

Headless commands never import Qt. Exit status: 0 success, 2 the user's or the environment's error
(one line on stderr saying what and where), 1 a bug (traceback on stderr). Everything said to a person
is in the chosen language (`cli_language`: --lang, else the locale): English templates with their
Chinese in `cli_messages`, rendered by `_`; errors by their own `text(lang)`.
"""

import argparse
import contextlib
import gc
import os
import sys
import traceback
from pathlib import Path

from twindesk import __version__
from twindesk.cli_database import (
    add_database_options,
    add_network_drive_option,
    database_file,
    file_of,
    file_or_pg_dump,
    network_drives,
    signed_in_database,
)
from twindesk.cli_language import LANGS, argparse_words, chosen_language
from twindesk.cli_messages import IMPORT_DESCRIPTION  # and the CLI's Chinese
from twindesk.domain.model.errors import UserError, describe_environment_error
from twindesk.store.messages import joined, render, said

_lang = "en"  # the language of this run, set by main() before the parser is built


def _(template: str, /, **params) -> str:
    """`template` said in this run's language."""
    return render(template, params, _lang)


def _stderr(kind: str, text: str) -> None:
    """One line on stderr: "twindesk: error: …" / "twindesk：错误：…"."""
    print(_("twindesk: " + kind + ": {text}", text=text), file=sys.stderr)


def record_id(text: str) -> int:
    """An ID argument: a whole number that can be a record's ID (argparse says so, exit 2)."""
    from twindesk.domain.model.ids import IdOutOfRange, checked_id

    try:
        return checked_id(int(text))
    except ValueError:
        raise argparse.ArgumentTypeError(_("ID {value!r} is not a whole number", value=text)) from None
    except IdOutOfRange as exc:
        raise argparse.ArgumentTypeError(exc.text(_lang)) from None


def _db_option(parser: argparse.ArgumentParser, *, command: bool = True) -> None:
    """--db and --database-url, their help in this run's language (cli_database.py)."""
    add_database_options(parser, _, command=command)


def _sub(sub, name: str, help: str, **kwargs) -> argparse.ArgumentParser:
    """A sub-command whose --help opens with what it does."""
    kwargs.setdefault("description", help)
    return sub.add_parser(name, help=help, **kwargs)


class _Parser(argparse.ArgumentParser):
    """argparse in this run's language (`argparse_words`) while a parser is made (its own help and group
    titles) and while it parses (usage, help and errors are worded then). The sub-commands' parsers are
    of this class too (argparse makes them with the parent's class)."""

    def __init__(self, *args, **kwargs):
        with argparse_words(_lang):
            super().__init__(*args, **kwargs)

    def parse_known_args(self, args=None, namespace=None):
        with argparse_words(_lang):
            return super().parse_known_args(args, namespace)


def build_parser(lang: str | None = None) -> argparse.ArgumentParser:
    """The parser, its help in `lang` (default: this run's language)."""
    global _lang
    _lang = lang or _lang
    parser = _Parser(
        prog="twindesk",
        description=_("Partner cities, delegation visits and aid shipments. Without a command: open the window."),
    )
    parser.add_argument("--version", action="version", version=f"TwinDesk {__version__}",
                        help=_("show program's version number and exit"))
    _db_option(parser, command=False)
    parser.add_argument("--lang", choices=LANGS,
                        help=_("language of the window and of these messages (default: the system's)"))
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", help=_("one of the commands below"))

    demo = _sub(sub, "demo", _("write the demo data set (from the seed article)"))
    _db_option(demo)
    demo.add_argument("--scale", type=int, default=0, metavar="N", help=_("add N synthetic records per list"))
    demo.add_argument("--force", action="store_true",
                      help=_("replace whatever the database holds (after a backup)"))

    check = _sub(sub, "check", _("integrity check, foreign-key check and schema version"))
    _db_option(check)

    backup = _sub(sub, "backup", _("write a consistent copy of the database to OUT.db"))
    backup.add_argument("out", metavar="OUT.db", help=_("the copy to write"))
    _db_option(backup)

    restore = _sub(sub, "restore", _("replace the database with a backup (after backing it up)"))
    restore.add_argument("source", metavar="IN.db", help=_("the backup to restore"))
    _db_option(restore)

    from twindesk.cli_brief import add_parser as brief_parser  # brief visit|partner ID OUT

    brief_parser(sub, _, _sub, _db_option, record_id, LANGS)
    _exchange_parsers(sub)
    from twindesk.cli_history import add_parser as history_parser  # history [--record KIND:ID]

    history_parser(sub, _, _db_option, LANGS)
    from twindesk.cli_documents import add_parsers as document_parsers  # attach, documents, document

    document_parsers(sub, _, _db_option, record_id)
    from twindesk.cli_papers import add_parser as paper_parser  # paper packing-list|certificate

    paper_parser(sub, _, _db_option, record_id, LANGS)
    from twindesk.cli_transfer import add_parser as transfer_parser  # transfer --to/--from a server

    transfer_parser(sub, _, _db_option)
    add_network_drive_option(parser, sub, _)
    from twindesk.cli_server import add_parsers as server_parsers  # server init | grant | revoke | users

    server_parsers(sub, _, _sub)
    return parser


def _exchange_parsers(sub) -> None:
    export = sub.add_parser("export", help=_("write the meeting workbook (Excel): a summary, then every list"),
                            description=_("Write the meeting workbook: a Summary sheet, then one sheet per list, "
                                          "each with ID first. Written whole or not at all."))
    export.add_argument("out", metavar="OUT.xlsx", help=_("the workbook to write"))
    _db_option(export)
    export.add_argument("--force", action="store_true", help=_("replace OUT.xlsx if it exists"))
    # Its own dest, as for brief: the window's --lang would be reset by this sub-command.
    export.add_argument("--lang", dest="export_lang", choices=LANGS,
                        help=_("language of sheet names, headers and labels, and of these messages (default: en)"))
    export.add_argument("--hxl", action="store_true",
                        help=_("add a row of HXL hashtags (#org, #country+code, #item, #value …) under the headers"))
    export.add_argument("--marking", default="", metavar="TEXT", help=_("e.g. 内部资料 or Internal, on every page"))

    imp = sub.add_parser("import", help=_("read a workbook written by export, or a list staff typed, into the database"),
                         description=_(IMPORT_DESCRIPTION), formatter_class=argparse.RawDescriptionHelpFormatter)
    imp.add_argument("source", metavar="FILE", help=_("the workbook or list to read (.xlsx, .xlsm, .xls, .ods, .csv)"))
    _db_option(imp)
    imp.add_argument("--dry-run", action="store_true",
                     help=_("check every row and say what would be created and updated; write nothing"))
    imp.add_argument("--mapping", metavar="MAP.json",
                     help=_("a staff list: use this mapping (sheet kinds, header rows, column fields)"))
    imp.add_argument("--save-mapping", metavar="MAP.json",
                     help=_("a staff list: write the mapping used to MAP.json, to give with --mapping next time"))
    imp.add_argument("--create-missing", action="store_true",
                     help=_("a staff list: create the partners and localities its rows name that the database lacks"))
    imp.add_argument("--encoding", metavar="ENCODING",
                     help=_("a CSV file's encoding, e.g. gb18030 or utf-8 (default: detected)"))
    imp.add_argument("--accept-duplicates", action="store_true",
                     help=_("create the new partners listed as likely duplicates (same name and country)"))
    imp.add_argument("--overwrite-newer", action="store_true",
                     help=_("write rows over records changed in the database after the workbook was written"))


def cmd_demo(args) -> int:
    from twindesk.domain import demo, workspace

    if args.scale < 0:
        raise UserError("--scale must be 0 or more (got {value})", value=args.scale)
    path = signed_in_database(args)
    with workspace.writing(path) as opened:
        if args.force and not opened.created:
            saved = workspace.event_backup("demo")
            if saved is not None:  # a server's backups are pg_dump's
                print(_("backup of the previous content: {path}", path=saved))
        # One operation: the clearing commits only with the demo (old data or the demo, never empty).
        summary = demo.write_demo(scale=args.scale, replace=args.force)
    print(_("demo data written to {path}", path=path))
    for table, count in summary.as_dict().items():
        print(f"  {table}: {count}")  # table names, as the database has them
    return 0


def cmd_check(args) -> int:
    from twindesk.store.integrity import check_file

    target = signed_in_database(args)
    if isinstance(target, Path):
        report = check_file(target)
    else:
        from twindesk.store.server.check import check_server

        report = check_server(target)
    print("\n".join(report.lines(_lang)))
    if not report.ok:
        raise UserError("{path}: the check failed (see above); restore a backup or ask for help", path=report.path)
    return 0


def cmd_backup(args) -> int:
    from twindesk.domain import workspace
    from twindesk.store import schema
    from twindesk.store.fileinfo import inspect_existing

    path = file_or_pg_dump(args)
    inspect_existing(path, schema.SCHEMA_VERSION)
    out = workspace.back_up_to(path, Path(args.out))
    print(_("backup written to {path}", path=out))
    return 0


def cmd_restore(args) -> int:
    from twindesk.domain import workspace

    path = file_or_pg_dump(args)
    source = Path(args.source)
    if source.resolve() == path.resolve():
        raise UserError("{path}: is the database itself; choose a backup file", path=source)
    # The live file need not open: restoring is how a damaged database is mended.
    safety = workspace.restore_backup(path, source)
    if safety is not None:
        print(_("restored {source} into {path}; the previous content is saved as {safety}", source=source,
                path=path, safety=safety))
    else:
        print(_("restored {source} into {path}", source=source, path=path))
    return 0


def cmd_brief(args) -> int:
    from twindesk.cli_brief import cmd_brief as run

    return run(args, _lang, signed_in_database)


def cmd_export(args) -> int:
    from twindesk.domain import workspace
    from twindesk.domain.output_file import check_target
    from twindesk.exchange import export_workbook

    out, path = Path(args.out), signed_in_database(args)
    check_target(out, replace=args.force, database=file_of(path))  # before the database is even opened
    workspace.open_workspace(path, read_only=True)  # an export only reads
    try:
        report = export_workbook(out, lang=args.export_lang or args.lang or "en", hxl=args.hxl,
                                 marking=args.marking, replace=args.force)
    finally:
        workspace.close()
    for warning in report.warnings:
        _stderr("warning", _("{path}, {detail}", path=out, detail=said(warning, _lang)))
    sheets = joined((f"{name} {n}" for name, n in report.rows.items()), _lang)
    print(_("workbook written to {path} (rows per sheet: {sheets})", path=out, sheets=sheets))
    return 0


def cmd_import(args) -> int:
    from twindesk.cli_import import run_import  # a workbook TwinDesk wrote, or a list staff typed

    return run_import(args, _lang, signed_in_database(args))


def cmd_history(args) -> int:
    from twindesk.cli_history import cmd_history as run

    return run(args, _lang, signed_in_database)


def _documents_command(name: str):
    def run(args) -> int:
        from twindesk import cli_documents

        return getattr(cli_documents, name)(args, _lang, signed_in_database(args))

    return run


def cmd_paper(args) -> int:
    from twindesk import cli_papers

    return cli_papers.cmd_paper(args, args.lang, signed_in_database(args))  # the paper in English unless told, as a brief


def cmd_transfer(args) -> int:
    from twindesk.cli_transfer import cmd_transfer as run

    return run(args, _lang, database_file)


def cmd_server(args) -> int:
    from twindesk import cli_server

    return cli_server.run(args, _)


def cmd_window(args) -> int:
    from twindesk.ui.shell.app import run  # the only place Qt is loaded

    return run(args.db, lang=args.lang, database_url=getattr(args, "database_url", None))


COMMANDS = {
    "demo": cmd_demo,
    "check": cmd_check,
    "backup": cmd_backup,
    "restore": cmd_restore,
    "brief": cmd_brief,
    "export": cmd_export,
    "import": cmd_import,
    "history": cmd_history,
    "attach": _documents_command("cmd_attach"),
    "documents": _documents_command("cmd_documents"),
    "document": _documents_command("cmd_document"),
    "paper": cmd_paper,
    "transfer": cmd_transfer,
    "server": cmd_server,
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
    global _lang
    argv = sys.argv[1:] if argv is None else list(argv)
    _lang = chosen_language(argv)
    args = build_parser().parse_args(argv)
    try:
        with network_drives(args.allow_network_drive):
            return COMMANDS[args.command](args)
    except UserError as exc:
        _stderr("error", exc.text(_lang))
        return 2
    except KeyboardInterrupt:
        print(_("twindesk: interrupted"), file=sys.stderr)
        return 130
    except BrokenPipeError:
        raise
    except Exception as exc:
        message = describe_environment_error(exc, lang=_lang)  # a locked database, a full disk, a damaged file …
        if message is not None:
            _stderr("error", message)
            return 2
        # a bug: say so plainly, with the details a developer needs
        traceback.print_exc()
        print(_("twindesk: internal error (a bug); please report the lines above"), file=sys.stderr)
        return 1
