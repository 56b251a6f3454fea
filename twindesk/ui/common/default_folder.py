"""The folder a new workbook or briefing pack is suggested in: Documents, made when a fresh account has
none yet; the home folder when it cannot be made. Either way the person is told, in their language."""

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QStandardPaths


def _documents() -> Path | None:
    location = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(location) if location else None


def default_folder() -> tuple[Path, str]:
    """(the folder, a note for the person or "" when it is simply their Documents folder)."""
    documents = _documents()
    if documents is None:
        return Path.home(), ""
    if documents.is_dir():
        return documents, ""
    try:
        documents.mkdir()  # its parent (the home folder) must be there: never a whole made-up tree
    except OSError:  # the system's reason would be English in a Chinese window: where the file goes matters
        note = QCoreApplication.translate(
            "DefaultFolder", "There is no folder %1 and it could not be made; files are suggested in your "
            "home folder instead.").replace("%1", str(documents))
        return Path.home(), note
    note = QCoreApplication.translate("DefaultFolder", "The folder %1 did not exist; it has been made for your files.")
    return documents, note.replace("%1", str(documents))


def documents_folder() -> Path:
    return default_folder()[0]
