"""Writing a file a person asked for (a workbook, a briefing pack) so it is whole or not there at all.

The writer gets a temporary path in the target's folder and renames it over the target only when it
finished; a failure or a Cancel removes the temporary file and leaves the previous file untouched.
"""

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from twindesk.store.errors import UserError


class OutputFileError(UserError):
    """The output file cannot be written where the user asked; the message says where and why."""


def _umask() -> int:
    current = os.umask(0o022)
    os.umask(current)
    return current


@contextmanager
def atomic_output(target: Path | str) -> Iterator[Path]:
    """Yield a temporary path to write; on success it replaces `target` in one rename."""
    target = Path(target)
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise OutputFileError(f"{target}: the folder {folder} does not exist")
    if target.is_dir():
        raise OutputFileError(f"{target}: is a folder; give a file name")
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=folder)
    except OSError as exc:
        raise OutputFileError(f"{target}: cannot write in {folder} ({exc.strerror or exc})") from exc
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        yield tmp
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes it private; a workbook is an ordinary file
        os.replace(tmp, target)
    except OSError as exc:
        raise OutputFileError(f"{target}: cannot write the file ({exc.strerror or exc})") from exc
    finally:
        tmp.unlink(missing_ok=True)
