"""The cover page and the contents page, for both kinds of pack."""

from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, PageBreak, Spacer, Table, TableStyle

from twindesk.briefing import styles as st
from twindesk.briefing.blocks import Pack
from twindesk.briefing.flowables import ContentsPage, FauxBold


def marking_box(pack: Pack, marking: str) -> Flowable:
    """The marking (内部资料, "Internal" …) in a red box at the top right of the cover."""
    label = pack.s.para(marking, pack.s.marking, cls=FauxBold)
    width = stringWidth(marking, pack.s.font, pack.s.marking.fontSize) + 12 * mm
    box = Table([[label]], colWidths=[min(pack.s.frame_width / 2, max(30 * mm, width))],
                style=TableStyle([pack.s.table_font(), ("BOX", (0, 0), (-1, -1), 1.2, st.MARK), ("TOPPADDING", (0, 0), (-1, -1), 4),
                                  ("BOTTOMPADDING", (0, 0), (-1, -1), 6)]), hAlign="RIGHT")
    return box


def cover(pack: Pack, *, kicker: str, title: str, subtitle: str, facts: list[tuple[str, str]],
          marking: str) -> list[Flowable]:
    s = pack.s
    if s.layout.official:
        return _official_cover(pack, kicker=kicker, title=title, subtitle=subtitle, facts=facts)
    out: list[Flowable] = [marking_box(pack, marking)] if marking else [Spacer(1, 12 * mm)]
    out += [Spacer(1, 38 * mm), s.para(kicker, s.kicker), s.para(title, s.cover_title, cls=FauxBold)]
    if subtitle:
        out.append(s.para(subtitle, s.cover_sub))
    else:
        out.append(Spacer(1, 10 * mm))
    out += pack.facts(facts, label_width=0.24)
    out += [Spacer(1, 16 * mm), s.para(pack.w("issued_on", date=pack.f.date(pack.issued)), s.muted), PageBreak()]
    return out


def _official_cover(pack: Pack, *, kicker: str, title: str, subtitle: str,
                    facts: list[tuple[str, str]]) -> list[Flowable]:
    """GB/T 9704-2012: title in 2号 小标宋 centred, the date of issue as it writes it (2026年12月1日)
    right-aligned four characters in; the marking is the page's first line (document.py)."""
    s, line = pack.s, pack.s.layout.pitch
    out: list[Flowable] = [Spacer(1, 3 * line), s.para(kicker, s.kicker), s.para(title, s.cover_title, cls=FauxBold)]
    if subtitle:
        out.append(s.para(subtitle, s.cover_sub))
    out.append(Spacer(1, line))
    out += pack.facts(facts, label_width=0.24)
    out += [s.para(pack.f.date(pack.issued), s.date), PageBreak()]
    return out


def contents() -> list[Flowable]:
    return [ContentsPage(), PageBreak()]
