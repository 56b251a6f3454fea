"""The question asked when the database file is on a network drive (docs/architecture.md, "A database
on a network drive"): SQLite's locking is not safe there, so read-only is offered first."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

READ_ONLY, ANYWAY = "read_only", "anyway"


def build_network_drive_prompt(parent: QWidget | None, path: Path, filesystem: str) -> QMessageBox:
    """The message box itself, not yet shown (tests drive it; `ask_network_drive` runs it)."""
    box = QMessageBox(parent)
    box.setObjectName("networkDrivePrompt")
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(QCoreApplication.translate("NetworkDrivePrompt", "Database on a network drive"))
    box.setText(QCoreApplication.translate("NetworkDrivePrompt", "The database %1 is on a network drive (%2).")
                .replace("%1", str(path)).replace("%2", filesystem))
    box.setInformativeText(QCoreApplication.translate("NetworkDrivePrompt",
        "SQLite's locking is not safe on a network drive: two PCs working on this file can damage it. For a "
        "database the whole office shares, use the shared server (Settings, or --database-url; see the README, "
        "\"A shared database for the office\"). You can open it read-only to look things up, or open it anyway "
        "if only this PC uses it."))
    read_only = box.addButton(QCoreApplication.translate("NetworkDrivePrompt", "Open read-only"),
                              QMessageBox.ButtonRole.AcceptRole)
    read_only.setObjectName("openReadOnlyButton")
    anyway = box.addButton(QCoreApplication.translate("NetworkDrivePrompt", "Open anyway"),
                           QMessageBox.ButtonRole.DestructiveRole)
    anyway.setObjectName("openAnywayButton")
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    cancel.setObjectName("cancelButton")
    box.setDefaultButton(read_only)
    box.setEscapeButton(cancel)
    box.answers = {read_only: READ_ONLY, anyway: ANYWAY}  # for callers and tests
    return box


def ask_network_drive(parent: QWidget | None, path: Path, filesystem: str) -> str | None:
    """READ_ONLY, ANYWAY, or None for Cancel (or Escape)."""
    box = build_network_drive_prompt(parent, path, filesystem)
    try:
        box.exec()
        return box.answers.get(box.clickedButton())
    finally:
        box.deleteLater()


def read_only_reason(filesystem: str) -> str:
    """The read-only banner's words for a database opened read-only from a network drive."""
    return QCoreApplication.translate("NetworkDrivePrompt", "Read-only: the database is on a network drive (%1), where two PCs writing it can damage it. "
               "The office shares a database through the shared server.").replace("%1", filesystem)
