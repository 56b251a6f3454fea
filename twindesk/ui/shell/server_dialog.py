"""File › Connect to server…: the shared server's address, TLS, the password and whether the keyring
keeps it; Test connection (on a worker) and Connect (docs/architecture.md, "Connecting staff to the server").

The dialog only gathers: the session connects, and when that fails it shows the dialog again with all
that was typed (the password emptied when it was the wrong one). The address is kept in the settings;
the password never is: it lives in the system keyring when "Remember" is ticked, else in libpq's own
~/.pgpass or service file, or it is typed each time.
"""

from PySide6.QtWidgets import (
    QCheckBox,
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

from twindesk.ui.common.background import BackgroundJob
from twindesk.ui.common.error_text import user_error_message
from twindesk.ui.common.file_dialogs import open_file_name
from twindesk.ui.shell import settings as S

DEFAULT_PORT = 5432


class ServerDialog(QDialog):
    def __init__(self, settings: S.AppSettings, *, address=None, problem: str = "", parent=None):
        super().__init__(parent)
        from twindesk.domain import server_connection

        self.settings = settings
        self.connection = server_connection
        self.setWindowTitle(self.tr("Connect to the shared server"))
        self.setObjectName("server_dialog")
        self.setMinimumWidth(520)
        self._job = None

        self.host = self._line("host", self.tr("e.g. db.office.local"))
        self.port = QSpinBox()
        self.port.setObjectName("port")
        self.port.setRange(1, 65535)
        self.port.setValue(DEFAULT_PORT)
        self.database = self._line("database", "twindesk")
        self.user = self._line("user", self.tr("your login on the server"))
        self.sslmode = QComboBox()
        self.sslmode.setObjectName("sslmode")
        for mode, label in (("disable", self.tr("Off")), ("prefer", self.tr("Prefer (encrypt when the server can)")),
                            ("require", self.tr("Require (encrypted, certificate not checked)")),
                            ("verify-full", self.tr("Verify (encrypted, certificate and name checked)"))):
            self.sslmode.addItem(label, mode)
        self.sslmode.setCurrentIndex(self.sslmode.findData("prefer"))
        self.sslrootcert = self._line("sslrootcert", self.tr("the office's CA certificate (.crt, .pem)"))
        self.browse = QPushButton(self.tr("Choose…"))
        self.browse.setObjectName("choose_sslrootcert")
        self.browse.clicked.connect(self._choose_ca)
        ca_row = QWidget()
        row = QHBoxLayout(ca_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.sslrootcert, 1)
        row.addWidget(self.browse)
        self.sslmode.currentIndexChanged.connect(self._mode_changed)

        self.password = self._line("password", self.tr("empty: from the keyring or ~/.pgpass"))
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.remember_password = QCheckBox(self.tr("Remember password in the system keyring"))
        self.remember_password.setObjectName("remember_password")
        self.keyring_note = QLabel()
        self.keyring_note.setObjectName("keyring_note")
        self.keyring_note.setWordWrap(True)
        problem_with_keyring = server_connection.keyring_problem()
        if problem_with_keyring is not None:
            self.remember_password.setEnabled(False)
            self.keyring_note.setText(self.tr(
                "No system keyring works here (%1), so TwinDesk cannot remember the password. Keep it in "
                "~/.pgpass (on Windows %APPDATA%\\postgresql\\pgpass.conf), one line "
                "host:port:database:user:password readable only by you, or in a PostgreSQL service file; "
                "or type it each time.").replace("%1", problem_with_keyring))
        else:
            self.keyring_note.hide()

        form = QFormLayout()
        form.addRow(self.tr("Server (host)"), self.host)
        form.addRow(self.tr("Port"), self.port)
        form.addRow(self.tr("Database"), self.database)
        form.addRow(self.tr("User"), self.user)
        form.addRow(self.tr("Encryption (TLS)"), self.sslmode)
        form.addRow(self.tr("CA certificate"), ca_row)
        form.addRow(self.tr("Password"), self.password)
        form.addRow("", self.remember_password)

        self.problem = QLabel(problem)
        self.problem.setObjectName("connect_problem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #b00020")
        self.problem.setVisible(bool(problem))
        self.test_result = QLabel()
        self.test_result.setObjectName("test_result")
        self.test_result.setWordWrap(True)

        buttons = QDialogButtonBox()
        self.test_button = buttons.addButton(self.tr("&Test connection"), QDialogButtonBox.ButtonRole.ActionRole)
        self.test_button.setObjectName("test_connection")
        self.test_button.setAutoDefault(False)
        self.connect_button = buttons.addButton(self.tr("&Connect"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.connect_button.setObjectName("connect")
        self.connect_button.setDefault(True)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.test_button.clicked.connect(self.test_connection)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.problem)
        layout.addLayout(form)
        layout.addWidget(self.keyring_note)
        layout.addWidget(self.test_result)
        layout.addWidget(buttons)

        self.show_address(address if address is not None else self._remembered())
        for widget in (self.host, self.database, self.user):
            widget.textChanged.connect(self._fields_changed)
        self._fields_changed()

    def _line(self, name: str, placeholder: str) -> QLineEdit:
        line = QLineEdit()
        line.setObjectName(name)
        line.setPlaceholderText(placeholder)
        return line

    def _remembered(self):
        url = self.settings.get(S.SERVER_ADDRESS)
        if not url:
            return None
        try:
            return self.connection.parse(url)
        except Exception:  # a setting written by another version: start from empty fields
            return None

    def show_address(self, address) -> None:
        """Fill the fields from `address` (None: leave them as they are)."""
        if address is None:
            return
        self.host.setText(address.host)
        self.port.setValue(address.port or DEFAULT_PORT)
        self.database.setText(address.database)
        self.user.setText(address.user)
        self.sslmode.setCurrentIndex(max(self.sslmode.findData(address.sslmode), 0))
        self.sslrootcert.setText(address.sslrootcert)
        self.remember_password.setChecked(self.connection.lookup_password(address) is not None)
        self._mode_changed()

    def address(self):
        return self.connection.address_of(
            host=self.host.text(), port=self.port.value(), database=self.database.text(), user=self.user.text(),
            sslmode=self.sslmode.currentData(), sslrootcert=self.sslrootcert.text())

    def typed_password(self) -> str | None:
        """What was typed, or None to let the keyring or .pgpass answer."""
        return self.password.text() or None

    def show_problem(self, text: str, *, wrong_password: bool = False) -> None:
        """Why the last Connect failed, above the fields (which keep what was typed)."""
        self.problem.setText(text)
        self.problem.show()
        self.test_result.clear()
        if wrong_password:
            self.password.clear()
            self.password.setFocus()

    def _mode_changed(self, *_args) -> None:
        verify = self.sslmode.currentData() == "verify-full"
        self.sslrootcert.setEnabled(verify)
        self.browse.setEnabled(verify)

    def _fields_changed(self, *_args) -> None:
        complete = all(w.text().strip() for w in (self.host, self.database, self.user))
        self.connect_button.setEnabled(complete)
        self.test_button.setEnabled(complete and self._job is None)

    def _choose_ca(self) -> None:
        path = open_file_name(self, self.tr("The office's CA certificate"), self.sslrootcert.text(),
                              self.tr("Certificates (*.crt *.pem *.cer);;All files (*)"))
        if path:
            self.sslrootcert.setText(path)

    # --- Test connection -----------------------------------------------------------------------
    def test_connection(self) -> None:
        """Connect once on a worker thread and say what came of it; the window stays usable meanwhile."""
        if self._job is not None:
            return
        address, password = self.address(), self.typed_password()
        connection = self.connection
        from twindesk.ui.common.formatting import server_name  # loads the domain: not at start-up
        self.test_result.setText(self.tr("Connecting to %1…").replace("%1", server_name(address)))
        self.test_button.setEnabled(False)
        job = self._job = BackgroundJob(lambda _progress: connection.probe(
            address, password if password is not None else connection.lookup_password(address)), self)
        job.succeeded.connect(self._tested)
        job.failed.connect(lambda exc: self.test_result.setText("✗ " + user_error_message(exc)))
        job.finished.connect(self._test_ended)
        job.start()

    def _tested(self, probe) -> None:
        line = self.tr("encrypted (TLS)") if probe.encrypted else self.tr("not encrypted")
        self.test_result.setText("✓ " + self.tr("Connected: PostgreSQL %1 as %2, %3.")
                                 .replace("%1", probe.server_version).replace("%2", probe.login).replace("%3", line))

    def _test_ended(self) -> None:
        self._job = None
        self._fields_changed()

    def done(self, result: int) -> None:
        if self._job is not None:  # a test still connecting: it ends on its own (connect_timeout)
            self._job.wait(10_000)
        super().done(result)
