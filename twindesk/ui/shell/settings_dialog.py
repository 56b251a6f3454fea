"""Settings: language, database file, default home locality, the staff member's name."""

from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from twindesk.domain.queries import details
from twindesk.ui.common import last_folder
from twindesk.ui.shell import settings as S


class SettingsDialog(QDialog):
    def __init__(self, settings: S.AppSettings, *, lang: str = "en", parent=None):
        super().__init__(parent)
        self.settings = settings
        self.setWindowTitle(self.tr("Settings"))
        self.setObjectName("settings_dialog")
        self.setMinimumWidth(520)

        self.language = QComboBox()
        self.language.setObjectName("language")
        for code, label in (("", self.tr("Follow the system")), ("zh_CN", "中文（简体）"), ("en", "English")):
            self.language.addItem(label, code)
        self.language.setCurrentIndex(max(self.language.findData(settings.get(S.LANGUAGE)), 0))

        self.database = QLineEdit(settings.get(S.DATABASE))
        self.database.setObjectName("database")
        self.database.setPlaceholderText(self.tr("Default: the data folder"))
        open_button = QPushButton(self.tr("Open another…"))
        new_button = QPushButton(self.tr("Create new…"))
        open_button.clicked.connect(self._open_other)
        new_button.clicked.connect(self._create_new)
        db_row = QWidget()
        row = QHBoxLayout(db_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.database, 1)
        row.addWidget(open_button)
        row.addWidget(new_button)

        self.home_locality = QComboBox()
        self.home_locality.setObjectName("home_locality")
        self.home_locality.addItem(self.tr("(none)"), 0)
        for locality_id, name in details.choices("home_locality"):
            self.home_locality.addItem(name, locality_id)
        self.home_locality.setCurrentIndex(max(self.home_locality.findData(settings.get(S.HOME_LOCALITY)), 0))

        self.staff_name = QLineEdit(settings.get(S.STAFF_NAME))
        self.staff_name.setObjectName("staff_name")
        self.staff_name.setPlaceholderText(self.tr("Recorded on every change you make"))

        self.quiet_days = QSpinBox()
        self.quiet_days.setRange(30, 3650)
        self.quiet_days.setSuffix(self.tr(" days"))
        self.quiet_days.setValue(settings.get(S.QUIET_AFTER_DAYS))

        form = QFormLayout()
        form.addRow(self.tr("Language"), self.language)
        form.addRow(self.tr("Database file"), db_row)
        form.addRow(self.tr("Default home locality"), self.home_locality)
        form.addRow(self.tr("Your name"), self.staff_name)
        form.addRow(self.tr("A relationship is quiet after"), self.quiet_days)
        note = QLabel(self.tr("Another database file opens as soon as you press OK; a new language redraws "
                              "the window at once."))
        note.setWordWrap(True)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(buttons)

    def _open_other(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Open a TwinDesk database"), self.database.text(),
                                              self.tr("TwinDesk database (*.db);;All files (*)"))
        if path:
            self.database.setText(path)

    def _create_new(self) -> None:
        path, _ = last_folder.save_file_name(self, self.tr("Create a TwinDesk database"), "twindesk.db",
                                             self.tr("TwinDesk database (*.db)"))
        if path:
            if not path.endswith(".db"):
                path += ".db"
            self.database.setText(str(Path(path)))

    def accept(self) -> None:
        self.settings.set(S.LANGUAGE, self.language.currentData())
        self.settings.set(S.DATABASE, self.database.text().strip())
        self.settings.set(S.HOME_LOCALITY, self.home_locality.currentData())
        self.settings.set(S.STAFF_NAME, self.staff_name.text().strip())
        self.settings.set(S.QUIET_AFTER_DAYS, self.quiet_days.value())
        self.settings.sync()
        super().accept()
