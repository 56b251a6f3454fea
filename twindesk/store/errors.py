"""Errors of the user or the environment, as opposed to bugs.

Every layer raises a subclass of `UserError` for things a person can fix (a wrong file, a bad value,
a locked database). The command line turns them into one line on stderr and exit status 2; the window
shows them as a plain message. Anything else is a bug and gets the crash handling.

A `UserError` carries an English template and its parameters (`store.messages`), so `text(lang)` says
it in English or Chinese; `str(exc)` is the English.
"""

from twindesk.store.messages import Message, render


class UserError(Exception):
    """Something the user or the environment got wrong; the message says what and where."""

    def __init__(self, template: str = "", /, **params):
        self.template, self.params = template, params
        super().__init__(render(template, params, "en"))

    def text(self, lang: str = "en") -> str:
        """The message in `lang` (zh_CN or en)."""
        return render(self.template, self.params, lang)


class DatabaseFileError(UserError):
    """The database file is missing, not a TwinDesk database, damaged or too new.

    `problem` is a template of its own (what is wrong with the file), with `params`."""

    def __init__(self, path, problem, /, **params):
        self.path = str(path)
        part = problem if isinstance(problem, Message) else Message(problem, params)
        self.problem = part.text("en")
        super().__init__("{path}: {problem}", path=self.path, problem=part)


class BackupError(UserError):
    """A backup could not be written or a backup file cannot be restored."""


class DatabaseDamaged(DatabaseFileError):
    """The file is a database SQLite cannot read whole (cut short, bad pages): a backup can replace it."""


class DatabaseReadOnlyMedia(DatabaseFileError):
    """The file, its folder or the medium is read-only: the database can be opened read-only only.

    Raised before anything is written, so the caller can open it again with `read_only=True`."""
