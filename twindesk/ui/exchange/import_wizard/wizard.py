"""File › Import… as a wizard: the file, its sheets, their columns, the preview, the result.

The wizard holds what the pages share: the file read (`exchange.staff_lists.sources.Source`), the
mapping the user is shaping (`Mapping`, changed by the pages through `mapping_edits`), the recognition
made from it, the preview report and, once written, the import's report. Reading, the preview and the
import run off the GUI thread (ui/common/background.py); the recognition is cheap and runs here.

A workbook TwinDesk exported skips the sheets and columns pages: it is imported by ID and UUID exactly
as before (`exchange.import_flow.import_file`). The lists refresh from the import's change notice like
after any other write; the mapping of a written staff list is remembered by its header layout in the
app's data folder, and offered the next time a list with the same headers comes.
"""

from __future__ import annotations

from pathlib import Path

import platformdirs
from PySide6.QtWidgets import QWidget, QWizard

from twindesk import APP_NAME
from twindesk.domain.progress import RelayedProgress
from twindesk.exchange.staff_lists.column_mapping import Mapping, MappingMemory
from twindesk.exchange.staff_lists.recognition import AUTOMATIC, GIVEN, Recognition, recognise
from twindesk.ui.common.background import BackgroundJob, report_failure, run_with_progress
from twindesk.ui.exchange.import_wizard import mapping_edits
from twindesk.ui.exchange.import_wizard.columns_page import ColumnsPage
from twindesk.ui.exchange.import_wizard.file_page import FilePage
from twindesk.ui.exchange.import_wizard.page_ids import (
    CHANGED,
    COLUMNS,
    FILE,
    FROM_FILE,
    PREVIEW,
    RESULT,
    SHEETS,
)
from twindesk.ui.exchange.import_wizard.preview_page import PreviewPage
from twindesk.ui.exchange.import_wizard.result_page import ResultPage
from twindesk.ui.exchange.import_wizard.sheets_page import SheetsPage


class _InOwnWords(RelayedProgress):
    """The engine's progress, its step texts in the window's language (said here, in the worker: the
    signal carries a plain str); a text that cannot say itself in another language is left out."""

    def __init__(self, parent, lang: str):
        super().__init__(parent)
        self.lang = lang

    def advance(self, done: int, total: int, text: str = "") -> None:
        self.parent.advance(done, total, text.text(self.lang) if hasattr(text, "text") else "")


def memory_folder() -> Path:
    """The app's data folder (where the database lives by default), as the command line uses it."""
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


class ImportWizard(QWizard):
    """One import. `start(path)` reads `path` as if it had been chosen on the first page."""

    def __init__(self, parent: QWidget | None = None, *, lang: str = "en", user: str = ""):
        super().__init__(parent)
        self.setObjectName("import_wizard")
        self.setWindowTitle(self.tr("Import a list"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)
        self.resize(980, 640)
        self.lang, self.user = lang, user
        self.path: Path | None = None
        self.source = None  # a staff list as read; None for a TwinDesk export
        self.file_format = ""
        self.twindesk = False  # a workbook TwinDesk exported
        self.mapping: Mapping | None = None
        self.recognition: Recognition | None = None
        self.origins: dict[str, str] = {}  # sheet -> how its mapping came about
        self.report = None  # the preview
        self.result = None  # the import's report, once it ran
        self.job: BackgroundJob | None = None
        self.memory = MappingMemory(memory_folder())
        self.file_page = FilePage(self)
        self.sheets_page = SheetsPage(self)
        self.columns_page = ColumnsPage(self)
        self.preview_page = PreviewPage(self)
        self.result_page = ResultPage(self)
        for page_id, page in ((FILE, self.file_page), (SHEETS, self.sheets_page), (COLUMNS, self.columns_page),
                              (PREVIEW, self.preview_page), (RESULT, self.result_page)):
            self.setPage(page_id, page)
        self.setStartId(FILE)
        self.currentIdChanged.connect(self._shown)

    def _shown(self, page_id: int) -> None:
        if page_id == SHEETS and self.sheets_page.kind_boxes:  # back from the columns: a mapping may be loaded
            self.sheets_page.show_recognition()

    def start(self, path: Path | str) -> None:
        self.file_page.read(Path(path))

    # --- what the pages share ------------------------------------------------------------------
    def forget_file(self) -> None:
        self.path = self.source = self.mapping = self.recognition = self.report = self.result = None
        self.origins = {}
        self.twindesk = False

    def file_read(self, path: Path, source, file_format: str, twindesk: bool) -> None:
        """A new file (or the same with another encoding): recognise it afresh, with what is remembered."""
        self.path, self.source, self.file_format, self.twindesk = path, source, file_format, twindesk
        self.report = self.result = None
        if source is None:
            self.mapping = self.recognition = None
            self.origins = {}
            return
        self.recognition = recognise(source, None, self.memory)
        self.mapping = mapping_edits.confirmed(self.recognition.mapping)
        self.origins = {s.sheet: s.origin for s in self.recognition.sheets}

    def mapping_loaded(self, loaded: Mapping) -> None:
        """A mapping file replaces the recognition of the sheets it names."""
        self.recognition = recognise(self.source, loaded)
        self.mapping = mapping_edits.confirmed(self.recognition.mapping)
        self.origins = {s.sheet: FROM_FILE if s.origin == GIVEN else AUTOMATIC for s in self.recognition.sheets}
        self.report = None

    def remap(self, sheet: str) -> None:
        """After the user changed `sheet`'s mapping: recognise again (cheap), the preview is stale."""
        self.recognition = mapping_edits.recognise_again(self.source, self.mapping)
        self.origins[sheet] = CHANGED
        self.report = None

    def sheet(self, name: str):
        return next((s for s in self.recognition.sheets if s.sheet == name), None) if self.recognition else None

    def run(self, title: str, job, done) -> None:
        """Work the user waits for, with progress and Cancel; the dialog says `title`, then the
        engine's steps in the window's language."""
        self.job = run_with_progress(self, title, lambda progress: job(_InOwnWords(progress, self.lang)), done)

    def run_quietly(self, job, done, failed) -> None:
        """Work a page shows its own state for (reading the file)."""
        self.job = BackgroundJob(lambda _progress: job(), self)
        self.job.succeeded.connect(done)
        self.job.failed.connect(failed)
        self.job.start()

    def show_failure(self, exc: BaseException) -> None:
        report_failure(self, exc)
