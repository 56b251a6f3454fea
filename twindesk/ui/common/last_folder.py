"""File dialogs start in the folder the last one was answered in, across runs.

The one place that knows it; every file dialog of the window goes through ui/common/file_dialogs.py,
which starts in `start_in(...)` and `remember`s the answer. The folder is kept in the window's settings
(`use(settings)`, done by the main window); without settings it is only remembered for this run.
"""

from pathlib import Path

from twindesk.ui.shell import settings as S

_state: dict = {"settings": None, "folder": ""}


def use(settings: S.AppSettings | None) -> None:
    _state["settings"] = settings
    _state["folder"] = settings.get(S.LAST_FOLDER) if settings is not None else ""


def folder() -> Path | None:
    """The folder the last dialog was answered in, if it still exists."""
    text = _state["folder"]
    return Path(text) if text and Path(text).is_dir() else None


def remember(chosen: str | Path) -> None:
    if not chosen:
        return
    parent = str(Path(chosen).parent)
    _state["folder"] = parent
    if _state["settings"] is not None:
        _state["settings"].set(S.LAST_FOLDER, parent)


def start_in(suggested: str | Path) -> str:
    """The suggested file name, in the last folder if there is one (else where it was suggested)."""
    last = folder()
    if last is None:
        return str(suggested)
    if not str(suggested):
        return str(last)
    name = Path(suggested).name
    return str(last / name) if name and not Path(suggested).is_dir() else str(last)
