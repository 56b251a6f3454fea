"""The session on the shared server: connecting (asking for a password when libpq needs one), saying
why a connection was refused, and the connect dialog again with everything typed (docs/architecture.md,
"Connecting staff to the server").

The password stays in memory for the session (to connect again after a drop) and in the keyring only
when the user ticked "Remember"; never in the settings, which keep the address alone.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from twindesk.domain import server_connection, workspace
from twindesk.domain.model.errors import UserError, describe_environment_error
from twindesk.ui.common.error_text import user_error_message, window_language
from twindesk.ui.shell import recent_files
from twindesk.ui.shell import settings as S
from twindesk.ui.shell.connection_watch import connection_watch
from twindesk.ui.shell.password_prompt import ask_password

# A password typed in Settings' server dialog, for the open that follows its OK: url -> (password, remember).
_handed_over: dict[str, tuple[str | None, bool]] = {}


def hand_over(address, password: str | None, remember: bool) -> None:
    _handed_over[address.url()] = (password, remember)


def open_server(session, address, parent, *, password: str | None = None, remember: bool | None = None,
                ask: bool = True) -> UserError | OSError | None:
    """Open `address` for `session`, the previous database closed once it is open. None when it is
    open; else the refusal (ServerUnreachable, ServerLoginFailed …), the previous database open again.
    `ask`: a password prompt when the login needs one (the connect dialog has a field of its own)."""
    if password is None and address.url() in _handed_over:
        password, remember = _handed_over.pop(address.url())
    asked: dict = {}
    can_remember = server_connection.keyring_problem() is None

    def prompt(reason: str) -> str | None:
        from twindesk.ui.common.formatting import server_name  # loads the domain: not at start-up
        answer = ask_password(parent, server_name(address), reason, can_remember=can_remember) if ask else None
        if answer is not None:
            asked["remember"] = answer[1]
        return None if answer is None else answer[0]

    previous = (session.path, session.read_only)
    watch = connection_watch()
    watching = (watch.address, watch.password)
    watch.watch(None, None)  # a refusal now is this server's answer, not the open one's connection dropping
    session.close_for_switch()
    try:
        opened, used = server_connection.open_with_password(
            address, lambda pw: workspace.open_workspace(address, password=pw, read_only_fallback=True), prompt, password)
    except (UserError, OSError) as exc:
        workspace.close()
        session.reopen_previous(*previous)
        watch.watch(*watching)
        return exc
    session.adopt_server(address, used, opened)
    session.settings.set(S.SERVER_ADDRESS, address.url())
    recent_files.remember(session.settings, address)  # File › Recent databases: the address, no password
    watch.watch(address, used)
    typed = password is not None or "remember" in asked
    _keep_password(session, address, used if typed else None, asked.get("remember", remember))
    return None


def _keep_password(session, address, typed: str | None, remember: bool | None) -> None:
    """Into the keyring when asked to (else out of it, so a wrong or unwanted one is not tried again)."""
    if remember and typed:
        try:
            server_connection.store_password(address, typed)
        except UserError as exc:
            session.notices.append(user_error_message(exc))
    elif remember is False:
        server_connection.delete_password(address)


def connect_with_dialog(session, parent, *, address=None, problem: str = "") -> bool:
    """File › Connect to server…: the dialog until a connection works (True) or the user cancels.
    A refusal is said in the dialog, which keeps what was typed (the password emptied if it was wrong)."""
    from twindesk.ui.shell.server_dialog import ServerDialog

    dialog = ServerDialog(session.settings, address=address, problem=problem, parent=parent)
    try:
        while dialog.exec():
            typed = dialog.typed_password()
            failure = open_server(session, dialog.address(), dialog, password=typed,
                                  remember=dialog.remember_password.isChecked(), ask=False)
            if failure is None:
                return True
            dialog.show_problem(describe(failure), wrong_password=server_connection.login_failed(failure))
        return False
    finally:
        dialog.deleteLater()


def open_or_ask(session, address, parent) -> bool:
    """Start-up with a server, or a server chosen in Recent or Settings: connect (a password asked
    for if needed); refused, the connect dialog with the address and the reason."""
    failure = open_server(session, address, parent)
    if failure is None:
        return True
    return connect_with_dialog(session, parent, address=address, problem=describe(failure))


def describe(failure: BaseException) -> str:
    """What went wrong, where, and what to do (the store's messages say what and where)."""
    name = type(failure).__name__
    if name == "ServerUnreachable":
        advice = QCoreApplication.translate("ServerConnect", "Check the server's name and port, that it is "
                                            "running, and your network; then try again.")
    elif name == "ServerLoginFailed":
        advice = QCoreApplication.translate("ServerConnect", "Check the user name and type the password again.")
    elif name == "ServerPermissionDenied":
        advice = QCoreApplication.translate("ServerConnect", "Ask the office's database administrator to grant "
                                            "your login a TwinDesk role.")
    elif name == "ServerTlsFailed":
        advice = QCoreApplication.translate("ServerConnect", "Check the encryption setting and the CA "
                                            "certificate, or ask the administrator for the office's certificate.")
    elif name in ("ServerNotInitialized", "ServerSchemaMismatch"):
        advice = QCoreApplication.translate("ServerConnect", "The administrator sets the database up with "
                                            "twindesk server init.")
    else:
        advice = ""
    # the message without user_error_message's notice: this refusal is no dropped connection to retry
    return (describe_environment_error(failure, lang=window_language()) or str(failure)) + (
        "\n\n" + advice if advice else "")
