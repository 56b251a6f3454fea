"""A change made as the person saw it, asked again when someone else changed the thing meanwhile.

A delete or a removal names the versions the person looked at. When one of them moved on, the
operation raises `RecordConflict` ("changed since") and writes nothing; the person is told who
changed what and asked the caller's question again, and a Yes tries once more against the version
now stored (docs/architecture.md, "Conflicts"). Asked as often as it keeps changing.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from twindesk.domain.model.errors import UserError
from twindesk.domain.operations.conflicts import RecordConflict
from twindesk.ui.common.error_text import user_error_message


def retry_on_conflict(parent: QWidget, attempt: Callable[[dict[int, int]], None], versions: dict[int, int], *,
                      question: str, failure_title: str, lang: str) -> bool:
    """Run `attempt(versions)` (record id -> the version the person saw). On a conflict, show who changed
    what followed by `question` (e.g. "Delete it anyway?"); Yes tries again with that record's stored
    version. Another user error is shown under `failure_title`. True when the attempt went through."""
    versions = dict(versions)
    while True:
        try:
            attempt(versions)
            return True
        except RecordConflict as exc:
            answer = QMessageBox.question(parent, QCoreApplication.translate("ConflictRetry", "Changed by someone else"),
                                          exc.text(lang) + "\n\n" + question,
                                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                          QMessageBox.StandardButton.No)
            if answer != QMessageBox.StandardButton.Yes:
                return False
            versions[exc.record_id] = exc.their_version
        except UserError as exc:
            QMessageBox.warning(parent, failure_title, user_error_message(exc))
            return False
