"""A document's content as a file: a copy saved where a person asks, or a temporary copy to open with
the system's viewer (docs/architecture.md, "Documents").

A file name TwinDesk creates is always `safe_file_name(...)` of the name as given, never the name
itself: a stored "../../etc/passwd" or "CON" makes "passwd.txt" or "document-CON.pdf" in the folder
chosen, and the extension is the content's, so a PDF named "x.exe" opens as a PDF. Nothing is run:
the window hands the temporary copy to the system's viewer for its type.
"""

from __future__ import annotations

import atexit
import contextlib
import os
import shutil
import tempfile
from pathlib import Path

from twindesk.domain.output_file import atomic_output
from twindesk.domain.queries.documents import document, read_chunks


def save_copy(doc_id: int, target: Path | str, *, replace: bool = False) -> Path:
    """Write the document's content to `target` whole or not at all (temporary file, fsync, rename);
    an existing file is replaced only with `replace` (OutputFileError otherwise, as every output)."""
    target = Path(target)
    document(doc_id)  # NotFound before any file is made
    with atomic_output(target, replace=replace) as tmp, open(tmp, "wb") as out:
        for piece in read_chunks(doc_id):
            out.write(piece)
    return target


class TemporaryCopies:
    """Copies of documents to open with the system's viewer, in a private folder (only this user can
    read it) that is removed by `cleanup()`, and at the latest when the program exits."""

    def __init__(self):
        self._folder: Path | None = None
        atexit.register(self.cleanup)

    @property
    def folder(self) -> Path:
        if self._folder is None:
            self._folder = Path(tempfile.mkdtemp(prefix="twindesk-documents-"))  # mode 0700
        return self._folder

    def copy(self, doc_id: int) -> Path:
        """A fresh copy of the document under its safe name, in a folder of its own (two documents of
        the same name do not meet), read-only so a viewer's edits cannot pass for the stored file's."""
        row = document(doc_id)
        place = Path(tempfile.mkdtemp(prefix=f"{row.id}-", dir=self.folder))
        path = place / row.safe_name
        with open(path, "xb") as out:
            for piece in read_chunks(doc_id):
                out.write(piece)
        os.chmod(path, 0o400)
        return path

    def cleanup(self) -> None:
        if self._folder is not None:
            with contextlib.suppress(OSError):
                for root, dirs, _files in os.walk(self._folder):  # read-only files: a folder's write bit suffices
                    for d in dirs:
                        os.chmod(os.path.join(root, d), 0o700)
                shutil.rmtree(self._folder, ignore_errors=True)
            self._folder = None
