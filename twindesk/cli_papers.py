"""`twindesk paper packing-list|certificate ID OUT`: a shipment's papers, as a PDF or, for OUT.docx, a
Word document (docs/architecture.md, "Shipment papers"). Only reads the database; refuses to replace
OUT without --force and writes it whole or not at all. Messages are in the run's language."""

from __future__ import annotations

from pathlib import Path

from twindesk.store.messages import add_chinese, render

PAPERS = {"packing-list": "packing_list", "certificate": "certificate"}


def add_parser(sub, say, db_option, record_id, langs) -> None:
    """The command's parser; `say` words the help in the run's language."""
    paper = sub.add_parser("paper", help=say(PAPER_HELP), description=say(PAPER_HELP))
    kinds = paper.add_subparsers(dest="paper_kind", metavar="PAPER", required=True,
                                 help=say("packing-list or certificate"))
    for name, help_text in (("packing-list", "a shipment's packing list"),
                            ("certificate", "a shipment's certificate of donation, in Chinese and English")):
        p = kinds.add_parser(name, help=say(help_text), description=say(help_text))
        p.add_argument("id", type=record_id, metavar="ID", help=say("the shipment's ID"))
        p.add_argument("out", metavar="OUT", help=say("the file to write: OUT.pdf, or OUT.docx for an editable Word edition"))
        p.add_argument("--force", action="store_true", help=say("replace OUT if it exists"))
        db_option(p)
        # Its own dest, as for brief: the window's --lang would be reset by this sub-command.
        p.add_argument("--lang", dest="paper_lang", choices=langs,
                       help=say("language of the paper, and of these messages (default: en)"))


PAPER_HELP = "write a shipment's packing list or certificate of donation (PDF, or Word for OUT.docx)"


def cmd_paper(args, lang: str, path: Path) -> int:
    from twindesk.briefing.shipment_papers import build_shipment_paper
    from twindesk.domain import workspace
    from twindesk.domain.model.errors import NotFound
    from twindesk.domain.output_file import check_target
    from twindesk.store.errors import UserError

    lang = args.paper_lang or lang or "en"
    check_target(args.out, replace=args.force, database=path)  # before the database is even opened
    workspace.open_workspace(path, read_only=True)  # a paper only reads
    try:
        out = build_shipment_paper(PAPERS[args.paper_kind], args.id, Path(args.out), lang=lang, replace=args.force)
    except NotFound as exc:
        raise UserError("{path}: {problem}", path=path, problem=exc) from exc
    finally:
        workspace.close()
    print(render(WRITTEN[args.paper_kind], {"path": out}, lang))
    for note in getattr(out, "notes", ()):  # fonts that stood in, characters no font has
        print(note.text(lang))
    return 0


WRITTEN = {"packing-list": "packing list written to {path}", "certificate": "certificate of donation written to {path}"}

add_chinese({
    PAPER_HELP: "写出一个援助批次的装箱单或捐赠证书（PDF；OUT 为 .docx 时为 Word 文档）",
    "packing-list or certificate": "packing-list（装箱单）或 certificate（捐赠证书）",
    "a shipment's packing list": "一个援助批次的装箱单",
    "a shipment's certificate of donation, in Chinese and English": "一个援助批次的捐赠证书（中英文对照）",
    "the shipment's ID": "援助批次的编号",
    "language of the paper, and of these messages (default: en)": "装箱单的语言，也是这些提示的语言（默认：en）",
    "packing list written to {path}": "装箱单已写到 {path}",
    "certificate of donation written to {path}": "捐赠证书已写到 {path}",
})
