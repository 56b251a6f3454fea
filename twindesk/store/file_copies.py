"""Byte-for-byte copies that survive a power cut, for files SQLite cannot be asked to copy.

A damaged database cannot go through SQLite's backup API (it may not even open), yet it is exactly
what must be kept before a restore replaces it. `raw_copy` writes a temporary file beside the target,
fsyncs it, renames it into place and fsyncs the folder, so the copy is whole or absent.
"""

import os
import shutil
import uuid
from pathlib import Path


def fsync_file(path: Path) -> None:
    with open(path, "rb+") as fh:
        os.fsync(fh.fileno())


def fsync_folder(folder: Path) -> None:
    """Make a rename in `folder` durable. Windows cannot open a folder for this; NTFS journals it."""
    if os.name == "nt":  # pragma: no cover - Windows only
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def raw_copy(source: Path, target: Path) -> Path:
    """Copy `source` to `target` byte for byte, atomically and durably; never overwrites `target`."""
    source, target = Path(source), Path(target)
    if target.exists():
        raise FileExistsError(target)
    tmp = target.with_name(f".{target.name}.{uuid.uuid4().hex}.tmp")
    try:
        with open(source, "rb") as src, open(tmp, "xb") as dst:
            shutil.copyfileobj(src, dst, 1024 * 1024)
            dst.flush()
            os.fsync(dst.fileno())
        os.replace(tmp, target)
    finally:
        tmp.unlink(missing_ok=True)
    fsync_folder(target.parent)
    return target
