"""The "Documents on file" section of the partner and visit packs: each paper's title, kind, date, file
name and size, from the document rows (the files themselves are not read); a partner's pack lists its
partnerships' papers too, each saying which relation holds it."""

from twindesk.briefing.blocks import Pack, relation_name
from twindesk.briefing.paper.model import Block


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
    return [pack.section("documents"), pack.table(header, rows, widths, right=(len(header) - 1,))]
