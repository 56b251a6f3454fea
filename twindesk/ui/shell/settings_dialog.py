"""Settings: language, database (a file, or the shared server), default home locality, the staff member's name."""

from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
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
from twindesk.ui.common.file_dialogs import open_file_name, save_file_name
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
        server_button = QPushButton(self.tr("Shared server…"))
        server_button.setObjectName("shared_server")
        open_button.clicked.connect(self._open_other)
        new_button.clicked.connect(self._create_new)
        server_button.clicked.connect(self._choose_server)
        db_row = QWidget()
        row = QHBoxLayout(db_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.database, 1)
        row.addWidget(open_button)
        row.addWidget(new_button)
        row.addWidget(server_button)

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
        form.addRow(self.tr("Database"), db_row)
        form.addRow(self.tr("Default home locality"), self.home_locality)
        form.addRow(self.tr("Your name"), self.staff_name)
        form.addRow(self.tr("A relationship is quiet after"), self.quiet_days)
        note = QLabel(self.tr("Another database file or server opens as soon as you press OK; a new language "
                              "redraws the window at once."))
        note.setWordWrap(True)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(buttons)

    def _open_other(self) -> None:
        path = open_file_name(self, self.tr("Open a TwinDesk database"), self.database.text(),
                              self.tr("TwinDesk database (*.db);;All files (*)"))
        if path:
            self.database.setText(path)

    def _create_new(self) -> None:
        path = save_file_name(self, self.tr("Create a TwinDesk database"), "twindesk.db",
                              self.tr("TwinDesk database (*.db)"), dialog_asks_to_replace=True)
        if path:
            if not path.endswith(".db"):
                path += ".db"
            self.database.setText(str(Path(path)))

    def _choose_server(self) -> None:
        """The shared server instead of a file: its address goes in the field (never the password, which
        is handed to the connection that follows OK, and to the keyring if asked)."""
        from twindesk.domain import server_connection
        from twindesk.ui.shell import server_connect
        from twindesk.ui.shell.server_dialog import ServerDialog

        text = self.database.text().strip()
        address = server_connection.parse(text) if server_connection.is_database_url(text) else None
        dialog = ServerDialog(self.settings, address=address, parent=self)
        dialog.connect_button.setText(self.tr("Use this server"))
        if dialog.exec():
            address = dialog.address()
            server_connect.hand_over(address, dialog.typed_password(), dialog.remember_password.isChecked())
            self.database.setText(address.url())
        dialog.deleteLater()

    def accept(self) -> None:
        self.settings.set(S.LANGUAGE, self.language.currentData())
        self.settings.set(S.DATABASE, self.database.text().strip())
        self.settings.set(S.HOME_LOCALITY, self.home_locality.currentData())
        self.settings.set(S.STAFF_NAME, self.staff_name.text().strip())
        self.settings.set(S.QUIET_AFTER_DAYS, self.quiet_days.value())
        self.settings.sync()
        super().accept()
