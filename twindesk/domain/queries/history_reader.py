"""How a history row reads (docs/architecture.md, "History"): stored values worded in the reader's
language — field labels from the specs, codes as their terms, dates as dates, numbers grouped, references
by name (looked up once each) — and a change as a line ("Population: — → 5,400,000", "created “Jeju”").

`history.py` finds the rows; `HistoryReader.row` words one of them when it is first read.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from functools import cache

from twindesk.domain.model import countries, labels
from twindesk.domain.model.fields import Field
from twindesk.domain.model.messages import Both, render
from twindesk.domain.model.specs import SPECS
from twindesk.domain.model.vocabulary import HISTORY_ACTIONS
from twindesk.store import dialect

EMPTY = "—"
ARROW = " → "

CREATED = Both("created", "新建")
DELETED = Both("deleted", "删除")
YES, NO = Both("yes", "是"), Both("no", "否")
PARTNER_LINK = Both("partner link", "伙伴关联")

# A visit's partner links are rows of their own (visit_partner), re-made whenever the list changes;
# its history shows them as one field of the visit: "Partners: A, B → A, B, C".
PARTNERS = "partners"
PARTNERS_FIELD = Field(PARTNERS, "Partners", "refs", ref="partner")
PARTNERS_LABEL = Both("Partners", "友好伙伴")


def _zh(lang: str) -> bool:
    return lang.startswith("zh")


def kind_label(kind: str, lang: str = "en") -> str:
    """"partner", "visit" … (友好伙伴, 出访/来访 …) as a sentence says it."""
    if kind in SPECS:
        return SPECS[kind].record_label(lang)
    if kind == "visit_partner":
        return PARTNER_LINK.text(lang)
    if kind == "document":
        return "文件" if lang.startswith("zh") else "document"
    return kind.replace("_", " ")


def record_label(kind: str, record_id: int | None, lang: str = "en") -> str:
    """"partner 12", "友好伙伴 12"; the kind alone without an id."""
    label = kind_label(kind, lang) if kind else ""
    return f"{label} {record_id}" if record_id is not None and label else label


@cache
def _columns(kind: str) -> dict[str, Field]:
    """The spec fields of `kind` by the column that stores them ("partner_id" -> the field "partner")."""
    spec = SPECS.get(kind)
    if spec is None:
        return {}
    stored = spec.model._meta.fields
    out = {stored[f.name].column_name: f for f in spec.fields}
    if kind == "visit":
        out[PARTNERS] = PARTNERS_FIELD
    return out


# Columns schema 4 moved into a partnership's first agreement, still named by older history rows.
RETIRED = {("partnership", "agreement_title"): "Agreement", ("partnership", "signed_place"): "Signing place",
           ("partnership", "signatories"): "Signatories", ("partnership", "next_review_on"): "Next review / renewal"}


def field_label(kind: str, column: str, lang: str = "en") -> str:
    """The label of the field stored in `column` ("partner_id" reads "Partner")."""
    found = _columns(kind).get(column)
    if found is PARTNERS_FIELD:
        return PARTNERS_LABEL.text(lang)
    if found is None:
        retired = RETIRED.get((kind, column))
        return labels.field_label(kind, column, retired, lang) if retired else column.replace("_", " ")
    return SPECS[kind].field_label(found.name, lang)


def _date_text(value: date, lang: str) -> str:
    if _zh(lang):
        return f"{value.year}年{value.month}月{value.day}日"
    return f"{value.day} {value:%b} {value.year}"


def _number_text(value) -> str:
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int):
        return f"{value:,}"
    return f"{Decimal(str(value)):,}"


def one_line(text: str, limit: int | None = None) -> str:
    """`text` on one line (line breaks shown as ⏎), cut at `limit` characters with an ellipsis."""
    flat = " ⏎ ".join(part.strip() for part in str(text).splitlines() if part.strip()) or ""
    if limit is not None and len(flat) > limit:
        flat = flat[:limit - 1].rstrip() + "…"
    return flat


class HistoryReader:
    """Words stored values in one language; the names of referenced records are looked up once each."""

    def __init__(self, lang: str):
        self.lang = lang
        self._names: dict[tuple[str, int], str] = {}

    def name(self, kind: str, record_id) -> str:
        """A referenced record by name ("Jeju", a visit's title); "ID 12" once it no longer exists."""
        key = (kind, record_id)
        if key not in self._names:
            found = _record_names(kind, [record_id], self.lang).get(record_id)
            self._names[key] = found or f"ID {record_id}"
        return self._names[key]

    def value(self, field: Field | None, value) -> str:
        if value is None or value == "" or value == []:
            return EMPTY
        kind = field.kind if field is not None else ""
        lang = self.lang
        try:
            if kind == "ref":
                return self.name(field.ref, value)
            if kind == "refs":
                return ", ".join(self.name(field.ref, v) for v in value)
            if kind == "code" and field.vocabulary is not None:
                return field.vocabulary.label(value, lang)
            if kind == "country":
                return countries.country_name(value, lang)
            if kind == "bool":
                return (YES if value else NO).text(lang)
            if kind == "date":
                return _date_text(date.fromisoformat(str(value)[:10]), lang)
            if kind == "time":
                return str(value)[:5]
            if kind == "year":
                return str(value)
            if kind in ("int", "decimal", "float"):
                return _number_text(value)
        except (TypeError, ValueError, ArithmeticError):  # a value stored unlike its field: show it as it is
            pass
        return str(value)

    def row_name(self, kind: str, row: dict | None) -> str:
        """What a created or deleted record was called, from its stored row."""
        if not row:
            return ""
        if kind == "visit_partner":
            return self.name("partner", row.get("partner_id"))
        if kind == "status_change":
            status = self.value(_columns(kind).get("status"), row.get("status"))
            return f"{status} {row.get('changed_on') or ''}".strip()
        if kind == "contact":  # a contact's "title" is their post, not their name
            return one_line(" ".join(n for n in (row.get("family_name"), row.get("given_name")) if n), 80)
        names = [row.get(k) for k in (("name_zh", "name_en", "name_native") if _zh(self.lang)
                                      else ("name_en", "name_zh", "name_native"))]
        names += [row.get(k) for k in ("title", "name", "description", "activity")]
        found = next((n for n in names if n), "")
        if not found and kind == "partnership":
            found = self.name("partnership", row.get("id"))
        return one_line(found, 80)

    def row(self, raw: tuple) -> HistoryRow:
        change_id, operation_id, at, user, action, kind, record_id, change, column, old, new = raw
        lang = self.lang
        if change is None:  # an operation without rows of its own (see `changes`): its summary
            return HistoryRow(change_id, operation_id, moment(at), user, action, HISTORY_ACTIONS.label(action, lang),
                              kind or "", record_id, record_label(kind, record_id, lang), "", "", "", "", "",
                              operation_summary(column or "", lang))
        if change == "update":
            field = _columns(kind).get(column)
            label = field_label(kind, column, lang)
            old_text, new_text = self.value(field, stored_value(old)), self.value(field, stored_value(new))
            colon = "：" if _zh(lang) else ": "
            what = f"{label}{colon}{one_line(old_text, 120)}{ARROW}{one_line(new_text, 120)}"
        else:
            label = ""
            stored = stored_value(new if change == "create" else old)
            name = self.row_name(kind, stored)
            old_text, new_text = (name, "") if change == "delete" else ("", name)
            verb = (CREATED if change == "create" else DELETED).text(lang)
            what = f"{verb}“{name}”" if name and _zh(lang) else (f"{verb} “{name}”" if name else verb)
        return HistoryRow(change_id, operation_id, moment(at), user, action, HISTORY_ACTIONS.label(action, lang),
                          kind, record_id, record_label(kind, record_id, lang), change, column, label, old_text,
                          new_text, what)


def stored_value(raw: str | None):
    """A value as the history stores it (JSON), back as Python."""
    return None if raw is None else json.loads(raw)


def operation_summary(stored: str, lang: str) -> str:
    """An operation's summary in `lang`: stored as a template with its values (door.operation), or, from
    before, as English text."""
    if stored.startswith('{"template"'):
        try:
            said = json.loads(stored)
            return render(said["template"], said["params"], lang)
        except (ValueError, KeyError, TypeError):
            return stored
    return stored


def moment(at) -> datetime:
    """An operation's time, as SQLite hands it back (text) or as peewee does."""
    return at if isinstance(at, datetime) else datetime.fromisoformat(str(at))


def _record_names(kind: str, ids: list[int], lang: str) -> dict[int, str]:
    """Display names of live records of the kinds a field can refer to."""
    ids = [i for i in ids if isinstance(i, int)]
    if not ids:
        return {}
    marks = ", ".join("?" * len(ids))
    zh = _zh(lang)
    if kind in ("partner", "home_locality"):
        columns = "name_zh, name_en, name_native" if kind == "partner" else "name_zh, name_en, ''"
        out = {}
        for rid, n_zh, n_en, native in dialect.execute(f'SELECT id, {columns} FROM "{kind}" WHERE id IN ({marks})',
                                                       ids):
            order = (n_zh, n_en, native) if zh else (n_en, n_zh, native)
            out[rid] = next((n for n in order if n), "")
        return out
    if kind in ("visit", "shipment", "activity"):
        return dict(dialect.execute(f'SELECT id, title FROM "{kind}" WHERE id IN ({marks})', ids).fetchall())
    if kind == "partnership":
        out = {}
        rows = dialect.execute(
            "SELECT ps.id, l.name_zh, l.name_en, p.name_zh, p.name_en, p.name_native FROM partnership ps "
            "JOIN home_locality l ON l.id = ps.home_locality_id JOIN partner p ON p.id = ps.partner_id "
            f"WHERE ps.id IN ({marks})", ids)
        for rid, l_zh, l_en, p_zh, p_en, p_native in rows:
            home = (l_zh or l_en) if zh else (l_en or l_zh)
            partner = next((n for n in ((p_zh, p_en, p_native) if zh else (p_en, p_zh, p_native)) if n), "")
            out[rid] = f"{home} – {partner}"
        return out
    return {}


@dataclass(frozen=True, slots=True)
class HistoryRow:
    """One change to one record, as the reader reads it."""

    change_id: int
    operation_id: int
    at: datetime
    user: str  # who: never blank
    action: str  # the operation's code: save, delete, link, import, undo …
    action_label: str  # … in the reader's language
    kind: str  # the record changed (a sub-record's own kind)
    record_id: int
    record_label: str  # "delegate 5"
    change: str  # create, update, delete
    field: str  # the column ("" for create and delete)
    field_label: str
    old: str  # as read: "—" for nothing; a created or deleted record's name
    new: str
    what: str  # "Population: — → 5,400,000", "created “Jeju”"

    @property
    def when(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M}"

    def line(self, width: int | None = 160) -> str:
        """One line of `twindesk history`: when, who, action, record, what."""
        parts = (self.when, self.user, self.action_label, self.record_label, one_line(self.what, width))
        return "  ".join(p for p in parts if p)
