"""The "Briefing pack…" dialog: which sections, which language, which marking, PDF or Word, where to
save it.

The pack is built off the GUI thread with a progress dialog and Cancel; then the user may open it,
show its folder or print it.
"""

import re
from datetime import date
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
)

from twindesk import briefing
from twindesk.domain.operations import records
from twindesk.ui.common.background import run_with_progress
from twindesk.ui.common.default_folder import default_folder
from twindesk.ui.common.file_written import offer_file
from twindesk.ui.common.save_as_field import SaveAsField

MARKINGS = ("", "内部资料", "Internal", "秘密", "Restricted")


EDITIONS = {"pdf": ".pdf", "docx": ".docx"}  # what the pack is written as, by its file name's suffix


def suggested_name(kind: str, record_id: int, title: str, lang: str, today: date, suffix: str = ".pdf",
                   words: tuple[str, str] = ("Brief", "简报")) -> str:
    """A file name a person recognises: "Brief – Leadership visit to Hyogo – 2026-11-29.pdf"; `words`
    the paper's name in English and Chinese."""
    word = words[1] if lang.startswith("zh") else words[0]
    clean = re.sub(r'[\\/:*?"<>|\s]+', " ", title).strip()[:60] or f"{kind} {record_id}"
    return f"{word} – {clean} – {today.isoformat()}{suffix}"


def _title_of(kind: str, record_id: int, lang: str) -> str:
    values = records.get(kind, record_id)
    if kind == "visit":
        return values.get("title") or ""
    names = (values.get("name_zh"), values.get("name_en"), values.get("name_native"))
    if not lang.startswith("zh"):
        names = (names[1], names[0], names[2])
    return next((n for n in names if n), "")


# --- the parts the shipment papers' dialog shares (ui/briefing/paper_dialog.py) ----------------------------

# Worded in BriefDialog's context, where they were first translated.
_PDF = QT_TRANSLATE_NOOP("BriefDialog", "PDF, to print and hand out")
_WORD = QT_TRANSLATE_NOOP("BriefDialog", "Word document (.docx), to edit")
_PDF_FILES = QT_TRANSLATE_NOOP("BriefDialog", "PDF (*.pdf)")
_WORD_FILES = QT_TRANSLATE_NOOP("BriefDialog", "Word document (*.docx)")


def _tr(text: str) -> str:
    return QCoreApplication.translate("BriefDialog", text)


def language_choice(lang: str) -> QComboBox:
    """Chinese or English, the window's language first chosen."""
    choice = QComboBox()
    choice.setObjectName("language")
    choice.addItem("中文（简体）", "zh_CN")
    choice.addItem("English", "en")
    choice.setCurrentIndex(0 if lang.startswith("zh") else 1)
    return choice


def edition_choice() -> QComboBox:
    """PDF or Word: what the file is written as."""
    choice = QComboBox()
    choice.setObjectName("edition")
    choice.addItem(_tr(_PDF), "pdf")
    choice.addItem(_tr(_WORD), "docx")
    return choice


def follow_edition(save_as: SaveAsField, edition: str) -> None:
    """The file name's suffix follows the edition chosen, whatever name was typed."""
    suffix = EDITIONS[edition]
    save_as.suffix = suffix
    save_as.file_filter = _tr(_PDF_FILES) if suffix == ".pdf" else _tr(_WORD_FILES)
    typed = Path(save_as.edit.text().strip())
    if typed.name:
        old = typed.suffix.lower()
        stem = typed.name[:-len(old)] if old in EDITIONS.values() else typed.name
        save_as.rename(stem + suffix)


class BriefDialog(QDialog):
    def __init__(self, kind: str, record_id: int, *, lang: str = "en", folder: Path | None = None,
                 today: date | None = None, database: Path | None = None, parent=None):
        super().__init__(parent)
        self.database = database  # never written over, whatever the user types
        self.kind, self.record_id, self.lang = kind, record_id, lang
        self.job = None
        self.written: Path | None = None
        self.offer = offer_file  # what follows a pack that was written
        self.setObjectName("brief_dialog")
        self.setWindowTitle(self.tr("Briefing pack"))
        self.setMinimumWidth(560)
        title = _title_of(kind, record_id, lang)

        self.sections: dict[str, QCheckBox] = {}
        box = QGroupBox(self.tr("Sections"))
        grid = QGridLayout(box)
        available = briefing.available_sections(kind)
        rows = (len(available) + 1) // 2
        for i, section in enumerate(available):
            check = QCheckBox(section.label(lang))
            check.setObjectName(f"section_{section.key}")
            check.setChecked(section.default)
            check.toggled.connect(self._update_ok)
            self.sections[section.key] = check
            grid.addWidget(check, i % rows, i // rows)
        all_button = QPushButton(self.tr("All"))
        none_button = QPushButton(self.tr("None"))
        for button in (all_button, none_button):
            button.setAutoDefault(False)  # Enter builds the pack, it does not tick boxes
        all_button.clicked.connect(lambda: self._tick_all(True))
        none_button.clicked.connect(lambda: self._tick_all(False))
        ticks = QHBoxLayout()
        ticks.addStretch(1)
        ticks.addWidget(all_button)
        ticks.addWidget(none_button)
        grid.addLayout(ticks, rows, 0, 1, 2)

        self.language = language_choice(lang)
        self.language.currentIndexChanged.connect(self._language_changed)

        self.page_layout = QComboBox()  # GB/T 9704-2012 for Chinese packs, the business report otherwise
        self.page_layout.setObjectName("layout")
        self.page_layout.addItem(self.tr("Official document (GB/T 9704-2012)"), "official")
        self.page_layout.addItem(self.tr("Business report"), "business")
        self.page_layout.setCurrentIndex(0 if lang.startswith("zh") else 1)

        self.marking = QComboBox()
        self.marking.setObjectName("marking")
        self.marking.setEditable(True)
        for text in MARKINGS:
            self.marking.addItem(text)
        self.marking.setCurrentIndex(1 if lang.startswith("zh") else 0)
        self.marking.lineEdit().setPlaceholderText(self.tr("None (or type your own)"))

        self.edition = edition_choice()
        self.edition.currentIndexChanged.connect(self._edition_changed)

        folder, folder_note = (folder, "") if folder is not None else default_folder()
        self._title = title
        self.today = today or date.today()
        self.save_as = SaveAsField(folder / suggested_name(kind, record_id, title, lang, self.today), ".pdf",
                                   self.tr("Save the briefing pack"), self.tr("PDF (*.pdf)"))
        self.save_as.changed.connect(self._update_ok)
        self.folder_note = QLabel(folder_note)  # Documents was missing: made, or the home folder instead
        self.folder_note.setObjectName("folder_note")
        self.folder_note.setWordWrap(True)
        self.folder_note.setVisible(bool(folder_note))

        form = QFormLayout()
        form.addRow(self.tr("Language of the pack"), self.language)
        form.addRow(self.tr("Layout"), self.page_layout)
        form.addRow(self.tr("Marking"), self.marking)
        form.addRow(self.tr("Write as"), self.edition)
        form.addRow(self.tr("Save as"), self.save_as)
        form.addRow("", self.folder_note)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.build_button = self.buttons.addButton(self.tr("Build the pack"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.build_button.setObjectName("build_button")
        self.buttons.accepted.connect(self.build)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        heading = QLabel(title)
        heading.setObjectName("record_title")
        heading.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        heading.setWordWrap(True)
        bold = heading.font()
        bold.setBold(True)
        bold.setPointSizeF(bold.pointSizeF() * 1.15)
        heading.setFont(bold)
        layout.addWidget(heading)
        layout.addWidget(box)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        # Enter builds the pack. Set once the buttons are inside the dialog: a default set before is lost
        # when the dialog is shown (the dialog never heard of it).
        self.build_button.setDefault(True)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Save), self, self.build_button.click)  # as in every dialog
        self._update_ok()

    # --- choices ---------------------------------------------------------------------------------
    def chosen_sections(self) -> list[str]:
        return [key for key, check in self.sections.items() if check.isChecked()]

    def chosen_language(self) -> str:
        return self.language.currentData()

    def chosen_edition(self) -> str:
        return self.edition.currentData()

    def _suggested(self, lang: str) -> str:
        return suggested_name(self.kind, self.record_id, self._title, lang, self.today,
                              EDITIONS[self.chosen_edition()])

    def _edition_changed(self) -> None:
        follow_edition(self.save_as, self.chosen_edition())

    def _tick_all(self, on: bool) -> None:
        for check in self.sections.values():
            check.setChecked(on)

    def _language_changed(self) -> None:
        lang = self.chosen_language()
        self.page_layout.setCurrentIndex(0 if lang.startswith("zh") else 1)
        for section in briefing.available_sections(self.kind):
            self.sections[section.key].setText(section.label(lang))
        self.save_as.rename(self._suggested(lang))

    def _update_ok(self) -> None:
        self.build_button.setEnabled(bool(self.chosen_sections()) and self.save_as.path() is not None)

    # --- building --------------------------------------------------------------------------------
    def build(self) -> None:
        chosen = self.save_as.ask_to_write(self.database)
        if chosen is None:
            return
        out, replace = chosen
        builder = briefing.build_visit_brief if self.kind == "visit" else briefing.build_partner_brief
        record_id, lang = self.record_id, self.chosen_language()
        sections, marking = self.chosen_sections(), self.marking.currentText().strip()
        if tuple(sections) == briefing.default_sections(self.kind):
            sections = None  # the defaults: sections with nothing recorded are left out
        layout = self.page_layout.currentData()

        def job(progress):
            return builder(record_id, out, lang=lang, sections=sections, marking=marking, progress=progress,
                           replace=replace, layout=layout)

        # The progress dialog is window-modal over this one: nothing here changes while it builds.
        self.job = run_with_progress(self, self.tr("Building the briefing pack…"), job, self._built)

    def _built(self, path) -> None:
        self.written = Path(path)
        self.notes = path.notes_text(self.lang) if hasattr(path, "notes_text") else []  # fonts that stood in …
        self.accept()
        self.offer(self.parentWidget(), self.written, self.tr("Briefing pack"),
                   printable=self.written.suffix.lower() == ".pdf", notes="\n".join(self.notes))
