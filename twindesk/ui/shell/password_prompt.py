"""The small dialog that asks for a server password when libpq needs one and neither the keyring nor
~/.pgpass has it, or when the one tried was wrong (the server's reason is said above the field)."""

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
)


class PasswordPrompt(QDialog):
    def __init__(self, server: str, reason: str = "", *, can_remember: bool = True, parent=None):
        super().__init__(parent)
        self.setObjectName("password_prompt")
        self.setWindowTitle(self.tr("Password for the server"))
        self.setMinimumWidth(420)
        headline = QLabel(self.tr("TwinDesk needs the password of %1.").replace("%1", server))
        headline.setWordWrap(True)
        self.reason = QLabel(reason)
        self.reason.setObjectName("password_reason")
        self.reason.setWordWrap(True)
        self.reason.setStyleSheet("color: #b00020")
        self.reason.setVisible(bool(reason))
        self.password = QLineEdit()
        self.password.setObjectName("password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.remember_password = QCheckBox(self.tr("Remember password in the system keyring"))
        self.remember_password.setObjectName("remember_password")
        self.remember_password.setEnabled(can_remember)
        form = QFormLayout()
        form.addRow(self.tr("Password"), self.password)
        form.addRow("", self.remember_password)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(headline)
        layout.addWidget(self.reason)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.password.setFocus()


def ask_password(parent, server: str, reason: str, *, can_remember: bool = True) -> tuple[str, bool] | None:
    """(password, remember it) as typed, or None when the user cancels."""
    dialog = PasswordPrompt(server, reason, can_remember=can_remember, parent=parent)
    try:
        if not dialog.exec():
            return None
        return dialog.password.text(), dialog.remember_password.isChecked()
    finally:
        dialog.deleteLater()
