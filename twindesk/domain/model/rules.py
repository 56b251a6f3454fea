"""The rules the data keeps across records: checked on every save, and in bulk on every import.

A rule of one record alone (a date after another, a signed partnership dated) is in its spec
(`specs.py`) and runs in `validation.validate`. The rules here need other records:

- a partner's parent region is not the partner itself nor any region inside it (no loops);
- no two live (not ended) partnerships join the same home locality and partner at the same tier;
- a partner whose signed agreements are in force is not deleted (with them) — `agreements_in_force`.

`check(kind, values, record_id)` is what `records.save` calls with a record's cleaned values and its ID
(None for a new record). `check_import(rows)` applies the same rules to an import: to the state the
database would be in afterwards, the stored records with the workbook's rows laid over them, so a loop
or a second live partnership made by the workbook's own rows is caught as well as one made with the
database.
"""

from collections.abc import Callable, Iterable

from twindesk.domain.model import vocabulary as v
from twindesk.domain.model.errors import FieldError, field_error
from twindesk.domain.model.messages import Both, Label, render
from twindesk.store import models as m

ImportRows = dict[str, Iterable[tuple[int, int | None, dict]]]  # kind -> (line, record ID, cleaned values)
IMPORT_KINDS = ("partner", "partnership")  # the kinds `check_import` looks at

# --- parent regions -------------------------------------------------------------------------------------


def _loop(record_id: int | None, parent: int | None, parent_of: Callable[[int], int | None]) -> list[int]:
    """The chain parent → … → record_id when `parent` lies inside the record (a loop), else [].

    The walk stops at a region it has seen: a loop stored before this rule existed cannot hang it.
    """
    if record_id is None:  # nothing lies inside a record not yet made
        return []
    chain, seen, current = [], set(), parent
    while current is not None and current not in seen:
        chain.append(current)
        if current == record_id:
            return chain
        seen.add(current)
        current = parent_of(current)
    return []


_PARENT = Label("partner", "parent", "Parent region")


def _loop_error(chain: list[int]) -> FieldError:
    return field_error("parent", _PARENT.english, "{label}: partner {parent} lies within this partner ({chain}), so it cannot be its parent region.",
                       label=_PARENT, parent=chain[0], chain=" → ".join(str(i) for i in chain))


def _stored_parent(partner_id: int) -> int | None:
    return m.Partner.select(m.Partner.parent).where(m.Partner.id == partner_id).scalar()


def no_parent_loop(values: dict, record_id: int | None) -> list[FieldError]:
    chain = _loop(record_id, values.get("parent"), _stored_parent)
    return [_loop_error(chain)] if chain else []


# --- live partnerships ----------------------------------------------------------------------------------


def live_partnership_key(values: dict) -> tuple | None:
    """What two live partnerships may not share: (partner, home locality, tier); None for an ended one."""
    if values.get("status") == v.ENDED:
        return None
    return values.get("partner"), values.get("home_locality"), values.get("tier")


def tier_label(values: dict) -> Both:
    term = v.TIERS.get(values.get("tier"))
    return Both(term.en, term.zh) if term else Both(str(values.get("tier")), str(values.get("tier")))


_PARTNER = Label("partnership", "partner", "Partner")


def _twin_error(values: dict, other_id: int) -> FieldError:
    return field_error("partner", "Partner", "{label}: partnership {id} already joins this partner and home locality at the tier “{tier}” and has not ended; end one of them or give this one another tier.",
                       label=_PARTNER, id=other_id, tier=tier_label(values))


def _twin_rows_error(values: dict, first: int, line: int) -> FieldError:
    return field_error("partner", "Partner", "{label}: rows {first} and {line} both join partner {partner} and home locality {locality} at the tier “{tier}”, and neither has ended.",
                       label=_PARTNER, first=first, line=line, partner=values.get("partner"),
                       locality=values.get("home_locality"), tier=tier_label(values))


def one_live_partnership(values: dict, record_id: int | None) -> list[FieldError]:
    key = live_partnership_key(values)
    if key is None:
        return []
    p = m.Partnership
    query = p.select(p.id).where(p.partner == key[0], p.home_locality == key[1], p.tier == key[2],
                                 p.status != v.ENDED)
    if record_id is not None:
        query = query.where(p.id != record_id)
    other = query.order_by(p.id).scalar()
    return [_twin_error(values, other)] if other is not None else []


# --- one record, on save --------------------------------------------------------------------------------

CHECKS: dict[str, tuple[Callable[[dict, int | None], list[FieldError]], ...]] = {
    "partner": (no_parent_loop,),
    "partnership": (one_live_partnership,),
}


def check(kind: str, values: dict, record_id: int | None) -> list[FieldError]:
    """The rules across records for one record about to be saved (its cleaned values)."""
    return [error for rule in CHECKS.get(kind, ()) for error in rule(values, record_id)]


# --- many records, on import ----------------------------------------------------------------------------


def _import_parent_loops(rows) -> list[tuple[str, int, FieldError]]:
    p = m.Partner
    parent_of = dict(m.database.execute(p.select(p.id, p.parent).where(p.parent.is_null(False))))
    rows = [(line, rid, values) for line, rid, values in rows if rid is not None]
    for _, rid, values in rows:  # the parents as the import leaves them
        parent_of[rid] = values.get("parent")
    problems = []
    for line, rid, values in rows:
        chain = _loop(rid, values.get("parent"), parent_of.get)
        if chain:
            problems.append(("partner", line, _loop_error(chain)))
    return problems


def _import_live_twins(rows) -> list[tuple[str, int, FieldError]]:
    rows = list(rows)
    in_import = {rid for _, rid, _ in rows if rid is not None}
    p = m.Partnership
    stored = m.database.execute(p.select(p.id, p.partner, p.home_locality, p.tier).where(p.status != v.ENDED))
    # key -> the first record holding it: ("id", ID) for a stored one the import leaves alone, else ("row", line)
    first: dict[tuple, tuple[str, int, dict]] = {}
    for pid, partner, locality, tier in stored:
        if pid not in in_import:
            first.setdefault((partner, locality, tier), ("id", pid, {}))
    problems = []
    for line, _, values in sorted(rows, key=lambda r: r[0]):
        key = live_partnership_key(values)
        if key is None:
            continue
        holder = first.setdefault(key, ("row", line, values))
        if holder[:2] == ("row", line):
            continue
        error = (_twin_error(values, holder[1]) if holder[0] == "id"
                 else _twin_rows_error(values, holder[1], line))
        problems.append(("partnership", line, error))
    return problems


def check_import(rows: ImportRows) -> list[tuple[str, int, FieldError]]:
    """(kind, line, error) for each row of an import that breaks a rule across records. Partner rows
    without a record ID may be left out: the parent loops are looked for among records with one."""
    return _import_parent_loops(rows.get("partner", ())) + _import_live_twins(rows.get("partnership", ()))


# --- deleting a partner ---------------------------------------------------------------------------------


def agreements_in_force(kind: str, record_id: int) -> list[int]:
    """The IDs of the signed partnerships that deleting this record would delete with it.

    A partnership is a signed agreement in force when it has not ended and is active or dormant, or has
    a signing date whatever its status says. An ended one is history: it goes with its partner, and the
    delete's confirmation lists it.
    """
    if kind != "partner":
        return []
    p = m.Partnership
    signed = p.status.in_(v.SIGNED_STATUSES) | p.signed_on.is_null(False)
    query = p.select(p.id).where(p.partner == record_id, p.status != v.ENDED, signed).order_by(p.id)
    return [pid for (pid,) in query.tuples()]


def agreements_refusal(record_id: int, agreements: list[int], lang: str = "en") -> str:
    """Why a partner with signed agreements in force is not deleted, and what to do instead."""
    return render("The partner with ID {id} cannot be deleted: its signed partnerships (IDs {ids}) would be deleted with it. Set their status to “Ended” first, or delete on its own a partnership entered by mistake.",
                  {"id": record_id, "ids": ", ".join(str(i) for i in agreements)}, lang)
