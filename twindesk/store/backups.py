"""Consistent copies of the database, by SQLite's online backup API.

A copy is written to a temporary file, checked and then renamed into place, so a backup file is either
whole or absent. Rotating copies live in a folder beside the database:

    twindesk.db
    twindesk-backups/daily-2026-11-29.db      the last 7 days the database was opened
    twindesk-backups/weekly-2026-W48.db       the last 4 weeks
    twindesk-backups/monthly-2026-11.db       the last 12 months
    twindesk-backups/before-migration-20261129-101500.db   and import, restore, demo: the last 10 of each

The slots one open fills are hard links of one copy, not one copy each. All copies together stay within
a space budget and above a floor of free space (`backup_space`); a rotating copy that cannot be written
(disk full, read-only folder) is a warning, never a reason to keep the database closed. A slot labelled
in the future (the clock had jumped ahead) is dropped once today's copy exists, so it cannot outlive
every real copy for years.
"""

import os
import re
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from twindesk.store import backup_space, durable
from twindesk.store.errors import BackupError, DatabaseFileError
from twindesk.store.fileinfo import wal_path
from twindesk.store.messages import os_reason

RETENTION = {"daily": 7, "weekly": 4, "monthly": 12}
EVENT_RETENTION = 10
EVENTS = ("migration", "import", "restore", "demo")


def backup_folder(db_path: Path) -> Path:
    db_path = Path(db_path)
    return db_path.with_name(f"{db_path.stem}-backups")


ALREADY_EXISTS = "{path}: already exists; choose another name (backups never overwrite a file)"


def copy_database(source: sqlite3.Connection | Path, target: Path, *, overwrite: bool = False) -> Path:
    """Write a consistent copy of `source` (a connection or a file) to `target`, atomically."""
    target = Path(target)
    if target.exists() and not overwrite:
        raise BackupError(ALREADY_EXISTS, path=target)
    if not target.parent.is_dir():
        raise BackupError("{path}: folder does not exist", path=target.parent)
    own_source = not isinstance(source, sqlite3.Connection)
    if own_source and not isinstance(source, str | os.PathLike):
        # Anything else (a server's psycopg connection) would become a file named after its repr in
        # the working folder: sqlite3.connect makes what it is given. A server is backed up by pg_dump.
        raise TypeError(f"copy_database copies a SQLite connection or file, not {type(source).__name__}")
    if own_source and not Path(source).is_file():  # never make an empty source and copy that
        raise DatabaseFileError(Path(source), "does not exist")
    src = sqlite3.connect(str(source)) if own_source else source
    try:
        # A killed copy's .tmp (and SQLite's -journal beside it) goes at the next copy into that folder.
        with durable.temp_beside(target, ".tmp", companions=("-journal",)) as tmp:
            dst = sqlite3.connect(tmp)
            try:
                # pages=-1: the whole database in one step, so it is one consistent snapshot even while
                # other connections write (WAL readers see a fixed state).
                src.backup(dst, pages=-1)
                dst.execute("PRAGMA journal_mode=DELETE")
                result = dst.execute("PRAGMA quick_check").fetchone()[0]
                if result != "ok":
                    raise BackupError("{path}: the copy failed its integrity check ({result})", path=target, result=result)
            finally:
                dst.close()
            durable.publish(tmp, target, replace=overwrite)  # fsync, rename, fsync the folder
    except FileExistsError as exc:
        raise BackupError(ALREADY_EXISTS, path=target) from exc
    except OSError as exc:
        raise BackupError("{path}: cannot write the backup ({reason})", path=target, reason=os_reason(exc)) from exc
    except sqlite3.Error as exc:
        raise BackupError("{path}: cannot write the backup ({reason})", path=target, reason=exc) from exc
    finally:
        if own_source:
            src.close()
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
_LABEL_FORMATS = {"daily": ("%Y-%m-%d", ""), "weekly": ("%G-W%V-%u", "-1"), "monthly": ("%Y-%m", "")}


def label_moment(name: str) -> datetime | None:
    """When the slot or event named `name` begins (a weekly slot: its Monday), or None if not a backup."""
    try:
        m = _ROTATING.match(name)
        if m:
            fmt, suffix = _LABEL_FORMATS[m.group(1)]
            return datetime.strptime(m.group(2) + suffix, fmt)
        m = _EVENT.match(name)
        if m:
            return datetime.strptime(m.group(2)[:15], "%Y%m%d-%H%M%S")
    except ValueError:
        return None
    return None


@dataclass(frozen=True)
class Rotation:
    written: list[Path]
    warning: str | None = None  # the copy could not be written, or free space runs low


def _database_size(db_path: Path) -> int:
    return sum(p.stat().st_size for p in (Path(db_path), wal_path(db_path)) if p.exists())


def _copies(folder: Path) -> list[backup_space.Copy]:
    entries = [(p, label_moment(p.name)) for p in folder.iterdir()]
    return backup_space.group_copies([(p, when) for p, when in entries if when is not None])


def _make_room(folder: Path, db_path: Path, *, incoming: int = 0, keep: frozenset[Path] = frozenset()) -> None:
    budget = backup_space.budget_for(_database_size(db_path))
    backup_space.make_room(folder, _copies(folder), budget=budget, incoming=incoming, keep=keep)


def _link_or_copy(first: Path, target: Path) -> Path:
    """Another name for the copy `first`: a hard link, or a copy where the folder has no links."""
    try:
        os.link(first, target)
    except FileExistsError:
        raise BackupError(ALREADY_EXISTS, path=target) from None
    except (OSError, NotImplementedError, AttributeError):
        return copy_database(first, target)
    return target


def _space_note(folder: Path) -> str | None:
    free = backup_space.free_bytes(folder)
    if free < backup_space.free_floor(folder):
        return (f"{folder}: free space is low ({free // backup_space.MB} MB left); older backups were "
                "removed to make room. Free some space on this disk")
    return None


def rotate(conn: sqlite3.Connection, db_path: Path, moment: datetime) -> Rotation:
    """Take the daily/weekly/monthly copies `moment` still lacks (one copy, linked), then prune old ones.

    Never raises for the environment (disk full, read-only folder, permission denied): the failure comes
    back as `Rotation.warning` and the database opens as usual. Labels sort in time order, so pruning
    keeps the newest by name.
    """
    folder = backup_folder(db_path)
    written: list[Path] = []
    try:
        folder.mkdir(exist_ok=True)
        missing = [slot for slot in slots_for(moment) if not (folder / slot.filename).exists()]
        if missing:
            need = _database_size(db_path)
            _make_room(folder, db_path, incoming=need)
            if not backup_space.leaves_floor(folder, need):
                free = backup_space.free_bytes(folder) // backup_space.MB
                return Rotation(written, f"{folder}: no backup was taken today: only {free} MB free on this "
                                         "disk. The database is open as usual; free some space")
            first = copy_database(conn, folder / missing[0].filename)
            written.append(first)
            for slot in missing[1:]:
                written.append(_link_or_copy(first, folder / slot.filename))
        prune(folder, now=moment)
        _make_room(folder, db_path, keep=frozenset(written))
        return Rotation(written, _space_note(folder))
    except (BackupError, OSError) as exc:
        reason = str(exc) if isinstance(exc, BackupError) else f"{folder}: {exc.strerror or exc}"
        return Rotation(written, f"no backup was taken today ({reason}). The database is open as usual")


def _age_key(path: Path) -> tuple:
    """Oldest first. By name, except that "…-101500-2.db" and "…-101500-10.db" come after "…-101500.db"
    (a plain name sort puts "-10" before "-2" and both before the first copy of that second)."""
    m = _EVENT.match(path.name)
    if not m:
        return (path.name, 0)
    stamp = m.group(2)  # 20261129-101500 or 20261129-101500-2
    return (stamp[:15], int(stamp[16:] or 1))


def prune(folder: Path, *, now: datetime | None = None) -> list[Path]:
    """Delete rotating copies beyond RETENTION and event copies beyond EVENT_RETENTION.

    With `now`, also rotating slots labelled after it (written while the clock was ahead): they would
    sort as the newest and be kept for years."""
    groups: dict[str, list[Path]] = {}
    removed = []
    for entry in folder.iterdir():
        m = _ROTATING.match(entry.name)
        if m:
            begins = label_moment(entry.name)
            if now is not None and begins is not None and begins > now:
                entry.unlink()
                removed.append(entry)
                continue
            groups.setdefault(m.group(1), []).append(entry)
            continue
        m = _EVENT.match(entry.name)
        if m:
            groups.setdefault("before-" + m.group(1), []).append(entry)
    for kind, files in groups.items():
        keep = RETENTION.get(kind, EVENT_RETENTION)
        for old in sorted(files, key=_age_key)[:-keep]:
            old.unlink()
            wal_path(old).unlink(missing_ok=True)  # a raw copy's companion goes with it
            removed.append(old)
    return removed


def event_backup(conn: sqlite3.Connection, db_path: Path, event: str, moment: datetime) -> Path:
    """The copy taken just before a migration, an import or a restore."""
    if event not in EVENTS:
        raise ValueError(f"unknown backup event {event!r}")
    target = event_target(db_path, event, moment)
    copy_database(conn, target)
    prune(target.parent)
    _make_room(target.parent, db_path, keep=frozenset({target}))
    return target


def event_target(db_path: Path, event: str, moment: datetime) -> Path:
    """The name for a copy taken before `event` at `moment`, in the backups folder (made if missing)."""
    if event not in EVENTS:
        raise ValueError(f"unknown backup event {event!r}")
    folder = backup_folder(db_path)
    folder.mkdir(exist_ok=True)
    stamp = moment.strftime("%Y%m%d-%H%M%S")
    # Two events within one second: number on from the newest copy of that second (not from a gap
    # that pruning left, or the new copy would sort as the oldest and be pruned at once).
    same_second = [_age_key(p)[1] for p in folder.glob(f"before-{event}-{stamp}*.db") if _EVENT.match(p.name)]
    n = max(same_second, default=0) + 1
    return folder / (f"before-{event}-{stamp}.db" if n == 1 else f"before-{event}-{stamp}-{n}.db")


def list_backups(db_path: Path) -> list[Path]:
    folder = backup_folder(db_path)
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.suffix == ".db")


@dataclass(frozen=True)
class BackupInfo:
    """One backup copy as the window lists it. `kinds` names every slot the copy fills (one file can
    be today's daily, weekly and monthly copy); a kind is daily, weekly, monthly, or the event the copy
    was taken before: migration, import, restore, demo. Counts are None when the file cannot be read
    (then `problem` says why)."""

    path: Path
    kinds: tuple[str, ...]
    taken: datetime
    size: int
    partners: int | None = None
    visits: int | None = None
    shipments: int | None = None
    problem: str | None = None

    @property
    def kind(self) -> str:
        return self.kinds[0]


def _kind(name: str) -> str:
    m = _ROTATING.match(name) or _EVENT.match(name)
    return m.group(1)


_COUNTED = ("partner", "visit", "shipment")


def _counts(path: Path) -> tuple[dict[str, int] | None, str | None]:
    from twindesk.store.fileinfo import check_header  # fileinfo imports nothing of ours; no cycle

    if wal_path(path).exists():
        return None, "a raw copy of a damaged database"
    try:
        check_header(path)
        # immutable: a backup never changes, so SQLite may skip locks and create no side files at all.
        conn = sqlite3.connect(Path(path).resolve().as_uri() + "?mode=ro&immutable=1", uri=True)
        try:
            return {t: conn.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in _COUNTED}, None
        finally:
            conn.close()
    except DatabaseFileError as exc:
        return None, exc.problem
    except sqlite3.Error as exc:
        return None, f"cannot be read ({exc})"


def describe_backups(db_path: Path) -> list[BackupInfo]:
    """Every backup of the database at `db_path`, newest first, read without changing a byte of them."""
    folder = backup_folder(db_path)
    if not folder.is_dir():
        return []
    found = []
    for copy in _copies(folder):
        names = sorted(copy.names, key=lambda p: p.name)
        first = names[0]
        event = _EVENT.match(first.name)
        if event:
            taken = label_moment(first.name)
        else:  # a slot's label is a day, week or month; the file knows when it was written
            taken = datetime.fromtimestamp(first.stat().st_mtime)
        counts, problem = _counts(first)
        counts = counts or {}
        found.append(BackupInfo(first, tuple(_kind(p.name) for p in names), taken, copy.size,
                                counts.get("partner"), counts.get("visit"), counts.get("shipment"), problem))
    return sorted(found, key=lambda b: b.taken, reverse=True)
