"""Storage: peewee models over SQLite, opening files safely, schema versions, backups.

The names below load on first use (PEP 562), so a light module of this package (paths, messages,
errors) does not bring peewee and the models with it: the window paints before it opens the
database (docs/architecture.md, "Start-up").
"""

import importlib

_WHERE = {
    "BackupError": "twindesk.store.errors",
    "DatabaseFileError": "twindesk.store.errors",
    "UserError": "twindesk.store.errors",
    "close_database": "twindesk.store.connection",
    "connect": "twindesk.store.connection",
    "open_database": "twindesk.store.connection",
    "database": "twindesk.store.models",
}

__all__ = sorted(_WHERE)


def __getattr__(name: str):
    if name not in _WHERE:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(_WHERE[name]), name)
