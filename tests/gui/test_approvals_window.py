"""The papers in the window: a visit's Approval tab and the warnings under its fields, a partnership's
Agreements and Approvals tabs and the stage its pending approval waits on; saved records and new ones
(whose tabs hold the rows until the first Save). Typed with key events and clicked."""

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from tests.gui.test_record_with_parts import _add_row, _type_into
from twindesk.domain.operations import records
from twindesk.store import models as m
from twindesk.ui.records.forms import dialog_for

CTRL = Qt.KeyboardModifier.ControlModifier


def _tab(dialog, kind: str):
    panel = dialog.panel(kind)
    index = dialog.tabs.indexOf(panel)
    assert dialog.tabs.isTabEnabled(index), kind
    bar = dialog.tabs.tabBar()
    QTest.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())
    return panel


def _strip(dialog) -> str:
    strip = dialog.findChild(type(dialog.general_error), "warnings")
    return strip.text() if strip.isVisible() else ""


def _open(qtbot, window, kind, record_id=None):
    dialog = dialog_for(kind, record_id, lang="en", user="Li Na", parent=window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def _trip() -> int:
    seoul = records.save("partner", {"name_en": "Seoul", "country": "KR"})
    visit = records.save("visit", {"title": "Seoul trip", "direction": "outbound", "status": "confirmed",
                                   "start_on": date(2027, 3, 10), "end_on": date(2027, 3, 13)})
    records.set_visit_partners(visit, [seoul])
    for name in ("Wang", "Li"):
        records.save("delegate", {"visit": visit, "name": name})
    return visit


def test_a_saved_visit_warns_until_its_approval_covers_it(qtbot, window):
    visit = _trip()
    dialog = _open(qtbot, window, "visit", visit)
    assert _strip(dialog) == "⚠ The visit is “Confirmed”, but no approval for the trip (任务批件) is on file."
    approval = _tab(dialog, "visit_approval")
    seen = _add_row(qtbot, approval, {"authority": "Foreign Affairs Office", "document_number": "QW-12",
                                      "delegation_size": "1", "countries": "KR JP", "days": "3"})
    assert not seen["still_open"], seen
    qtbot.waitUntil(lambda: "allows 1" in _strip(dialog))
    assert _strip(dialog).splitlines() == ["⚠ The delegation has 2 members; approval QW-12 allows 1.",
                                           "⚠ The visit lasts 4 days; approval QW-12 allows 3."]
    stored = m.VisitApproval.get(m.VisitApproval.visit == visit)
    assert (stored.document_number, stored.countries, stored.days) == ("QW-12", "KR JP", 3)
    # Shortening the trip on the Details tab takes its warning away as it is typed.
    dialog.tabs.setCurrentIndex(0)
    _type_into(qtbot, dialog, "end_on", "2027-03-12")
    qtbot.waitUntil(lambda: "lasts" not in _strip(dialog))
    assert _strip(dialog) == "⚠ The delegation has 2 members; approval QW-12 allows 1."


def test_a_new_visit_is_warned_from_the_approval_typed_in_its_tab_and_saved_with_it(qtbot, window):
    records.save("partner", {"name_en": "Seoul", "country": "KR"})
    dialog = _open(qtbot, window, "visit")
    _type_into(qtbot, dialog, "title", "New trip")
    status = dialog.editors["status"].focus_widget()
    status.setFocus()
    qtbot.keyClicks(status, "Confirmed")
    _type_into(qtbot, dialog, "start_on", "2027-05-01")
    _type_into(qtbot, dialog, "end_on", "2027-05-06")
    qtbot.waitUntil(lambda: "no approval" in _strip(dialog))
    approval = _tab(dialog, "visit_approval")
    assert not _add_row(qtbot, approval, {"authority": "FAO", "document_number": "QW-13", "days": "5",
                                          "window_from": "2027-05-01", "window_to": "2027-05-05"})["still_open"]
    qtbot.waitUntil(lambda: "lasts 6 days" in _strip(dialog))
    assert "fall outside the dates approval QW-13 allows (2027-05-01 – 2027-05-05)" in _strip(dialog)
    assert m.VisitApproval.select().count() == 0  # kept in the tab until the visit's Save
    qtbot.keyClick(dialog.panel("visit_approval").view, Qt.Key.Key_S, CTRL)
    visit = m.Visit.get(m.Visit.title == "New trip")
    assert [(a.visit_id, a.document_number) for a in m.VisitApproval.select()] == [(visit.id, "QW-13")]
    assert "lasts 6 days" in _strip(dialog)  # read from the database now


def test_a_partnership_shows_its_agreements_and_the_stage_its_approval_waits_on(qtbot, window):
    locality = records.save("home_locality", {"name_zh": "海南省", "kind": "province"})
    partner = records.save("partner", {"name_en": "Jeju", "country": "KR"})
    ps = records.save("partnership", {"partner": partner, "home_locality": locality, "status": "approval_pending"})
    dialog = _open(qtbot, window, "partnership", ps)
    stage = dialog.findChild(type(dialog.general_error), "approval_stage")
    assert stage.isHidden()  # nothing recorded: no stage to name
    approvals = _tab(dialog, "partnership_approval")
    assert not _add_row(qtbot, approvals, {"authority": "Sanya", "document_number": "SF-8",
                                           "decided_on": "2026-06-01", "outcome": "Approved"})["still_open"]
    qtbot.waitUntil(lambda: stage.isVisible())
    assert stage.text() == "Approval pending (Provincial)"
    agreements = _tab(dialog, "agreement")
    assert not _add_row(qtbot, agreements, {"title": "Friendship agreement", "signed_on": "2026-09-01",
                                            "term_years": "5"})["still_open"]
    (agreement,) = m.Agreement.select().where(m.Agreement.partnership == ps)
    assert (agreement.title, agreement.expires_on) == ("Friendship agreement", date(2031, 9, 1))
    assert [a.outcome for a in m.PartnershipApproval.select()] == ["approved"]


def test_an_agreement_form_warns_when_its_expiry_is_not_its_term(qtbot, window):
    locality = records.save("home_locality", {"name_zh": "海南省", "kind": "province"})
    ps = records.save("partnership", {"partner": records.save("partner", {"name_en": "Jeju", "country": "KR"}),
                                      "home_locality": locality})
    agreement = records.save("agreement", {"partnership": ps, "signed_on": date(2020, 1, 1), "term_years": 5})
    dialog = _open(qtbot, window, "agreement", agreement)
    assert _strip(dialog) == ""
    _type_into(qtbot, dialog, "term_years", "0")  # 50 years: "5" then "0"
    qtbot.waitUntil(lambda: "term of 50 years" in _strip(dialog))




def test_the_partners_partnerships_tab_says_the_stage_in_its_status(qtbot, window):
    locality = records.save("home_locality", {"name_zh": "海南省", "kind": "province"})
    partner = records.save("partner", {"name_en": "Jeju", "country": "KR"})
    ps = records.save("partnership", {"partner": partner, "home_locality": locality, "status": "approval_pending"})
    records.save("partnership_approval", {"partnership": ps, "stage": "national"})
    dialog = dialog_for("partner", partner, lang="zh_CN", user="李娜", parent=window)
    qtbot.addWidget(dialog)
    panel = _tab(dialog, "partnership")
    col = next(i for i, c in enumerate(panel.model.columns()) if c.key == "status")
    assert panel.model.index(0, col).data() == "待审批（国家级）"
