"""Where the database lives when nobody says otherwise."""

import os
from pathlib import Path

import platformdirs

from twindesk import APP_NAME

ENV_VAR = "TWINDESK_DB"
DEFAULT_FILENAME = "twindesk.db"


def default_database_path() -> Path:
    """The per-user data folder of the platform (AppData on Windows, XDG on Linux)."""
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)) / DEFAULT_FILENAME


def resolve_database_path(explicit: str | os.PathLike | None = None) -> Path:
    """`--db` wins over `TWINDESK_DB`, which wins over the platform default."""
    if explicit:
        return Path(explicit).expanduser()
    from_env = os.environ.get(ENV_VAR)
    if from_env:
        return Path(from_env).expanduser()
    return default_database_path()
