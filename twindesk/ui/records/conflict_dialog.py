"""When a Save meets a record someone else changed since the form opened it (docs/architecture.md,
"Conflicts"): each field that differs, as I typed it and as they stored it, with who and when, and a
choice per field. "Save my choices" saves the merge on top of their version (and may meet another
change), "Discard mine and reload" shows what is stored, Cancel goes back to the form as typed.
A record deleted meanwhile can be saved as a new one or let go."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from twindesk.domain.model.specs import SPECS, RecordSpec
from twindesk.domain.operations.conflicts import FieldDifference, RecordConflict
from twindesk.domain.operations.document_versions import DOCUMENT_SPEC
from twindesk.domain.queries import details
from twindesk.ui.common.formatting import format_value

MINE, THEIRS = 0, 1  # a row's choice, as its combo box lists them


def spec_of(kind: str) -> RecordSpec | None:
    """The fields of what conflicted: a record kind's, or a document's (its kind is a choice as well)."""
    return DOCUMENT_SPEC if kind == DOCUMENT_SPEC.kind else SPECS.get(kind)


def shown(kind: str, difference: FieldDifference, value, lang: str) -> str:
    """A value as the form shows it: a reference by its name, a choice by its label in `lang` (the
    vocabulary's, as the form's list has it), a list of partners."""
    if isinstance(value, list):
        return ", ".join(details.choice_label("partner", p) or str(p) for p in value)
    spec = spec_of(kind)
    f = spec.by_name.get(difference.field) if spec is not None else None
    if f is None:
        return "" if value is None else str(value)
    if f.kind == "ref" and isinstance(value, int):
        return details.choice_label(f.ref, value) or str(value)
    if isinstance(value, str) and f.vocabulary is None and f.kind != "country":
        return value  # as typed, even where it is no valid value yet
    try:
        return format_value(value, lang, f.vocabulary, f.kind)
    except (KeyError, ValueError, TypeError):
        return str(value)


class ConflictDialog(QDialog):
    """`action` after exec(): "save" (with `choices()`), "reload" or "cancel"."""

    def __init__(self, conflict: RecordConflict, lang: str, parent=None):
        super().__init__(parent)
        self.conflict = conflict
        self.lang = lang
        self.action = "cancel"
        self.setObjectName("conflict_dialog")
        self.setWindowTitle(self.tr("Changed by someone else"))
        self.setMinimumWidth(640)
        when = format_value(conflict.changed_at, lang) or "?"  # 2026年12月1日 16:23, as the forms write it
        who = conflict.changed_by or self.tr("someone")
        if conflict.deleted:
            text = self.tr("%1 deleted this record at %2, after you opened it. Nothing was saved. "
                           "You can save what you typed as a new record, or let it go.")
        else:
            text = self.tr("%1 changed this record at %2, after you opened it. Nothing was saved yet. "
                           "Choose for each field whose value to keep.")
        note = QLabel(text.replace("%1", who).replace("%2", when))
        note.setObjectName("conflict_note")
        note.setWordWrap(True)

        self.table = QTableWidget(len(conflict.fields), 4)
        self.table.setObjectName("differences")
        theirs_header = (self.tr("Theirs (deleted by %1 at %2)") if conflict.deleted
                         else self.tr("Theirs (changed by %1 at %2)")).replace("%1", who).replace("%2", when)
        self.table.setHorizontalHeaderLabels([self.tr("Field"), self.tr("Yours"), theirs_header, self.tr("Keep")])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.choosers: dict[str, QComboBox] = {}
        for row, difference in enumerate(conflict.fields):
            self._add_row(row, difference)

        self.buttons = QDialogButtonBox()
        save_text = self.tr("Save as a new record") if conflict.deleted else self.tr("Save my choices")
        reload_text = self.tr("Discard mine") if conflict.deleted else self.tr("Discard mine and reload")
        self.save_button = self.buttons.addButton(save_text, QDialogButtonBox.ButtonRole.AcceptRole)
        self.save_button.setObjectName("save_choices")
        self.reload_button = self.buttons.addButton(reload_text, QDialogButtonBox.ButtonRole.DestructiveRole)
        self.reload_button.setObjectName("reload")
        self.cancel_button = self.buttons.addButton(self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        self.cancel_button.setObjectName("cancel")
        self.save_button.clicked.connect(lambda: self._finish("save"))
        self.reload_button.clicked.connect(lambda: self._finish("reload"))
        self.cancel_button.clicked.connect(lambda: self._finish("cancel"))

        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.buttons)
        self.save_button.setDefault(True)

    def _add_row(self, row: int, difference: FieldDifference) -> None:
        kind = self.conflict.kind
        mine = shown(kind, difference, difference.mine, self.lang)
        theirs = "—" if self.conflict.deleted else shown(kind, difference, difference.theirs, self.lang)
        if difference.changed_by and not self.conflict.deleted and difference.theirs_changed:
            when = format_value(difference.changed_at, self.lang)
            theirs += "  " + self.tr("(%1, %2)").replace("%1", difference.changed_by).replace("%2", when)
        for column, text in enumerate((difference.label_text(self.lang), mine, theirs)):
            item = QTableWidgetItem(text)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
            self.table.setItem(row, column, item)
        chooser = QComboBox()
        chooser.setObjectName(f"choice_{difference.field}")
        chooser.addItems([self.tr("Keep mine"), self.tr("Take theirs")])
        # Only they changed it: theirs; only I did, or both: mine (the person looks and decides).
        chooser.setCurrentIndex(THEIRS if difference.theirs_changed and not difference.mine_changed else MINE)
        chooser.setEnabled(not self.conflict.deleted)
        self.table.setCellWidget(row, 3, chooser)
        self.choosers[difference.field] = chooser

    def choices(self) -> dict[str, object]:
        """Field -> the value chosen for it (mine or theirs), for every field listed."""
        out = {}
        for difference in self.conflict.fields:
            take_theirs = self.choosers[difference.field].currentIndex() == THEIRS and not self.conflict.deleted
            out[difference.field] = difference.theirs if take_theirs else difference.mine
        return out

    def _finish(self, action: str) -> None:
        self.action = action
        if action == "cancel":
            self.reject()
        else:
            self.accept()

    def reject(self) -> None:  # Escape, the title bar's close: back to the form as typed
        if self.action not in ("save", "reload"):
            self.action = "cancel"
        super().reject()


def resolve_save(form, conflict: RecordConflict) -> bool:
    """The person's answer to a conflict met by `form`'s Save (a RecordDialog); True when it saved."""
    if not conflict.fields and not conflict.deleted:
        form.version = conflict.their_version  # every field reads as theirs does: nothing to choose
        return form.save()
    dialog = ConflictDialog(conflict, form.lang, parent=form)
    dialog.exec()
    if dialog.action == "cancel":
        return False  # back to the form, everything typed still there
    if conflict.deleted:
        if dialog.action == "reload":  # let it go: there is nothing left to show
            form.discard()
            return False
        return save_as_new(form)
    if dialog.action == "reload":
        form.reload_stored()
        return False
    for name, value in dialog.choices().items():
        if name in form.editors:
            form.editors[name].set_value(value)
    form.version = conflict.their_version  # the merge goes on top of their version, or meets the next change
    return form.save()


def save_as_new(form) -> bool:
    """What `form` (a RecordDialog) holds becomes a new record: its own was deleted meanwhile. Also the
    remote-change bar's "Save as new…" (ui/records/remote_change_bar.py)."""
    form.record_id, form.version = None, None
    return form.save()
