"""One editor widget per field kind of the domain's record specs, all with the same small interface:
`value()`, `set_value(v)` and a `changed` signal. Values go to the domain as typed; the domain cleans
and checks them, so a wrong number is reported with its field rather than silently dropped.
"""

from datetime import date, time

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QDateEdit,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QToolButton,
    QWidget,
)

from twindesk.domain.model import countries
from twindesk.domain.model.fields import Field
from twindesk.domain.queries import details
from twindesk.ui.records.editor_base import Editor
from twindesk.ui.records.ref_picker import RefPicker

EMPTY_DATE = QDate(1800, 1, 1)


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


class DateEditor(Editor):
    """A date with a calendar popup that may also be empty (shown blank, cleared with ✕)."""

    def __init__(self):
        box = QWidget()
        super().__init__(box)
        layout = QHBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        self.edit = QDateEdit()
        self.edit.setCalendarPopup(True)
        self.edit.setDisplayFormat("yyyy-MM-dd")
        self.edit.setMinimumDate(EMPTY_DATE)
        self.edit.setSpecialValueText(" ")
        self.edit.setDate(EMPTY_DATE)
        self.edit.calendarWidget().setSelectedDate(QDate.currentDate())
        clear = QToolButton()
        clear.setText("✕")
        clear.setToolTip(self.tr("Clear the date"))
        clear.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        clear.clicked.connect(lambda: self.edit.setDate(EMPTY_DATE))
        layout.addWidget(self.edit, 1)
        layout.addWidget(clear)
        self.edit.dateChanged.connect(self.changed)

    def value(self):
        d = self.edit.date()
        return None if d == EMPTY_DATE else date(d.year(), d.month(), d.day())

    def set_value(self, value) -> None:
        if value is None:
            self.edit.setDate(EMPTY_DATE)
        else:
            self.edit.setDate(QDate(value.year, value.month, value.day))

    def focus_widget(self):
        return self.edit

    def set_read_only(self, read_only: bool) -> None:
        self.edit.setReadOnly(read_only)  # no typing, no calendar popup
        for button in self.widget.findChildren(QToolButton):
            button.setEnabled(not read_only)  # ✕ would clear it


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
        return DateEditor()
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
