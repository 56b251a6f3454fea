"""Storage: peewee models over SQLite, opening files safely, schema versions, backups."""

from twindesk.store.connection import close_database, connect, open_database
from twindesk.store.errors import BackupError, DatabaseFileError, UserError
from twindesk.store.models import database

__all__ = [
    "BackupError",
    "DatabaseFileError",
    "UserError",
    "close_database",
    "connect",
    "database",
    "open_database",
]
