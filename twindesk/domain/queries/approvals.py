"""Approvals as the window and the dashboard read them: a visit's warnings against its approval (as
stored, or as a form holds it before the first Save), which stage a partnership's approval waits on,
and the dashboard's lists of approvals pending and trips lacking one (docs/architecture.md,
"Agreements and approvals")."""

from datetime import date

import peewee as pw
from peewee import fn

from twindesk.domain.model import vocabulary as v
from twindesk.domain.model import warnings as w
from twindesk.domain.model.errors import ValidationError
from twindesk.domain.model.messages import Both
from twindesk.domain.model.validation import validate
from twindesk.store import models as m
from twindesk.store.messages import Message, render

_APPROVAL_FIELDS = ("document_number", "approved_on", "delegation_size", "countries", "days", "window_from",
                    "window_to")


def visit_context(visit_id: int | None, *, approvals=None, delegates=None, partner_ids=None) -> w.VisitContext:
    """A visit's approvals, delegate count and partners' countries: from the database for a stored
    visit, each part replaced by what is given (a new visit's parts as typed)."""
    if approvals is None:
        a = m.VisitApproval
        approvals = [] if visit_id is None else list(
            a.select(*(getattr(a, f) for f in _APPROVAL_FIELDS)).where(a.visit == visit_id).order_by(a.id).dicts())
    if delegates is None:
        delegates = 0 if visit_id is None else m.Delegate.select().where(m.Delegate.visit == visit_id).count()
    if partner_ids is None:
        vp = m.VisitPartner
        partner_ids = [] if visit_id is None else [p for (p,) in vp.select(vp.partner).where(vp.visit == visit_id)
                                                   .order_by(vp.id).tuples()]
    found = dict(m.Partner.select(m.Partner.id, m.Partner.country).where(m.Partner.id.in_(list(partner_ids)))
                 .tuples()) if partner_ids else {}
    return w.VisitContext(list(approvals), delegates, [found[p] for p in partner_ids if p in found])


def warnings_for(kind: str, values: dict, context=None) -> list[Message]:
    """The warnings for a record as typed: its values cleaned as a save would; a value that cannot be
    read gives no warning (the form says what is wrong with it)."""
    try:
        cleaned = validate(kind, values)
    except ValidationError:
        try:
            cleaned = validate(kind, {k: x for k, x in values.items() if _reads(kind, k, x)}, partial=True)
        except ValidationError:
            return []
    return w.warnings(kind, cleaned, context)


def _reads(kind: str, name: str, value) -> bool:
    try:
        validate(kind, {name: value}, partial=True)
        return True
    except (ValidationError, KeyError):
        return False


# --- a partnership's approval stages ------------------------------------------------------------------

def waiting_stage(partnership_id: int | None = None, stages: list[dict] | None = None) -> str | None:
    """The stage a partnership's approval waits on: the first (local → provincial → national) with a
    pending row; else, when an earlier stage is approved, the next one not yet approved; None when
    nothing is recorded or all is decided."""
    if stages is None:
        pa = m.PartnershipApproval
        stages = [] if partnership_id is None else list(
            pa.select(pa.stage, pa.outcome).where(pa.partnership == partnership_id).dicts())
    if not stages:
        return None
    outcomes = {code: {s["outcome"] for s in stages if s["stage"] == code} for code in v.APPROVAL_STAGES.codes}
    for code in v.APPROVAL_STAGES.codes:
        if "pending" in outcomes[code]:
            return code
    for code in v.APPROVAL_STAGES.codes:
        if "approved" not in outcomes[code]:
            return code if any("approved" in outcomes[c] for c in v.APPROVAL_STAGES.codes) else None
    return None


PENDING_AT = "Approval pending ({stage})"


def status_text(status: str, stage: str | None, lang: str = "en") -> str:
    """A partnership's status as the form and the dashboard say it: "待审批（省级）" while approval waits
    on a stage, else the status's label."""
    if status == "approval_pending" and stage:
        term = v.APPROVAL_STAGES.get(stage)
        return render(PENDING_AT, {"stage": Both(term.en, term.zh)}, lang)
    return v.PARTNERSHIP_STATUSES.label(status, lang)


# --- the dashboard ------------------------------------------------------------------------------------

def pending_partnerships(limit: int) -> tuple[list[dict], int]:
    """Partnerships whose status is "approval pending", oldest status first, each with the stage it
    waits on; and how many there are."""
    ps, p, loc = m.Partnership, m.Partner, m.HomeLocality
    total = fn.COUNT(pw.SQL("*")).over().alias("_total")
    rows = list(ps.select(ps.id, ps.partner.alias("partner_id"), p.name_zh.alias("partner_zh"),
                          p.name_en.alias("partner_en"), loc.name_zh.alias("locality_zh"), ps.status_since, total)
                .join(p).switch(ps).join(loc).where(ps.status == "approval_pending")
                .order_by(ps.status_since.asc(nulls="LAST"), ps.id).limit(limit).dicts())
    count = rows[0]["_total"] if rows else 0
    if rows:
        pa = m.PartnershipApproval
        stages: dict[int, list[dict]] = {}
        for row in pa.select(pa.partnership, pa.stage, pa.outcome).where(
                pa.partnership.in_([r["id"] for r in rows])).dicts():
            stages.setdefault(row["partnership"], []).append(row)
        for row in rows:
            del row["_total"]
            row["stage"] = waiting_stage(stages=stages.get(row["id"], []))
    return rows, count


def trips_lacking_approval(today: date, limit: int) -> tuple[list[dict], int]:
    """Outbound visits approved or confirmed, not yet over, with no approval on file; soonest first."""
    vt, a = m.Visit, m.VisitApproval
    total = fn.COUNT(pw.SQL("*")).over().alias("_total")
    rows = list(vt.select(vt.id, vt.title, vt.status, vt.start_on, vt.end_on, total)
                .where(vt.direction == "outbound", vt.status.in_(w.NEEDS_APPROVAL),
                       fn.COALESCE(vt.end_on, vt.start_on, today.isoformat()) >= today.isoformat(),
                       ~fn.EXISTS(a.select(a.id).where(a.visit == vt.id)))
                .order_by(vt.start_on.asc(nulls="LAST"), vt.id).limit(limit).dicts())
    count = rows[0]["_total"] if rows else 0
    for row in rows:
        del row["_total"]
    return rows, count
