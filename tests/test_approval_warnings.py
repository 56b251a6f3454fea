"""Approvals: each warning a visit's form shows against its approval, in both languages; the stage a
partnership's approval waits on; the dashboard's approvals pending and trips lacking one."""

from datetime import date

import pytest

from twindesk.domain.model import warnings as w
from twindesk.domain.queries import approvals as aq

TRIP = {"direction": "outbound", "status": "confirmed", "start_on": date(2027, 3, 10), "end_on": date(2027, 3, 14)}
APPROVAL = {"document_number": "琼外审〔2027〕12号", "approved_on": date(2027, 2, 1), "delegation_size": 3,
            "countries": "KR JP", "days": 5, "window_from": date(2027, 3, 1), "window_to": date(2027, 3, 31)}


def said(values, **context):
    found = w.warnings("visit", {**TRIP, **values}, w.VisitContext(**{"approvals": [APPROVAL], "delegates": 3,
                                                                       "countries": ["KR"], **context}))
    return [(m.text("en"), m.text("zh_CN")) for m in found]


def test_a_trip_within_its_approval_warns_of_nothing():
    assert said({}) == []
    assert said({"direction": "inbound"}, approvals=[]) == []  # an inbound visit needs no 任务批件
    assert said({"status": "proposed"}, approvals=[]) == []  # not yet: nothing to warn of


@pytest.mark.parametrize("values, context, en, zh", [
    ({}, {"approvals": []},
     "The visit is “Confirmed”, but no approval for the trip (任务批件) is on file.",
     "出访状态为“已确认”，但尚无出访任务批件。"),
    ({"status": "approved"}, {"approvals": []},
     "The visit is “Approved”, but no approval for the trip (任务批件) is on file.",
     "出访状态为“已批准”，但尚无出访任务批件。"),
    ({}, {"delegates": 4},
     "The delegation has 4 members; approval 琼外审〔2027〕12号 allows 3.",
     "团组共 4 人，批件（琼外审〔2027〕12号）批准 3 人。"),
    ({}, {"countries": ["KR", "RU", "RU"]},
     "The visit goes to Russian Federation, which approval 琼外审〔2027〕12号 does not name (it approves "
     "South Korea, Japan).",
     "出访俄罗斯，不在批件（琼外审〔2027〕12号）批准的国家（大韩民国、日本）之内。"),
    ({"end_on": date(2027, 3, 15)}, {},
     "The visit lasts 6 days; approval 琼外审〔2027〕12号 allows 5.",
     "出访共 6 天，批件（琼外审〔2027〕12号）批准 5 天。"),
    ({"start_on": date(2027, 2, 27), "end_on": date(2027, 3, 2)}, {},
     "The travel dates (2027-02-27 – 2027-03-02) fall outside the dates approval 琼外审〔2027〕12号 allows "
     "(2027-03-01 – 2027-03-31).",
     "出行日期（2027-02-27 至 2027-03-02）超出批件（琼外审〔2027〕12号）批准的时间（2027-03-01 至 2027-03-31）。"),
    ({"start_on": date(2027, 3, 29), "end_on": date(2027, 4, 1)}, {},
     "The travel dates (2027-03-29 – 2027-04-01) fall outside the dates approval 琼外审〔2027〕12号 allows "
     "(2027-03-01 – 2027-03-31).",
     "出行日期（2027-03-29 至 2027-04-01）超出批件（琼外审〔2027〕12号）批准的时间（2027-03-01 至 2027-03-31）。"),
])
def test_each_warning_with_its_message_in_both_languages(values, context, en, zh):
    assert said(values, **context) == [(en, zh)]


def test_the_latest_approval_governs_and_an_unnumbered_one_is_the_approval():
    amended = {**APPROVAL, "document_number": "", "approved_on": date(2027, 2, 20), "delegation_size": 5}
    assert said({}, approvals=[amended, APPROVAL], delegates=4) == []  # the amendment allows 5
    assert said({}, approvals=[amended], delegates=6) == [
        ("The delegation has 6 members; the approval allows 5.", "团组共 6 人，批件批准 5 人。")]


def test_an_agreement_whose_expiry_is_not_its_term_is_said():
    values = {"signed_on": date(2020, 2, 29), "term_years": 5, "expires_on": date(2025, 3, 1)}
    (message,) = w.warnings("agreement", values)
    assert message.text("en") == ("The expiry date (2025-03-01) is not the signing date plus the term of 5 years "
                                  "(2025-02-28).")
    assert message.text("zh_CN") == "到期日期（2025-03-01）不是签署日期加 5 年有效期（2025-02-28）。"
    assert w.warnings("agreement", {**values, "expires_on": date(2025, 2, 28)}) == []


def test_a_stored_visit_is_warned_from_its_records(make):
    seoul, tokyo = make.partner(name_en="Seoul", country="KR"), make.partner(name_en="Moscow", country="RU")
    visit = make.visit((seoul, tokyo), title="Trip", direction="outbound", status="confirmed",
                       start_on="2027-03-10", end_on="2027-03-14")
    values = {"direction": "outbound", "status": "confirmed", "title": "Trip", "start_on": "2027-03-10",
              "end_on": "2027-03-14"}
    assert [m.template for m in aq.warnings_for("visit", values, aq.visit_context(visit))] == [w.NO_APPROVAL]
    make.visit_approval(visit, countries="KR", delegation_size=1, days=5)
    make.delegate(visit)
    make.delegate(visit, name="Li")
    found = aq.warnings_for("visit", values, aq.visit_context(visit))
    assert [m.template for m in found] == [w.TOO_MANY, w.OUTSIDE_COUNTRIES]
    # As typed in the form: a date not yet readable gives no warning, the others still do.
    typed = aq.warnings_for("visit", {**values, "end_on": "2027-03-3x"}, aq.visit_context(visit, delegates=0))
    assert [m.template for m in typed] == [w.OUTSIDE_COUNTRIES]
    # A visit not yet saved, with its parts as typed.
    pending = aq.visit_context(None, approvals=[], delegates=2, partner_ids=[seoul])
    assert [m.template for m in aq.warnings_for("visit", values, pending)] == [w.NO_APPROVAL]


def test_the_stage_an_approval_waits_on(make):
    assert aq.waiting_stage(stages=[]) is None
    assert aq.waiting_stage(stages=[{"stage": "local", "outcome": "approved"}]) == "provincial"
    assert aq.waiting_stage(stages=[{"stage": "local", "outcome": "approved"},
                                    {"stage": "provincial", "outcome": "pending"}]) == "provincial"
    assert aq.waiting_stage(stages=[{"stage": "national", "outcome": "pending"},
                                    {"stage": "local", "outcome": "pending"}]) == "local"
    assert aq.waiting_stage(stages=[{"stage": s, "outcome": "approved"}
                                    for s in ("local", "provincial", "national")]) is None
    ps = make.partnership(make.partner(), status="approval_pending", status_since="2026-05-01")
    make_stage = lambda **v: __import__("twindesk.domain.operations.records", fromlist=["save"]).save(  # noqa: E731
        "partnership_approval", {"partnership": ps, **v})
    make_stage(stage="local", outcome="approved", decided_on="2026-06-01", document_number="三府函〔2026〕8号")
    make_stage(stage="provincial")
    assert aq.waiting_stage(ps) == "provincial"
    assert aq.status_text("approval_pending", "provincial", "zh_CN") == "待审批（省级）"
    assert aq.status_text("approval_pending", "provincial") == "Approval pending (Provincial)"
    assert aq.status_text("active", None, "zh_CN") == "已签署/存续"
    rows, total = aq.pending_partnerships(10)
    assert total == 1 and [(r["id"], r["stage"]) for r in rows] == [(ps, "provincial")]


def test_an_approved_or_refused_stage_needs_its_date(make):
    from twindesk.domain.model.errors import ValidationError
    from twindesk.domain.operations import records

    ps = make.partnership(make.partner())
    with pytest.raises(ValidationError) as caught:
        records.save("partnership_approval", {"partnership": ps, "stage": "national", "outcome": "approved"})
    assert "状态为“已批准”时，审批日期为必填项。" in caught.value.text("zh_CN")


def test_trips_lacking_an_approval(make):
    today = date(2027, 1, 1)
    lacking = make.visit(title="No paper", direction="outbound", status="confirmed", start_on="2027-02-01")
    covered = make.visit(title="Paper", direction="outbound", status="approved", start_on="2027-02-02")
    make.visit_approval(covered)
    make.visit(title="Inbound", direction="inbound", status="confirmed", start_on="2027-02-03")
    make.visit(title="Over", direction="outbound", status="confirmed", start_on="2026-02-03", end_on="2026-02-05")
    make.visit(title="Idea", direction="outbound", status="proposed", start_on="2027-02-04")
    rows, total = aq.trips_lacking_approval(today, 10)
    assert total == 1 and [r["id"] for r in rows] == [lacking]


def test_the_dashboard_reads_both_lists(make):
    from twindesk.domain.queries import overview

    ps = make.partnership(make.partner(), status="approval_pending", status_since="2026-05-01")
    trip = make.visit(title="No paper", direction="outbound", status="confirmed", start_on="2027-02-01")
    data = overview.load_overview(date(2027, 1, 1), quiet_after_days=365)
    assert (data.approvals_pending.total, data.approvals_pending.rows[0]["id"]) == (1, ps)
    assert data.approvals_pending.rows[0]["stage"] is None  # no stage recorded: no stage to name
    assert (data.trips_lacking_approval.total, data.trips_lacking_approval.rows[0]["id"]) == (1, trip)
    assert {"partnership_approval", "visit_approval", "agreement"} <= overview.KINDS_READ
