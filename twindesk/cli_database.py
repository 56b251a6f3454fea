"""Which database a command works on, and signing in to it: --db, --database-url (or their environment
variables), --allow-network-drive (docs/architecture.md, "The command line", "Connecting staff to the
server", "A database on a network drive"). No Qt; the messages' Chinese is in `cli_messages`.

A target is a database file's Path or a server's ServerAddress.
"""

import argparse
import contextlib
import os
from pathlib import Path

from twindesk.domain.model.errors import UserError

DATABASE_URL_VAR = "TWINDESK_DATABASE_URL"


def add_database_options(parser: argparse.ArgumentParser, say, *, command: bool = True) -> None:
    """--db and --database-url, before the command or after it. A command's own option leaves the
    namespace alone when absent (SUPPRESS): with a default of its own it would wipe out one given before
    the command, and the command would then work on the default database instead of the one named."""
    parser.add_argument("--db", metavar="PATH", default=argparse.SUPPRESS if command else None,
                        help=say("database file (default: $TWINDESK_DB or the data folder)"))
    parser.add_argument("--database-url", metavar="URL", default=argparse.SUPPRESS if command else None,
                        help=say("a shared database on a PostgreSQL server, postgresql://user@host:port/database "
                                 "(default: $TWINDESK_DATABASE_URL); no password in it: the keyring, ~/.pgpass "
                                 "or a service file holds that"))


def add_network_drive_option(parser: argparse.ArgumentParser, sub, say) -> None:
    """--allow-network-drive, before the command or after it (as --db)."""
    text = say("work on a database file on a network drive even so (SQLite's locking is not safe there)")
    parser.add_argument("--allow-network-drive", action="store_true", help=text)
    for command in sub.choices.values():
        command.add_argument("--allow-network-drive", action="store_true", default=argparse.SUPPRESS, help=text)


@contextlib.contextmanager
def network_drives(allowed: bool):
    """Writing commands refuse a database on a network drive unless --allow-network-drive (the window
    asks instead; docs/architecture.md, "A database on a network drive")."""
    from twindesk.domain import workspace

    workspace.refuse_network_drives(not allowed)
    try:
        yield
    finally:
        workspace.refuse_network_drives(False)


def signed_in_database(args):
    """The database the command works on: a file's Path, or a server's ServerAddress signed in to (its
    password from the keyring or ~/.pgpass, else asked at a terminal: domain/server_connection.py)."""
    target = named_database(args)
    if not isinstance(target, Path):
        from twindesk.domain.server_connection import sign_in, terminal_asker

        sign_in(target, terminal_asker(target.display()))
    return target


def named_database(args):
    """The database the command names: a file's Path, or a server's ServerAddress. --db and
    --database-url together name two databases and are refused; so are both environment variables."""
    from twindesk.domain.workspace import ENV_VAR, database_path
    from twindesk.store.server.address import is_database_url, parse_database_url

    url = getattr(args, "database_url", None)
    if url and args.db:
        raise UserError("--db and --database-url name two databases; give one of them")
    if url:
        return parse_database_url(url)
    if args.db:
        return parse_database_url(args.db) if is_database_url(args.db) else database_path(args.db)
    env_url = os.environ.get(DATABASE_URL_VAR, "").strip()
    if env_url and os.environ.get(ENV_VAR):
        raise UserError("{url} and {path} are both set and name two databases; unset one of them",
                        url=DATABASE_URL_VAR, path=ENV_VAR)
    if env_url:
        return parse_database_url(env_url)
    return database_path(None)


def database_file(args) -> Path:
    """The database file, for a command that works on the file itself (transfer --to)."""
    target = named_database(args)
    if not isinstance(target, Path):
        raise UserError("{server}: twindesk {command} works on a database file; a server database is backed up "
                        "and restored with PostgreSQL's own pg_dump and pg_restore", server=target,
                        command=args.command)
    return target


def file_or_pg_dump(args) -> Path:
    """The database file for backup and restore; on a server, the pg_dump and pg_restore commands to
    use instead (domain/server_backup.py)."""
    target = signed_in_database(args)
    if not isinstance(target, Path):
        from twindesk.domain.server_backup import ServerBackedUpByPgDump

        raise ServerBackedUpByPgDump(target)
    return target


def file_of(target) -> Path | None:
    """The database's file, or None for a server database."""
    return target if isinstance(target, Path) else None
