"""Attaching files to records, editing and removing them: each one operation through the door.

Files are checked before anything is written (`check_files`): not empty, at most `MAX_FILE_BYTES`, and
a type TwinDesk keeps that fits the name's extension, judged by the content (`model.file_types`).
Their bytes are stored once per SHA-256 in `document_blob`; a `document` row ties one to a record with
a title, kind, date and note, and is what the history, undo and redo see (docs/architecture.md,
"Documents").

Blobs and undo: the blob is not history, so the operation that leaves a blob unreferenced (a detach,
a record's delete, the undo of an attach) keeps it: its undo or redo would need it. `collect_blobs`
(document_contents.py) removes the blobs nothing can bring back any more; it runs after a detach and
when a database is opened read-write.
"""

from __future__ import annotations

import hashlib
import os
import stat
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from twindesk.domain.model import document_messages  # noqa: F401 - registers the Chinese
from twindesk.domain.model.errors import NotFound, ValidationError, field_error
from twindesk.domain.model.fields import parse_date
from twindesk.domain.model.file_types import (
    MAX_FILE_BYTES,
    TYPES,
    FileType,
    detect,
    display_name,
    expected_type,
    extension,
    extension_fits,
    looks_like,
    size_text,
    title_from_name,
)
from twindesk.domain.model.messages import Both
from twindesk.domain.model.vocabulary import DOCUMENT_KINDS, DOCUMENT_OWNERS
from twindesk.domain.operations import document_contents, document_versions, door, records
from twindesk.domain.operations.document_contents import collect_blobs
from twindesk.store import dialect
from twindesk.store import models as m
from twindesk.store.errors import UserError
from twindesk.store.messages import InLanguage, Message, joined, os_reason

TITLE_LIMIT = 200
DOCUMENT = "document"  # the record's name in NotFound ("There is no document with ID 7.")
FileGiven = str | os.PathLike | tuple[str, bytes]


class DocumentsRefused(UserError):
    """One or more files cannot be attached; nothing was written. `problems`: one message per file."""

    def __init__(self, problems: list[Message]):
        self.problems = list(problems)
        super().__init__("Nothing was attached: {problems}",
                         problems=InLanguage(lambda lang: ("" if lang.startswith("zh") else " ").join(
                             p.text(lang) for p in self.problems)))


@dataclass(frozen=True)
class Incoming:
    """A file that passed the checks, ready to attach."""

    name: str  # as given (a path's last part, or the name given with the bytes)
    data: bytes
    type: FileType
    sha256: str


def _shown(name: str) -> str:
    shown = display_name(name)
    return shown if len(shown) <= 80 else shown[:77] + "…"


def _label(file_type: FileType) -> Both:
    return Both(file_type.en, file_type.zh)


def _read(given: FileGiven) -> tuple[str, bytes | None, Message | None]:
    if isinstance(given, tuple):
        name, data = given
        return str(name), bytes(data), None
    path = Path(given)
    name, shown = path.name, _shown(path.name)
    try:
        info = os.stat(path)
        if not stat.S_ISREG(info.st_mode):
            return name, None, Message("“{name}” is not a file (a folder, a device or a pipe).", {"name": shown})
        if info.st_size > MAX_FILE_BYTES:  # said before a byte of it is read
            return name, None, _too_large(shown, info.st_size)
        with open(path, "rb") as f:
            data = f.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        return name, None, Message("“{name}” cannot be read ({reason}).", {"name": shown, "reason": os_reason(exc)})
    return name, data, None


def _too_large(shown: str, size: int) -> Message:
    return Message("“{name}” is {size}; the largest file TwinDesk keeps is {limit}.", {
        "name": shown, "size": size_text(size), "limit": f"{MAX_FILE_BYTES // (1024 * 1024)} MB"})


def check_file(name: str, data: bytes) -> FileType | Message:
    """The file's type, or the message saying why TwinDesk does not keep it."""
    shown = _shown(name)
    if len(data) > MAX_FILE_BYTES:
        return _too_large(shown, len(data))
    if not data:
        return Message("“{name}” is empty (0 bytes); attach the file with its content.", {"name": shown})
    found = detect(data)
    if found is None:
        return Message("“{name}” is not a kind of file TwinDesk keeps: it looks like {what}. TwinDesk keeps PDF "
                       "documents, images (PNG, JPEG, GIF, WebP, TIFF, BMP), Word, Excel and PowerPoint files, "
                       "OpenDocument files and plain text.",
                       {"name": shown, "what": InLanguage(lambda lang: looks_like(data, lang))})
    if not extension_fits(name, found):
        promised = expected_type(name)
        if promised is not None:
            return Message("“{name}” is not {expected}: its content is {found}. Attach the right file, or give it "
                           "the extension that fits (.{extension}).", {
                               "name": shown, "expected": _label(promised), "found": _label(found),
                               "extension": found.extensions[0]})
        return Message("“{name}” ends in .{given}, but its content is {found}; give it the extension that fits "
                       "(.{extension}).", {"name": shown, "given": extension(name), "found": _label(found),
                                           "extension": found.extensions[0]})
    return found


def check_files(files: Iterable[FileGiven]) -> list[Incoming]:
    """Read and check every file; raise DocumentsRefused naming each one refused (nothing is written)."""
    files = list(files)
    if not files:
        raise UserError("No file was given to attach.")
    accepted, problems = [], []
    for given in files:
        name, data, problem = _read(given)
        if problem is None:
            result = check_file(name, data)
            if isinstance(result, Message):
                problem = result
            else:
                accepted.append(Incoming(name, data, result, hashlib.sha256(data).hexdigest()))
        if problem is not None:
            problems.append(problem)
    if problems:
        raise DocumentsRefused(problems)
    return accepted


def _check_owner(owner_kind: str, owner_id: int) -> None:
    if owner_kind not in DOCUMENT_OWNERS:
        raise UserError("Documents can be attached to {kinds}, not to “{kind}”.", kind=owner_kind,
                        kinds=InLanguage(lambda lang: joined(
                            (records.spec_for(k).record_label(lang) for k in DOCUMENT_OWNERS), lang)))
    records.get_instance(owner_kind, owner_id)  # NotFound when there is none


def _fields(values: dict) -> dict:
    """title, kind, dated_on, note as stored; ValidationError naming each wrong one."""
    out, errors = {}, []
    if "title" in values:
        title = display_name(values["title"] or "")
        if len(title) > TITLE_LIMIT:
            errors.append(field_error("title", "Title", "Title: at most {limit} characters (got {count}).",
                                      limit=TITLE_LIMIT, count=len(title)))
        out["title"] = title
    if "kind" in values:
        typed = values["kind"] or "other"
        code = typed if typed in DOCUMENT_KINDS else DOCUMENT_KINDS.code_for_typed(typed)
        if code is None:
            errors.append(field_error("kind", "Kind", "Kind: “{value}” is not one of {choices}.", value=typed,
                                      choices=InLanguage(lambda lang: joined(
                                          (f"{t.code} ({t.label(lang)})" for t in DOCUMENT_KINDS), lang))))
        out["kind"] = code
    if "dated_on" in values:
        try:
            out["dated_on"] = parse_date(values["dated_on"])
        except ValueError as exc:
            errors.append(field_error("dated_on", "Date", "{label} “{value}” {problem}.",
                                      label=Both("Date", "日期"), value=values["dated_on"], problem=exc))
    if "note" in values:
        out["note"] = values["note"] or ""
    if errors:
        raise ValidationError("document", errors)
    return out


def check_fields(values: dict) -> dict:
    """The title, kind, dated_on, note given, cleaned as attach/edit store them (a form's pending check)."""
    return _fields(values)


def attach(owner_kind: str, owner_id: int, files: Iterable[FileGiven], *, title: str = "", kind: str = "other",
           on: date | str | None = None, note: str = "", user: str = "") -> list[int]:
    """Attach the files to the record, all in one operation (one undo step); return the documents' ids
    in the order given. An empty title becomes each file's name without its extension."""
    _check_owner(owner_kind, owner_id)
    common = _fields({"title": title, "kind": kind, "dated_on": on, "note": note})
    incoming = check_files(files)  # read and checked before the write transaction starts
    ids: list[int] = []
    with door.operation("attach", kind=owner_kind, record_id=owner_id, user=user,
                        summary="{count} file(s) attached", summary_params={"count": len(incoming)}) as op:
        store_blob = dialect.insert_ignoring_duplicates("document_blob", ("sha256", "size", "mime", "content"))
        for one in incoming:
            document_contents.store(store_blob, (one.sha256, len(one.data), one.type.mime, one.data))
            doc = m.Document.create(
                owner_kind=owner_kind, owner_id=owner_id, title=common["title"] or title_from_name(one.name),
                kind=common["kind"], dated_on=common["dated_on"], note=common["note"], file_name=one.name,
                size=len(one.data), mime=one.type.mime, type_code=one.type.code, blob=one.sha256,
                created_by=op.user, updated_by=op.user)
            op.track_new(m.Document, doc.id)
            ids.append(doc.id)
    return ids


def _document(doc_id: int) -> m.Document:
    found = m.Document.get_or_none(m.Document.id == doc_id)
    if found is None:
        raise NotFound(DOCUMENT, doc_id)
    return found


def edit(doc_id: int, *, user: str = "", expected_version: int | None = None, **values) -> None:
    """Change a document's title, kind, date (`dated_on` or `on`) or note; only the fields given. With
    `expected_version` (the version the form showed), a document changed or removed since raises
    RecordConflict and nothing is written (document_versions.py)."""
    if "on" in values:
        values["dated_on"] = values.pop("on")
    unknown = set(values) - {"title", "kind", "dated_on", "note"}
    if unknown:
        raise TypeError(f"not a document field: {sorted(unknown)}")
    cleaned = _fields(values)
    with door.operation("save", kind="document", record_id=doc_id, user=user) as op:
        document_versions.check(doc_id, expected_version, values)
        doc = _document(doc_id)
        if "title" in cleaned and not cleaned["title"]:
            cleaned["title"] = title_from_name(doc.file_name)
        op.track(m.Document, [doc_id])
        for name, value in cleaned.items():
            setattr(doc, name, value)
        doc.updated_by = op.user
        if doc.is_dirty():
            doc.save()


def detach(doc_ids: Iterable[int], *, user: str = "", expected_versions: dict[int, int] | None = None) -> None:
    """Remove documents from their records, in one operation. Their files stay while an undo could bring
    them back, and while another document holds the same content. With `expected_versions` (document id
    -> the version the person saw), one changed or removed since raises RecordConflict: none is removed."""
    doc_ids = list(dict.fromkeys(doc_ids))
    if not doc_ids:
        return
    with door.operation("detach", user=user, summary="{count} document(s) removed",
                        summary_params={"count": len(doc_ids)}) as op:
        for doc_id in doc_ids if expected_versions else ():
            document_versions.check(doc_id, expected_versions.get(doc_id), {}, deleting=True)
        first = _document(doc_ids[0])
        op.kind, op.record_id = first.owner_kind, first.owner_id
        for doc_id in doc_ids[1:]:
            _document(doc_id)
        op.track(m.Document, doc_ids)
        m.Document.delete().where(m.Document.id.in_(doc_ids)).execute()
    collect_blobs()


def type_of(code: str) -> FileType | None:
    return TYPES.get(code)
