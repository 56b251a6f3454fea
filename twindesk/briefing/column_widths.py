"""Column widths that hold a whole date: a date never breaks (linebreak.py), so its column must fit it.

A table's sections give each column a share of the type area. Where a column is narrower than the
widest date in it, it gets that width, taken from the other columns in proportion to their room.
"""

from collections.abc import Sequence

from twindesk.briefing.linebreak import _DATES, _width

PADDING = 8.5  # a cell's left and right padding (tables.py), and a little air


def _cell_texts(cell) -> list:
    if isinstance(cell, list | tuple):
        return [p for c in cell for p in _cell_texts(c)]
    return [cell] if hasattr(cell, "source_text") else []


def fit_widths(styles, data: Sequence[Sequence], shares: Sequence[float]) -> list[float]:
    """Widths in points for `shares` of the type area, widened where a date would not fit."""
    total = styles.frame_width
    widths = [share * total for share in shares]
    need = [0.0] * len(widths)
    for row in data:
        for i, cell in enumerate(row[:len(widths)]):
            for para in _cell_texts(cell):
                text = para.source_text
                if not any(ch.isdigit() for ch in text):
                    continue
                style = para.role_style
                for date in _DATES.findall(text):
                    need[i] = max(need[i], _width(date, styles.chain(style), style.fontSize) + PADDING)
    short = sum(max(0.0, n - w) for n, w in zip(need, widths, strict=True))
    if short <= 0:
        return widths
    spare = [max(0.0, w - max(n, total * 0.08)) for n, w in zip(need, widths, strict=True)]
    room = sum(spare)
    if room <= 0:
        return widths
    take = min(1.0, short / room)
    return [max(n, w) if n > w else w - s * take for n, w, s in zip(need, widths, spare, strict=True)]
