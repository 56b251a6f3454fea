"""The dashboard's cards: a titled box, and each list card's rows made from the overview's plain data.

What is overdue says so in words and in colour (never colour alone): "3 days overdue" in red, bold.
"""

from datetime import date

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QGroupBox, QVBoxLayout, QWidget

from twindesk.domain.model import vocabulary as voc
from twindesk.domain.model.countries import country_name
from twindesk.domain.queries import approvals
from twindesk.domain.queries.overview import Rows
from twindesk.ui.common.formatting import display_name, format_date

OVERDUE_COLOR = QColor("#c0392b")  # the office's red; the words say it too


# --- boxes ------------------------------------------------------------------------------------------------

def titled_box(title: str, font: QFont) -> QGroupBox:
    """A card: its title bold, its contents in the page's normal font (`normal_font` once filled)."""
    box = QGroupBox(title)
    bold = QFont(font)
    bold.setBold(True)
    box.setFont(bold)
    return box


def normal_font(box: QGroupBox, font: QFont) -> None:
    normal = QFont(font)
    normal.setBold(False)  # explicitly, or the children inherit the title's weight
    for child in box.findChildren(QWidget):
        if child.parent() is box:
            child.setFont(normal)


def card(title: str, body: QWidget, font: QFont, top=None) -> QGroupBox:
    box = titled_box(title, font)
    layout = QVBoxLayout(box)
    layout.setContentsMargins(10, 8, 10, 10)
    layout.setSpacing(6)
    if top is not None:
        layout.addLayout(top)
    layout.addWidget(body)
    normal_font(box, font)
    return box


# --- rows ---------------------------------------------------------------------------------------------------

def overdue_text(day: date, today: date, lang: str) -> str:
    """"12 Nov 2026 · 19 days overdue": the date and, in words, how late."""
    days = (today - day).days
    if days == 1:
        late = QCoreApplication.translate("DashboardCards", "1 day overdue")
    else:
        late = QCoreApplication.translate("DashboardCards", "%1 days overdue").replace("%1", f"{days:,}")
    return f"{format_date(day, lang)} · {late}"


def _flagged(texts: list[str], record, tooltip: str, overdue: bool, column: int) -> tuple:
    options: dict = {"tooltip": tooltip}
    if overdue:
        options["colors"] = {column: OVERDUE_COLOR}
        options["bold_columns"] = (column,)
    return texts, record, options


def upcoming_rows(found: Rows, lang: str) -> list[tuple]:
    rows = []
    for v in found.rows:
        start, end = v["start_on"], v["end_on"]
        when = format_date(start, lang)
        span = f"{format_date(start, lang)} – {format_date(end, lang)}" if end and end != start else when
        rows.append(([when, voc.VISIT_DIRECTIONS.label(v["direction"], lang), v["title"],
                      voc.VISIT_STATUSES.label(v["status"], lang)], ("visit", v["id"]), {"tooltip": f"{v['title']}\n{span}"}))
    return rows


def in_transit_rows(found: Rows, today: date, lang: str) -> list[tuple]:
    rows = []
    for s in found.rows:
        who = display_name(s["partner_zh"], s["partner_en"], s["partner_native"], lang) or s["counterparty"]
        if s["overdue"]:
            expected = overdue_text(s["expected_on"], today, lang)
        else:
            expected = format_date(s["expected_on"], lang) or QCoreApplication.translate("DashboardCards",
                                                                                          "not given")
        texts = [expected, voc.SHIPMENT_DIRECTIONS.label(s["direction"], lang), s["title"], who]
        rows.append(_flagged(texts, ("shipment", s["id"]), f"{s['title']}\n{expected}", s["overdue"], 0))
    return rows


def anniversary_rows(found: Rows, lang: str) -> list[tuple]:
    rows = []
    for a in found.rows:
        label = QCoreApplication.translate("DashboardCards", "%1th").replace("%1", str(a.years))
        if a.round_decade:
            label = "★ " + label
        partner = display_name(a.partner_zh, a.partner_en, lang=lang)
        when = format_date(a.on, lang) or QCoreApplication.translate("DashboardCards", "in %1").replace(
            "%1", str(a.year))
        tooltip = QCoreApplication.translate("DashboardCards", "%1: %2 years since %3").replace(
            "%1", partner).replace("%2", str(a.years)).replace("%3", str(a.established_year))
        rows.append(([label, partner, a.locality_zh, when], ("partnership", a.partnership_id),
                     {"bold": a.round_decade, "tooltip": tooltip}))
    return rows


def review_rows(found: Rows, today: date, lang: str) -> list[tuple]:
    rows = []
    for r in found.rows:
        partner = display_name(r["partner_zh"], r["partner_en"], lang=lang)
        due = overdue_text(r["next_review_on"], today, lang) if r["overdue"] else format_date(r["next_review_on"], lang)
        texts = [due, partner, r["locality_zh"], voc.TIERS.label(r["tier"], lang)]
        rows.append(_flagged(texts, ("partnership", r["id"]), f"{partner}\n{due}", r["overdue"], 0))
    return rows


def approval_pending_rows(found: Rows, lang: str) -> list[tuple]:
    """Partnerships waiting on their approval, each saying the stage it waits on (待审批（省级）)."""
    rows = []
    for r in found.rows:
        partner = display_name(r["partner_zh"], r["partner_en"], lang=lang)
        waiting = approvals.status_text("approval_pending", r["stage"], lang)
        rows.append(([waiting, partner, r["locality_zh"], format_date(r["status_since"], lang)],
                     ("partnership", r["id"]), {"tooltip": f"{partner}\n{waiting}"}))
    return rows


def lacking_approval_rows(found: Rows, lang: str) -> list[tuple]:
    """Outbound trips approved or confirmed with no approval on file."""
    return [([format_date(r["start_on"], lang), r["title"], voc.VISIT_STATUSES.label(r["status"], lang)],
             ("visit", r["id"]), {"tooltip": r["title"]}) for r in found.rows]


def follow_up_rows(found: Rows, today: date, lang: str) -> list[tuple]:
    rows = []
    for a in found.rows:
        due = overdue_text(a["follow_up_on"], today, lang) if a["overdue"] else format_date(a["follow_up_on"], lang)
        who = display_name(a["partner_zh"], a["partner_en"], a["partner_native"], lang) or "—"
        held = QCoreApplication.translate("DashboardCards", "Held on %1").replace("%1", format_date(a["held_on"], lang))
        tooltip = f"{a['title']}\n{held}\n{due}"
        rows.append(_flagged([due, a["title"], who], ("activity", a["id"]), tooltip, a["overdue"], 0))
    return rows


def quiet_rows(found: Rows, lang: str, grey: QColor) -> list[tuple]:
    rows = []
    never = QCoreApplication.translate("DashboardCards", "never")
    for r in found.rows:
        since = f"{r['days_since']:,}" if r["days_since"] is not None else never
        options = {"right": (3,)}
        if r["days_since"] is None:
            options["colors"] = {2: grey, 3: grey}
        rows.append(([display_name(r["name_zh"], r["name_en"], r["name_native"], lang), country_name(r["country"], lang),
                      format_date(r["last_contact"], lang) or "—", since], ("partner", r["id"]), options))
    return rows


def country_rows(by_country: dict[str, int], lang: str) -> list[tuple]:
    return [([country_name(code, lang), f"{n:,}"], None, {"right": (1,)}) for code, n in by_country.items()]


def status_rows(found: dict[str, int], vocabulary, lang: str, grey: QColor) -> list[tuple]:
    rows = []
    if found:
        for code in [*vocabulary.codes, *sorted(c for c in found if c not in vocabulary)]:
            n = found.get(code, 0)
            options = {"right": (1,)}
            if not n:
                options["colors"] = {0: grey, 1: grey}
            rows.append(([vocabulary.label(code, lang), f"{n:,}"], None, options))
    return rows


def placeholder_grey(widget: QWidget) -> QColor:
    return widget.palette().color(QPalette.ColorGroup.Active, QPalette.ColorRole.PlaceholderText)
