"""A new record's parts held in memory until its first Save (docs/architecture.md, "A record with its parts").

While a visit (a partner, a shipment) has no ID yet, its sub-record panels keep the rows typed into
them here, shown in the same table; the row's own dialog checks it as usual but writes nothing
(`keep_row`). The record's Save then writes the record and every part as one operation
(`save_new_with_parts`), and the panels turn to the database.
"""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox

from twindesk.domain.model.errors import UserError, ValidationError
from twindesk.domain.operations import records_with_parts
from twindesk.ui.common.error_text import user_error_message


class PendingRows:
    """Rows in the order entered, each under a stand-in id below zero (the table model wants ids)."""

    def __init__(self, numbered: str | None = None):
        self.numbered = numbered  # a field kept equal to the row's place (a delegate's precedence)
        self._order: list[int] = []
        self._rows: dict[int, dict] = {}
        self._next = -1

    def __len__(self) -> int:
        return len(self._order)

    def ids(self) -> list[int]:
        return list(self._order)

    def rows(self) -> dict[int, dict]:
        return {i: {**self._rows[i], "id": i} for i in self._order}

    def row(self, row_id: int) -> dict:
        return dict(self._rows[row_id])

    def values(self) -> list[dict]:
        """The rows as the domain takes them, in order."""
        return [dict(self._rows[i]) for i in self._order]

    def add(self, values: dict) -> int:
        row_id, self._next = self._next, self._next - 1
        self._rows[row_id] = dict(values)
        self._order.append(row_id)
        self._place(row_id)
        return row_id

    def replace(self, row_id: int, values: dict) -> None:
        self._rows[row_id] = dict(values)
        self._place(row_id)

    def remove(self, row_id: int) -> None:
        self._order.remove(row_id)
        del self._rows[row_id]
        self._renumber()

    def move(self, row: int, to: int) -> None:
        self._order.insert(to, self._order.pop(row))
        self._renumber()

    def clear(self) -> None:
        self._order.clear()
        self._rows.clear()

    def _place(self, row_id: int) -> None:
        """A delegate typed with precedence 2 goes second; the others move down."""
        wanted = self._rows[row_id].get(self.numbered) if self.numbered else None
        if isinstance(wanted, int) and wanted > 0:
            self._order.remove(row_id)
            self._order.insert(min(wanted, len(self._order) + 1) - 1, row_id)
        self._renumber()

    def _renumber(self) -> None:
        if self.numbered:
            for position, row_id in enumerate(self._order, start=1):
                self._rows[row_id][self.numbered] = position


def _opener(dialog):
    parent = dialog.parentWidget()
    return parent.window() if parent is not None else None


def keep_row(dialog) -> bool:
    """Save of a row of a record not yet saved: check it as its form would be, keep it, write nothing."""
    parent_kind = dialog.spec.field(dialog.spec.parent).ref
    opener = _opener(dialog)
    typed = opener.values() if getattr(opener, "kind", None) == parent_kind else {}
    try:
        dialog.kept = records_with_parts.check_part(parent_kind, typed, dialog.kind, dialog.values())
    except ValidationError as exc:
        dialog.show_errors(exc)
        return False
    dialog.clear_errors()
    dialog._set_dirty(False)
    dialog.accept()
    return True


def _panels(dialog) -> list:
    return [dialog.tabs.widget(i) for i in range(1, dialog.tabs.count())
            if hasattr(dialog.tabs.widget(i), "pending_values")]


def save_new_with_parts(dialog) -> int | None:
    """The first Save of a record with parts: all of it in one operation; the new ID, or None (shown why)."""
    parts, partner_ids = {}, []
    for panel in _panels(dialog):
        if panel.kind == records_with_parts.PARTNERS:
            partner_ids = panel.pending_values()
        elif panel.pending_values():
            parts[panel.kind] = panel.pending_values()
    files = [f for i in range(1, dialog.tabs.count()) for f in getattr(dialog.tabs.widget(i), "pending_files", list)()]
    try:
        return records_with_parts.save_with_parts(dialog.kind, dialog.values(), parts, partner_ids,
                                                  user=dialog.user, documents=files)
    except records_with_parts.PartsInvalid as exc:
        _show_problems(dialog, exc)
    except ValidationError as exc:
        dialog.show_errors(exc)
    except UserError as exc:
        QMessageBox.warning(dialog, dialog.windowTitle(), user_error_message(exc))
    return None


def _show_problems(dialog, exc: records_with_parts.PartsInvalid) -> None:
    """The record's own errors next to their fields; each part's under the tabs, naming part and row."""
    dialog.show_errors(ValidationError(dialog.spec.label, exc.errors))
    if not exc.parts:
        return
    said = [dialog.general_error.text()] if dialog.general_error.isVisible() else []
    said += [problem.text(dialog.lang) for problem in exc.parts]
    dialog.general_error.setText("\n".join(said))
    dialog.general_error.show()
    if not exc.errors:  # nothing to fix on the form itself: show the first part that needs it
        first = exc.parts[0]
        for panel in _panels(dialog):
            if panel.kind == first.kind:
                dialog.tabs.setCurrentWidget(panel)
                panel.select_row(first.row - 1)
