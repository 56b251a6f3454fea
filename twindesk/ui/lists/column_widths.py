"""Column widths from the content, for the lists and the sub-record tables.

Every column first gets the width of its header and content (the header samples the first rows:
`setResizeContentsPrecision`). If they do not all fit, only the widest columns (names, partners,
occasions) give way, down to a common width, never below FLOOR: a date, a status or a count is never
cut. A title (or a description) keeps up to WIDE_FLOOR before the others give way, since it is what a
person reads a row by; a cut cell shows whole in its tooltip. Like a browser's automatic table layout.
"""

from PySide6.QtWidgets import QTableView

FLOOR = 110  # px: a cut column still shows a readable start (ten or so characters)
WIDE_KEYS = frozenset({"title", "description"})
WIDE_FLOOR = 320
FALLBACK_WIDTH = 1000  # a view not yet laid out (the window is still being built)


def shared_cap(widths: list[int], available: int, floor: int = FLOOR) -> int | None:
    """The width the widest columns are cut to so that all fit in `available`, or None if all fit."""
    if sum(widths) <= available:
        return None
    ordered = sorted(widths)
    spent = 0
    for i, w in enumerate(ordered):
        remaining = len(ordered) - i
        if spent + w * remaining >= available:  # the rest share what is left
            return max(floor, (available - spent) // remaining)
        spent += w
    return max(floor, ordered[-1])


def fit_columns(view: QTableView) -> None:
    header = view.horizontalHeader()
    view.resizeColumnsToContents()
    plan = planned_widths(view, {s: header.sectionSize(s) for s in _shown(header)})
    for s, width in (plan or {}).items():
        header.resizeSection(s, width)


def planned_widths(view: QTableView, content: dict[int, int]) -> dict[int, int] | None:
    """The width each shown column gets from the width of its content, or None when all fit as they are."""
    header = view.horizontalHeader()
    columns = view.model().columns() if hasattr(view.model(), "columns") else []
    wide = {i for i, c in enumerate(columns) if c.key in WIDE_KEYS}
    sections = list(content)
    widths = {s: w + 2 for s, w in content.items()}
    available = (view.viewport().width() if view.viewport().width() >= 400 else FALLBACK_WIDTH) - 4
    fair = shared_cap(list(widths.values()), available)  # every column alike
    if fair is None:
        return None  # all fit as they are
    keep = min(WIDE_FLOOR, available * 3 // 10)  # in a narrow tab a title may not crowd out the rest
    kept = {s: min(widths[s], max(fair, keep)) for s in sections if s in wide}
    others = [s for s in sections if s not in wide]
    cap = shared_cap([widths[s] for s in others], available - sum(kept.values()))
    plan = {s: widths[s] if cap is None else min(widths[s], max(cap, _header_width(header, s)))
            for s in others}  # never narrower than its header's words
    left = (available - sum(plan.values())) // max(1, len(kept))
    plan.update({s: min(widths[s], max(width, left)) for s, width in kept.items()})  # a title takes what is left
    return plan


def widen_to_content(view: QTableView, chosen: dict[int, int]) -> None:
    """After a refresh: a column whose content became wider widens to what `fit_columns` would give it now,
    so "5,400" is not shown as "5,40…". Nothing shrinks. A column the person dragged narrower than
    `chosen` (the widths given last time, updated here) stays as they left it. Content is measured on
    the rows in view and a sample around them (`setResizeContentsPrecision`), so 10,000 rows cost no more
    than 50."""
    header = view.horizontalHeader()
    content = {s: max(view.sizeHintForColumn(s), header.sectionSizeHint(s)) for s in _shown(header)}
    plan = planned_widths(view, content) or content
    stretched = header.logicalIndex(header.count() - 1) if header.stretchLastSection() else -1
    widened = False
    for s, wanted in plan.items():
        width = header.sectionSize(s)
        if s == stretched or width < chosen.get(s, width):
            continue  # the last one fills what is left; one narrowed by hand is theirs
        if wanted > width:
            header.resizeSection(s, wanted)
            widened = True
        chosen[s] = header.sectionSize(s)
    if widened and stretched >= 0:  # Qt gives the stretched last section back only on a resize of the view
        rest = view.viewport().width() - sum(header.sectionSize(s) for s in content if s != stretched)
        header.resizeSection(stretched, max(rest, content.get(stretched, 0)))


def current_widths(view: QTableView) -> dict[int, int]:
    header = view.horizontalHeader()
    return {s: header.sectionSize(s) for s in _shown(header)}


def _shown(header) -> list[int]:
    return [s for s in range(header.count()) if not header.isSectionHidden(s)]


def _header_width(header, section: int) -> int:
    return header.sectionSizeFromContents(section).width()
