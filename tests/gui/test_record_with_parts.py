"""A new record typed with its parts before its first Save, and saved once as one operation (issue 12,
item 7): a visit with partners, delegates, itinerary and gifts; a partner with partnerships and contacts;
a shipment with its items. Typed with key events and clicked, then checked in the database and on screen."""

from datetime import date

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt
from PySide6.QtGui import QDropEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialogButtonBox

from tests.conftest import table_counts
from tests.gui.conftest import answer_modal, type_text
from twindesk.domain.operations import records, undo
from twindesk.store import models as m
from twindesk.ui.records.forms import dialog_for

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def _click(qtbot, button) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def _type_into(qtbot, form, name: str, text: str) -> None:
    """Click into the field, type, and leave it with Tab (a date is read when it is left)."""
    widget = form.editors[name].focus_widget()
    widget.setFocus(Qt.FocusReason.MouseFocusReason)
    type_text(qtbot, widget, text)
    qtbot.keyClick(widget, Qt.Key.Key_Tab)


TAB_OF = {"Partners": "visit_partner", "Delegation": "delegate", "Itinerary": "itinerary_item", "Gifts": "gift",
          "Items": "shipment_item", "Partnerships": "partnership", "Contacts": "contact"}


def _tab(dialog, title: str):
    """Click the tab (found by its panel: the titles follow the window's language)."""
    panel = dialog.panel(TAB_OF[title])
    index = dialog.tabs.indexOf(panel)
    assert dialog.tabs.isTabEnabled(index), title
    bar = dialog.tabs.tabBar()
    QTest.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())
    assert dialog.tabs.currentWidget() is panel
    return panel


def _add_row(qtbot, panel, typing: dict[str, str], *, button=None, look=None) -> dict:
    """Add… (or Edit…) on the panel, type the row into its form, Ctrl+S; what the form showed."""
    seen = {}

    def fill(form):
        seen["title"] = form.windowTitle()
        if look:
            look(form, seen)
        for name, text in typing.items():
            _type_into(qtbot, form, name, text)
        qtbot.keyClick(form.editors[next(iter(typing))].focus_widget(), Qt.Key.Key_S, CTRL)
        seen["still_open"] = form.isVisible()
        seen["errors"] = {n: lab.text() for n, lab in form.error_labels.items() if not lab.isHidden()}
        if form.isVisible():  # refused: leave it so the test can say why
            form._dirty = False
            form.done(0)

    errors = answer_modal(fill)
    _click(qtbot, button or panel.add_button)
    assert not errors, errors
    return seen


def _shown_rows(panel, field: str) -> list[str]:
    col = next(i for i, c in enumerate(panel.model.columns()) if c.key == field)
    return [panel.model.index(r, col).data() for r in range(panel.model.rowCount())]


def _jeju() -> int:
    return records.save("partner", {"name_zh": "济州", "name_en": "Jeju", "country": "KR"})


def _type_visit(qtbot, dialog, partner_text: str = "jeju", days=("2027-03-15", "2027-03-16")) -> dict:
    """A new outbound visit with a partner, three delegates, a two-day itinerary and a gift, all typed."""
    seen = {}
    _type_into(qtbot, dialog, "title", "Leadership visit to Jeju")
    _type_into(qtbot, dialog, "start_on", "2027-03-15")
    _type_into(qtbot, dialog, "end_on", "2027-03-18")
    partners = _tab(dialog, "Partners")
    qtbot.keyClicks(partners.picker.widget, partner_text)
    _click(qtbot, partners.add_button)
    delegates = _tab(dialog, "Delegation")
    for name in ("Wang Wei", "Li Na", "Zhao Lei"):
        assert not _add_row(qtbot, delegates, {"name": name})["still_open"]
    itinerary = _tab(dialog, "Itinerary")

    def calendar(form, seen):  # the day's calendar opens inside the visit typed so far
        seen["calendar_start"] = form.editors["day"].calendar_start()

    for day, activity in zip(days, ("Talks", "Site visit"), strict=True):
        seen.setdefault("days", []).append(_add_row(qtbot, itinerary, {"day": day, "activity": activity},
                                                    look=calendar))
    gifts = _tab(dialog, "Gifts")
    assert not _add_row(qtbot, gifts, {"description": "Tea set", "value": "300"})["still_open"]
    seen["partners"] = [partners.list.item(i).text() for i in range(partners.list.count())]
    seen["delegates"] = _shown_rows(delegates, "name")
    seen["precedence"] = _shown_rows(delegates, "precedence")
    return seen


def test_a_new_visit_typed_with_everything_is_saved_once_and_undone_as_one(qtbot, window):
    jeju = _jeju()
    undo.history.reset()
    window.undo_actions.update()
    window.nav.setCurrentRow(2)
    page = window.current_list_page()
    ops = m.HistoryOperation.select().count()
    seen = {}

    def fill(dialog):
        seen.update(_type_visit(qtbot, dialog))
        seen["written_before_save"] = m.Visit.select().count() + m.Delegate.select().count()
        seen["dirty"] = dialog.save_button.isEnabled()
        qtbot.keyClick(dialog.panel("gift").view, Qt.Key.Key_S, CTRL)  # where the focus came back to
        seen["title"] = dialog.windowTitle()
        seen["record_id"] = dialog.record_id
        delegates = dialog.panel("delegate")
        seen["live"] = (delegates.parent_id, sorted(delegates.model.ids()))
        seen["shown_after"] = _shown_rows(delegates, "name")
        seen["error"] = dialog.general_error.isVisible()
        _click(qtbot, dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel))

    errors = answer_modal(fill)
    window.new_action.trigger()
    assert not errors, errors
    assert seen["written_before_save"] == 0 and seen["dirty"]
    assert seen["partners"] == ["济州 / Jeju (KR)"]
    assert seen["delegates"] == ["Wang Wei", "Li Na", "Zhao Lei"] and seen["precedence"] == ["1", "2", "3"]
    assert [d["calendar_start"] for d in seen["days"]] == [date(2027, 3, 15)] * 2
    assert all(not d["still_open"] for d in seen["days"])
    assert not seen["error"]
    visit = m.Visit.get()
    assert seen["record_id"] == visit.id and seen["title"] == "Visit — Leadership visit to Jeju"
    assert (visit.direction, visit.start_on, visit.end_on) == ("outbound", date(2027, 3, 15), date(2027, 3, 18))
    assert seen["live"][0] == visit.id and all(i > 0 for i in seen["live"][1])
    assert seen["shown_after"] == ["Wang Wei", "Li Na", "Zhao Lei"]
    delegates = m.Delegate.select().where(m.Delegate.visit == visit).order_by(m.Delegate.precedence)
    assert [(d.name, d.precedence) for d in delegates] == [("Wang Wei", 1), ("Li Na", 2), ("Zhao Lei", 3)]
    assert sorted(i.day for i in m.ItineraryItem.select()) == [date(2027, 3, 15), date(2027, 3, 16)]
    assert [g.description for g in m.Gift.select()] == ["Tea set"]
    assert records.visit_partner_ids(visit.id) == [jeju]
    assert m.HistoryOperation.select().count() == ops + 1
    assert len(undo.history.undo_steps) == 1
    assert page.model.rowCount() == 1  # the list heard the one notice

    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=3000)
    assert window.undo_action.text() == f"&Undo changes to visit “{visit.title}”"
    qtbot.keyClick(page.view, Qt.Key.Key_Z, CTRL)
    assert m.Visit.select().count() == m.Delegate.select().count() == m.ItineraryItem.select().count() == 0
    assert m.Gift.select().count() == m.VisitPartner.select().count() == 0
    assert page.model.rowCount() == 0
    qtbot.keyClick(page.view, Qt.Key.Key_Z, CTRL | SHIFT)
    assert [d.name for d in m.Delegate.select().order_by(m.Delegate.precedence)] == ["Wang Wei", "Li Na", "Zhao Lei"]
    assert m.ItineraryItem.select().count() == 2 and m.Gift.select().count() == 1
    assert records.visit_partner_ids(m.Visit.get().id) == [jeju]


DAY_OUTSIDE = {
    "en": "Itinerary, row 2: Day (2027-03-16) is outside the visit's dates (2027-03-15 – 2027-03-15).",
    "zh_CN": "日程安排第 2 行：日期（2027-03-16）不在出访/来访日期（2027-03-15 至 2027-03-15）之内。",
}


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_a_day_outside_the_visit_writes_nothing_and_the_message_names_the_part(qtbot, gui_db, lang):
    _jeju()
    dialog = dialog_for("visit", None, user="Li Na", lang=lang)
    qtbot.addWidget(dialog)
    dialog.show()
    _type_visit(qtbot, dialog)
    # The visit's dates change after the days were typed: the second day now lies outside them.
    dialog.editors["end_on"].widget.clear()
    _type_into(qtbot, dialog, "end_on", "2027-03-15")
    before = table_counts(gui_db.path)
    qtbot.keyClick(dialog.editors["title"].focus_widget(), Qt.Key.Key_S, CTRL)
    assert table_counts(gui_db.path) == before
    assert dialog.record_id is None and dialog.isVisible()
    assert dialog.general_error.isVisible()
    assert dialog.general_error.text() == DAY_OUTSIDE[lang]
    assert dialog.tabs.currentWidget() is dialog.panel("itinerary_item")  # the part that needs fixing
    assert dialog.panel("itinerary_item").selected_id() == dialog.panel("itinerary_item").pending.ids()[1]
    assert len(dialog.panel("itinerary_item").pending) == 2  # nothing typed is lost


def test_a_row_is_checked_in_its_own_form_against_the_visit_typed_so_far(qtbot, gui_db):
    dialog = dialog_for("visit", None, lang="zh_CN")
    qtbot.addWidget(dialog)
    dialog.show()
    _type_into(qtbot, dialog, "title", "Visit")
    _type_into(qtbot, dialog, "start_on", "2027-03-15")
    _type_into(qtbot, dialog, "end_on", "2027-03-16")
    seen = _add_row(qtbot, _tab(dialog, "Itinerary"), {"day": "2027-04-01", "activity": "Talks"})
    assert seen["still_open"]
    assert seen["errors"] == {"day": "日期（2027-04-01）不在出访/来访日期（2027-03-15 至 2027-03-16）之内。"}
    assert len(dialog.panel("itinerary_item").pending) == 0
    assert m.ItineraryItem.select().count() == 0


def test_pending_delegates_move_up_and_down_and_are_edited_and_deleted(qtbot, gui_db):
    dialog = dialog_for("visit", None)
    qtbot.addWidget(dialog)
    dialog.show()
    delegates = _tab(dialog, "Delegation")
    for name in ("Wang", "Li", "Zhao"):
        _add_row(qtbot, delegates, {"name": name})
    delegates.view.selectRow(2)
    _click(qtbot, delegates.up_button)
    assert _shown_rows(delegates, "name") == ["Wang", "Zhao", "Li"]
    delegates.view.selectRow(0)
    _add_row(qtbot, delegates, {"title": "Director"}, button=delegates.edit_button)
    assert _shown_rows(delegates, "title") == ["Director", "", ""]
    delegates.view.selectRow(1)
    _click(qtbot, delegates.delete_button)
    assert _shown_rows(delegates, "name") == ["Wang", "Li"] and _shown_rows(delegates, "precedence") == ["1", "2"]
    _type_into(qtbot, dialog, "title", "Visit")
    qtbot.keyClick(dialog.editors["title"].focus_widget(), Qt.Key.Key_S, CTRL)
    assert [(d.name, d.title, d.precedence) for d in m.Delegate.select().order_by(m.Delegate.precedence)] == [
        ("Wang", "Director", 1), ("Li", "", 2)]


def test_a_new_partner_with_a_partnership_and_a_contact(qtbot, gui_db):
    hainan = records.save("home_locality", {"name_zh": "海南省", "name_en": "Hainan Province", "kind": "province"})
    dialog = dialog_for("partner", None, user="Li Na")
    qtbot.addWidget(dialog)
    dialog.show()
    _type_into(qtbot, dialog, "name_en", "Jeju")
    country = dialog.editors["country"].widget
    country.setCurrentIndex(country.findData("KR"))  # set-up: a choice list

    def locality(form, seen):
        picker = form.editors["home_locality"].widget
        picker.setCurrentIndex(picker.findData(hainan))  # set-up: a choice list

    partnerships = _tab(dialog, "Partnerships")
    _add_row(qtbot, partnerships, {"established_year": "1995"}, look=locality)
    assert _shown_rows(partnerships, "home_locality") == ["海南省 / Hainan Province"]  # its name, not its ID
    _add_row(qtbot, _tab(dialog, "Contacts"), {"family_name": "Kim", "email": "kim@example.org"})
    assert not m.Partner.select().exists()
    _click(qtbot, dialog.save_button)
    partner = m.Partner.get()
    assert dialog.record_id == partner.id and dialog.windowTitle() == "Partner — Jeju"
    assert [(p.home_locality_id, p.established_year) for p in m.Partnership.select()] == [(hainan, 1995)]
    assert [(c.family_name, c.email) for c in m.Contact.select()] == [("Kim", "kim@example.org")]
    assert m.Partnership.get().partner_id == m.Contact.get().partner_id == partner.id


def test_a_new_shipment_with_its_items(qtbot, gui_db):
    undo.history.reset()
    dialog = dialog_for("shipment", None)
    qtbot.addWidget(dialog)
    dialog.show()
    _type_into(qtbot, dialog, "title", "Masks for Jeju")
    _type_into(qtbot, dialog, "counterparty", "29 villages")
    items = _tab(dialog, "Items")
    _add_row(qtbot, items, {"description": "医用口罩", "quantity": "1.2万"})
    _add_row(qtbot, items, {"description": "Gloves", "quantity": "20"})
    assert _shown_rows(items, "description") == ["医用口罩", "Gloves"]
    qtbot.keyClick(dialog.editors["title"].focus_widget(), Qt.Key.Key_S, CTRL)
    shipment = m.Shipment.get()
    assert [(i.description, int(i.quantity)) for i in m.ShipmentItem.select().order_by(m.ShipmentItem.id)] == [
        ("医用口罩", 12000), ("Gloves", 20)]
    assert dialog.record_id == shipment.id and len(undo.history.undo_steps) == 1


def test_closing_with_pending_parts_asks_and_discard_writes_nothing(qtbot, gui_db, no_blocking_message_boxes):
    dialog = dialog_for("visit", None)
    qtbot.addWidget(dialog)
    dialog.show()
    _add_row(qtbot, _tab(dialog, "Delegation"), {"name": "Wang"})  # nothing typed on the form itself
    assert dialog.save_button.isEnabled()
    _click(qtbot, dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel))
    assert no_blocking_message_boxes == ["This form has changes that are not saved. Save them before closing?"]
    assert not dialog.isVisible()
    assert m.Visit.select().count() == m.Delegate.select().count() == 0


def test_a_read_only_new_form_offers_no_parts(qtbot, gui_db):
    dialog = dialog_for("visit", None, read_only=True)
    qtbot.addWidget(dialog)
    delegates = dialog.panel("delegate")
    assert not delegates.add_button.isEnabled() and not delegates.delete_button.isEnabled()
    assert not delegates.up_button.isEnabled() and not delegates.is_pending()
    partners = dialog.panel("visit_partners")
    assert not partners.add_button.isEnabled() and not partners.is_pending()
    delegates.add()
    assert len(delegates.pending) == 0


def test_a_row_of_a_record_not_yet_saved_gets_no_parts_of_its_own(qtbot, gui_db):
    records.save("home_locality", {"name_zh": "海南省", "kind": "province"})
    partner = dialog_for("partner", None)
    qtbot.addWidget(partner)
    partner.show()
    seen = {}

    def look(form, seen):
        index = next(i for i in range(form.tabs.count()) if form.tabs.tabText(i) == "Status history")
        seen["status_tab"] = form.tabs.isTabEnabled(index)

    seen = _add_row(qtbot, _tab(partner, "Partnerships"), {"established_year": "1995"}, look=look)
    assert seen["status_tab"] is False


def test_pending_delegates_are_reordered_by_drag_and_drop(qtbot, gui_db, monkeypatch):
    dialog = dialog_for("visit", None)
    qtbot.addWidget(dialog)
    dialog.show()
    delegates = _tab(dialog, "Delegation")
    for name in ("Wang", "Li", "Zhang"):
        _add_row(qtbot, delegates, {"name": name})
    view = delegates.view
    assert view.dragEnabled() and view.acceptDrops()
    monkeypatch.setattr(QDropEvent, "source", lambda _event: view)  # the drag started in this table
    view.selectRow(2)
    data = view.model().mimeData([view.model().index(2, 0)]) or QMimeData()
    spot = QPointF(view.visualRect(view.model().index(0, 0)).center())
    view.viewportEvent(QDropEvent(spot, Qt.DropAction.MoveAction, data, Qt.MouseButton.LeftButton,
                                  Qt.KeyboardModifier.NoModifier))  # Zhang dropped onto Wang's row
    assert _shown_rows(delegates, "name") == ["Zhang", "Wang", "Li"]
    assert m.Delegate.select().count() == 0
    _type_into(qtbot, dialog, "title", "Visit")
    _click(qtbot, dialog.save_button)
    assert [d.name for d in m.Delegate.select().order_by(m.Delegate.precedence)] == ["Zhang", "Wang", "Li"]


def test_save_in_the_close_prompt_of_a_row_keeps_the_row(qtbot, gui_db, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Save)
    dialog = dialog_for("visit", None)
    qtbot.addWidget(dialog)
    dialog.show()
    delegates = _tab(dialog, "Delegation")

    def type_and_close(form):
        _type_into(qtbot, form, "name", "Wang")
        _click(qtbot, form.buttons.button(QDialogButtonBox.StandardButton.Cancel))  # Close, then "Save"

    errors = answer_modal(type_and_close)
    _click(qtbot, delegates.add_button)
    assert not errors, errors
    assert _shown_rows(delegates, "name") == ["Wang"] and m.Delegate.select().count() == 0
