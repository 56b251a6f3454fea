"""Paragraphs broken into lines here, not by reportlab: those with right-to-left text or with dates.

reportlab breaks CJK text between any two characters ("1990年1 / 月1日起") and English at every space
("9 / November 2020"), and lays RTL text out in typing order. A paragraph holding a date or RTL letters
is broken here instead: a date (2020年11月9日, 2020年11月9日至13日, 9 November 2020, 9–13 November) is one
unbreakable run (a range across months may break after 至),
CJK breaks between characters (never before closing punctuation), other text at spaces, a run longer
than the line between characters. Each line is then put in visual order (bidi.py) and handed to
reportlab as explicit lines, which it draws as they are.
"""

import re
from functools import cache

from reportlab.lib.enums import TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.textsplit import ALL_CANNOT_START
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Paragraph

from twindesk.briefing import bidi
from twindesk.briefing.markup import escape_text, font_runs

_MONTH = "January|February|March|April|May|June|July|August|September|October|November|December"
_DATES = re.compile(
    r"\d{4}年\d{1,2}月\d{1,2}日至\d{1,2}日|\d{4}年\d{1,2}月\d{1,2}日|\d{4}年\d{1,2}月|\d{1,2}月\d{1,2}日|\d{1,2}日|\d{4}年"
    rf"|\d{{1,2}}(?:[–-]\d{{1,2}})? (?:{_MONTH})(?: \d{{4}})?|(?:{_MONTH}) \d{{4}}"
)
CANNOT_END = "（([{《〈「『【〔“‘"
_HAS_DATE = re.compile(rf"\d[年月日]|\d (?:{_MONTH})")
# One token: a date, a CJK character, or a run of other text up to its next space (spaces kept).
_TOKENS = re.compile(rf"(?:{_DATES.pattern})\s*|[\u2e80-\u9fff\uac00-\ud7ff\uf900-\ufaff\uff00-\uffef]\s*|"
                     r"[^\s\u2e80-\u9fff\uac00-\ud7ff\uf900-\ufaff\uff00-\uffef]+\s*|\s+")


def needs_own_breaks(text: str) -> bool:
    """Text that reportlab would break inside a date, or draw in the wrong order."""
    return _HAS_DATE.search(text) is not None or bidi.has_rtl(text)


def _width(text: str, font, size: float) -> float:
    return sum(stringWidth(run, face or font.name, size) for run, face in font_runs(text, font))


def break_lines(text: str, font, size: float, first: float, rest: float) -> list[str]:
    """`text` (logical order) as lines of at most `first` points (the first) and `rest` (the others)."""
    out: list[str] = []
    for hard in text.split("\n"):
        line, used, limit = "", 0.0, first if not out else rest
        for token in _TOKENS.findall(hard) or [""]:
            width = _width(token.rstrip(), font, size)
            if line and used + width > limit and token[0] not in ALL_CANNOT_START:
                carried = ""
                if line[-1] in CANNOT_END and len(line) > 1:  # an opening bracket goes with what it opens
                    line, carried = line[:-1], line[-1]
                out.append(line.rstrip())
                line, used, limit = carried, _width(carried, font, size), rest
            while not line and width > limit and len(token.rstrip()) > 1:  # longer than a line: cut it
                cut = len(token)
                while cut > 1 and _width(token[:cut].rstrip(), font, size) > limit:
                    cut -= 1
                out.append(token[:cut].rstrip())
                token = token[cut:]
                width, limit = _width(token.rstrip(), font, size), rest
            line += token
            used += _width(token, font, size)
        out.append(line.rstrip())
    return out


@cache
def _drawn_as_given(style: ParagraphStyle, align: int) -> ParagraphStyle:
    """`style` that keeps the given lines (no wrapping of its own), aligned as the text reads."""
    return ParagraphStyle(f"{style.name}_lines{align}", parent=style, wordWrap=None, splitLongWords=0,
                          alignment=align)


class OwnLines:
    """Mixed into a Paragraph class: the text is broken into lines here whenever the width changes."""

    def __init__(self, text, style, *args, source: str | None = None, font=None, **kwargs):
        self._source, self._font, self._broken_at = source, font, None
        self._base_style = style
        super().__init__(text, style, *args, **kwargs)

    def wrap(self, availWidth, availHeight):
        if self._source is not None and self._broken_at != availWidth:
            self._broken_at = availWidth
            style, font = self._base_style, self._font
            text = bidi.shaped(self._source)
            rtl = bidi.has_rtl(text) and bidi.right_to_left(text)
            width = availWidth - style.leftIndent - style.rightIndent - 0.01
            lines = break_lines(text, font, style.fontSize, width - style.firstLineIndent, width)
            markup = "<br/>".join(escape_text(bidi.visual(line, rtl), font) for line in lines)
            align = TA_RIGHT if rtl and style.alignment == TA_LEFT else style.alignment
            Paragraph.__init__(self, markup, _drawn_as_given(style, align))
        return super().wrap(availWidth, availHeight)


@cache
def own_lines(cls: type) -> type:
    """`cls` (Paragraph or a subclass) breaking its lines here."""
    return type(f"OwnLines{cls.__name__}", (OwnLines, cls), {})
