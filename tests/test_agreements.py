"""Agreements as records of a partnership: the expiry from the term, the renewals due from the
agreements (never a date stored on the partnership), a new partnership saved with its papers."""

from datetime import date

import pytest

from twindesk.domain.model.errors import ValidationError
from twindesk.domain.operations import records, undo
from twindesk.domain.operations.records_with_parts import save_with_parts
from twindesk.domain.queries import brief_queries, insights, overview
from twindesk.store import models as m


def test_the_expiry_is_the_signing_date_plus_the_term_unless_given(make):
    ps = make.partnership(make.partner())
    leap = make.agreement(ps, signed_on="2020-02-29", term_years=5)
    assert records.get("agreement", leap)["expires_on"] == date(2025, 2, 28)
    early = make.agreement(ps, kind="amendment", signed_on="2021-01-01", term_years=5, expires_on="2023-06-30")
    assert records.get("agreement", early)["expires_on"] == date(2023, 6, 30)  # given: kept
    undated = make.agreement(ps, term_years=5)
    assert records.get("agreement", undated)["expires_on"] is None  # nothing to count from
    with pytest.raises(ValidationError) as caught:
        make.agreement(ps, signed_on="2020-01-01", expires_on="2019-01-01")
    assert caught.value.text("zh_CN") == "到期日期（2019-01-01）早于签署日期（2020-01-01）。"


def test_renewals_due_come_from_the_agreements(make):
    jeju = make.partnership(make.partner(name_en="Jeju"), status="active", established_year=1995)
    make.agreement(jeju, signed_on="2016-03-01", term_years=5)  # expired 2021, then renewed:
    renewal = make.agreement(jeju, kind="renewal", signed_on="2021-03-01", term_years=5)
    make.agreement(jeju, kind="amendment", signed_on="2022-01-01")  # no term: does not move the renewal
    kobe = make.partnership(make.partner(name_en="Kobe", country="JP"), status="active", established_year=2000)
    make.partnership(make.partner(name_en="None", country="JP"), status="active", established_year=2001)
    due = insights.renewals_due(date(2026, 1, 1), date(2026, 12, 31))
    assert [(r["id"], r["next_review_on"]) for r in due] == [(jeju, date(2026, 3, 1))]
    assert [r["id"] for r in overview.reviews(date(2026, 1, 1), date(2026, 12, 31)).rows] == [jeju]
    assert kobe not in [r["id"] for r in due]  # no agreement, no renewal date
    # A new renewal carries the relation on; the dashboard follows at once.
    records.save("agreement", {"expires_on": "2031-03-01"}, renewal)
    assert insights.renewals_due(date(2026, 1, 1), date(2026, 12, 31)) == []
    (row,) = [r for r in brief_queries.partnerships_of(m.Partnership.get_by_id(jeju).partner_id)]
    assert row["next_review_on"] == date(2031, 3, 1) and row["agreement_title"] == "Agreement"


def test_a_new_partnership_is_saved_with_its_agreements_and_approvals_in_one_step(make):
    partner, locality = make.partner(), make.default_locality()
    undo.history.reset()
    ps = save_with_parts("partnership", {"partner": partner, "home_locality": locality, "status": "approval_pending"},
                         {"agreement": [{"kind": "intent", "title": "意向书", "signed_on": "2026-05-01",
                                         "term_years": 3}],
                          "partnership_approval": [{"stage": "local", "outcome": "approved", "decided_on": "2026-04-01"},
                                                   {"stage": "provincial"}]})
    (agreement,) = m.Agreement.select().where(m.Agreement.partnership == ps)
    assert (agreement.kind, agreement.expires_on) == ("intent", date(2029, 5, 1))
    assert [a.stage for a in m.PartnershipApproval.select().order_by(m.PartnershipApproval.id)] == ["local", "provincial"]
    undo.history.undo()  # one step takes the whole back
    assert not m.Partnership.select().where(m.Partnership.id == ps).exists()
    assert m.Agreement.select().count() == m.PartnershipApproval.select().count() == 0


def test_deleting_a_partnership_says_its_agreements_and_their_documents_go_with_it(make):
    from twindesk.domain.operations import documents

    ps = make.partnership(make.partner())
    agreement = make.agreement(ps)
    documents.attach("agreement", agreement, [("scan.pdf", b"%PDF-1.4 scan")])
    impact = records.delete_impact("partnership", ps)
    assert impact.removed == {"status_change": 1, "agreement": 1, "document": 1}
    assert records.describe_counts({"agreement": 2, "document": 1}, "zh_CN") == "2 份协议、1 份文件"
