"""The question asked when the database is already open in another TwinDesk window."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QDateTime, QLocale
from PySide6.QtWidgets import QMessageBox, QWidget

if TYPE_CHECKING:
    from twindesk.domain.workspace import LockHolder


def format_since(since: datetime) -> str:
    """The holder's start time in the user's locale, in local time."""
    local = since.astimezone()
    moment = QDateTime.fromSecsSinceEpoch(int(local.timestamp()))
    return QLocale().toString(moment, QLocale.FormatType.ShortFormat)


def build_lock_prompt(parent: QWidget | None, holder: LockHolder) -> QMessageBox:
    """The message box itself, not yet shown (tests drive it; `ask_read_only` runs it)."""
    box = QMessageBox(parent)
    box.setObjectName("lockPrompt")
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(QCoreApplication.translate("LockPrompt", "Database already open"))
    box.setText(
        QCoreApplication.translate("LockPrompt", "This database is open in TwinDesk by {user} on {host} since {time}.").format(
            user=holder.user, host=holder.host, time=format_since(holder.since)
        )
    )
    box.setInformativeText(
        QCoreApplication.translate("LockPrompt",
            "Two windows changing the same database could overwrite each other's work. "
            "You can open it read-only to look things up, or cancel and close the other window first."
        )
    )
    read_only = box.addButton(QCoreApplication.translate("LockPrompt", "Open read-only"), QMessageBox.ButtonRole.AcceptRole)
    read_only.setObjectName("openReadOnlyButton")
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    cancel.setObjectName("cancelButton")
    box.setDefaultButton(read_only)
    box.setEscapeButton(cancel)
    box.read_only_button = read_only  # for callers and tests
    return box


def ask_read_only(parent: QWidget | None, holder: LockHolder) -> bool:
    """Ask whether to open read-only. True for "Open read-only", False for Cancel (or Escape)."""
    box = build_lock_prompt(parent, holder)
    try:
        box.exec()
        return box.clickedButton() == box.read_only_button
    finally:
        box.deleteLater()
