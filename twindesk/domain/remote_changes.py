"""Other staff's changes, heard from the server, told to this process's views as change notices.

On a PostgreSQL server every operation NOTIFYs the others at commit (domain/operations/change_payload.py).
`start()` listens on a connection of its own (store/server/change_listener.py) and hands each notice to the
door's subscribers as a `Changes` with `remote=True` and `by` = who made it, from the listening thread
(the window's bus queues it into the GUI thread); several heard in one wait make one notice. Its own
notices are passed over. After the connection
was lost and came back, one `everything` notice: what was missed meanwhile is read again. Nothing on
SQLite: one writer, no channel (docs/architecture.md, "Changes from other staff").
"""

from __future__ import annotations

from twindesk.domain.operations import change_payload, door
from twindesk.store.models import database
from twindesk.store.server import notify_channel
from twindesk.store.server.change_listener import ChangeListener, params_of

RECONNECTED = "reconnected"  # the action of the `everything` notice after a lost connection

_listener: ChangeListener | None = None


def start() -> bool:
    """Listen for other processes' changes to the open server database (once; False on SQLite)."""
    global _listener
    if _listener is not None:
        return True
    if not notify_channel.on_server():
        return False
    _listener = ChangeListener(params_of(database.obj), _heard, _reconnected)
    _listener.start()
    return True


def stop() -> None:
    """Stop listening (closing the database, switching to another)."""
    global _listener
    listener, _listener = _listener, None
    if listener is not None:
        listener.stop()


def listener() -> ChangeListener | None:
    return _listener


SEVERAL = "several"  # the action of one notice standing for several different ones


def as_changes(*heard: change_payload.Heard) -> door.Changes:
    """One remote notice for what was heard together: every id, and everyone who made the changes."""
    ids: dict[str, frozenset[int]] = {}
    for notice in heard:
        for kind, found in notice.ids.items():
            ids[kind] = ids.get(kind, frozenset()) | found
    actions = {notice.action for notice in heard}
    who = ", ".join(dict.fromkeys(notice.who or notice.login for notice in heard))
    return door.Changes(max(notice.operation_id for notice in heard), actions.pop() if len(actions) == 1 else SEVERAL,
                        ids, any(notice.everything for notice in heard), remote=True, by=who)


def _heard(payloads: list[str]) -> None:
    heard = [notice for notice in map(change_payload.decode, payloads) if notice is not None]
    if heard:
        door.publish_heard(as_changes(*heard))


def _reconnected() -> None:
    from twindesk.domain.server_connection import server_answers

    server_answers()  # the listener's connection is back: the reads this notice starts may connect
    door.publish_heard(door.Changes(0, RECONNECTED, {}, everything=True, remote=True))
