"""File › Recent databases: the databases opened last, most recent first, kept in the settings.

The session remembers every database it opened (`remember`): a file's path, or a server's URL (never
with a password: docs/architecture.md, "Connecting staff to the server"). The menu is filled each time
it opens, so it always shows what the settings hold. Choosing one asks the session to open it, as
Settings does.
"""

from pathlib import Path

from PySide6.QtWidgets import QMenu

from twindesk.ui.common.icons import icon
from twindesk.ui.shell import settings as S

KEPT = 8


def is_server(entry: str) -> bool:
    """A server's URL rather than a file (told apart without the database layer, not loaded yet)."""
    return entry.startswith(("postgresql://", "postgres://"))


def _key(location) -> str:
    """One entry's text: a file's full path, or a ServerAddress's URL."""
    if hasattr(location, "url"):
        return location.url()
    return str(location) if is_server(str(location)) else str(Path(location).resolve())


def _current(location):
    """The open database as the menu keeps it: a file's resolved Path, or a server's URL."""
    return location.url() if hasattr(location, "url") else Path(location).resolve()


def recent(settings: S.AppSettings) -> list[Path]:
    """The files among the recent databases."""
    return [Path(p) for p in settings.get(S.RECENT_DATABASES) if p and not is_server(p)]


def recent_entries(settings: S.AppSettings) -> list[str]:
    """Files and servers, most recent first."""
    return [p for p in settings.get(S.RECENT_DATABASES) if p]


def remember(settings: S.AppSettings, location) -> None:
    """`location` is a Path or a ServerAddress."""
    key = _key(location)
    others = [p for p in recent_entries(settings) if _key(p) != key]
    settings.set(S.RECENT_DATABASES, [key, *others][:KEPT])


class RecentMenu(QMenu):
    """The submenu; `open_database(str)` is called with the chosen path."""

    def __init__(self, title: str, settings: S.AppSettings, current: Path | None, open_database, parent=None):
        super().__init__(title, parent)
        self.setObjectName("recent_databases")
        self.setIcon(icon("history"))
        self.settings, self.open_database = settings, open_database
        self.current = _current(current) if current is not None else None
        self.aboutToShow.connect(self.fill)
        self.fill()

    def set_current(self, current) -> None:
        """The database the window opened, a Path or a ServerAddress (a shell has none yet while it opens)."""
        self.current = _current(current)
        self.fill()

    def fill(self) -> None:
        self.clear()
        entries = recent_entries(self.settings)
        for number, entry in enumerate(entries, start=1):
            prefix = f"&{number}  " if number < 10 else ""
            server = is_server(entry)
            if server:  # the URL without its scheme: user@host:port/database
                text = self.tr("Server %1").replace("%1", entry.partition("://")[2])
            else:
                text = f"{Path(entry).name}  —  {Path(entry).parent}"
            action = self.addAction(prefix + text)
            action.setData(entry)
            action.setToolTip(entry)
            action.setCheckable(True)
            current = self.current is not None and _key(entry) == _key(self.current)
            action.setChecked(current)
            action.setEnabled(not current and (server or Path(entry).is_file()))
            action.triggered.connect(lambda _checked=False, p=entry: self.open_database(p))
        if not entries:
            self.addAction(self.tr("(none yet)")).setEnabled(False)

    def paths(self) -> list[str]:
        return [a.data() for a in self.actions() if a.data()]
