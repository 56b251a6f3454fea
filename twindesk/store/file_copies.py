"""Byte-for-byte copies that survive a power cut, for files SQLite cannot be asked to copy.

A damaged database cannot go through SQLite's backup API (it may not even open), yet it is exactly
what must be kept before a restore replaces it. `raw_copy` writes a temporary file beside the target and
publishes it as every TwinDesk file is (`store.durable`: fsync, rename, fsync the folder), so the copy
is whole or absent.
"""

import shutil
from pathlib import Path

from twindesk.store import durable
from twindesk.store.durable import fsync_file, fsync_folder  # noqa: F401 - integrity uses them from here


def raw_copy(source: Path, target: Path) -> Path:
    """Copy `source` to `target` byte for byte, atomically and durably; never overwrites `target`."""
    source, target = Path(source), Path(target)
    if target.exists():
        raise FileExistsError(target)
    with durable.temp_beside(target, ".tmp") as tmp:
        with open(source, "rb") as src, open(tmp, "wb") as dst:
            shutil.copyfileobj(src, dst, 1024 * 1024)
        durable.publish(tmp, target, replace=False)
    return target
