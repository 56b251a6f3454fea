"""Readable column widths, guessed from the header and the first rows (a write-only sheet must set its
widths before the first row is written).

Widths are in Excel's units (about one Latin character); Chinese, Korean and Japanese characters take
a little over two. A column is as wide as its header or its widest sampled value, within MIN and MAX
(long texts wrap within MAX).
"""

import unicodedata
from datetime import date, datetime, time
from decimal import Decimal

MIN, MAX = 6, 50
# A UUID column shows the first digits only (enough to tell two apart at a glance); the cell holds all.
_FIXED = {"date": 11, "time": 7, "bool": 6, "uuid": 10, "version": 6}


def text_width(text: str) -> int:
    """Width of `text` on screen: East Asian wide and full-width characters count two."""
    longest = max(text.split("\n"), key=len) if "\n" in text else text
    wide = sum(1 for c in longest[:200] if unicodedata.east_asian_width(c) in "WF")
    return int(min(len(longest), 200) + wide * 1.2 + 0.99)  # a wide glyph is about 2.2 Latin ones


def value_width(value) -> int:
    if value is None:
        return 0
    if isinstance(value, datetime):
        return 16
    if isinstance(value, date | time):
        return 10
    if isinstance(value, int | float | Decimal) and not isinstance(value, bool):
        return len(f"{value:,}") + 1
    return text_width(str(value))


def column_width(header: str, kind: str, sample: list) -> float:
    """A width that shows the header and the sampled values whole (up to MAX)."""
    header_width = text_width(header) + 3  # room for the filter button
    if kind in _FIXED:
        return float(max(header_width, _FIXED[kind]))
    widest = max((value_width(v) for v in sample if v not in (None, "")), default=0)
    return float(min(MAX, max(MIN, header_width, widest + 2)))
