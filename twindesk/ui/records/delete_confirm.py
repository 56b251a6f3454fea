"""Asking before a delete, for main records and sub-records alike: what goes with it, or why it cannot go."""

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from twindesk.domain.model.errors import UserError
from twindesk.domain.model.specs import SPECS
from twindesk.domain.operations import records
from twindesk.ui.common.error_text import user_error_message


def confirm_delete(parent: QWidget, kind: str, record_id: int, lang: str) -> bool:
    """True when the user agreed to delete the record, having been told what goes with it."""
    label = SPECS[kind].record_label(lang)
    try:
        impact = records.delete_impact(kind, record_id)
    except UserError as exc:
        QMessageBox.information(parent, QCoreApplication.translate("DeleteConfirm", "Delete"), user_error_message(exc))
        return False
    if not impact.allowed:
        QMessageBox.warning(parent, QCoreApplication.translate("DeleteConfirm", "Cannot delete"), impact.refusal(lang))
        return False
    text = QCoreApplication.translate("DeleteConfirm", "Delete this %1 (ID %2)?").replace("%1", label).replace("%2", str(record_id))
    if impact.removed:
        text += "\n\n" + QCoreApplication.translate("DeleteConfirm", "These go with it: %1.").replace("%1", records.describe_counts(impact.removed, lang))
    if impact.unlinked:
        text += "\n\n" + QCoreApplication.translate("DeleteConfirm", "These stay but lose their link to it: %1.").replace(
            "%1", records.describe_counts(impact.unlinked, lang))
    answer = QMessageBox.question(parent, QCoreApplication.translate("DeleteConfirm", "Delete"), text,
                                  QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                  QMessageBox.StandardButton.No)
    return answer == QMessageBox.StandardButton.Yes
