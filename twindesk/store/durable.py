"""Writing a file so that it is whole or absent, and stays so after a power cut.

Every file TwinDesk writes (a workbook, a briefing pack, a backup) is written to a temporary file
beside its target and then published:

    with temp_beside(target, ".part") as tmp:   # ".NAME.xxxxxxxx.part", locked while we write it
        ...write tmp...
        publish(tmp, target, replace=False)     # fsync the file, rename it, fsync the folder

A rename without the fsyncs can leave, after a power cut, a target of the right name and no content.
Without `replace` the rename is a hard link, which fails if anything took the name meanwhile, so an
existing file is never replaced by accident.

A write killed half-way leaves its temporary file. The next write into the same folder removes such
files when they are ours (our name pattern), older than `STALE_AFTER_S` and not locked by a live
process (the writer holds an `flock` on it until it publishes).
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import stat
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

try:
    import fcntl
except ImportError:  # Windows: an open file cannot be removed there anyway
    fcntl = None

STALE_AFTER_S = 120

# What tempfile.mkstemp makes of prefix ".NAME." and our suffix: eight characters of its alphabet.
_TEMP_NAME = r"^\..+\.[a-z0-9_]{8}%s$"

# Where a hard link cannot be made (FAT, some network shares), publishing falls back to a rename.
_NO_LINKS = {errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.ENOSYS, errno.EMLINK, errno.EXDEV}


@contextlib.contextmanager
def temp_beside(target: Path, suffix: str, companions: tuple[str, ...] = ()) -> Iterator[Path]:
    """A new, locked temporary file in `target`'s folder; removed on exit unless it was published,
    with the files its writer keeps beside it (`companions`: SQLite's "-journal" for a copy).

    Stale temporary files of the same suffix left there by killed writes are removed first. Raises
    OSError when the folder cannot be written.
    """
    folder = target.parent
    remove_stale_temp_files(folder, suffix, companions)
    fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=suffix, dir=folder)
    tmp = Path(name)
    try:
        if fcntl is not None:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)  # "a live process writes this"
        yield tmp
    finally:
        os.close(fd)
        for leftover in (tmp, *(tmp.with_name(tmp.name + c) for c in companions)):
            with contextlib.suppress(OSError):
                leftover.unlink(missing_ok=True)


def publish(tmp: Path, target: Path, *, replace: bool) -> None:
    """Make `tmp` the file at `target`: fsync it, rename it, fsync the folder.

    Without `replace`, raises FileExistsError if `target` exists (checked by the rename itself).
    """
    fsync_file(tmp)
    if replace:
        os.replace(tmp, target)
    else:
        try:
            os.link(tmp, target)
        except FileExistsError:
            raise
        except OSError as exc:
            if exc.errno not in _NO_LINKS:
                raise
            if os.path.lexists(target):
                raise FileExistsError(errno.EEXIST, os.strerror(errno.EEXIST), str(target)) from exc
            os.replace(tmp, target)
        else:
            os.unlink(tmp)
    fsync_folder(target.parent)


def fsync_file(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def fsync_folder(folder: Path) -> None:
    """Make a rename in `folder` durable. Windows cannot open a folder; its renames are journaled."""
    if os.name == "nt":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    except OSError as exc:
        if exc.errno not in (errno.EINVAL, errno.ENOTSUP):  # a file system without folder fsync
            raise
    finally:
        os.close(fd)


def remove_stale_temp_files(folder: Path, suffix: str, companions: tuple[str, ...] = (), *,
                            now: float | None = None) -> list[Path]:
    """Remove our temporary files (".NAME.xxxxxxxx<suffix>") that killed writes left in `folder`, with
    their `companions`.

    Best effort: a file that is young, locked by a live writer or cannot be removed stays, and so do its
    companions. Never raises.
    """
    pattern = re.compile(_TEMP_NAME % re.escape(suffix))
    now = time.time() if now is None else now
    removed = []
    try:
        names = set(os.listdir(folder))
    except OSError:
        return removed
    for name in sorted(names):
        path = Path(folder) / name
        main = next((name[: -len(c)] for c in companions if name.endswith(suffix + c)), name)
        if not pattern.match(main) or (main != name and main in names):
            continue  # not ours, or a companion that goes (or stays) with its temporary file
        with contextlib.suppress(OSError):
            info = os.lstat(path)
            if not stat.S_ISREG(info.st_mode) or now - info.st_mtime < STALE_AFTER_S:
                continue
            if main == name and not _remove_unless_locked(path):
                continue
            if main != name:
                path.unlink()
            removed.append(path)
            for c in companions if main == name else ():
                side = path.with_name(name + c)
                if side.name in names:
                    side.unlink(missing_ok=True)
                    removed.append(side)
    return removed


def _remove_unless_locked(path: Path) -> bool:
    if fcntl is None:
        path.unlink()
        return True
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False  # a live process is still writing it
        path.unlink()
        return True
    finally:
        os.close(fd)
