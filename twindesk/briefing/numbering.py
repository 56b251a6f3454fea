"""Headings numbered as GB/T 9704-2012 numbers them (its 7.3.3): 一、 then （一） then 1. (official layout).

The sections make their headings unnumbered; the official layout numbers them in print order, so a
section left out leaves no gap. Level 1 restarts under each section, level 3 under each heading above.
An English pack in the official layout is numbered 1. (1) 1).
"""

from twindesk.briefing.flowables import Heading, Label

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


def number_headings(story: list, styles, *, zh: bool = True) -> list:
    """`story` with its section headings, sub-headings and labels numbered."""
    first, second, third = _prefixes(zh)
    counts = [0, 0, 0]
    out = []
    for flowable in story:
        if isinstance(flowable, Heading | Label) and hasattr(flowable, "source_text"):
            level = flowable.level if isinstance(flowable, Heading) else 2
            counts[level] += 1
            counts[level + 1:] = [0] * (2 - level)
            prefix = (first, second, third)[level](counts[level])
            text = prefix + flowable.source_text
            if isinstance(flowable, Heading):
                flowable = styles.para(text, flowable.role_style, cls=Heading, outline=text, level=level)
            else:
                flowable = styles.para(text, flowable.role_style, cls=Label)
        out.append(flowable)
    return out
