"""The one door for every change (docs/architecture.md, "The one door").

Every write to the database enters through `operation(...)`:

1. it checks that this process holds the database's write lock (the window's, or the command's);
2. it runs one `BEGIN IMMEDIATE` transaction, which waits up to the busy timeout for another writer
   instead of failing at once (on a PostgreSQL server one `BEGIN` at READ COMMITTED);
3. the code inside changes rows and tells the operation which records it touched (`op.track`); the
   operation compares them before and after and writes the history rows, per record and field, in the
   same transaction;
4. on commit, the undo history learns of the step, and one change notice (`Changes`) goes to every
   subscriber: the window refreshes from these notices only. On a server the notice is also sent,
   inside the transaction, to the other TwinDesks (domain/remote_changes.py).

Nothing else writes: a test fails when any SQL outside an operation changes the database.
"""

from __future__ import annotations

import getpass
import json
import socket
import threading
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass

from twindesk.domain.model.specs import model_kind
from twindesk.domain.operations import write_access
from twindesk.domain.operations.change_payload import announce
from twindesk.store import dialect
from twindesk.store import models as m
from twindesk.store.engine import is_server
from twindesk.store.errors import UserError
from twindesk.store.models import database

# Columns the history does not list field by field: they change with every save, or derive from fields.
BOOKKEEPING = frozenset({"id", "uuid", "version", "created_at", "updated_at", "updated_by", "search_text",
                         "sort_zh", "illustrative"})


class NoWriteLock(UserError):
    """This process does not hold the database's write lock: nothing was written."""


@dataclass(frozen=True)
class Changes:
    """What one committed operation touched: the change notice every open view reads."""

    operation_id: int
    action: str
    ids: Mapping[str, frozenset[int]]  # record kind -> ids created, changed or deleted
    everything: bool = False  # an import, a restore, the demo: every view refreshes
    remote: bool = False  # made by another TwinDesk on the server (domain/remote_changes.py)
    by: str = ""  # who made it: the staff name

    @property
    def kinds(self) -> frozenset[str]:
        return frozenset(self.ids)

    def touches(self, kind: str) -> bool:
        return self.everything or kind in self.ids


# -- who writes ---------------------------------------------------------------------------------------

_staff_name = ""


def set_staff_name(name: str) -> None:
    """The name from Settings, written as "who" on every change from now on."""
    global _staff_name
    _staff_name = (name or "").strip()


def actor() -> str:
    """Who is changing data: the staff name from Settings, else the system's user and host; never blank."""
    if _staff_name:
        return _staff_name
    try:
        user = getpass.getuser()
    except Exception:  # no login name (some services): still say something true
        user = "unknown user"
    return f"{user}@{socket.gethostname()}"


# -- the write lock -----------------------------------------------------------------------------------

# A store.instance_lock.DatabaseLock held by this process, or on a server a domain.server_session.ServerSession;
# bound by domain.workspace.
_write_lock = None


def bind_write_lock(lock) -> None:
    global _write_lock
    _write_lock = lock


def require_write_lock() -> None:
    lock = _write_lock
    refuse_write = getattr(lock, "refuse_write", None)
    if refuse_write is not None:  # a server session (domain/server_session.py): no lock file to hold
        refuse_write()
        return
    if lock is None or not lock.still_held():
        holder = lock.holder() if lock is not None else None
        if holder is None:
            raise NoWriteLock("This TwinDesk does not hold the database's write lock, so nothing was saved. "
                              "Copy what you typed, or save it after reopening the database.")
        raise NoWriteLock("This TwinDesk does not hold the database's write lock, so nothing was saved. "
                          "It is now held by {user} on {host} since {since}. "
                          "Copy what you typed, or save it after reopening the database.",
                          user=holder.user, host=holder.host, since=f"{holder.since:%Y-%m-%d %H:%M}")


# -- change notices -----------------------------------------------------------------------------------

_subscribers: list[Callable[[Changes], None]] = []


def subscribe(callback: Callable[[Changes], None]) -> None:
    _subscribers.append(callback)


def unsubscribe(callback: Callable[[Changes], None]) -> None:
    if callback in _subscribers:
        _subscribers.remove(callback)


def _publish(changes: Changes) -> None:
    for callback in list(_subscribers):
        callback(changes)


def publish_heard(changes: Changes) -> None:
    """A notice of another process's change (remote=True), from the thread that heard it."""
    _publish(changes)


# -- history rows -------------------------------------------------------------------------------------


def _table(model) -> str:
    return model._meta.table_name


def rows_by_id(model, ids: Iterable[int]) -> dict[int, dict]:
    """The stored rows as SQLite holds them (plain values, on either engine: store/dialect.py), by id."""
    ids = list(dict.fromkeys(ids))
    out: dict[int, dict] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        cur = dialect.execute(f'SELECT * FROM "{_table(model)}" WHERE id IN ({", ".join("?" * len(chunk))})', chunk)
        for row in dialect.rows_as_dicts(cur):
            out[row["id"]] = row
    return out


def to_json(value) -> str:
    return json.dumps(value, ensure_ascii=False, default=str)


class Operation:
    """One operation under way: the records it touched, compared before and after for the history."""

    def __init__(self, action: str, user: str, kind: str, record_id: int | None, summary: str,
                 everything: bool, undoes: int | None):
        self.action, self.user, self.kind, self.record_id = action, user, kind, record_id
        self.summary, self.everything, self.undoes = summary, everything, undoes
        self.at = m.now()
        self.id: int | None = None  # given when the operation is written, at its end
        self._before: dict[type, dict[int, dict | None]] = {}
        self._rows: list[tuple] = []
        self._bulk: list[tuple[type, list[int]]] = []
        self.ids: dict[str, set[int]] = {}
        self.versions: dict[tuple[str, int], int] = {}  # each record's version after it (not for deletes)

    def track(self, model, ids: Iterable[int]) -> None:
        """Remember these records as they are now, before the operation changes them (or creates them:
        an id not yet stored counts as created when it appears)."""
        ids = [i for i in ids if i is not None]
        seen = self._before.setdefault(model, {})
        fresh = [i for i in ids if i not in seen]
        found = rows_by_id(model, fresh)
        for i in fresh:
            seen[i] = found.get(i)

    def track_new(self, model, record_id: int) -> None:
        """A record this operation has just created."""
        self._before.setdefault(model, {})[record_id] = None

    def created_in_bulk(self, model, ids: Iterable[int]) -> None:
        """Rows the operation inserted in bulk (an import): their history rows are written by SQLite
        itself at the end, each row as JSON, without bringing the rows back into Python."""
        ids = list(ids)
        if ids:
            self._bulk.append((model, ids))
            self.ids.setdefault(model_kind(model), set()).update(ids)

    def _compare(self) -> None:
        for model, before in self._before.items():
            kind = model_kind(model)
            after = rows_by_id(model, before)
            for record_id, old in before.items():
                new = after.get(record_id)
                if old is None and new is None:
                    continue
                if old is None:
                    self._rows.append((kind, record_id, "create", "", None, to_json(new), new["version"]))
                elif new is None:
                    self._rows.append((kind, record_id, "delete", "", to_json(old), None, old["version"]))
                else:
                    changed = [c for c in new if c not in BOOKKEEPING and new[c] != old.get(c)]
                    if not changed:
                        continue
                    for column in changed:
                        self._rows.append((kind, record_id, "update", column, to_json(old.get(column)),
                                           to_json(new[column]), new["version"]))
                self.ids.setdefault(kind, set()).add(record_id)
                if new is not None:
                    self.versions[(kind, record_id)] = new["version"]
        self._before.clear()

    def finish(self) -> None:
        """Write the operation and its history rows (still inside its transaction)."""
        self._compare()
        if not self._rows and not self._bulk and not self.everything:
            return  # nothing changed (a form saved as it was): no history, no undo step, no notice
        self.id = m.HistoryOperation.insert(
            action=self.action, kind=self.kind, record_id=self.record_id, summary=self.summary, user=self.user,
            db_user=write_access.database_login(), at=self.at, undoes=self.undoes).execute()
        if self._rows:
            dialect.executemany(
                'INSERT INTO "history_change" ("operation_id", "kind", "record_id", "change", "field", "old", '
                '"new", "version") VALUES (?, ?, ?, ?, ?, ?, ?, ?)', [(self.id, *r) for r in self._rows])
            self._rows.clear()
        for model, ids in self._bulk:
            self._write_bulk_creates(model, ids)
        self._bulk.clear()

    def _write_bulk_creates(self, model, ids: list[int]) -> None:
        table = _table(model)
        wanted, ids_param = dialect.in_ids('"id"', ids)
        dialect.execute(
            f'INSERT INTO "history_change" ("operation_id", "kind", "record_id", "change", "field", "old", "new", '
            f'"version") SELECT ?, ?, "id", \'create\', \'\', NULL, {dialect.row_json(table)}, "version" FROM "{table}" '
            f'WHERE {wanted}', (self.id, model_kind(model), ids_param))

    def changes(self) -> Changes:
        return Changes(self.id, self.action, {k: frozenset(v) for k, v in self.ids.items()}, self.everything,
                       by=self.user)


# -- the door -----------------------------------------------------------------------------------------


def _transaction():
    """SQLite: BEGIN IMMEDIATE, which takes the file's write lock at once (waiting up to the busy
    timeout). PostgreSQL: BEGIN at READ COMMITTED (store/server/database.py, `server_transaction`)."""
    if is_server():
        from twindesk.store.server.database import server_transaction

        return server_transaction(database.obj)
    return database.atomic("IMMEDIATE")


_local = threading.local()


def current() -> Operation | None:
    """The operation under way in this thread, if any (its writes are allowed)."""
    return getattr(_local, "operation", None)


@contextmanager
def operation(action: str, *, kind: str = "", record_id: int | None = None, summary: str = "",
              summary_params: dict | None = None, user: str | None = None, everything: bool = False,
              undoable: bool = True, undoes: int | None = None) -> Iterator[Operation]:
    """Run the block as one operation: lock checked, one transaction (IMMEDIATE on SQLite), history, notice.

    Inside another operation of this thread, the block joins it (one transaction, one step).
    `undoable=False` (an import, a restore, the demo) clears the undo history instead of adding a step.
    """
    running = current()
    if running is not None:
        yield running
        return
    write_access.require(action, kind)  # a server login's role: a refused write says why before it begins
    require_write_lock()
    from twindesk.domain.operations import undo  # the undo history sits on top of this door

    with write_access.server_refusals(), _transaction():
        if summary_params is not None:  # a template and its values: the history says it in the reader's language
            summary = to_json({"template": summary, "params": summary_params})
        op = Operation(action, (user or "").strip() or actor(), kind, record_id, summary, everything, undoes)
        _local.operation = op
        try:
            yield op
            op.finish()
            if op.id is not None:  # on a server, the others hear of it at commit (docs/architecture.md)
                announce(op.id, op.action, op.ids, op.everything, op.user)
        finally:
            _local.operation = None
    if op.id is not None:
        undo.history.committed(op, undoable)
        _publish(op.changes())
