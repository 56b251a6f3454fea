"""What the data allows but a person should see before going on: warnings, never refusals.

A rule in a spec or in `rules.py` refuses a save. A warning does not: a trip may be confirmed while its
approval is still on its way, and the approval may be amended. `warnings(kind, values, context)` says
each thing worth a second look, in either language (`Message.text(lang)`); the form shows them under
its fields as they are typed (docs/architecture.md, "Agreements and approvals"). Pure: the caller
gives the context (`queries/approvals.py` reads it from the database, or from a form's parts).

For an outbound visit, against its latest approval (by date, then as entered):
- confirmed (or marked approved) without an approval on file;
- a delegation larger than approved;
- partners in countries the approval does not name;
- more days (end − start + 1) than approved;
- travel dates outside the approved window.
For an agreement: an expiry that is not its signing date plus its term.
"""

from dataclasses import dataclass, field
from datetime import date

from twindesk.domain.model import countries
from twindesk.domain.model import vocabulary as v
from twindesk.domain.model.messages import Both, add_chinese
from twindesk.domain.model.specs import add_years
from twindesk.store.messages import InLanguage, Message

# The statuses that say a trip will happen: it should have its approval (任务批件) by then.
NEEDS_APPROVAL = ("approved", "confirmed")


@dataclass(frozen=True)
class VisitContext:
    """What a visit's warnings compare it against: its approvals (as stored or typed, in the order
    entered), how many delegates it has, and the countries of its partners."""

    approvals: list[dict] = field(default_factory=list)
    delegates: int = 0
    countries: list[str] = field(default_factory=list)


def latest_approval(approvals: list[dict]) -> dict | None:
    """The approval that governs the trip: the latest dated; among the undated, the last entered."""
    if not approvals:
        return None
    order = sorted(enumerate(approvals), key=lambda pair: (pair[1].get("approved_on") or date.min, pair[0]))
    return order[-1][1]


def _approval_words(approval: dict) -> Both:
    number = (approval.get("document_number") or "").strip()
    return Both(f"approval {number}", f"批件（{number}）") if number else Both("the approval", "批件")


def _countries(codes: list[str]) -> InLanguage:
    def say(lang: str) -> str:
        return ("、" if lang.startswith("zh") else ", ").join(countries.country_name(c, lang) for c in codes)
    return InLanguage(say)


def _day(value: date | None) -> str:
    return value.isoformat() if value else "…"


def visit_warnings(values: dict, context: VisitContext) -> list[Message]:
    if values.get("direction") != "outbound":
        return []
    approval = latest_approval(context.approvals)
    status = values.get("status")
    if approval is None:
        if status in NEEDS_APPROVAL:
            term = v.VISIT_STATUSES.get(status)
            return [Message(NO_APPROVAL, {"status": Both(term.en, term.zh)})]
        return []
    said = _approval_words(approval)
    out = []
    allowed = approval.get("delegation_size")
    if allowed and context.delegates > allowed:
        out.append(Message(TOO_MANY, {"count": context.delegates, "approval": said, "allowed": allowed}))
    approved = (approval.get("countries") or "").split()
    outside = [c for c in dict.fromkeys(context.countries) if c and approved and c not in approved]
    if outside:
        out.append(Message(OUTSIDE_COUNTRIES, {"countries": _countries(outside), "approval": said,
                                               "approved": _countries(approved)}))
    start, end = values.get("start_on"), values.get("end_on") or values.get("start_on")
    days = (end - start).days + 1 if start and end and end >= start else None
    if days and approval.get("days") and days > approval["days"]:
        out.append(Message(TOO_LONG, {"days": days, "approval": said, "allowed": approval["days"]}))
    low, high = approval.get("window_from"), approval.get("window_to")
    if start and ((low and start < low) or (high and end > high)):
        out.append(Message(OUTSIDE_WINDOW, {"start": start, "end": end, "approval": said, "low": _day(low),
                                            "high": _day(high)}))
    return out


def agreement_warnings(values: dict, context=None) -> list[Message]:
    signed, term, expires = values.get("signed_on"), values.get("term_years"), values.get("expires_on")
    if signed and term and expires and expires != add_years(signed, term):
        return [Message(EXPIRY_NOT_TERM, {"expires": expires, "term": term, "computed": add_years(signed, term)})]
    return []


WARNINGS = {"visit": visit_warnings, "agreement": agreement_warnings}


def warnings(kind: str, values: dict, context=None) -> list[Message]:
    """What is worth a second look in a record of `kind` with these (cleaned) values."""
    check = WARNINGS.get(kind)
    return check(values, context if context is not None else VisitContext()) if check else []


NO_APPROVAL = "The visit is “{status}”, but no approval for the trip (任务批件) is on file."
TOO_MANY = "The delegation has {count} members; {approval} allows {allowed}."
OUTSIDE_COUNTRIES = "The visit goes to {countries}, which {approval} does not name (it approves {approved})."
TOO_LONG = "The visit lasts {days} days; {approval} allows {allowed}."
OUTSIDE_WINDOW = "The travel dates ({start} – {end}) fall outside the dates {approval} allows ({low} – {high})."
EXPIRY_NOT_TERM = "The expiry date ({expires}) is not the signing date plus the term of {term} years ({computed})."

add_chinese({
    NO_APPROVAL: "出访状态为“{status}”，但尚无出访任务批件。",
    TOO_MANY: "团组共 {count} 人，{approval}批准 {allowed} 人。",
    OUTSIDE_COUNTRIES: "出访{countries}，不在{approval}批准的国家（{approved}）之内。",
    TOO_LONG: "出访共 {days} 天，{approval}批准 {allowed} 天。",
    OUTSIDE_WINDOW: "出行日期（{start} 至 {end}）超出{approval}批准的时间（{low} 至 {high}）。",
    EXPIRY_NOT_TERM: "到期日期（{expires}）不是签署日期加 {term} 年有效期（{computed}）。",
    "Approval pending ({stage})": "待审批（{stage}）",
})
