"""Errors of the user or the environment, as opposed to bugs.

Every layer raises a subclass of `UserError` for things a person can fix (a wrong file, a bad value,
a locked database). The command line turns them into one line on stderr and exit status 2; the window
shows them as a plain message. Anything else is a bug and gets the crash handling.
"""


class UserError(Exception):
    """Something the user or the environment got wrong; the message says what and where."""


class DatabaseFileError(UserError):
    """The database file is missing, not a TwinDesk database, damaged or too new."""

    def __init__(self, path, problem):
        self.path = str(path)
        self.problem = problem
        super().__init__(f"{self.path}: {problem}")


class BackupError(UserError):
    """A backup could not be written or a backup file cannot be restored."""


class DatabaseDamaged(DatabaseFileError):
    """The file is a database SQLite cannot read whole (cut short, bad pages): a backup can replace it."""


class DatabaseReadOnlyMedia(DatabaseFileError):
    """The file, its folder or the medium is read-only: the database can be opened read-only only.

    Raised before anything is written, so the caller can open it again with `read_only=True`."""
