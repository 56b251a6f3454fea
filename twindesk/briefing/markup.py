"""User text on its way into reportlab: escaped, so it prints literally and is never read as markup.

reportlab's Paragraph reads a mini-language: `AT&T` prints as `AT&T;`, `a <b` raises, `<img src=…>`
reads a file or a URL. Everything a person typed goes through `escape_text` first; only the pack's own
fixed markup (line breaks) is added after escaping.
"""

import re
from typing import TYPE_CHECKING
from xml.sax.saxutils import escape

if TYPE_CHECKING:
    from twindesk.briefing.fonts import BriefFont, FontChain

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


# Invisible format characters (joiners, variation selectors, bidi marks, emoji skin-tone modifiers after
# a mark): nothing to draw when no font has them, and nothing a reader misses.
_INVISIBLE = re.compile("[\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufe00-\ufe0f\ufeff"
                        "\U0001f3fb-\U0001f3ff\U000e0000-\U000e007f]")


def font_runs(text: str, font: "BriefFont | FontChain | None") -> list[tuple[str, str | None]]:
    """`text` cut into runs of (text, None) for the main font and (text, face) for characters only
    another face of the chain has. A character none has becomes the chain's replacement mark (□),
    recorded in `font.missing`; an invisible one no face has is left out."""
    if font is None:
        return [(text, None)]
    if font.western is not None:
        return _western_runs(text, font)
    if text.isascii() or all(map(font.glyphs.__contains__, map(ord, text))):
        return [(text, None)]
    return _char_runs(text, font)


_SCRIPTS = re.compile("[\x00-\u1fff]+|[^\x00-\u1fff]+")


def _western_runs(text: str, font) -> list[tuple[str, str | None]]:
    """Runs where letters below U+2000 (Latin, Greek, Cyrillic, Hebrew …) come from the western face."""
    name, glyphs = font.western
    runs: list[tuple[str, str | None]] = []
    for match in _SCRIPTS.finditer(text):
        chunk = match.group()
        if chunk[0] < "\u2000":
            if all(map(glyphs.__contains__, map(ord, chunk))):
                runs.append((chunk, name))
                continue
            for char in chunk:
                if ord(char) in glyphs:
                    runs.append((char, name))
                else:
                    runs += _char_runs(char, font)
        elif all(map(font.glyphs.__contains__, map(ord, chunk))):
            runs.append((chunk, None))
        else:
            runs += _char_runs(chunk, font)
    merged: list[tuple[str, str | None]] = []
    for run, face in runs:
        if merged and merged[-1][1] == face:
            merged[-1] = (merged[-1][0] + run, face)
        else:
            merged.append((run, face))
    return merged


def _char_runs(text: str, font) -> list[tuple[str, str | None]]:
    runs: list[tuple[str, str | None]] = []
    others = font.others
    for char in text:
        code = ord(char)
        if code in font.glyphs or char.isspace():
            face = None
        else:
            face = next((name for name, glyphs in others if code in glyphs), False)
            if face is False:
                if _INVISIBLE.match(char):
                    continue
                if font.missing is not None:
                    font.missing[char] = font.missing.get(char, 0) + 1
                char, face = font.mark
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
