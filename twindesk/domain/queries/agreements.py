"""A partnership's papers as the rest of TwinDesk reads them: its renewal date (the latest expiry of its
agreements, docs/architecture.md "Agreements and approvals") and its latest agreement's terms, for the
lists, the dashboard and the briefing packs."""

from collections.abc import Iterable

import peewee as pw
from peewee import fn

from twindesk.store import models as m


def renewal_on(partnership=None) -> pw.Node:
    """The partnership's next review or renewal: the furthest expiry among its agreements (a renewal
    carries the relation further; an amendment without a term leaves it), NULL without one. A
    correlated subquery over the agreement's (partnership) index; `partnership` is the Partnership
    model or an alias of it."""
    ps = partnership or m.Partnership
    a = m.Agreement.alias("renewal_agreement")
    furthest = a.select(fn.MAX(a.expires_on)).where(a.partnership == ps.id)
    # date(): an expression rows read back as a date (a bare subquery would come back as its text).
    return fn.date(furthest).python_value(m.Agreement.expires_on.python_value)


def latest_agreements(partnership_ids: Iterable[int]) -> dict[int, dict]:
    """partnership id -> its latest agreement (the last signed; the last entered among the undated),
    with the old partnership keys a brief shows: `agreement_title`, `signed_place`, `signatories`."""
    ids = list(dict.fromkeys(partnership_ids))
    if not ids:
        return {}
    a = m.Agreement
    rows = (a.select(a.id, a.partnership, a.kind, a.title, a.signed_on, a.signed_place, a.signatories_home,
                     a.signatories_partner, a.expires_on)
            .where(a.partnership.in_(ids))
            .order_by(a.partnership, a.signed_on.asc(nulls="FIRST"), a.id).dicts())
    latest: dict[int, dict] = {}
    for row in rows:
        latest[row["partnership"]] = row  # ordered: the last one wins
    for row in latest.values():
        row["agreement_title"] = row["title"]
        row["signatories"] = "\n".join(s for s in (row["signatories_home"], row["signatories_partner"]) if s)
    return latest


def brief_fields(partnership_ids: Iterable[int]) -> dict[int, dict]:
    """partnership id -> what a brief shows of its papers: the latest agreement's title, place and
    signatories, and the renewal date (`next_review_on`: the furthest expiry)."""
    ids = list(dict.fromkeys(partnership_ids))
    latest = latest_agreements(ids)
    a = m.Agreement
    furthest = dict(a.select(a.partnership, fn.MAX(a.expires_on)).where(a.partnership.in_(ids))
                    .group_by(a.partnership).tuples()) if ids else {}
    out = {}
    for pid in ids:
        row = latest.get(pid, {})
        out[pid] = {"agreement_title": row.get("agreement_title", ""), "signed_place": row.get("signed_place", ""),
                    "signatories": row.get("signatories", ""), "next_review_on": furthest.get(pid)}
    return out
