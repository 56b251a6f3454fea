"""File › Recent databases: the databases opened last, most recent first, kept in the settings.

The session remembers every database it opened (`remember`); the menu is filled each time it opens,
so it always shows what the settings hold. Choosing one asks the session to open it, as Settings does.
"""

from pathlib import Path

from PySide6.QtWidgets import QMenu

from twindesk.ui.common.icons import icon
from twindesk.ui.shell import settings as S

KEPT = 8


def recent(settings: S.AppSettings) -> list[Path]:
    return [Path(p) for p in settings.get(S.RECENT_DATABASES) if p]


def remember(settings: S.AppSettings, path: Path) -> None:
    path = Path(path).resolve()
    others = [p for p in recent(settings) if p.resolve() != path]
    settings.set(S.RECENT_DATABASES, [str(p) for p in [path, *others][:KEPT]])


class RecentMenu(QMenu):
    """The submenu; `open_database(str)` is called with the chosen path."""

    def __init__(self, title: str, settings: S.AppSettings, current: Path | None, open_database, parent=None):
        super().__init__(title, parent)
        self.setObjectName("recent_databases")
        self.setIcon(icon("history"))
        self.settings, self.open_database = settings, open_database
        self.current = Path(current).resolve() if current is not None else None
        self.aboutToShow.connect(self.fill)
        self.fill()

    def set_current(self, current: Path) -> None:
        """The database the window opened (a shell has none yet while it opens)."""
        self.current = Path(current).resolve()
        self.fill()

    def fill(self) -> None:
        self.clear()
        paths = recent(self.settings)
        for number, path in enumerate(paths, start=1):
            prefix = f"&{number}  " if number < 10 else ""
            action = self.addAction(f"{prefix}{path.name}  —  {path.parent}")
            action.setData(str(path))
            action.setToolTip(str(path))
            action.setCheckable(True)
            action.setChecked(path.resolve() == self.current)
            action.setEnabled(path.resolve() != self.current and path.is_file())
            action.triggered.connect(lambda _checked=False, p=str(path): self.open_database(p))
        if not paths:
            self.addAction(self.tr("(none yet)")).setEnabled(False)

    def paths(self) -> list[str]:
        return [a.data() for a in self.actions() if a.data()]
