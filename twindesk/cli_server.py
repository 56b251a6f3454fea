"""`twindesk server init | grant | revoke | users`: setting up a shared PostgreSQL database and saying
who may do what on it (docs/architecture.md, "Who may do what"). No Qt; thin over store/server/initialize.py
and store/server/logins.py.
"""

from __future__ import annotations

import argparse
import os
from dataclasses import replace

from twindesk.store.errors import UserError
from twindesk.store.messages import add_chinese

LEVELS = ("reader", "editor", "admin")
URL_ENV = "TWINDESK_DATABASE_URL"


def add_parsers(sub, _, make_parser) -> None:
    server = make_parser(sub, "server", _("set up a shared PostgreSQL database and manage who may use it"))
    commands = server.add_subparsers(dest="server_command", metavar="COMMAND", required=True,
                                     help=_("init, grant, revoke or users"))
    init = make_parser(commands, "init", _("make an empty server database TwinDesk's: its tables, roles and "
                                           "grants, in one transaction"))
    _url_option(init, _)
    init.add_argument("--owner", metavar="ROLE",
                      help=_("the role to own the tables (when a superuser runs init; default: the login)"))
    grant = make_parser(commands, "grant", _("give a staff login one of TwinDesk's roles (and take away the "
                                             "others)"))
    grant.add_argument("login", metavar="LOGIN", help=_("the database login of a member of staff"))
    grant.add_argument("level", choices=LEVELS, help=_("reader: reads; editor: also changes records; admin: "
                                                        "also home localities and logins"))
    _url_option(grant, _)
    revoke = make_parser(commands, "revoke", _("take TwinDesk's roles away from a login"))
    revoke.add_argument("login", metavar="LOGIN", help=_("the database login"))
    _url_option(revoke, _)
    users = make_parser(commands, "users", _("list the server's logins with their TwinDesk role"))
    _url_option(users, _)


def _url_option(parser, _) -> None:
    # SUPPRESS: a --database-url given before the command is kept (see cli_database.add_database_options).
    parser.add_argument("--database-url", metavar="URL", default=argparse.SUPPRESS,
                        help=_("the server database, postgresql://user@host:port/database (default: ${env})",
                               env=URL_ENV))


def run(args, _) -> int:
    """The server command in `args`; `_(template, **params)` words a line in the run's language."""
    from twindesk.store.server.address import parse_database_url

    url = getattr(args, "database_url", None) or os.environ.get(URL_ENV, "")
    if not url:
        raise UserError("twindesk server {command} needs the server database: give --database-url "
                        "postgresql://user@host/database, or set {env}", command=args.server_command, env=URL_ENV)
    address = parse_database_url(url)
    server = replace(address, user="").display()  # "twindesk on db.office:5432"
    db = _connect(address)
    try:
        return COMMANDS[args.server_command](db, server, args, _)
    finally:
        db.close()


def _connect(address):
    from twindesk.store.server.database import server_database

    db = server_database(address)  # libpq finds the password itself: ~/.pgpass, a service file, PGPASSWORD
    db.connect()
    return db


def _init(db, server, args, _) -> int:
    from twindesk.store.server.initialize import init_database

    init_database(db, server, owner=args.owner)
    print(_("{server}: TwinDesk's tables, roles (twindesk_reader, twindesk_editor, twindesk_admin) and grants "
              "are set up. Give staff a role with: twindesk server grant LOGIN reader|editor|admin",
              server=server))
    return 0


def _require_admin(db, server: str) -> None:
    """Managing logins is the administrator's: anyone else is told why before anything is sent."""
    from twindesk.domain.operations.write_access import ADMIN_ONLY_LOGINS, WriteNotAllowed
    from twindesk.store.server.access import access_level
    from twindesk.store.server.database import current_login

    level = access_level(db)
    if level != "admin":
        raise WriteNotAllowed(ADMIN_ONLY_LOGINS[level], server=server, login=current_login(db))


def _grant(db, server, args, _) -> int:
    from twindesk.store.server.logins import grant

    _require_admin(db, server)
    grant(db, server, args.login, args.level)
    print(_("{server}: {login} now has the role twindesk_{level}", server=server, login=args.login,
              level=args.level))
    return 0


def _revoke(db, server, args, _) -> int:
    from twindesk.store.server.logins import revoke

    _require_admin(db, server)
    held = revoke(db, server, args.login)
    if held:
        print(_("{server}: {login} no longer has the role(s) {roles}", server=server, login=args.login,
                  roles=", ".join(held)))
    else:
        print(_("{server}: {login} had no TwinDesk role", server=server, login=args.login))
    return 0


def _users(db, server, args, _) -> int:
    from twindesk.store.server.logins import users

    for login in users(db):
        role = "—" if login.level == "none" else f"twindesk_{login.level}"
        why = _("(superuser)") if login.superuser else _("(the database's owner)") if login.owner else ""
        print(f"{login.name}\t{role}" + (f"\t{why}" if why else ""))
    return 0


COMMANDS = {"init": _init, "grant": _grant, "revoke": _revoke, "users": _users}


add_chinese({
    "set up a shared PostgreSQL database and manage who may use it": "设置共享的 PostgreSQL 数据库，管理谁可以使用它",
    "init, grant, revoke or users": "init、grant、revoke 或 users",
    "make an empty server database TwinDesk's: its tables, roles and grants, in one transaction":
        "把一个空的服务器数据库设置为 TwinDesk 数据库：数据表、角色和授权，在一个事务中完成",
    "the role to own the tables (when a superuser runs init; default: the login)":
        "拥有这些数据表的角色（由超级用户运行 init 时；默认：登录用户本身）",
    "give a staff login one of TwinDesk's roles (and take away the others)":
        "授予工作人员的登录用户一个 TwinDesk 角色（并撤销其他角色）",
    "the database login of a member of staff": "工作人员的数据库登录用户",
    "reader: reads; editor: also changes records; admin: also home localities and logins":
        "reader：只能查看；editor：还可以修改记录；admin：还可以管理本方地区和登录用户",
    "take TwinDesk's roles away from a login": "撤销一个登录用户的 TwinDesk 角色",
    "the database login": "数据库登录用户",
    "list the server's logins with their TwinDesk role": "列出服务器上的登录用户及其 TwinDesk 角色",
    "the server database, postgresql://user@host:port/database (default: ${env})":
        "服务器数据库，postgresql://user@host:port/database（默认：${env}）",
    "twindesk server {command} needs the server database: give --database-url postgresql://user@host/database, "
    "or set {env}":
        "twindesk server {command} 需要服务器数据库：请给出 --database-url postgresql://user@host/database，或设置 {env}",
    "{server}: TwinDesk's tables, roles (twindesk_reader, twindesk_editor, twindesk_admin) and grants are set "
    "up. Give staff a role with: twindesk server grant LOGIN reader|editor|admin":
        "{server}：TwinDesk 的数据表、角色（twindesk_reader、twindesk_editor、twindesk_admin）和授权已设置完毕。"
        "请用以下命令为工作人员授予角色：twindesk server grant LOGIN reader|editor|admin",
    "{server}: {login} now has the role twindesk_{level}": "{server}：{login} 现在拥有角色 twindesk_{level}",
    "{server}: {login} no longer has the role(s) {roles}": "{server}：{login} 不再拥有角色 {roles}",
    "{server}: {login} had no TwinDesk role": "{server}：{login} 原本没有 TwinDesk 角色",
    "(superuser)": "（超级用户）",
    "(the database's owner)": "（数据库所有者）",
})
