"""The "Documents on file" section of the partner and visit packs: each paper's title, kind, date, file
name and size, from the document rows (the files themselves are not read); a partner's pack lists its
partnerships' papers too, each saying which relation holds it, and shows the photos on file (kind
"photo", a PNG, JPEG or GIF: the only files a pack reads) under the list, each with its title and date."""

from twindesk.briefing.blocks import Pack, relation_name
from twindesk.briefing.paper.model import Block, Photo
from twindesk.domain.queries.documents import read_bytes

PHOTO_TYPES = frozenset({"image/png", "image/jpeg", "image/gif"})
PHOTOS_SHOWN = 6  # a pack is a briefing, not an album


def documents_on_file(pack: Pack, c) -> list[Block]:
    """`c.documents`: (the partnership holding it or None for the record itself, DocumentRow) pairs."""
    f, w = pack.f, pack.w
    held = any(owner is not None for owner, _doc in c.documents)
    rows = []
    for owner, doc in c.documents:
        row = [doc.title, doc.kind_label(pack.lang), f.short_date(doc.on) if doc.on else "", doc.display_name,
               doc.size_text(pack.lang)]
        if held:
            row.insert(3, relation_name(pack, owner, c.profile) if owner is not None else w("doc_partner"))
        rows.append(row)
    header = [w("doc_title"), w("doc_kind"), w("doc_date"), w("doc_file"), w("doc_size")]
    widths = (0.32, 0.13, 0.17, 0.27, 0.11)
    if held:
        header.insert(3, w("doc_on"))
        widths = (0.23, 0.13, 0.17, 0.18, 0.18, 0.11)
    blocks = [pack.section("documents"), pack.table(header, rows, widths, right=(len(header) - 1,))]
    if getattr(c, "shows_photos", False):
        photos = [doc for _owner, doc in c.documents if doc.kind == "photo" and doc.mime in PHOTO_TYPES]
        for doc in photos[:PHOTOS_SHOWN]:
            caption = " · ".join(p for p in (doc.title, f.short_date(doc.on) if doc.on else "") if p)
            blocks.append(Photo(read_bytes(doc.id), caption))
    return blocks
