"""How fast is a partner brief for a busy partner, against reportlab laying out the same pages itself?

    python tests/benchmarks/bench_brief_partner.py [N]        (default N = 1000)

The database is made once per run in a temporary folder: the demo data set with `--scale N` synthetic
records, then one partner (Jeju) is made the partner of every visit, shipment and activity, so its brief
holds N of each (a 3N-row timeline). `make bench` passes its SCALE; anything above 5,000 is capped, as
the brief (not the database) is what is measured.

1. Ours: `build_partner_brief(jeju, out, lang=…, layout="official")`, end to end: the domain's queries,
   the sections, escaping, fonts by role, dates kept whole, numbered headings, page numbers and
   contents, the file written in one rename. (The official GB/T 9704-2012 layout, in both languages.)
2. Floor: the same paragraphs and tables (the same text, styles, column widths and table commands,
   captured from our story beforehand) built afresh with reportlab's Paragraph and Table (reportlab's
   own line breaking) and laid out by a plain SimpleDocTemplate on the same type area.

Each side runs once to warm up, then REPEAT times per language; the medians are compared (aim <= 1.3x).
"""

import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from reportlab.platypus import Paragraph, SimpleDocTemplate, Table  # noqa: E402

from twindesk.briefing import build_partner_brief, covers, tables  # noqa: E402
from twindesk.briefing.build import prepare  # noqa: E402
from twindesk.briefing.layouts import OFFICIAL, PAGE  # noqa: E402
from twindesk.briefing.markup import escape_text  # noqa: E402
from twindesk.domain import workspace
from twindesk.domain.demo import write_demo  # noqa: E402
from twindesk.store import models as m  # noqa: E402

AIM = 1.3
REPEAT = 3
MAX_N = 5000


def make_database(path: Path, n: int) -> int:
    """Demo data + N synthetic records per list; every visit, shipment and activity given to Jeju."""
    workspace.open_workspace(path, take_backups=False)
    write_demo(scale=n)
    jeju = m.Partner.get(m.Partner.name_en == "Jeju Special Self-Governing Province").id
    with m.database.atomic():
        m.Activity.update(partner=jeju).execute()
        m.Shipment.update(partner=jeju).execute()
        m.VisitPartner.delete().execute()
        rows = [(v, jeju, m.now(), m.now(), "bench") for (v,) in m.Visit.select(m.Visit.id).tuples()]
        m.VisitPartner.insert_many(rows, fields=[m.VisitPartner.visit, m.VisitPartner.partner,
                                                  m.VisitPartner.created_at, m.VisitPartner.updated_at,
                                                  m.VisitPartner.updated_by]).execute()
    return jeju


class RecordingTable(Table):
    """Our Table, remembering how it was made, so the floor can make the same one itself."""

    def __init__(self, data, **kwargs):
        self.made_with = (data, kwargs)
        super().__init__(data, **kwargs)


def capture(partner_id: int, lang: str):
    """Our story for the brief, with its tables recording their arguments, and its styles."""
    tables.Table = covers.Table = RecordingTable
    try:
        prepared = prepare("partner", partner_id, lang=lang, marking="Internal", layout="official")
        return prepared.story, prepared.pack.s
    finally:
        tables.Table = covers.Table = Table


def fresh(flowable, styles):
    """The same flowable built afresh by reportlab alone (our subclasses become plain Paragraphs; text we
    break into lines ourselves is handed to reportlab whole, to break as it does)."""
    if isinstance(flowable, Paragraph):
        source = getattr(flowable, "source_text", None)
        if source is not None:
            style = flowable.role_style
            return Paragraph(escape_text(source, styles.chain(style)), styles.wrapping(style, source))
        return Paragraph(flowable.text, flowable.style)
    if isinstance(flowable, list):
        return [fresh(f, styles) for f in flowable]
    if isinstance(flowable, RecordingTable):
        data, kwargs = flowable.made_with
        return Table([[fresh(cell, styles) for cell in row] for row in data], **kwargs)
    return flowable  # spacers, page breaks: nothing to build


def floor_build(story: list, styles, out: Path, font: str) -> int:
    lay = OFFICIAL
    doc = SimpleDocTemplate(str(out), pagesize=PAGE, leftMargin=lay.left, rightMargin=PAGE[0] - lay.left - lay.width,
                            topMargin=lay.top, bottomMargin=lay.bottom, initialFontName=font)
    doc.build([fresh(f, styles) for f in story])
    return doc.page


def timed(func) -> tuple[float, float]:
    func()
    times = []
    for _ in range(REPEAT):
        t0 = time.perf_counter()
        func()
        times.append(time.perf_counter() - t0)
    return min(times), statistics.median(times)


def main(n: int) -> int:
    n = min(n, MAX_N)
    ratios = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        print(f"writing the demo data with --scale {n} and one busy partner …", flush=True)
        jeju = make_database(folder / "bench.db", n)
        try:
            counts = (m.VisitPartner.select().where(m.VisitPartner.partner == jeju).count(),
                      m.Shipment.select().where(m.Shipment.partner == jeju).count(),
                      m.Activity.select().where(m.Activity.partner == jeju).count())
            print(f"partner {jeju}: {counts[0]:,} visits, {counts[1]:,} shipments, {counts[2]:,} activities")
            print(f"median of {REPEAT} runs after a warm-up (best in brackets)")
            for lang in ("en", "zh_CN"):
                out, floor_out = folder / f"ours-{lang}.pdf", folder / f"floor-{lang}.pdf"
                story, styles = capture(jeju, lang)
                font = styles.font
                ours = timed(lambda lang=lang, out=out: build_partner_brief(jeju, out, lang=lang, marking="Internal",
                                                                            replace=True, layout="official"))
                floor = timed(lambda story=story, styles=styles, floor_out=floor_out, font=font:
                              floor_build(story, styles, floor_out, font))
                ratio = ours[1] / floor[1]
                ratios.append(ratio)
                verdict = "ok" if ratio <= AIM else "MISSES the aim"
                print(f"  partner brief (official) {lang:5}  ours {ours[1]:6.2f} s (best {ours[0]:5.2f})   "
                      f"floor {floor[1]:6.2f} s (best {floor[0]:5.2f})   ratio {ratio:4.2f}x "
                      f"(aim <= {AIM:g}x: {verdict})   {out.stat().st_size / 1e6:.1f} MB")
        finally:
            workspace.close()
    worst = max(ratios)
    print(f"\nworst ratio {worst:.2f}x (aim <= {AIM:g}x): {'ok' if worst <= AIM else 'MISSES the aim'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(int(sys.argv[1]) if len(sys.argv) > 1 else 1000))
