"""How fast is the Word edition of a busy partner's brief, against python-docx writing the same
paragraphs and tables itself?

    python tests/benchmarks/bench_brief_word.py [N]        (default N = 1000)

The database is bench_brief_partner.py's: the demo with `--scale N`, then Jeju made the partner of every
visit, shipment and activity (N of each, a 3N-row timeline).

1. Ours: `build_partner_brief(jeju, out.docx, lang=…)`, end to end: the domain's queries, the sections,
   the paper model, the Word renderer (styles, tables with repeating headers, shading, RTL checks, the
   footer's fields) and the file written in one rename.
2. Floor: the same text (captured from our paper beforehand) written by python-docx directly: the same
   styles defined, every heading and paragraph added in its style, every table with its header row
   marked to repeat, its widths, its header and zebra shading, and each cell's text; saved. Both set a
   paragraph's style by its id: python-docx's `paragraph.style = …` looks for the default style among
   every style on each call, 90% of the time of a 3,000-row table.

Each side runs once to warm up, then REPEAT times per language; the medians are compared (aim <= 1.3x).
"""

import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_brief_partner import MAX_N, REPEAT, make_database, timed  # noqa: E402
from docx import Document  # noqa: E402
from docx.shared import Mm  # noqa: E402

from twindesk.briefing import build_partner_brief  # noqa: E402
from twindesk.briefing.build import gather  # noqa: E402
from twindesk.briefing.paper import docx_parts, docx_styles, model  # noqa: E402
from twindesk.domain import workspace  # noqa: E402
from twindesk.store import models as m  # noqa: E402

AIM = 1.3
_HEADINGS = {1: "h1", 2: "h2", 3: "h3"}


def floor_build(paper: model.Paper, out: Path) -> None:
    """The same paragraphs and tables, written by python-docx alone."""
    official = paper.layout == "official"
    doc = Document()
    styles = docx_styles.apply_styles(doc, official)
    ids = {role: style.style_id for role, style in styles.items()}
    docx_styles.set_page(doc.sections[0], official)
    width = Mm(docx_styles.text_width(official))

    def cell_text(cell, value, style):
        main, note = value if isinstance(value, tuple) else (value or "", "")
        paragraph = cell.paragraphs[0]
        paragraph._p.style = style
        paragraph.add_run(main)
        if note:
            para(note, "cell_note", cell)

    def para(text, role, container=doc):
        paragraph = container.add_paragraph()
        paragraph._p.style = ids[role]
        if text:
            paragraph.add_run(text)
        return paragraph

    def table(widths, header, rows):
        t = doc.add_table(rows=0, cols=len(widths))
        t.autofit = False
        for column, share in zip(t.columns, widths, strict=True):
            column.width = int(width * share)
        if header:
            head = t.add_row()
            docx_parts.repeat_as_header(head)
            for cell, text in zip(head.cells, header, strict=True):
                cell_text(cell, text, ids["th"])
                docx_parts.shade(cell, docx_styles.HEAD_BG)
        for n, row in enumerate(rows):
            for cell, value in zip(t.add_row().cells, row, strict=True):
                cell_text(cell, value, ids["cell"])
                if n % 2:
                    docx_parts.shade(cell, docx_styles.ZEBRA)
        para("", "cell")

    for block in paper.blocks:
        match block:
            case model.Heading(level=level):
                para(block.printed, _HEADINGS[level])
            case model.Paragraph(text=text, role=role):
                para(text, "title" if role == "cover_title" else role)
            case model.Facts(rows=rows, label_width=w):
                table((w, 1 - w), None, rows)
            case model.DataTable(header=header, rows=rows, widths=widths):
                table(widths, header, rows)
            case model.Cover():
                for text, role in ((block.kicker, "kicker"), (block.title, "title"), (block.subtitle, "cover_sub")):
                    para(text, role)
                table((0.24, 0.76), None, block.facts)
                para(block.issued, "issued").add_run().add_break()
    doc.save(str(out))


def main(n: int) -> int:
    n = min(n, MAX_N)
    ratios = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        print(f"writing the demo data with --scale {n} and one busy partner …", flush=True)
        jeju = make_database(folder / "bench.db", n)
        try:
            rows = m.VisitPartner.select().where(m.VisitPartner.partner == jeju).count()
            print(f"partner {jeju}: {rows:,} visits (and as many shipments and activities)")
            print(f"median of {REPEAT} runs after a warm-up (best in brackets)")
            for lang in ("en", "zh_CN"):
                out, floor_out = folder / f"ours-{lang}.docx", folder / f"floor-{lang}.docx"
                paper, _pack = gather("partner", jeju, lang=lang, marking="Internal")
                table_rows = sum(len(b.rows) for b in paper.blocks if isinstance(b, model.DataTable))
                ours = timed(lambda lang=lang, out=out: build_partner_brief(jeju, out, lang=lang, marking="Internal",
                                                                            replace=True))
                floor = timed(lambda paper=paper, floor_out=floor_out: floor_build(paper, floor_out))
                ratio = ours[1] / floor[1]
                ratios.append(ratio)
                verdict = "ok" if ratio <= AIM else "MISSES the aim"
                print(f"  partner brief {lang:5} ({table_rows:,} table rows)  ours {ours[1]:6.2f} s "
                      f"(best {ours[0]:5.2f})   floor {floor[1]:6.2f} s (best {floor[0]:5.2f})   ratio {ratio:4.2f}x "
                      f"(aim <= {AIM:g}x: {verdict})   {out.stat().st_size / 1e6:.1f} MB")
        finally:
            workspace.close()
    worst = max(ratios)
    print(f"\nworst ratio {worst:.2f}x (aim <= {AIM:g}x): {'ok' if worst <= AIM else 'MISSES the aim'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(int(sys.argv[1]) if len(sys.argv) > 1 else 1000))
