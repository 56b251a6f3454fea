"""A document's content (its `document_blob` row): stored once per SHA-256, removed once nothing can bring
a document with it back (docs/architecture.md, "Documents": contents no document refers to).

The history holds document rows, not bytes, so a content no document refers to is kept while an undo or
redo could put a document with it back:
- SQLite: one process writes, so its own undo and redo lists are all there is (a new process has none:
  every orphan goes at open).
- A server: other processes' undo stacks are out of sight. A content goes only when no history row that
  could bring a document with it back (a document created or deleted with that SHA-256) is younger than
  `GRACE` (an undo stack lives one window session), nor on this process's lists.

Racing an attach of the same content, on a server: the attach stores the content unless stored
(`ON CONFLICT DO NOTHING`) and then holds its row `FOR KEY SHARE` until it commits (`store`); the
collection takes the rows it would remove `FOR UPDATE SKIP LOCKED` (a content an attach holds is left
for next time), and looks again, in a new statement, for a document or a recent history row before it
removes one. An attach that comes to a content the collection holds waits for it; if it was removed,
the attach stores it again.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import datetime, timedelta

from twindesk.domain.operations import door
from twindesk.store import dialect
from twindesk.store import models as m

GRACE = timedelta(days=7)
clock = datetime.now  # tests move it on to see the grace period pass
_HOLD = 'SELECT 1 FROM "document_blob" WHERE "sha256" = ? FOR KEY SHARE'
_ORPHANS = ('SELECT "sha256" FROM "document_blob" b WHERE NOT EXISTS '
            '(SELECT 1 FROM "document" d WHERE d."sha256" = b."sha256")')


def store(insert_sql: str, params: tuple) -> None:
    """Store a content (params: sha256, size, mime, bytes) unless it is stored; on a server hold its row
    until the operation commits, so no collection removes it under the attach."""
    dialect.execute(insert_sql, params)
    if not dialect.is_server():
        return  # BEGIN IMMEDIATE: no collection runs beside this operation
    while dialect.execute(_HOLD, (params[0],)).fetchone() is None:
        dialect.execute(insert_sql, params)  # a collection removed it just now: store it again


def _shas(rows: Iterable[tuple]) -> set[str]:
    found = set()
    for old, new in rows:
        for raw in (old, new):
            if raw:
                found.add(json.loads(raw).get("sha256"))
    return found


def _needed_by_undo() -> set[str]:
    """The contents a step on this process's undo or redo list could bring back."""
    from twindesk.domain.operations import undo

    steps = [s.operation_id for s in undo.history.undo_steps + undo.history.redo_steps]
    needed: set[str] = set()
    for start in range(0, len(steps), 500):
        chunk = steps[start:start + 500]
        needed |= _shas(dialect.execute(
            'SELECT "old", "new" FROM "history_change" WHERE "kind" = \'document\' AND "field" = \'\' '
            f'AND "operation_id" IN ({", ".join("?" * len(chunk))})', chunk))
    return needed


def _recently_in_history(now: datetime) -> set[str]:
    """Contents of documents created or deleted within the grace period (anyone's undo may want them)."""
    c, o = m.HistoryChange, m.HistoryOperation
    rows = (c.select(c.old, c.new).join(o, on=(c.operation == o.id))
            .where(c.kind == "document", c.field == "", o.at > now - GRACE).tuples())
    return _shas(rows)


def _in(column: str, shas: list[str]) -> str:
    return f'"{column}" IN ({", ".join("?" * len(shas))})'


def _still_unused(shas: list[str], now: datetime) -> list[str]:
    """Of `shas`, those whose rows this operation could lock (none an attach holds) and that, looked at
    again now, no document refers to and no recent history row names."""
    kept: list[str] = []
    for start in range(0, len(shas), 500):
        chunk = shas[start:start + 500]
        locked = {s for (s,) in dialect.execute(
            f'SELECT "sha256" FROM "document_blob" WHERE {_in("sha256", chunk)} FOR UPDATE SKIP LOCKED', chunk)}
        if locked:
            used = {s for (s,) in dialect.execute(
                f'SELECT DISTINCT "sha256" FROM "document" WHERE {_in("sha256", sorted(locked))}', sorted(locked))}
            kept += sorted(locked - used - _recently_in_history(now))
    return kept


def collect_blobs(*, user: str = "", now: datetime | None = None) -> int:
    """Remove the contents nothing can bring back any more (see above); how many. Without a content no
    document refers to, nothing is written (no transaction at all)."""
    if dialect.execute(_ORPHANS + " LIMIT 1").fetchone() is None:
        return 0
    now = now or clock()
    server = dialect.is_server()
    with door.operation("collect", user=user):  # no tracked rows: no history, no undo step, no notice
        needed = _needed_by_undo() | (_recently_in_history(now) if server else set())
        gone = [s for (s,) in dialect.execute(_ORPHANS).fetchall() if s not in needed]
        if server and gone:
            gone = _still_unused(gone, now)
        for sha in gone:
            dialect.execute('DELETE FROM "document_blob" WHERE "sha256" = ?', (sha,))
    return len(gone)
