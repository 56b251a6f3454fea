"""Consistent copies of the database, by SQLite's online backup API.

A copy is written to a temporary file, checked and then renamed into place, so a backup file is either
whole or absent. Rotating copies live in a folder beside the database:

    twindesk.db
    twindesk-backups/daily-2026-11-29.db      the last 7 days the database was opened
    twindesk-backups/weekly-2026-W48.db       the last 4 weeks
    twindesk-backups/monthly-2026-11.db       the last 12 months
    twindesk-backups/before-migration-20261129-101500.db   and import, restore: the last 10 of each
"""

import os
import re
import sqlite3
import tempfile
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from twindesk.store.errors import BackupError

RETENTION = {"daily": 7, "weekly": 4, "monthly": 12}
EVENT_RETENTION = 10
EVENTS = ("migration", "import", "restore", "demo")


def backup_folder(db_path: Path) -> Path:
    db_path = Path(db_path)
    return db_path.with_name(f"{db_path.stem}-backups")


def copy_database(source: sqlite3.Connection | Path, target: Path, *, overwrite: bool = False) -> Path:
    """Write a consistent copy of `source` (a connection or a file) to `target`, atomically."""
    target = Path(target)
    if target.exists() and not overwrite:
        raise BackupError(f"{target}: already exists; choose another name (backups never overwrite a file)")
    if not target.parent.is_dir():
        raise BackupError(f"{target.parent}: folder does not exist")
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    own_source = not isinstance(source, sqlite3.Connection)
    src = sqlite3.connect(str(source)) if own_source else source
    try:
        dst = sqlite3.connect(tmp_name)
        try:
            # pages=-1: the whole database in one step, so it is one consistent snapshot even while
            # other connections write (WAL readers see a fixed state).
            src.backup(dst, pages=-1)
            dst.execute("PRAGMA journal_mode=DELETE")
            result = dst.execute("PRAGMA quick_check").fetchone()[0]
            if result != "ok":
                raise BackupError(f"{target}: the copy failed its integrity check ({result})")
        finally:
            dst.close()
        os.replace(tmp, target)
    except OSError as exc:
        raise BackupError(f"{target}: cannot write the backup ({exc.strerror or exc})") from exc
    except sqlite3.Error as exc:
        raise BackupError(f"{target}: cannot write the backup ({exc})") from exc
    finally:
        if own_source:
            src.close()
        tmp.unlink(missing_ok=True)
    return target


@dataclass(frozen=True)
class RotationSlot:
    kind: str
    label: str

    @property
    def filename(self) -> str:
        return f"{self.kind}-{self.label}.db"


def slots_for(moment: datetime) -> list[RotationSlot]:
    iso_year, iso_week, _ = moment.isocalendar()
    return [
        RotationSlot("daily", moment.strftime("%Y-%m-%d")),
        RotationSlot("weekly", f"{iso_year}-W{iso_week:02d}"),
        RotationSlot("monthly", moment.strftime("%Y-%m")),
    ]


_ROTATING = re.compile(r"^(daily|weekly|monthly)-(.+)\.db$")
_EVENT = re.compile(r"^before-(" + "|".join(EVENTS) + r")-(\d{8}-\d{6}(?:-\d+)?)\.db$")


def rotate(conn: sqlite3.Connection, db_path: Path, moment: datetime) -> list[Path]:
    """Take the daily/weekly/monthly copies `moment` still lacks, then prune old ones.

    Returns the files written. Labels sort in time order, so pruning keeps the newest by name.
    """
    folder = backup_folder(db_path)
    folder.mkdir(exist_ok=True)
    written: list[Path] = []
    first: Path | None = None
    for slot in slots_for(moment):
        target = folder / slot.filename
        if target.exists():
            continue
        if first is None:
            first = copy_database(conn, target)
        else:
            first = copy_database(first, target)
        written.append(target)
    prune(folder)
    return written


def _age_key(path: Path) -> tuple:
    """Oldest first. By name, except that "…-101500-2.db" and "…-101500-10.db" come after "…-101500.db"
    (a plain name sort puts "-10" before "-2" and both before the first copy of that second)."""
    m = _EVENT.match(path.name)
    if not m:
        return (path.name, 0)
    stamp = m.group(2)  # 20261129-101500 or 20261129-101500-2
    return (stamp[:15], int(stamp[16:] or 1))


def prune(folder: Path) -> list[Path]:
    """Delete rotating copies beyond RETENTION and event copies beyond EVENT_RETENTION."""
    groups: dict[str, list[Path]] = {}
    for entry in folder.iterdir():
        m = _ROTATING.match(entry.name)
        if m:
            groups.setdefault(m.group(1), []).append(entry)
            continue
        m = _EVENT.match(entry.name)
        if m:
            groups.setdefault("before-" + m.group(1), []).append(entry)
    removed = []
    for kind, files in groups.items():
        keep = RETENTION.get(kind, EVENT_RETENTION)
        for old in sorted(files, key=_age_key)[:-keep]:
            old.unlink()
            removed.append(old)
    return removed


def event_backup(conn: sqlite3.Connection, db_path: Path, event: str, moment: datetime) -> Path:
    """The copy taken just before a migration, an import or a restore."""
    if event not in EVENTS:
        raise ValueError(f"unknown backup event {event!r}")
    folder = backup_folder(db_path)
    folder.mkdir(exist_ok=True)
    stamp = moment.strftime("%Y%m%d-%H%M%S")
    # Two events within one second: number on from the newest copy of that second (not from a gap
    # that pruning left, or the new copy would sort as the oldest and be pruned at once).
    same_second = [_age_key(p)[1] for p in folder.glob(f"before-{event}-{stamp}*.db") if _EVENT.match(p.name)]
    n = max(same_second, default=0) + 1
    target = folder / (f"before-{event}-{stamp}.db" if n == 1 else f"before-{event}-{stamp}-{n}.db")
    copy_database(conn, target)
    prune(folder)
    return target


def list_backups(db_path: Path) -> list[Path]:
    folder = backup_folder(db_path)
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.suffix == ".db")
