"""`twindesk brief visit|partner ID OUT`: a visit's or a partner's briefing pack, as a PDF or, for OUT.docx,
a Word document (docs/architecture.md, "Briefing packs"). Only reads the database; refuses to replace OUT
without --force and writes it whole or not at all. Messages are in the run's language (cli_messages).
"""

from __future__ import annotations

from pathlib import Path

from twindesk.cli_database import file_of
from twindesk.store.errors import UserError
from twindesk.store.messages import render

BRIEF_KIND = {"visit": "the briefing pack of one visit", "partner": "the briefing pack of one partner"}
BRIEF_ID = {"visit": "the visit's ID", "partner": "the partner's ID"}
BRIEF_WRITTEN = {"visit": "visit brief written to {path}", "partner": "partner brief written to {path}"}


def add_parser(sub, say, make_parser, db_option, record_id, langs) -> None:
    """The command's parsers; `say` words the help in the run's language."""
    from twindesk.briefing.sections import available_sections  # no reportlab: sections are plain data

    brief = make_parser(sub, "brief", say("write a briefing pack (PDF, or Word for OUT.docx) for a visit or a "
                                          "partner"))
    kinds = brief.add_subparsers(dest="brief_kind", metavar="KIND", required=True, help=say("visit or partner"))
    for kind in ("visit", "partner"):
        keys = ", ".join(s.key for s in available_sections(kind))
        p = make_parser(kinds, kind, say(BRIEF_KIND[kind]))
        p.add_argument("id", type=record_id, metavar="ID", help=say(BRIEF_ID[kind]))
        p.add_argument("out", metavar="OUT", help=say("the file to write: OUT.pdf, or OUT.docx for an editable Word edition"))
        p.add_argument("--force", action="store_true", help=say("replace OUT if it exists"))
        db_option(p)
        # Its own dest: the same dest as the window's --lang would be reset by this sub-command.
        p.add_argument("--lang", dest="brief_lang", choices=langs,
                       help=say("language of the pack, and of these messages (default: en)"))
        p.add_argument("--sections", metavar="a,b,c", help=say("the sections to print (default: all): {keys}", keys=keys))
        p.add_argument("--marking", default="", metavar="TEXT", help=say("e.g. 内部资料 or Internal, on every page"))
        p.add_argument("--layout", choices=("official", "business"),
                       help=say("official: GB/T 9704-2012 (the default in Chinese); business: the report layout "
                                "(the default in English)"))


def cmd_brief(args, lang: str, signed_in_database) -> int:
    """`lang`, the run's language; `signed_in_database(args)`, the database named, asked for only once
    --sections is known to be right."""
    from twindesk.briefing import build_partner_brief, build_visit_brief, choose_sections
    from twindesk.domain import workspace
    from twindesk.domain.model.errors import NotFound
    from twindesk.domain.output_file import check_target

    sections = None if args.sections is None else args.sections.split(",")
    choose_sections(args.brief_kind, sections)  # a wrong --sections fails before the database is opened
    build = build_visit_brief if args.brief_kind == "visit" else build_partner_brief
    path = signed_in_database(args)
    check_target(args.out, replace=args.force, database=file_of(path))  # before the database is even opened
    workspace.open_workspace(path, read_only=True)  # a pack only reads
    try:
        pack_lang = args.brief_lang or args.lang or "en"  # `twindesk --lang zh_CN brief …` works too; not the locale
        out = build(args.id, Path(args.out), lang=pack_lang, sections=sections, marking=args.marking,
                    replace=args.force, layout=args.layout)
    except NotFound as exc:
        raise UserError("{path}: {problem}", path=path, problem=exc) from exc
    finally:
        workspace.close()
    print(render(BRIEF_WRITTEN[args.brief_kind], {"path": out}, lang))
    for note in getattr(out, "notes", ()):  # which font stood in for which role, characters no font has
        print(note.text(pack_lang))
    return 0
