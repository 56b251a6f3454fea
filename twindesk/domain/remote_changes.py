"""Other staff's changes, heard from the server, told to this process's views as change notices.

On a PostgreSQL server every operation NOTIFYs the others at commit (domain/operations/change_payload.py).
`start()` listens on a connection of its own (store/change_listener.py) and hands each notice to the
door's subscribers as a `Changes` with `remote=True` and `by` = who made it, from the listening thread
(the window's bus queues it into the GUI thread). Its own notices are passed over. After the connection
was lost and came back, one `everything` notice: what was missed meanwhile is read again. Nothing on
SQLite: one writer, no channel (docs/architecture.md, "Changes from other staff").
"""

from __future__ import annotations

from twindesk.domain.operations import change_payload, door
from twindesk.store import notify_channel
from twindesk.store.change_listener import ChangeListener, params_of
from twindesk.store.models import database

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


def as_changes(heard: change_payload.Heard) -> door.Changes:
    return door.Changes(heard.operation_id, heard.action, heard.ids, heard.everything, remote=True,
                        by=heard.who or heard.login)


def _heard(payload: str) -> None:
    heard = change_payload.decode(payload)
    if heard is not None:
        door.publish_heard(as_changes(heard))


def _reconnected() -> None:
    door.publish_heard(door.Changes(0, RECONNECTED, {}, everything=True, remote=True))
