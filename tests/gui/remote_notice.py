"""Another person's change, simulated in this process: written with the window's bus deaf and this
process's Undo left as it was (so it is not taken for this window's own), then announced from another thread as the server's listener does
(twindesk/domain/remote_changes.py). The real thing, a second process on a server:
tests/gui/test_remote_changes_window.py."""

import threading

from twindesk.domain.operations import door, records, undo
from twindesk.ui.common.databus import bus


def someone_else(kind: str, values: dict, record_id: int | None, *, who: str = "王芳", delete: bool = False) -> int:
    was = bus.blockSignals(True)
    steps = list(undo.history.undo_steps), list(undo.history.redo_steps)
    try:
        if delete:
            records.delete(kind, record_id, user=who)
        else:
            record_id = records.save(kind, values, record_id, user=who)
    finally:
        bus.blockSignals(was)
        undo.history.undo_steps[:], undo.history.redo_steps[:] = steps
    changes = door.Changes(99, "delete" if delete else "save", {kind: frozenset({record_id})}, remote=True, by=who)
    heard = threading.Thread(target=door.publish_heard, args=(changes,))
    heard.start()
    heard.join()
    return record_id
