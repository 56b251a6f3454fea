"""`twindesk attach`, `twindesk documents`, `twindesk document`: documents on records, for an office
scanning its archive (docs/architecture.md, "Documents").

`attach` writes (under the database's lock, one operation per call: every file of it or none);
`documents` and `document` only read. Messages are in the run's language (cli_messages).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from twindesk.store.errors import UserError
from twindesk.store.messages import render


def add_parsers(sub, say, db_option, record_id) -> None:
    """The three commands' parsers; `say` words the help in the run's language."""
    from twindesk.domain.model.vocabulary import DOCUMENT_KINDS, DOCUMENT_OWNERS

    owners = ", ".join(DOCUMENT_OWNERS)
    attach = sub.add_parser("attach", help=say("attach files to a record (stored in the database)"),
                            description=say(ATTACH_DESCRIPTION, kinds=owners,
                                            limit=_limit(), doc_kinds=", ".join(DOCUMENT_KINDS.codes)),
                            formatter_class=argparse.RawDescriptionHelpFormatter)
    attach.add_argument("record", metavar="KIND:ID", help=say("the record, e.g. partner:12"))
    attach.add_argument("files", metavar="FILE", nargs="+", help=say("the files to attach"))
    attach.add_argument("--title", default="", help=say("the title (default: each file's name)"))
    attach.add_argument("--kind", default="other", metavar="K",
                        help=say("one of {kinds} (default: other)", kinds=", ".join(DOCUMENT_KINDS.codes)))
    attach.add_argument("--date", default=None, metavar="D", help=say("the document's date, e.g. 2026-11-01"))
    attach.add_argument("--note", default="", metavar="N", help=say("a note"))
    db_option(attach)

    listing = sub.add_parser("documents", help=say("list the documents, of one record or of all"),
                             description=say("One line per document: ID, title, kind, date, record, size and "
                                             "SHA-256, separated by tabs. KIND is one of {kinds}.", kinds=owners))
    listing.add_argument("record", metavar="KIND:ID", nargs="?", help=say("only this record's, e.g. partner:12"))
    db_option(listing)

    one = sub.add_parser("document", help=say("save a copy of one document's file"))
    one.add_argument("id", type=record_id, metavar="DOC_ID", help=say("the document's ID (see twindesk documents)"))
    one.add_argument("out", metavar="OUT", help=say("the file to write"))
    one.add_argument("--force", action="store_true", help=say("replace OUT if it exists"))
    db_option(one)


ATTACH_DESCRIPTION = """\
Attach files to a record: KIND is one of {kinds}. Each file is kept inside the database, once however
often it is attached (by its SHA-256). A file is refused when it is empty, larger than {limit}, not a
kind TwinDesk keeps (PDF, images, Word/Excel/PowerPoint, OpenDocument, plain text), or when its content
does not fit its extension; then nothing is attached. --kind is one of {doc_kinds}.
"""


def _limit() -> str:
    from twindesk.domain.model.file_types import MAX_FILE_BYTES

    return f"{MAX_FILE_BYTES // (1024 * 1024)} MB"


def owner_option(text: str) -> tuple[str, int]:
    """KIND:ID of a record that can hold documents."""
    from twindesk.domain.model.ids import in_range
    from twindesk.domain.model.vocabulary import DOCUMENT_OWNERS

    kind, sep, number = (text or "").partition(":")
    kind = kind.strip().lower().replace("-", "_")
    if not sep or kind not in DOCUMENT_OWNERS:
        raise UserError("{value!r}: write KIND:ID with KIND one of {kinds} (e.g. partner:12)", value=text,
                        kinds=", ".join(DOCUMENT_OWNERS))
    try:
        record_id = int(number)
    except ValueError:
        raise UserError("{value!r}: the ID {id!r} is not a whole number", value=text, id=number.strip()) from None
    if not in_range(record_id):
        raise UserError("{value!r}: the ID must be a whole number above zero", value=text)
    return kind, record_id


def _record_words(kind: str, record_id: int, lang: str) -> str:
    from twindesk.domain.model.specs import SPECS

    return f"{SPECS[kind].record_label(lang)} {record_id}"


def cmd_attach(args, lang: str, path: Path) -> int:
    from twindesk.domain import workspace
    from twindesk.domain.operations import documents
    from twindesk.domain.queries import documents as dq

    kind, record_id = owner_option(args.record)
    files = [Path(f) for f in args.files]
    documents.check_files(files)  # a refused file fails before the database is opened or locked
    with workspace.writing(path):
        ids = documents.attach(kind, record_id, files, title=args.title, kind=args.kind, on=args.date,
                               note=args.note)
        rows = [dq.document(i) for i in ids]
    print(render("attached {count} file(s) to {record} in {path}", {
        "count": len(rows), "record": _record_words(kind, record_id, lang), "path": path}, lang))
    for row in rows:
        print(render("  document {id}: “{title}” ({type}, {size}) SHA-256 {sha256}", {
            "id": row.id, "title": row.title, "type": row.type_label(lang), "size": row.size_text(lang),
            "sha256": row.sha256}, lang))
    return 0


def cmd_documents(args, lang: str, path: Path) -> int:
    import sys

    from twindesk.domain import workspace
    from twindesk.domain.model.file_types import display_name
    from twindesk.domain.operations.records import get_instance
    from twindesk.domain.queries import documents as dq

    record = owner_option(args.record) if args.record is not None else None
    workspace.open_workspace(path, read_only=True)  # a list only reads
    try:
        if record is None:
            rows = dq.all_documents()
        else:
            get_instance(*record)  # NotFound: "There is no partner with ID 12."
            rows = dq.documents_of(*record)
        print("\t".join(zh if lang.startswith("zh") else en for en, zh in HEADERS))
        for row in rows:
            print("\t".join((str(row.id), display_name(row.title), row.kind_label(lang),
                             row.on.isoformat() if row.on else "", _record_words(row.owner_kind, row.owner_id, lang),
                             row.size_text(lang), row.sha256)))
        if not rows:
            print(render("twindesk: no documents", None, lang), file=sys.stderr)
    finally:
        workspace.close()
    return 0


HEADERS = (("ID", "编号"), ("Title", "标题"), ("Kind", "类型"), ("Date", "日期"), ("Record", "记录"), ("Size", "大小"),
           ("SHA-256", "SHA-256"))


def cmd_document(args, lang: str, path: Path) -> int:
    from twindesk.domain import workspace
    from twindesk.domain.output_file import check_target
    from twindesk.domain.queries import documents as dq
    from twindesk.domain.queries.document_files import save_copy

    out = Path(args.out)
    check_target(out, replace=args.force, database=path)  # before the database is even opened
    workspace.open_workspace(path, read_only=True)  # a copy only reads
    try:
        row = dq.document(args.id)
        save_copy(args.id, out, replace=args.force)
    finally:
        workspace.close()
    print(render("document {id} (“{title}”, {size}) saved to {path}", {
        "id": row.id, "title": row.title, "size": row.size_text(lang), "path": out}, lang))
    return 0
