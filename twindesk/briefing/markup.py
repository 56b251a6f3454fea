"""User text on its way into reportlab: escaped, so it prints literally and is never read as markup.

reportlab's Paragraph reads a mini-language: `AT&T` prints as `AT&T;`, `a <b` raises, `<img src=…>`
reads a file or a URL. Everything a person typed goes through `escape_text` first; only the pack's own
fixed markup (line breaks) is added after escaping.
"""

import re
from typing import TYPE_CHECKING
from xml.sax.saxutils import escape

if TYPE_CHECKING:
    from twindesk.briefing.fonts import BriefFont

# Characters reportlab cannot place (C0 controls but tab and newline, DEL, lone surrogates).
_UNPRINTABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]")
_NEWLINES = re.compile(r"\r\n?|\u2028|\u2029")
# CJK punctuation and ideographs, kana, Hangul, full-width forms: text that breaks between characters.
_WIDE = re.compile("[\u2e80-\u9fff\ua960-\ua97f\uac00-\ud7ff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef]")


def plain(value) -> str:
    """The text to draw as it is (canvas.drawString, outline titles): printable, one line per line."""
    if value is None:
        return ""
    text = _NEWLINES.sub("\n", str(value))
    return _UNPRINTABLE.sub("", text.replace("\t", "    "))


def font_runs(text: str, font: "BriefFont | None") -> list[tuple[str, str | None]]:
    """`text` cut into runs of (text, None) for the main font and (text, fallback) for characters
    only the fallback font has."""
    if font is None or font.fallback is None or text.isascii() or all(map(font.glyphs.__contains__,
                                                                         map(ord, text))):
        return [(text, None)]
    runs: list[tuple[str, str | None]] = []
    for char in text:
        face = font.fallback if font.needs_fallback(char) else None
        if runs and runs[-1][1] == face:
            runs[-1] = (runs[-1][0] + char, face)
        else:
            runs.append((char, face))
    return runs


def escape_text(value, font: "BriefFont | None" = None) -> str:
    """`value` as Paragraph markup that prints exactly that text; newlines become line breaks. With
    `font`, characters its main font lacks are set in its fallback font."""
    out = []
    for run, face in font_runs(plain(value), font):
        run = escape(run).replace("\n", "<br/>")
        out.append(f'<font face="{face}">{run}</font>' if face else run)
    return "".join(out)


def needs_cjk_wrap(text: str) -> bool:
    """Chinese, Japanese and Korean text has no spaces between words: it may break between characters."""
    return not text.isascii() and _WIDE.search(text) is not None


def paragraphs(value) -> list[str]:
    """Long text as its paragraphs (blank lines apart), so a 20,000-word note flows across pages in
    pieces a frame can split."""
    text = plain(value).strip()
    if not text:
        return []
    return [p.strip() for p in re.split(r"\n\s*\n", text) if p.strip()]
