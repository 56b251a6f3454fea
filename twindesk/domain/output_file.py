"""Writing a file a person asked for (a workbook, a briefing pack, a list) so it destroys nothing.

- An existing file is replaced only with `replace=True` (`--force`, or "Yes" to the window's question).
- Never, even with `replace`: the database in use, its `-wal`/`-shm`/`.lock` files, anything in its
  backups folder, or something that is not a regular file (a link, a folder, a pipe, a device).
- The writer gets a temporary path in the target's folder; it is published (fsync, rename, fsync of the
  folder: `store.durable`) only when it is finished. A failure or a Cancel removes it and leaves the
  previous file untouched; a killed write's temporary file is removed by a later write there.

"The database in use" is the one bound in this process (every export and brief reads from it) and,
where a caller names one, `database` as well (the window names its own; `backup` names its source).
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from twindesk.store import durable
from twindesk.store.backups import backup_folder
from twindesk.store.database_files import database_files, database_in_use, real
from twindesk.store.errors import UserError
from twindesk.store.messages import os_reason

TEMP_SUFFIX = ".part"


class OutputFileError(UserError):
    """The output file cannot be written where the user asked; the message says where and why."""


def _umask() -> int:
    current = os.umask(0o022)
    os.umask(current)
    return current


def check_target(target: Path | str, *, replace: bool = False, database: Path | str | None = None) -> bool:
    """Raise OutputFileError if `target` may not be written (see the module); else True if it exists
    (a regular file that `replace` allows to go), False if it does not."""
    target = Path(target)
    folder = target.parent if str(target.parent) else Path(".")
    try:
        os.stat(folder)
    except OSError as exc:
        if exc.errno == errno.ENOENT:
            raise OutputFileError("{path}: the folder {folder} does not exist", path=target, folder=folder) from exc
        raise OutputFileError("{path}: cannot use the folder {folder} ({reason})", path=target, folder=folder,
                              reason=os_reason(exc)) from exc
    if not os.path.isdir(folder):
        raise OutputFileError("{path}: {folder} is not a folder", path=target, folder=folder)
    _refuse_database_files(target, database)
    try:
        info = os.lstat(target)
    except FileNotFoundError:
        return False
    except OSError as exc:
        raise OutputFileError("{path}: cannot be written ({reason})", path=target, reason=os_reason(exc)) from exc
    if stat.S_ISLNK(info.st_mode):
        raise OutputFileError("{path}: is a symbolic link; TwinDesk never replaces one (give another name)",
                              path=target)
    if stat.S_ISDIR(info.st_mode):
        raise OutputFileError("{path}: is a folder; give a file name", path=target)
    if not stat.S_ISREG(info.st_mode):
        raise OutputFileError("{path}: is not a regular file (a device, a pipe or a socket); give a file name",
                              path=target)
    if not replace:
        raise OutputFileError("{path}: already exists; use --force to replace it", path=target)
    return True


def _refuse_database_files(target: Path, database: Path | str | None) -> None:
    where = real(target)
    # A server database (a ServerAddress) has no files here to protect.
    for db in {Path(d) for d in (database, database_in_use()) if isinstance(d, str | os.PathLike) and d}:
        for protected in database_files(db):
            if where == real(protected) or _same_file(target, protected):
                raise OutputFileError("{path}: is the database in use ({name}); "
                                      "choose another name (it is never replaced, even with --force)",
                                      path=target, name=protected.name)
        folder = backup_folder(Path(db))
        if where.startswith(real(folder) + os.sep):
            raise OutputFileError("{path}: is in the database's backups folder {folder}; save it somewhere else",
                                  path=target, folder=folder)


def _same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)  # a hard link to the database is the database too
    except OSError:
        return False


@contextmanager
def atomic_output(target: Path | str, *, replace: bool = False, database: Path | str | None = None) -> Iterator[Path]:
    """Yield a temporary path to write; on success it becomes `target` (see the module)."""
    target = Path(target)
    check_target(target, replace=replace, database=database)
    started = False
    try:
        with durable.temp_beside(target, TEMP_SUFFIX) as tmp:
            started = True
            yield tmp
            check_target(target, replace=replace, database=database)  # nothing changed there meanwhile
            os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes it private; a workbook is an ordinary file
            durable.publish(tmp, target, replace=replace)
    except FileExistsError as exc:
        raise OutputFileError("{path}: already exists; use --force to replace it", path=target) from exc
    except OSError as exc:
        if not started:
            raise OutputFileError("{path}: cannot write in {folder} ({reason})", path=target,
                                  folder=target.parent, reason=os_reason(exc)) from exc
        raise OutputFileError("{path}: cannot write the file ({reason})", path=target, reason=os_reason(exc)) from exc
