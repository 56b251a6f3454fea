"""The "Packing list…" and "Donation certificate…" dialog of a shipment: the language (the packing
list's; the certificate prints Chinese and English), PDF or Word, where to save it. Its parts are the
briefing pack dialog's (brief_dialog.py); the paper is written off the GUI thread with a progress
dialog and Cancel, then offered to open (and, a PDF, to print)."""

from datetime import date
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout

from twindesk.domain.operations import records
from twindesk.ui.briefing.brief_dialog import (
    EDITIONS,
    edition_choice,
    follow_edition,
    language_choice,
    suggested_name,
)
from twindesk.ui.common.background import run_with_progress
from twindesk.ui.common.default_folder import default_folder
from twindesk.ui.common.file_written import offer_file
from twindesk.ui.common.save_as_field import SaveAsField

# paper -> (its name in the window, the file name's word in English and Chinese)
PAPERS = {
    "packing_list": (QT_TRANSLATE_NOOP("PaperDialog", "Packing list"), ("Packing list", "装箱单")),
    "certificate": (QT_TRANSLATE_NOOP("PaperDialog", "Certificate of donation"), ("Certificate of donation", "捐赠证书")),
}


class PaperDialog(QDialog):
    def __init__(self, paper: str, shipment_id: int, *, lang: str = "en", folder: Path | None = None,
                 today: date | None = None, database: Path | None = None, parent=None):
        super().__init__(parent)
        self.paper, self.shipment_id, self.lang = paper, shipment_id, lang
        self.database = database  # never written over, whatever the user types
        self.job = None
        self.written: Path | None = None
        self.offer = offer_file  # what follows a paper that was written
        self.setObjectName("paper_dialog")
        self.what = self.tr(PAPERS[paper][0])
        self.setWindowTitle(self.what)
        self.setMinimumWidth(520)
        self._title = records.get("shipment", shipment_id).get("title") or ""
        self.today = today or date.today()

        self.language = language_choice(lang)
        self.language.currentIndexChanged.connect(lambda: self.save_as.rename(self._suggested()))
        self.edition = edition_choice()
        self.edition.currentIndexChanged.connect(lambda: follow_edition(self.save_as, self.chosen_edition()))
        folder, folder_note = (folder, "") if folder is not None else default_folder()
        self.save_as = SaveAsField(folder / self._suggested(), ".pdf", self.tr("Save the paper"), self.tr("PDF (*.pdf)"))
        self.save_as.changed.connect(self._update_ok)
        self.folder_note = QLabel(folder_note)
        self.folder_note.setObjectName("folder_note")
        self.folder_note.setWordWrap(True)
        self.folder_note.setVisible(bool(folder_note))

        form = QFormLayout()
        if paper == "packing_list":
            form.addRow(self.tr("Language"), self.language)
        else:  # both languages on the page; the choice only names the file
            self.language.setVisible(False)
            form.addRow(self.tr("Language"), QLabel(self.tr("Chinese and English, on the same page")))
        form.addRow(self.tr("Write as"), self.edition)
        form.addRow(self.tr("Save as"), self.save_as)
        form.addRow("", self.folder_note)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.build_button = self.buttons.addButton(self.tr("Write the paper"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.build_button.setObjectName("build_button")
        self.buttons.accepted.connect(self.build)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        heading = QLabel(self._title)
        heading.setObjectName("record_title")
        heading.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        heading.setWordWrap(True)
        bold = heading.font()
        bold.setBold(True)
        heading.setFont(bold)
        layout.addWidget(heading)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.build_button.setDefault(True)  # Enter writes the paper (set once the button is in the dialog)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Save), self, self.build_button.click)
        self._update_ok()

    def chosen_language(self) -> str:
        return self.language.currentData()

    def chosen_edition(self) -> str:
        return self.edition.currentData()

    def _suggested(self) -> str:
        edition = self.edition.currentData() if hasattr(self, "edition") else "pdf"
        return suggested_name("shipment", self.shipment_id, self._title, self.language.currentData(), self.today,
                              EDITIONS[edition], words=PAPERS[self.paper][1])

    def _update_ok(self) -> None:
        self.build_button.setEnabled(self.save_as.path() is not None)

    def build(self) -> None:
        chosen = self.save_as.ask_to_write(self.database)
        if chosen is None:
            return
        out, replace = chosen
        paper, shipment_id, lang = self.paper, self.shipment_id, self.chosen_language()

        def job(progress):
            from twindesk.briefing.shipment_papers import build_shipment_paper

            return build_shipment_paper(paper, shipment_id, out, lang=lang, progress=progress, replace=replace)

        self.job = run_with_progress(self, self.tr("Writing the paper…"), job, self._built)

    def _built(self, path) -> None:
        self.written = Path(path)
        notes = path.notes_text(self.lang) if hasattr(path, "notes_text") else []
        self.accept()
        self.offer(self.parentWidget(), self.written, self.what, printable=self.written.suffix.lower() == ".pdf",
                   notes="\n".join(notes))
