"""The table of a record's documents, and the files held for a record not yet saved.

The table's rows are `DocumentRow`s from `queries.documents` (read without file contents); a file
added before its record's first Save is a `DocumentRow` too, under a stand-in id below zero, with its
checked bytes beside it (`PendingFiles`), so the table, the preview and the edit form treat both alike.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from twindesk.domain.model.file_types import title_from_name
from twindesk.domain.operations.documents import Incoming
from twindesk.domain.queries import documents as dq
from twindesk.ui.common.formatting import format_value
from twindesk.ui.lists.list_model import Column


def document_columns(lang: str) -> list[Column]:
    def added(row: dq.DocumentRow) -> str:
        when = format_value(row.created_at.date(), lang) if row.created_at else QCoreApplication.translate("DocumentsPanel", "not saved yet")
        return f"{row.created_by}, {when}" if row.created_by else when

    return [
        Column("title", QCoreApplication.translate("DocumentsPanel", "Title"), lambda row: row.title),
        Column("kind", QCoreApplication.translate("DocumentsPanel", "Kind"), lambda row: row.kind_label(lang)),
        Column("dated_on", QCoreApplication.translate("DocumentsPanel", "Date"), lambda row: format_value(row.on, lang)),
        Column("file_name", QCoreApplication.translate("DocumentsPanel", "File"), lambda row: row.display_name),
        Column("size", QCoreApplication.translate("DocumentsPanel", "Size"), lambda row: row.size_text(lang), align_right=True),
        Column("added", QCoreApplication.translate("DocumentsPanel", "Added"), added),
    ]


@dataclass
class PendingFile:
    row: dq.DocumentRow
    data: bytes


class PendingFiles:
    """Files checked and held until the record's first Save, in the order added."""

    def __init__(self):
        self._files: dict[int, PendingFile] = {}
        self._next = -1

    def __len__(self) -> int:
        return len(self._files)

    def add(self, incoming: Incoming, owner_kind: str, user: str) -> int:
        row_id, self._next = self._next, self._next - 1
        row = dq.DocumentRow(row_id, "", owner_kind, 0, title_from_name(incoming.name), "other", None, "",
                             incoming.name, len(incoming.data), incoming.type.mime, incoming.type.code,
                             incoming.sha256, None, user)
        self._files[row_id] = PendingFile(row, incoming.data)
        return row_id

    def rows(self) -> dict[int, dq.DocumentRow]:
        return {i: f.row for i, f in self._files.items()}

    def data(self, row_id: int) -> bytes | None:
        found = self._files.get(row_id)
        return found.data if found else None

    def change(self, row_id: int, fields: dict) -> None:
        """The fields kept by the document's form (title, kind, dated_on, note)."""
        pending = self._files[row_id]
        renamed = {"on" if name == "dated_on" else name: value for name, value in fields.items()}
        pending.row = dataclasses.replace(pending.row, **renamed)

    def remove(self, row_ids) -> None:
        for row_id in row_ids:
            self._files.pop(row_id, None)

    def clear(self) -> None:
        self._files.clear()

    def for_save(self) -> list[dict]:
        """What the record's first Save attaches: each file with its title, kind, date and note."""
        return [{"file": (f.row.file_name, f.data), "title": f.row.title, "kind": f.row.kind, "on": f.row.on,
                 "note": f.row.note} for f in self._files.values()]
