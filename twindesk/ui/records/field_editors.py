"""One editor widget per field kind of the domain's record specs, all with the same small interface:
`value()`, `set_value(v)` and a `changed` signal. Values go to the domain as typed; the domain cleans
and checks them, so a wrong number is reported with its field rather than silently dropped.
"""

from datetime import time

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QLineEdit,
    QPlainTextEdit,
)

from twindesk.domain.model import countries
from twindesk.domain.model.fields import Field
from twindesk.domain.queries import details
from twindesk.ui.records.date_editor import DateEditor
from twindesk.ui.records.editor_base import Editor
from twindesk.ui.records.ref_picker import RefPicker


class LineEditor(Editor):
    def __init__(self, max_length: int | None = None, upper: bool = False):
        super().__init__(QLineEdit())
        if max_length:
            self.widget.setMaxLength(max_length)
        self._upper = upper
        self.widget.textChanged.connect(self.changed)

    def value(self):
        text = self.widget.text()
        return text.upper() if self._upper else text

    def set_value(self, value) -> None:
        if value is None:
            text = ""
        elif isinstance(value, time):
            text = value.strftime("%H:%M")
        else:
            text = str(value)  # numbers without grouping, so they read back exactly
        self.widget.setText(text)

    def set_read_only(self, read_only: bool) -> None:
        self.widget.setReadOnly(read_only)  # still selectable and copyable


class TextEditor(Editor):
    def __init__(self):
        super().__init__(QPlainTextEdit())
        self.widget.setTabChangesFocus(True)
        self.widget.setMinimumHeight(60)
        self.widget.setMaximumHeight(110)
        self.widget.textChanged.connect(self.changed)

    def value(self):
        return self.widget.toPlainText()

    def set_value(self, value) -> None:
        self.widget.setPlainText(value or "")

    def set_read_only(self, read_only: bool) -> None:
        self.widget.setReadOnly(read_only)


class BoolEditor(Editor):
    def __init__(self):
        super().__init__(QCheckBox())
        self.widget.toggled.connect(self.changed)

    def value(self):
        return self.widget.isChecked()

    def set_value(self, value) -> None:
        self.widget.setChecked(bool(value))


class ChoiceEditor(Editor):
    """A combo box of (stored value, label); searchable by typing when there are many choices."""

    def __init__(self, choices: list[tuple[object, str]], allow_empty: bool, searchable: bool = False):
        super().__init__(QComboBox())
        combo: QComboBox = self.widget
        if allow_empty:
            combo.addItem("", None)
        for stored, label in choices:
            combo.addItem(label, stored)
        if searchable:
            combo.setEditable(True)
            combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
            completer = combo.completer()
            completer.setFilterMode(Qt.MatchFlag.MatchContains)
            completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        combo.currentIndexChanged.connect(self.changed)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(20)

    def value(self):
        combo: QComboBox = self.widget
        if combo.isEditable():
            # What is typed must name a choice; otherwise hand the text to the domain to report.
            index = combo.findText(combo.currentText(), Qt.MatchFlag.MatchFixedString)
            if index < 0:
                return combo.currentText() or None
            return combo.itemData(index)
        return combo.currentData()

    def set_value(self, value) -> None:
        combo: QComboBox = self.widget
        index = combo.findData(value)
        if index < 0 and value not in (None, ""):
            combo.addItem(str(value), value)  # a stored value no longer offered still shows
            index = combo.count() - 1
        combo.setCurrentIndex(max(index, 0))


def make_editor(field: Field, lang: str) -> Editor:
    kind = field.kind
    # A required choice without a default starts empty: the user must pick, not accept the first entry.
    may_be_empty = not field.required or field.default is None
    if kind == "longtext":
        return TextEditor()
    if kind == "date":
        return DateEditor(lang)
    if kind == "bool":
        return BoolEditor()
    if kind == "code":
        return ChoiceEditor([(t.code, t.label(lang)) for t in field.vocabulary], allow_empty=may_be_empty)
    if kind == "country":
        items = [(code, f"{name} ({code})") for code, name in countries.all_countries(lang)]
        return ChoiceEditor(items, allow_empty=may_be_empty, searchable=True)
    if kind == "ref" and field.ref in details.SEARCHED_KINDS:
        return RefPicker(field.ref)
    if kind == "ref":
        return ChoiceEditor(details.choices(field.ref), allow_empty=may_be_empty, searchable=True)
    if kind == "currency":
        return LineEditor(max_length=3, upper=True)
    return LineEditor()
