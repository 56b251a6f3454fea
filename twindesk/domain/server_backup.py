"""Backing up a server database: PostgreSQL's own pg_dump and pg_restore, not a copy of a file
(docs/architecture.md, "Moving a database to the server and back"). The window's File › Back up and
Restore and the command line's `backup` and `restore` say so, with the exact commands for the server
they are connected to; there are no rotating copies beside a file that does not exist.
"""

from __future__ import annotations

from datetime import date

from twindesk.store.errors import UserError
from twindesk.store.messages import Message, add_chinese

ADVICE = ("{server} is a PostgreSQL database: it is backed up with PostgreSQL's own pg_dump, not by copying a "
          "file. Back it up (on any machine that reaches the server, as its owner or an administrator) with\n"
          "  {dump}\nand restore such a backup into it with\n  {restore}\nA TwinDesk file of it, to take "
          "along or keep: twindesk transfer --from {url} COPY.db")

add_chinese({
    ADVICE: "{server} 是 PostgreSQL 数据库：用 PostgreSQL 自带的 pg_dump 备份，而不是复制文件。在任何能连接到服务器的"
            "电脑上（以数据库所有者或管理员身份）备份：\n  {dump}\n将这样的备份恢复到该数据库：\n  {restore}\n"
            "如需一份 TwinDesk 数据库文件（便于携带或保存）：twindesk transfer --from {url} COPY.db",
})


class ServerBackedUpByPgDump(UserError):
    """A file backup or restore was asked of a server database: what to do instead."""

    def __init__(self, address, today: date | None = None):
        self.address = address
        self.dump, self.restore = pg_dump_command(address, today), pg_restore_command(address, today)
        super().__init__(ADVICE, **advice_params(address, today))


def advice(address, today: date | None = None) -> Message:
    """What the window's Back up and Restore say on a server."""
    return Message(ADVICE, advice_params(address, today))


def advice_params(address, today: date | None = None) -> dict:
    return {"server": address.display(), "dump": pg_dump_command(address, today),
            "restore": pg_restore_command(address, today), "url": _quoted(address.url())}


def dump_file_name(address, today: date | None = None) -> str:
    return f"{address.database or 'twindesk'}-{(today or date.today()):%Y-%m-%d}.dump"


def pg_dump_command(address, today: date | None = None) -> str:
    """pg_dump's custom format: compressed, and pg_restore can take back all of it or one table."""
    return f"pg_dump --format=custom --file={dump_file_name(address, today)} --dbname={_quoted(address.url())}"


def pg_restore_command(address, today: date | None = None) -> str:
    """Over the database's own tables (--clean), in one transaction: whole or not at all."""
    return (f"pg_restore --clean --if-exists --single-transaction --exit-on-error --dbname={_quoted(address.url())} "
            f"{dump_file_name(address, today)}")


def _quoted(text: str) -> str:
    # Double quotes read the same in a POSIX shell, cmd.exe and PowerShell; a URL holds no " or $.
    return f'"{text}"'
