"""Choosing a partner in a form by typing part of its name, as staff do with thousands of partners."""

from datetime import date

from PySide6.QtCore import Qt

from tests.gui.conftest import type_text
from twindesk.domain.operations import records
from twindesk.store import models as m
from twindesk.ui.records.forms import VisitPartnersPanel, dialog_for
from twindesk.ui.records.ref_picker import RefPicker


def _partners():
    hyogo = records.save("partner", {"name_zh": "兵库县", "name_en": "Hyogo Prefecture", "name_native": "兵庫県",
                                     "kind": "prefecture", "country": "JP"})
    jeju = records.save("partner", {"name_zh": "济州", "name_en": "Jeju", "name_native": "제주", "country": "KR"})
    twin = records.save("partner", {"name_zh": "济州", "name_en": "Jeju", "country": "KR"})
    return hyogo, jeju, twin


def _new_activity(qtbot):
    dialog = dialog_for("activity", None, user="Li Na")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    type_text(qtbot, dialog.editors["title"].widget, "Video call")
    dialog.editors["held_on"].set_value(date(2026, 3, 1))
    return dialog


def test_typing_a_name_in_any_script_offers_the_matches_and_enter_chooses(qtbot, gui_db):
    hyogo, _jeju, _twin = _partners()
    dialog = _new_activity(qtbot)
    picker = dialog.editors["partner"]
    assert isinstance(picker, RefPicker)
    picker.widget.setFocus()
    type_text(qtbot, picker.widget, "兵庫")  # the native script
    qtbot.waitUntil(lambda: picker.completer.popup().isVisible(), timeout=3000)
    assert picker.matches.stringList() == ["兵库县 / Hyogo Prefecture (JP)"]  # no ID where no name collides
    popup = picker.completer.popup()
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert picker.value() == hyogo
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert m.Activity.get().partner_id == hyogo


def test_same_names_stay_apart_by_id_and_country_codes_match(qtbot, gui_db):
    hyogo, jeju, twin = _partners()
    dialog = _new_activity(qtbot)
    picker = dialog.editors["partner"]
    picker.widget.setFocus()
    qtbot.keyClicks(picker.widget, "jeju")
    qtbot.waitUntil(lambda: len(picker.matches.stringList()) == 2, timeout=3000)
    assert picker.matches.stringList() == [f"济州 / Jeju (KR) · ID {jeju}", f"济州 / Jeju (KR) · ID {twin}"]
    assert picker.value() == "jeju"  # two match: not guessed; the domain will ask to pick one
    picker.widget.clear()
    qtbot.keyClicks(picker.widget, "jp")
    qtbot.waitUntil(lambda: len(picker.matches.stringList()) == 1, timeout=3000)
    assert picker.value() == hyogo  # precise enough to name one


def test_text_that_names_no_partner_is_reported_next_to_the_field(qtbot, gui_db):
    _partners()
    dialog = _new_activity(qtbot)
    picker = dialog.editors["partner"]
    qtbot.keyClicks(picker.widget, "Atlantis")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert m.Activity.select().count() == 0
    assert "Partner “Atlantis” matches no record" in dialog.error_labels["partner"].text()
    assert picker.widget.text() == "Atlantis"  # what was typed is kept


def test_an_existing_reference_shows_its_name_and_survives_an_unrelated_edit(qtbot, gui_db):
    hyogo, _jeju, _twin = _partners()
    activity = records.save("activity", {"partner": hyogo, "title": "Call", "held_on": date(2026, 1, 5),
                                         "kind": "call"})
    dialog = dialog_for("activity", activity, user="Li Na")
    qtbot.addWidget(dialog)
    assert dialog.editors["partner"].widget.text() == "兵库县 / Hyogo Prefecture (JP)"
    type_text(qtbot, dialog.editors["place"].widget, "Kobe")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    saved = m.Activity.get_by_id(activity)
    assert (saved.partner_id, saved.place) == (hyogo, "Kobe")


def test_a_visit_gets_its_partners_by_typing_and_add(qtbot, gui_db, no_blocking_message_boxes):
    hyogo, jeju, _twin = _partners()
    visit = records.save("visit", {"title": "Leadership visit"})
    dialog = dialog_for("visit", visit, user="Li Na")
    qtbot.addWidget(dialog)
    panel = dialog.findChild(VisitPartnersPanel)
    qtbot.keyClicks(panel.picker.widget, "hyogo")
    qtbot.mouseClick(panel.add_button, Qt.MouseButton.LeftButton)
    assert records.visit_partner_ids(visit) == [hyogo]
    assert panel.list.item(0).text() == "兵库县 / Hyogo Prefecture (JP)"
    assert panel.picker.widget.text() == ""  # ready for the next one
    qtbot.keyClicks(panel.picker.widget, "jeju")  # two partners are called Jeju: not guessed
    qtbot.mouseClick(panel.add_button, Qt.MouseButton.LeftButton)
    assert records.visit_partner_ids(visit) == [hyogo]
    assert no_blocking_message_boxes == ["Type part of the partner's name and pick it from the list."]


def test_an_existing_reference_costs_one_query_and_shows_its_id_only_among_namesakes(qtbot, gui_db):
    hyogo, jeju, twin = _partners()
    records.save("partner", {"name_zh": "济州", "name_en": "Jeju City", "country": "KR"})  # another label
    picker = RefPicker("partner")
    statements: list[str] = []
    m.database.connection().set_trace_callback(statements.append)
    try:
        picker.set_value(hyogo)
        shown_alone = picker.widget.text()
        one = len(statements)
        picker.set_value(twin)
    finally:
        m.database.connection().set_trace_callback(None)
    assert one == 1 and len(statements) == 2  # the name and its namesakes come in one query
    assert shown_alone == "兵库县 / Hyogo Prefecture (JP)"
    assert picker.widget.text() == f"济州 / Jeju (KR) · ID {twin}" and picker.value() == twin
    picker.set_value(9999)  # a record deleted since: its ID as it is
    assert picker.widget.text() == "9999"
