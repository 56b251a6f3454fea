"""Asking before a delete, for main records and sub-records alike: what goes with it, or why it cannot go;
and asking again when someone changed the record meanwhile (`delete_checked`, by conflict_retry)."""

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from twindesk.domain.model.errors import UserError
from twindesk.domain.model.specs import SPECS
from twindesk.domain.operations import records
from twindesk.ui.common.error_text import user_error_message
from twindesk.ui.records.conflict_retry import retry_on_conflict


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


def delete_checked(parent: QWidget, kind: str, record_id: int, lang: str, user: str,
                   version: int | None = None) -> bool:
    """Ask, then delete the record as the person saw it (`version`; else as it is when asked). If it
    changed meanwhile, say who changed what and ask again. True when it was deleted."""
    if version is None:
        try:
            version = records.get(kind, record_id)["version"]
        except UserError as exc:
            QMessageBox.information(parent, QCoreApplication.translate("DeleteConfirm", "Delete"),
                                    user_error_message(exc))
            return False
    if not confirm_delete(parent, kind, record_id, lang):
        return False
    return retry_on_conflict(
        parent, lambda seen: records.delete(kind, record_id, user=user, expected_version=seen[record_id]),
        {record_id: version}, question=QCoreApplication.translate("DeleteConfirm", "Delete it anyway?"),
        failure_title=QCoreApplication.translate("DeleteConfirm", "Cannot delete"), lang=lang)
