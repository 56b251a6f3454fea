"""What stands for the write lock on a shared server (docs/architecture.md, "PostgreSQL: the shared
server (store)").

A SQLite file is written by one TwinDesk at a time, under its lock file. On a PostgreSQL server many
write at once: the server's own transactions and grants keep them apart, and each record's version
keeps one from overwriting another's change. So `door.require_write_lock` asks the session instead:
a read-write session may write; a read-only one says why not (its reason: opened read-only, or the
server's roles allow reading only).
"""

from twindesk.store.errors import UserError
from twindesk.store.messages import message


class ServerReadOnly(UserError):
    """The server session may not write; nothing was saved."""


class ServerSession:
    def __init__(self, address, *, read_only: bool = False, reason: str | None = None):
        self.address, self.read_only = address, read_only
        self.reason = reason or (message("opened read-only") if read_only else None)

    def refuse_write(self) -> None:
        """Raise ServerReadOnly when this session may not write."""
        if self.read_only:
            raise ServerReadOnly("{server}: nothing was saved: {reason}", server=self.address.display(),
                                 reason=self.reason)

    # The lock's questions (door.require_write_lock), for code that asks them directly.
    def still_held(self) -> bool:
        return not self.read_only

    def holder(self):
        return None
