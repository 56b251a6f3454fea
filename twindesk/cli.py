"""The `twindesk` command: the window by default, and headless subcommands (DESIGN §4).

Headless commands never import Qt. Exit status: 0 success, 2 the user's or the environment's error
(one line on stderr saying what and where), 1 a bug (traceback on stderr).
"""

import argparse
import sys
import traceback
from datetime import datetime
from pathlib import Path

from twindesk import __version__
from twindesk.store.errors import UserError

LANGS = ("zh_CN", "en")


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
    return parser


def _db_path(args) -> Path:
    from twindesk.store.paths import resolve_database_path

    return resolve_database_path(args.db)


def cmd_demo(args) -> int:
    from twindesk.domain import demo
    from twindesk.store import backups, close_database, open_database

    if args.scale < 0:
        raise UserError(f"--scale must be 0 or more (got {args.scale})")
    path = _db_path(args)
    path.parent.mkdir(parents=True, exist_ok=True)
    opened = open_database(path, create=True, take_backups=False)
    try:
        if args.force and not opened.created:
            saved = backups.event_backup(opened.raw(), path, "demo", datetime.now())
            print(f"backup of the previous content: {saved}")
            demo.clear_all()
        summary = demo.write_demo(scale=args.scale)
    finally:
        close_database()
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
    from twindesk.store import schema
    from twindesk.store.backups import copy_database
    from twindesk.store.fileinfo import inspect_existing

    path = _db_path(args)
    inspect_existing(path, schema.SCHEMA_VERSION)
    out = copy_database(path, Path(args.out))
    print(f"backup written to {out}")
    return 0


def cmd_restore(args) -> int:
    from twindesk.store import close_database, open_database
    from twindesk.store.integrity import restore

    path = _db_path(args)
    source = Path(args.source)
    if source.resolve() == path.resolve():
        raise UserError(f"{source}: is the database itself; choose a backup file")
    opened = open_database(path, create=True, take_backups=False)
    try:
        safety = restore(opened.raw(), path, source, datetime.now())
    finally:
        close_database()
    # Opening again upgrades a backup from an older TwinDesk to the current schema.
    open_database(path, take_backups=False)
    close_database()
    print(f"restored {source} into {path}; the previous content is saved as {safety}")
    return 0


def cmd_window(args) -> int:
    from twindesk.ui.app import run  # the only place Qt is loaded

    return run(args.db, lang=args.lang)


COMMANDS = {
    "demo": cmd_demo,
    "check": cmd_check,
    "backup": cmd_backup,
    "restore": cmd_restore,
    None: cmd_window,
}


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return COMMANDS[args.command](args)
    except UserError as exc:
        print(f"twindesk: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("twindesk: interrupted", file=sys.stderr)
        return 130
    except Exception:  # a bug: say so plainly, with the details a developer needs
        traceback.print_exc()
        print("twindesk: internal error (a bug); please report the lines above", file=sys.stderr)
        return 1
