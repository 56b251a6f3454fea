"""Everything a visit brief or a partner brief shows, as plain rows (stored values: codes, dates).

Each piece is fetched the first time it is asked for, so a pack with fewer sections asks fewer
questions. An unknown id raises NotFound, one SQLite cannot hold IdOutOfRange (UserErrors), at once. "History" means what happened before
the visit starts (before today for a visit with no date yet), newest first.
"""

from datetime import date
from functools import cached_property

from twindesk.domain.model.ids import checked_id
from twindesk.domain.model.warnings import latest_approval
from twindesk.domain.operations import records
from twindesk.domain.queries import brief_queries as q
from twindesk.domain.queries import documents as document_rows
from twindesk.domain.queries import history
from twindesk.domain.queries.details import children, partner_timeline
from twindesk.domain.queries.insights import Anniversary
from twindesk.store import models as m

YEARS_AHEAD = 10  # a partner brief looks this far ahead for anniversaries


def _locality(locality_id: int | None) -> dict:
    loc = m.HomeLocality.get_or_none(m.HomeLocality.id == locality_id) if locality_id else None
    return {"locality_zh": loc.name_zh if loc else "", "locality_en": loc.name_en if loc else ""}


def partner_profile(partner_id: int) -> dict:
    """The partner's fields (by name), its parent region's names and its partnerships with their status
    history (`partnerships`, see `brief_queries.partnerships_of`)."""
    row = records.get("partner", checked_id(partner_id))
    parent = q.partner_names([row["parent"]]).get(row["parent"], {}) if row["parent"] else {}
    row.update({f"parent_{k.removeprefix('name_')}": v for k, v in parent.items() if k.startswith("name_")})
    row["partnerships"] = q.partnerships_of(partner_id)
    return row


class VisitBriefContent:
    def __init__(self, visit_id: int, today: date | None = None):
        self.visit = records.get("visit", checked_id(visit_id))
        self.visit.update(_locality(self.visit["home_locality"]))
        self.visit_id = visit_id
        self.today = today or date.today()
        self.partner_ids = records.visit_partner_ids(visit_id)

    @property
    def reference_date(self) -> date:
        return self.visit["start_on"] or self.today

    @cached_property
    def partner_names(self) -> dict[int, dict]:
        return q.partner_names(self.partner_ids)

    @cached_property
    def partners(self) -> list[dict]:
        return [partner_profile(pid) for pid in self.partner_ids]

    @cached_property
    def documents(self) -> list[tuple[None, document_rows.DocumentRow]]:
        """The visit's own papers on file (the approval, letters …); no content read."""
        return [(None, d) for d in document_rows.documents_of("visit", self.visit_id)]

    @cached_property
    def delegates(self) -> list[dict]:
        """In precedence order (1 = head of delegation)."""
        return children("delegate", self.visit_id)

    @cached_property
    def itinerary(self) -> list[dict]:
        return children("itinerary_item", self.visit_id)

    @cached_property
    def gifts(self) -> list[dict]:
        return children("gift", self.visit_id)

    @cached_property
    def approval(self) -> dict | None:
        """The approval that governs the trip (the latest; docs/architecture.md, "Agreements and
        approvals"), None without one."""
        return latest_approval(children("visit_approval", self.visit_id))

    @cached_property
    def earlier_gifts(self) -> list[dict]:
        rows = q.gifts_exchanged(self.partner_ids, exclude_visit=self.visit_id)
        return [g for g in rows if g["visit_start"] is not None and g["visit_start"] < self.reference_date]

    @cached_property
    def past_visits(self) -> list[dict]:
        return q.visits_of(self.partner_ids, before=self.reference_date, exclude=self.visit_id)

    @cached_property
    def aid(self) -> list[dict]:
        return q.shipments_of(self.partner_ids, before=self.reference_date)

    @cached_property
    def activities(self) -> list[dict]:
        return q.activities_of(self.partner_ids, before=self.reference_date)

    @cached_property
    def contacts(self) -> list[dict]:
        return q.contacts_of(self.partner_ids)

    @cached_property
    def anniversaries(self) -> list[Anniversary]:
        """The partnerships' round anniversaries in the year of the visit: talking points."""
        year = self.reference_date.year
        out = []
        for profile in self.partners:
            out += q.anniversaries_ahead(profile["partnerships"], year, year, profile)
        return out


class PartnerBriefContent:
    def __init__(self, partner_id: int, today: date | None = None):
        self.partner_id = partner_id
        self.today = today or date.today()
        self.profile = partner_profile(partner_id)

    @property
    def partnerships(self) -> list[dict]:
        return self.profile["partnerships"]

    @cached_property
    def anniversaries(self) -> list[Anniversary]:
        year = self.today.year
        return q.anniversaries_ahead(self.partnerships, year, year + YEARS_AHEAD, self.profile)

    @cached_property
    def renewals(self) -> list[dict]:
        """Partnerships not ended with a next review or renewal date, soonest first (`overdue` if past)."""
        rows = [dict(r, overdue=r["next_review_on"] < self.today) for r in self.partnerships
                if r["next_review_on"] is not None and r["status"] != "ended"]
        return sorted(rows, key=lambda r: (r["next_review_on"], r["id"]))

    @cached_property
    def timeline(self) -> list[dict]:
        """Visits, shipments and activities, newest first (see `details.partner_timeline`)."""
        return partner_timeline(self.partner_id)

    @cached_property
    def aid_totals(self) -> list[dict]:
        return q.aid_by_year(self.partner_id)

    @cached_property
    def contacts(self) -> list[dict]:
        return q.contacts_of([self.partner_id])

    shows_photos = True  # the partner pack prints the photos on file under their list

    @cached_property
    def documents(self) -> list[tuple[dict | None, document_rows.DocumentRow]]:
        """The papers on file: the partner's own (None), then each partnership's (its row); no content read."""
        own = [(None, d) for d in document_rows.documents_of("partner", self.partner_id)]
        return own + [(r, d) for r in self.partnerships for d in document_rows.documents_of("partnership", r["id"])]

    def changes(self, lang: str) -> history.RecordHistory:
        """Who changed the partner, its partnerships and contacts, and when: newest first, worded in `lang`."""
        return history.record_history("partner", self.partner_id, lang)

    @cached_property
    def planned_visits(self) -> list[dict]:
        """Visits not yet completed or cancelled, soonest first (undated last)."""
        rows = q.visits_of([self.partner_id], statuses=q.OPEN_VISIT_STATUSES)
        return sorted(rows, key=lambda r: (r["start_on"] is None, r["start_on"] or date.max, r["id"]))
