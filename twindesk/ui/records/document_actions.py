"""What the Documents tab does with files on disk: which dropped things are local files, checking each
file on its own (so one bad file does not hold back the rest), saying which were refused, the
temporary copy handed to the system's viewer, Save a copy…, and the question before a removal.

A name as given is shown, never used as a path: a copy is written under the document's safe name
(`DocumentRow.safe_name`), in a private temporary folder or where the person chose.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QMimeData, QUrl
from PySide6.QtWidgets import QMessageBox, QWidget

from twindesk.domain.model.errors import UserError
from twindesk.domain.operations import documents
from twindesk.domain.queries import document_files
from twindesk.domain.queries import documents as dq
from twindesk.ui.common import file_dialogs
from twindesk.ui.common.error_text import user_error_message
from twindesk.ui.common.replace_prompt import ask_to_write
from twindesk.ui.records.conflict_retry import retry_on_conflict

_copies: list[document_files.TemporaryCopies] = []  # one for the process, removed at exit



def local_files(mime: QMimeData) -> list[str]:
    """The dropped local files' paths; [] unless everything dropped is a local file (a web link is not)."""
    if not mime.hasUrls():
        return []
    urls = mime.urls()
    if not urls or not all(url.isLocalFile() for url in urls):
        return []
    return [url.toLocalFile() for url in urls]


def check_each(paths: list[str]) -> tuple[list[documents.Incoming], list]:
    """The files that pass the checks, and a message for each one refused."""
    accepted, problems = [], []
    for path in paths:
        try:
            accepted += documents.check_files([path])
        except documents.DocumentsRefused as exc:
            problems += exc.problems
    return accepted, problems


def show_refused(parent: QWidget, problems: list, *, attached: int, lang: str) -> None:
    head = (QCoreApplication.translate("DocumentActions", "These files were not attached:") if attached else QCoreApplication.translate("DocumentActions", "Nothing was attached:"))
    QMessageBox.warning(parent, QCoreApplication.translate("DocumentActions", "Files refused"), head + "\n\n" + "\n\n".join(p.text(lang) for p in problems))


def temporary_copy(parent: QWidget, row: dq.DocumentRow) -> QUrl | None:
    """A read-only copy to open, under the document's safe name in a private folder removed at exit."""
    if not _copies:
        _copies.append(document_files.TemporaryCopies())
    try:
        return QUrl.fromLocalFile(str(_copies[0].copy(row.id)))
    except (UserError, OSError) as exc:
        QMessageBox.warning(parent, QCoreApplication.translate("DocumentActions", "Open"), user_error_message(exc))
        return None


def cleanup() -> None:
    for copies in _copies:
        copies.cleanup()


def save_copy(parent: QWidget, row: dq.DocumentRow) -> Path | None:
    """Save a copy… under a name and folder the person chooses (the safe name suggested); a file that is
    there already is replaced only after "Yes"."""
    chosen = file_dialogs.save_file_name(parent, QCoreApplication.translate("DocumentActions", "Save a copy"), row.safe_name, QCoreApplication.translate("DocumentActions", "All files (*)"))
    if not chosen:
        return None
    target = Path(chosen)
    database = _database_of(parent)
    replace = ask_to_write(parent, target, database)
    if replace is None:
        return None
    try:
        return document_files.save_copy(row.id, target, replace=replace)
    except (UserError, OSError) as exc:
        QMessageBox.warning(parent, QCoreApplication.translate("DocumentActions", "Save a copy"), user_error_message(exc))
        return None


def _database_of(widget: QWidget | None) -> Path | None:
    """The database the main window has open (never to be overwritten by a copy), found up the parents."""
    while widget is not None:
        if getattr(widget, "db_path", None) is not None:
            return Path(widget.db_path)
        widget = widget.parentWidget()
    return None


def confirm_remove(parent: QWidget, count: int) -> bool:
    text = (QCoreApplication.translate("DocumentActions", "Remove this document from the record?") if count == 1
            else QCoreApplication.translate("DocumentActions", "Remove these %1 documents from the record?").replace("%1", str(count)))
    answer = QMessageBox.question(parent, QCoreApplication.translate("DocumentActions", "Remove"), text + "\n\n" + QCoreApplication.translate("DocumentActions", "Edit › Undo brings them back."),
                                  QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                  QMessageBox.StandardButton.No)
    return answer == QMessageBox.StandardButton.Yes


def detach_checked(parent: QWidget, versions: dict[int, int], lang: str, user: str) -> bool:
    """Remove the documents as the person saw them (id -> version); one changed meanwhile says who changed
    what and asks again (conflict_retry), as a record's delete does. True when removed."""
    return retry_on_conflict(
        parent, lambda seen: documents.detach(list(seen), user=user, expected_versions=seen), versions,
        question=QCoreApplication.translate("DocumentActions", "Remove it anyway?"),
        failure_title=QCoreApplication.translate("DocumentActions", "Remove"), lang=lang)
