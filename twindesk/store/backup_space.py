"""Room for backups: one budget for all copies together, and a floor of free space on the volume.

A copy is counted once however many names it has: the daily, weekly and monthly slots of one moment are
hard links of one file (see `backups.rotate`), and a raw copy's `-wal` companion counts with its file.
Making room removes whole copies (every name), oldest first, and never the newest one.
"""

import shutil
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

MB = 1024 * 1024
# All backups together may take this many times the database's size, within these bounds.
BUDGET_MULTIPLE = 20
BUDGET_MINIMUM = 64 * MB  # a small database keeps its whole rotation
BUDGET_CAP = 4096 * MB
# Backups never leave less free space than the smaller of these on the volume.
FREE_FRACTION = 0.05
FREE_FLOOR = 200 * MB

COMPANIONS = ("-wal",)  # a raw copy of a WAL database is its file plus the WAL

disk_usage = shutil.disk_usage  # tests replace it to play a nearly full disk


@dataclass
class Copy:
    names: list[Path]
    size: int
    moment: datetime
    files: list[Path] = field(default_factory=list)  # names and companions: what removing it deletes


def budget_for(db_size: int) -> int:
    return min(max(BUDGET_MULTIPLE * db_size, BUDGET_MINIMUM), BUDGET_CAP)


def free_floor(folder: Path) -> int:
    return min(int(disk_usage(folder).total * FREE_FRACTION), FREE_FLOOR)


def free_bytes(folder: Path) -> int:
    return disk_usage(folder).free


def leaves_floor(folder: Path, incoming: int) -> bool:
    """True if writing `incoming` more bytes keeps free space at or above the floor."""
    return free_bytes(folder) - incoming >= free_floor(folder)


def group_copies(entries: list[tuple[Path, datetime]]) -> list[Copy]:
    """The copies behind `entries` (path, moment of its label), one per file on disk, oldest first."""
    by_inode: dict[tuple[int, int], Copy] = {}
    for path, moment in entries:
        try:
            st = path.stat()
        except FileNotFoundError:
            continue
        companions = [Path(f"{path}{suffix}") for suffix in COMPANIONS]
        companions = [c for c in companions if c.exists()]
        copy = by_inode.get((st.st_dev, st.st_ino))
        if copy is None:
            size = st.st_size + sum(c.stat().st_size for c in companions)
            by_inode[(st.st_dev, st.st_ino)] = Copy([path], size, moment, [path, *companions])
        else:
            copy.names.append(path)
            copy.files.extend([path, *companions])
            copy.moment = max(copy.moment, moment)
    return sorted(by_inode.values(), key=lambda c: (c.moment, str(c.names[0])))


def usage(copies: list[Copy]) -> int:
    return sum(c.size for c in copies)


def make_room(folder: Path, copies: list[Copy], *, budget: int, incoming: int = 0,
              keep: frozenset[Path] = frozenset()) -> list[Path]:
    """Remove the oldest copies until they plus `incoming` bytes fit `budget` and the free-space floor.

    Never removes the newest copy or one with a name in `keep`. Returns the files removed."""
    removed: list[Path] = []
    candidates = [c for c in copies[:-1] if not keep.intersection(c.names)]
    total = usage(copies)
    for oldest in candidates:
        if total + incoming <= budget and leaves_floor(folder, incoming):
            break
        for name in oldest.files:
            name.unlink(missing_ok=True)
        removed.extend(oldest.files)
        total -= oldest.size
    return removed
