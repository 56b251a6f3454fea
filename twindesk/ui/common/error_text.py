"""The words a message box shows for the user's or the environment's error, in the window's language."""

from PySide6.QtCore import QLocale

from twindesk.domain.model.errors import describe_environment_error


def window_language() -> str:
    """zh_CN or en: the language the window was set to (install_language sets the default locale)."""
    return "zh_CN" if QLocale().language() == QLocale.Language.Chinese else "en"


def user_error_message(error: BaseException, lang: str | None = None) -> str:
    """A UserError's or an environment error's plain message in `lang` (default: the window's); for
    anything else, the exception's own text. A server connection that dropped also turns the window's
    reconnecting bar on (ui/shell/connection_watch.py): every message a person is shown passes here."""
    from twindesk.ui.shell.connection_watch import notice

    notice(error)
    message = describe_environment_error(error, lang=lang or window_language())
    return (str(error) or type(error).__name__) if message is None else message
