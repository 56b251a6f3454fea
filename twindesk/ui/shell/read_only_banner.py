"""The bar at the top of a read-only window: why it cannot change the database, and who holds it.

A window is read-only when another TwinDesk window (or a writing command) holds the database's lock,
or when the medium, folder or file cannot be written (docs/architecture.md, "The lock").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from twindesk.ui.shell.lock_prompt import format_since

if TYPE_CHECKING:
    from twindesk.domain.workspace import LockHolder


def held_by(holder: LockHolder) -> str:
    """The banner's words when another window holds the database."""
    return (QCoreApplication.translate(
        "ReadOnlyBanner", "Read-only: this database is open in TwinDesk by %1 on %2 since %3. "
        "Close that window to make changes here.")
            .replace("%1", holder.user).replace("%2", holder.host).replace("%3", format_since(holder.since)))


def read_only_medium(reason: str) -> str:
    """The banner's words when the file or where it lies cannot be written (`reason` says which)."""
    return QCoreApplication.translate("ReadOnlyBanner", "Read-only: %1").replace("%1", reason)


def with_banner(content: QWidget, text: str) -> QWidget:
    """`content` under a visible bar saying `text` (or a general reason when `text` is empty)."""
    banner = QLabel(text or QCoreApplication.translate(
        "ReadOnlyBanner", "Read-only: this window cannot change the database."))
    banner.setObjectName("read_only_banner")
    banner.setWordWrap(True)
    banner.setStyleSheet("background: #fff4ce; color: #4d3800; padding: 6px 10px;"
                         " border-bottom: 1px solid #e0c060;")
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(0)
    layout.addWidget(banner)
    layout.addWidget(content, 1)
    box.banner = banner  # for the window and tests
    return box
