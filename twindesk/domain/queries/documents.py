"""Reading documents: a record's documents, one document, its bytes (docs/architecture.md, "Documents").

Listing never reads a file's content: every list here selects from `document` alone, which carries
each file's size and type; only `read_chunks` and `read_bytes` open `document_blob`, and they stream
the bytes with SQLite's incremental blob I/O where Python offers it (3.11+).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime

import peewee as pw

from twindesk.domain.model.errors import NotFound
from twindesk.domain.model.file_types import IMAGES, TYPES, display_name, safe_file_name, size_text
from twindesk.domain.model.vocabulary import DOCUMENT_KINDS
from twindesk.store import dialect
from twindesk.store import models as m

CHUNK = 1 << 20
DOCUMENT = "document"  # the record's name in NotFound ("There is no document with ID 7.")


@dataclass(frozen=True)
class DocumentRow:
    id: int
    uuid: str
    owner_kind: str
    owner_id: int
    title: str
    kind: str
    on: date | None
    note: str
    file_name: str  # as given: shown through display_name, never used as a path
    size: int
    mime: str
    type_code: str
    sha256: str
    created_at: datetime
    created_by: str
    version: int = 0  # as read: an edit or removal expects it still (0: held for a record not yet saved)

    @property
    def display_name(self) -> str:
        return display_name(self.file_name)

    @property
    def safe_name(self) -> str:
        return safe_file_name(self.file_name, self.type_code)

    @property
    def is_image(self) -> bool:
        return self.type_code in IMAGES

    @property
    def is_pdf(self) -> bool:
        return self.type_code == "pdf"

    def kind_label(self, lang: str = "en") -> str:
        return DOCUMENT_KINDS.label(self.kind, lang)

    def type_label(self, lang: str = "en") -> str:
        found = TYPES.get(self.type_code)
        return found.label(lang) if found else self.mime

    def size_text(self, lang: str = "en") -> str:
        return size_text(self.size, lang)


D = m.Document
_COLUMNS = (D.id, D.uuid, D.owner_kind, D.owner_id, D.title, D.kind, D.dated_on, D.note, D.file_name, D.size,
            D.mime, D.type_code, D.blob, D.created_at, D.created_by, D.version)


def _rows(query) -> list[DocumentRow]:
    return [DocumentRow(*row) for row in query.tuples()]


def _order(query):
    # The newest paper first; undated ones after the dated, in the order they were attached.
    return query.order_by(D.dated_on.is_null(), D.dated_on.desc(), D.id)


def documents_of(kind: str, record_id: int) -> list[DocumentRow]:
    """The documents on one record, newest date first (no file content is read)."""
    return _rows(_order(D.select(*_COLUMNS).where(D.owner_kind == kind, D.owner_id == record_id)))


def all_documents(owner_kind: str | None = None) -> list[DocumentRow]:
    """Every document, or those on records of one kind, by record then newest date."""
    query = D.select(*_COLUMNS)
    if owner_kind is not None:
        query = query.where(D.owner_kind == owner_kind)
    return _rows(query.order_by(D.owner_kind, D.owner_id, D.dated_on.is_null(), D.dated_on.desc(), D.id))


def document(doc_id: int) -> DocumentRow:
    found = _rows(D.select(*_COLUMNS).where(D.id == doc_id))
    if not found:
        raise NotFound(DOCUMENT, doc_id)
    return found[0]


def counts_of(kind: str, ids: Iterable[int]) -> dict[int, int]:
    """How many documents each of these records has (records without any are left out)."""
    ids = list(ids)
    out: dict[int, int] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        query = (D.select(D.owner_id, pw.fn.COUNT(D.id)).where(D.owner_kind == kind, D.owner_id.in_(chunk))
                 .group_by(D.owner_id))
        out.update(dict(query.tuples()))
    return out


def owned_by(records: dict[str, Iterable[int]]) -> list[int]:
    """The ids of the documents on these records (record kind -> ids): what deleting them takes along."""
    found: list[int] = []
    for kind, ids in records.items():
        ids = list(ids)
        for start in range(0, len(ids), 500):
            chunk = ids[start:start + 500]
            found += [i for (i,) in D.select(D.id).where(D.owner_kind == kind, D.owner_id.in_(chunk)).tuples()]
    return found


def read_chunks(doc_id: int, size: int = CHUNK) -> Iterator[bytes]:
    """The document's content in pieces of `size` bytes, without holding all of it in memory."""
    sha = document(doc_id).sha256
    chunks = dialect.read_blob_chunks("document_blob", "content", "sha256", sha, "size", size)
    if chunks is None:
        raise NotFound(DOCUMENT, doc_id)
    yield from chunks


def read_bytes(doc_id: int) -> bytes:
    """The whole content (an image or a PDF to preview)."""
    return b"".join(read_chunks(doc_id))
