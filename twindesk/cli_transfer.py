"""`twindesk transfer --to URL` and `twindesk transfer --from URL OUT.db`: a database moved onto the
shared server and back, proved by counts and checksums (docs/architecture.md, "Moving a database to
the server and back"). Progress goes to stderr, the table of counts to stdout.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from twindesk.store.errors import UserError
from twindesk.store.messages import add_chinese, render

TRANSFER_DESCRIPTION = """\
Copy a whole TwinDesk database, its history and documents included, with every ID, UUID and version
kept. --to URL copies the database file (--db, else the default) into an empty PostgreSQL database
(a new one, or one set up by twindesk server init); --from URL OUT.db copies a server database into a
new file OUT.db (--force replaces one). Everything is copied in one transaction, then every table's row
count and checksum are compared on both sides: on any failure or difference nothing is kept.
"""


def add_parser(sub, say, db_option) -> None:
    import argparse

    transfer = sub.add_parser("transfer", help=say("move a database onto the shared server, or back into a file"),
                              description=say(TRANSFER_DESCRIPTION),
                              formatter_class=argparse.RawDescriptionHelpFormatter)
    where = transfer.add_mutually_exclusive_group(required=True)
    where.add_argument("--to", metavar="URL", help=say("copy the database file into this empty server database"))
    where.add_argument("--from", dest="from_url", metavar="URL", help=say("copy this server database into OUT.db"))
    transfer.add_argument("out", metavar="OUT.db", nargs="?", help=say("with --from: the new database file"))
    transfer.add_argument("--force", action="store_true", help=say("with --from: replace OUT.db if it exists"))
    db_option(transfer)


def cmd_transfer(args, lang: str, db_path) -> int:
    from twindesk.domain import transfer_database
    from twindesk.store.server.address import parse_database_url

    def say(template: str, **params) -> str:
        return render(template, params, lang)

    report = _ProgressLines(say)
    if args.to is not None:
        if args.out is not None:
            raise UserError("{out}: give OUT.db only with --from (--to copies into the server)", out=args.out)
        address = _signed_in(parse_database_url(args.to))
        result = transfer_database.transfer_to_server(db_path(args), address, progress=report)
    else:
        if args.out is None:
            raise UserError("--from needs the file to write: twindesk transfer --from URL OUT.db")
        address = _signed_in(parse_database_url(args.from_url))
        result = transfer_database.transfer_from_server(address, Path(args.out), replace=args.force,
                                                        progress=report)
    print(say("copied {source} to {target} in {seconds} s", source=result.source, target=result.target,
              seconds=f"{result.seconds:.1f}"))
    if result.schema_created:
        print(say("the server database was empty: TwinDesk's tables were made in it (give staff their roles "
                  "with twindesk server grant)"))
    width = max(len(t.name) for t in result.tables)
    print(f"  {say('table'):<{width}}  {say('source'):>9}  {say('copy'):>9}")
    for table in result.tables:
        print(f"  {table.name:<{width}}  {table.source_rows:>9}  {table.target_rows:>9}  "
              f"{say('same') if table.same else say('DIFFERENT')}")
    print(say("verified: {rows} rows in {tables} tables, counts and checksums equal on both sides",
              rows=result.rows, tables=len(result.tables)))
    return 0


def _signed_in(address):
    """The server's login signed in to as every command's is (the keyring's password, ~/.pgpass, or asked
    at a terminal; a script without one fails at once): domain/server_connection.py."""
    from twindesk.domain.server_connection import sign_in, terminal_asker

    sign_in(address, terminal_asker(address.display()))
    return address


class _ProgressLines:
    """A line on stderr when the copy starts and then at most one a second: which table, how far."""

    def __init__(self, say, every_s: float = 1.0):
        self.say, self.every_s, self.last = say, every_s, None

    def __call__(self, table: str, rows: int, done: int, total: int) -> None:
        now = time.monotonic()
        if self.last is not None and now - self.last < self.every_s and done < total:
            return
        self.last = now
        share = 100 * done // total if total else 100
        print(self.say("twindesk: copying {table} ({done} of {total} rows, {share}%)", table=table, done=done,
                       total=total, share=share), file=sys.stderr, flush=True)


add_chinese({
    TRANSFER_DESCRIPTION: """\
复制整个 TwinDesk 数据库，包括修改记录和文件，所有编号、UUID 和版本保持不变。--to URL 将数据库文件（--db，否则为
默认数据库）复制到一个空的 PostgreSQL 数据库（新建的，或管理员刚初始化好的）；--from URL OUT.db 将服务器
数据库复制到新文件 OUT.db（--force 可替换已有文件）。全部内容在一个事务中复制，然后比较两边每个数据表的行数和校验和：
出现任何错误或不一致，都不保留任何内容。
""",
    "move a database onto the shared server, or back into a file": "将数据库迁移到共享服务器，或迁回文件",
    "copy the database file into this empty server database": "将数据库文件复制到此空的服务器数据库",
    "copy this server database into OUT.db": "将此服务器数据库复制到 OUT.db",
    "with --from: the new database file": "与 --from 一起使用：新的数据库文件",
    "with --from: replace OUT.db if it exists": "与 --from 一起使用：如 OUT.db 已存在则替换",
    "{out}: give OUT.db only with --from (--to copies into the server)":
        "{out}：只有 --from 才需要 OUT.db（--to 复制到服务器）",
    "--from needs the file to write: twindesk transfer --from URL OUT.db":
        "--from 需要给出要写入的文件：twindesk transfer --from URL OUT.db",
    "copied {source} to {target} in {seconds} s": "已将 {source} 复制到 {target}，用时 {seconds} 秒",
    "the server database was empty: TwinDesk's tables were made in it (give staff their roles with twindesk "
    "server grant)": "服务器数据库原为空：已在其中建立 TwinDesk 的数据表（用 twindesk server grant 为工作人员分配角色）",
    "table": "数据表", "source": "源", "copy": "副本", "same": "一致", "DIFFERENT": "不一致",
    "verified: {rows} rows in {tables} tables, counts and checksums equal on both sides":
        "已核对：{tables} 个数据表共 {rows} 行，两边的行数和校验和一致",
    "twindesk: copying {table} ({done} of {total} rows, {share}%)":
        "twindesk：正在复制 {table}（{total} 行中的 {done} 行，{share}%）",
    "work on a database file on a network drive even so (SQLite's locking is not safe there)":
        "仍然使用网络驱动器上的数据库文件（SQLite 的文件锁在那里不可靠）",
})
