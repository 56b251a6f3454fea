"""Right-to-left text (Hebrew, Arabic, Persian, Urdu …) in the order a reader sees it.

PDF draws glyphs left to right as given, and reportlab neither orders nor joins RTL letters (its own
RTL support needs rlbidi and HarfBuzz, neither a dependency here). So text with RTL letters is

1. shaped: Arabic letters become their joined presentation forms (arabic-reshaper), which the
   embedded font draws (DejaVu Sans has them);
2. broken into lines in reading (logical) order, by linebreak.py;
3. reordered per line into visual order by the Unicode bidirectional algorithm (python-bidi, which
   wraps the maintained Rust crate unicode-bidi), with the paragraph's own base direction.
"""

import re

import arabic_reshaper
from bidi import get_base_level, get_display

# Hebrew, Arabic, Syriac, Thaana, NKo, Samaritan, Mandaic, Arabic supplements and presentation forms,
# and the RTL scripts of the supplementary planes.
_RTL = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefe\U00010800-\U00010fff\U0001e800-\U0001efff]")
_ARABIC = re.compile("[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff]")


def has_rtl(text: str) -> bool:
    return not text.isascii() and _RTL.search(text) is not None


def shaped(text: str) -> str:
    """Arabic letters joined as they are written (initial, medial, final forms, lam-alef)."""
    return arabic_reshaper.reshape(text) if _ARABIC.search(text) else text


def right_to_left(text: str) -> bool:
    """Whether the paragraph reads right to left: its first strong letter is RTL."""
    return get_base_level(text) == 1


def visual(line: str, rtl: bool) -> str:
    """One line (no line breaks) in the order it is drawn, left to right."""
    if not has_rtl(line):
        return line
    return get_display(line, base_dir="R" if rtl else "L")
