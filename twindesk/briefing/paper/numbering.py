"""Headings numbered as GB/T 9704-2012 numbers them (its 7.3.3): 一、 then （一） then 1. (official layout).

The sections make their headings unnumbered; in the official layout this pass numbers the paper's
Heading blocks in print order, after empty sections were left out, so a section left out leaves no gap
and the PDF and the Word edition are numbered alike. Level 1 runs through the pack, level 2 restarts
under each level 1, level 3 under each heading above. An English pack in the official layout is
numbered 1. (1) 1).
"""

from dataclasses import replace

from twindesk.briefing.paper.model import Block, Heading

_DIGITS = "〇一二三四五六七八九"


def chinese_number(n: int) -> str:
    """1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 99 → 九十九 (headings never number more)."""
    if n < 10:
        return _DIGITS[n]
    tens, ones = divmod(n, 10)
    return ("" if tens == 1 else _DIGITS[tens]) + "十" + (_DIGITS[ones] if ones else "")


def _prefixes(zh: bool):
    if zh:
        return (lambda n: f"{chinese_number(n)}、", lambda n: f"（{chinese_number(n)}）", lambda n: f"{n}.")
    return (lambda n: f"{n}. ", lambda n: f"({n}) ", lambda n: f"{n}) ")


def number_headings(blocks: list[Block], *, zh: bool = True) -> list[Block]:
    """`blocks` with their headings (levels 1, 2, 3) numbered."""
    prefixes = _prefixes(zh)
    counts = [0, 0, 0]
    out: list[Block] = []
    for block in blocks:
        if isinstance(block, Heading):
            level = block.level - 1
            counts[level] += 1
            counts[level + 1:] = [0] * (2 - level)
            block = replace(block, number=prefixes[level](counts[level]))
        out.append(block)
    return out
