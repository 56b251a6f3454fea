"""The form for one record of any kind, built from the domain's record spec.

Required fields are marked, the domain's validation messages appear under their field, Save stays
disabled until something changed, and closing with unsaved changes asks first. Kinds with sub-records
(a visit's delegates, a shipment's items …) add tabs; every record has a History tab. A new record's
sub-records are held until its first Save, which writes it with them in one operation, and a row's own
form (`pending`) then only checks and keeps what was typed (ui/records/pending_parts.py).
"""

from datetime import date

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QMessageBox,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from twindesk.domain.model.errors import UserError, ValidationError
from twindesk.domain.model.specs import SPECS
from twindesk.domain.model.validation import validate
from twindesk.domain.operations import records
from twindesk.domain.operations.conflicts import RecordConflict
from twindesk.ui.common.error_text import user_error_message
from twindesk.ui.common.icons import kind_icon
from twindesk.ui.records.conflict_dialog import resolve_save
from twindesk.ui.records.date_editor import PARENT_ANCHORS, DateEditor, same_form_anchors
from twindesk.ui.records.dialog_size import fit_to_content
from twindesk.ui.records.editor_base import Editor
from twindesk.ui.records.field_editors import make_editor
from twindesk.ui.records.history_panel import HistoryPanel
from twindesk.ui.records.pending_parts import keep_row, save_new_with_parts
from twindesk.ui.records.record_names import record_name
from twindesk.ui.records.remote_change_bar import follow_remote_changes

# A dialog opened from another opens this far down and right of it, so the two never stack exactly.
CHILD_OFFSET = QPoint(36, 36)


def record_title(spec, lang: str) -> str:
    """"Partner", "Visit" … in the window's language (the domain holds both)."""
    label = spec.record_label(lang)
    return label[:1].upper() + label[1:]


class RecordDialog(QDialog):
    def __init__(self, kind: str, record_id: int | None = None, *, defaults: dict | None = None,
                 hidden: tuple[str, ...] = (), lang: str = "en", user: str = "", read_only: bool = False,
                 pending: bool = False, parent=None):
        super().__init__(parent)
        self.kind = kind
        self.read_only = read_only  # another window holds the database: look, do not change
        self.spec = SPECS[kind]
        self.record_id = record_id
        self.version: int | None = None  # the stored version the form shows: its Save expects it still
        self.pending = pending  # a row of a record not yet saved: checked and kept, not written
        self.kept: dict | None = None  # what a pending form kept, cleaned
        self.lang = lang
        self.user = user
        self._defaults = dict(defaults or {})
        self._hidden = set(hidden)
        self._dirty = False
        self.editors: dict[str, Editor] = {}
        self.error_labels: dict[str, QLabel] = {}
        self.setObjectName(f"dialog_{kind}")
        self.setMinimumWidth(560)

        self.tabs = QTabWidget()
        self.tabs.addTab(self._build_form(), self.tr("Details"))
        self.general_error = QLabel()
        self.general_error.setObjectName("general_error")
        self.general_error.setWordWrap(True)
        self.general_error.setStyleSheet("color: #b00020;")
        self.general_error.hide()

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(self.tr("Save"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Close"))
        self.save_button.setVisible(not read_only)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        if read_only:
            layout.addWidget(self._read_only_note())
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.general_error)
        layout.addWidget(self.buttons)

        self._load()
        for editor in self.editors.values():
            editor.set_read_only(read_only)  # nothing can be typed that could not be kept
        self._add_extra_tabs()
        self.history_panel = HistoryPanel(kind, record_id, lang)  # every record: who changed what, when
        self.tabs.addTab(self.history_panel, self.tr("History"))
        # A record not yet saved (or a row kept for its first Save) has no history to show.
        self.tabs.setTabVisible(self.tabs.count() - 1, record_id is not None and not self.pending)
        self._update_title()
        self._set_dirty(False)
        self._wire_dates()
        self._order_focus()
        self.remote_change = follow_remote_changes(self)  # another person changes the record meanwhile
        # Ctrl+S is Save wherever the focus is in the dialog, as the Save button is.
        QShortcut(QKeySequence(QKeySequence.StandardKey.Save), self, self.save,
                  context=Qt.ShortcutContext.WindowShortcut)
        self._placed = False
        fit_to_content(self, self.tabs.widget(0))  # every field in view, within the screen

    # --- building ---------------------------------------------------------------------------
    def _build_form(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for f in self.spec.fields:
            if f.name in self._hidden:
                continue
            editor = make_editor(f, self.lang)
            editor.widget.setObjectName(f.name)  # tests and accessibility tools find fields by name
            editor.changed.connect(lambda: self._set_dirty(True))
            label = QLabel(self.spec.field_label(f.name, self.lang) + (" *" if f.required else ""))
            if f.required:
                label.setToolTip(self.tr("Required"))
                font = label.font()
                font.setBold(True)
                label.setFont(font)
            label.setBuddy(editor.focus_widget())
            error = QLabel()
            error.setObjectName(f"error_{f.name}")
            error.setWordWrap(True)
            error.setStyleSheet("color: #b00020;")
            error.hide()
            box = QWidget()
            box_layout = QVBoxLayout(box)
            box_layout.setContentsMargins(0, 0, 0, 0)
            box_layout.setSpacing(2)
            box_layout.addWidget(editor.widget)
            box_layout.addWidget(error)
            form.addRow(label, box)
            self.editors[f.name] = editor
            self.error_labels[f.name] = error
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes from field to field, not to the scroller
        scroll.setWidget(page)
        return scroll

    def _read_only_note(self) -> QLabel:
        general = self.tr("Read-only: this window cannot change the database.")
        note = QLabel(_role_refusal(self.kind, self.lang) or general)  # a server role's reason, where it is one
        note.setObjectName("read_only_note")
        note.setStyleSheet("background: #fff4ce; padding: 4px;")
        return note

    def _add_extra_tabs(self) -> None:
        """Sub-record tabs; subclasses add theirs (enabled once the record has been saved)."""

    def _wire_dates(self) -> None:
        """Each date field says at once when what was typed is no date, and its calendar opens on the
        related date: the end on the start, an itinerary day on the visit's start (else today)."""
        related = same_form_anchors(self.spec)
        for name, editor in self.editors.items():
            if not isinstance(editor, DateEditor):
                continue
            editor.finished.connect(lambda name=name: self._check_field(name))
            if name in related and related[name] in self.editors:
                editor.anchor = self.editors[related[name]].value
            elif (self.kind, name) in PARENT_ANCHORS:
                editor.anchor = lambda name=name: self._parent_date(PARENT_ANCHORS[(self.kind, name)])

    def _parent_date(self, name: str) -> date | None:
        """A date of the parent record: as its open form shows it now, else as stored."""
        parent_kind = self.spec.field(self.spec.parent).ref
        opener = self.parentWidget().window() if self.parentWidget() is not None else None
        if isinstance(opener, RecordDialog) and opener.kind == parent_kind and name in opener.editors:
            value = opener.editors[name].value()
            return value if isinstance(value, date) else None
        parent_id = self._defaults.get(self.spec.parent)
        return records.get(parent_kind, parent_id).get(name) if parent_id is not None else None

    def _check_field(self, name: str) -> None:
        """The domain's word on one field as it stands, under the field (the rest waits for Save)."""
        value = self.editors[name].value()
        label = self.error_labels[name]
        if not isinstance(value, str) or not value:
            label.hide()
            return
        try:
            validate(self.spec, {name: value}, partial=True)
        except ValidationError as exc:
            label.setText("\n".join(e.text(self.lang) for e in exc.errors if e.field == name))
            label.setVisible(bool(label.text()))
            return
        label.hide()

    def _order_focus(self) -> None:
        """Tab goes down the form in its order, then to the buttons; the first field has the focus."""
        chain = [editor.focus_widget() for editor in self.editors.values()]
        chain += self.buttons.buttons()  # a hidden one (Save, read-only) is passed over
        for before, after in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(before, after)
        if chain:
            chain[0].setFocus(Qt.FocusReason.OtherFocusReason)

    def _load(self) -> None:
        if self.record_id is not None:
            values = records.get(self.kind, self.record_id)
            self.version = values["version"]
        else:
            values = {f.name: f.default for f in self.spec.fields}
            values.update(self._defaults)
        for name, editor in self.editors.items():
            editor.set_value(values.get(name))

    def _update_title(self) -> None:
        label = record_title(self.spec, self.lang)
        self.setWindowIcon(kind_icon(self.kind))
        if self.record_id is None:
            self.setWindowTitle(self.tr("New %1").replace("%1", label))
        else:  # "Partner — Hyogo": the record's name, not its ID (ui/records/record_names.py)
            name = record_name(self.kind, self.values(), self.lang)
            self.setWindowTitle(f"{label} — {name}" if name else label)

    # --- state ------------------------------------------------------------------------------
    def _set_dirty(self, dirty: bool) -> None:
        self._dirty = dirty and not self.read_only
        self.save_button.setEnabled(self._dirty)

    def is_dirty(self) -> bool:
        return self._dirty

    def values(self) -> dict:
        values = {name: editor.value() for name, editor in self.editors.items()}
        for name in self._hidden:
            if name in self._defaults:
                values[name] = self._defaults[name]
        return values

    def show_errors(self, error: ValidationError) -> None:
        for label in self.error_labels.values():
            label.hide()
        unplaced = []
        first = None
        for e in error.errors:
            label = self.error_labels.get(e.field)
            message = e.text(self.lang)  # the domain words it in the window's language
            if label is None:
                unplaced.append(message)
                continue
            label.setText(message if not label.isVisible() else label.text() + "\n" + message)
            label.show()
            first = first or e.field
        self.general_error.setText("\n".join(unplaced))
        self.general_error.setVisible(bool(unplaced))
        if first:
            self.tabs.setCurrentIndex(0)
            self.editors[first].focus_widget().setFocus()

    def clear_errors(self) -> None:
        for label in self.error_labels.values():
            label.hide()
        self.general_error.hide()

    # --- actions ----------------------------------------------------------------------------
    def save(self) -> bool:
        if not self._dirty:
            return True
        if self.pending:
            return keep_row(self)
        if self.record_id is None and self.has_sub_records():
            new_id = save_new_with_parts(self)  # the record and what its tabs hold, in one operation
            if new_id is None:
                return False
        else:
            try:
                new_id = records.save(self.kind, self.values(), self.record_id, user=self.user,
                                      expected_version=self.version)
            except ValidationError as exc:
                self.show_errors(exc)
                return False
            except RecordConflict as exc:  # changed or deleted by someone else since the form opened it
                return resolve_save(self, exc)
            except UserError as exc:
                QMessageBox.warning(self, self.windowTitle(), user_error_message(exc))
                return False
        created = self.record_id is None
        self.record_id = new_id
        self.version = records.get(self.kind, new_id)["version"]
        self.tabs.setTabVisible(self.tabs.indexOf(self.history_panel), new_id is not None)
        self.clear_errors()
        self._set_dirty(False)
        if created and self.has_sub_records():
            # Stay open so delegates, items … can be added to the record just created.
            self._update_title()
            self._enable_sub_records()
            return True
        self.accept()
        return True

    def has_sub_records(self) -> bool:
        return any(self.tabs.widget(i) is not self.history_panel for i in range(1, self.tabs.count()))

    def _enable_sub_records(self) -> None:
        for i in range(1, self.tabs.count()):
            widget = self.tabs.widget(i)
            if hasattr(widget, "set_parent_id"):
                widget.set_parent_id(self.record_id)
            self.tabs.setTabEnabled(i, True)

    def reload_stored(self) -> None:
        """Show the record as stored now, dropping what was typed (a conflict's "Discard mine")."""
        self._load()
        self.clear_errors()
        self._set_dirty(False)

    def discard(self) -> None:
        """Close without asking: what was typed is let go (its record was deleted meanwhile)."""
        self._dirty = False
        super().reject()

    def reject(self) -> None:
        if self._dirty and not self._confirm_discard():
            return
        super().reject()

    def closeEvent(self, event) -> None:
        if self._dirty and not self._confirm_discard():
            event.ignore()
            return
        self._dirty = False
        super().closeEvent(event)

    def _confirm_discard(self) -> bool:
        answer = QMessageBox.question(
            self, self.tr("Unsaved changes"),
            self.tr("This form has changes that are not saved. Save them before closing?"),
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Save,
        )
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        if answer == QMessageBox.StandardButton.Discard:
            self._dirty = False
            return True
        return False

    def showEvent(self, event) -> None:
        super().showEvent(event)
        opener = self.parentWidget().window() if self.parentWidget() is not None else None
        if not self._placed and isinstance(opener, QDialog):
            self._placed = True  # once: a dialog the user moved stays where they put it
            spot = opener.frameGeometry().topLeft() + CHILD_OFFSET
            screen = (opener.screen() or QGuiApplication.primaryScreen()).availableGeometry()
            spot.setX(max(screen.left(), min(spot.x(), screen.right() - self.frameGeometry().width())))
            spot.setY(max(screen.top(), min(spot.y(), screen.bottom() - self.frameGeometry().height())))
            self.move(spot)

    def keyPressEvent(self, event) -> None:
        # Ctrl+S that reached the form itself (the shortcut above takes it while the dialog is active).
        if event.matches(QKeySequence.StandardKey.Save):
            self.save()
            return
        # Enter in a one-line field must not press Save behind the user's back.
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not event.modifiers():
            return
        super().keyPressEvent(event)


def _role_refusal(kind: str, lang: str) -> str:
    """Why the server's role of this login keeps records of `kind` read-only ("" when not that)."""
    from twindesk.ui.shell.kind_access import refusal

    return refusal(kind, lang)
