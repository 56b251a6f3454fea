"""Staff clicking through the window: create, edit, search, validate, delete — then check the database
and what the list shows."""

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox

from tests.gui.conftest import answer_modal, type_text
from twindesk.domain.operations import records
from twindesk.store import models as m
from twindesk.ui.lists.list_model import Column, RecordTableModel
from twindesk.ui.shell import settings as S


def visible_texts(page, column_key):
    col = next(i for i, c in enumerate(page.model.columns()) if c.key == column_key)
    return [page.model.index(r, col).data() for r in range(page.model.rowCount())]


def test_navigation_shows_every_page(window):
    titles = [window.nav.item(i).text() for i in range(window.nav.count())]
    assert titles == ["Dashboard", "Partners", "Visits", "Shipments", "Activities", "Home localities"]
    window.nav.setCurrentRow(3)
    assert window.stack.currentWidget().objectName() == "page_shipments"


def test_create_partner_by_typing_and_saving(qtbot, window):
    window.nav.setCurrentRow(1)
    page = window.current_list_page()

    def fill(dialog):
        type_text(qtbot, dialog.editors["name_zh"].widget, "济州特别自治道")
        type_text(qtbot, dialog.editors["name_en"].widget, "Jeju")
        type_text(qtbot, dialog.editors["name_native"].widget, "제주특별자치도")
        country = dialog.editors["country"].widget
        country.setCurrentIndex(country.findData("KR"))
        assert dialog.save_button.isEnabled()
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        # A new partner stays open so its contacts and partnerships can be added; then Close.
        assert dialog.windowTitle() == "Partner — Jeju"  # its name, not its ID
        assert dialog.tabs.isTabEnabled(1)
        qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel), Qt.MouseButton.LeftButton)

    errors = answer_modal(fill)
    window.new_action.trigger()
    assert not errors, errors
    partner = m.Partner.get()
    assert (partner.name_zh, partner.name_en, partner.name_native, partner.country) == (
        "济州特别自治道", "Jeju", "제주특별자치도", "KR")
    assert partner.updated_by == "Li Na"
    assert visible_texts(page, "name_en") == ["Jeju"]
    assert page.count_label.text() == "1 records"


def test_validation_messages_show_next_to_the_field_and_nothing_is_saved(qtbot, window):
    window.nav.setCurrentRow(1)
    seen = {}

    def fill(dialog):
        type_text(qtbot, dialog.editors["population"].widget, "-5")
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        seen["country"] = dialog.error_labels["country"].text()
        seen["population"] = dialog.error_labels["population"].text()
        seen["name"] = dialog.error_labels["name_zh"].text()
        seen["visible"] = dialog.error_labels["country"].isVisible()
        seen["open"] = dialog.isVisible()
        dialog._set_dirty(False)  # leave without the unsaved-changes prompt
        dialog.reject()

    errors = answer_modal(fill)
    window.new_action.trigger()
    assert not errors, errors
    assert seen["country"] == "Country is required."
    assert seen["population"] == "Population must be at least 0 (got -5)."
    assert seen["name"].startswith("Give at least one")
    assert seen["visible"] and seen["open"]
    assert m.Partner.select().count() == 0


def test_save_is_disabled_until_something_changes(qtbot, gui_db):
    from twindesk.ui.records.forms import dialog_for

    pid = records.save("partner", {"name_en": "Hyogo", "country": "JP"})
    dialog = dialog_for("partner", pid)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitActive(dialog)
    assert not dialog.save_button.isEnabled()
    field = dialog.editors["name_zh"].widget
    field.setFocus()
    type_text(qtbot, field, "兵库县")
    assert dialog.save_button.isEnabled()
    assert field.text() == "兵库县"
    qtbot.keyClick(field, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)  # Ctrl+S saves
    assert not dialog.is_dirty()
    assert m.Partner.get_by_id(pid).name_zh == "兵库县"


@pytest.mark.parametrize("answer, expected_name", [
    (QMessageBox.StandardButton.Discard, "Hyogo"),
    (QMessageBox.StandardButton.Save, "Hyogo Prefecture"),
])
def test_closing_with_unsaved_changes_asks(qtbot, gui_db, monkeypatch, answer, expected_name):
    from twindesk.ui.records.forms import dialog_for

    pid = records.save("partner", {"name_en": "Hyogo", "country": "JP"})
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a[2]) or answer)
    dialog = dialog_for("partner", pid)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.editors["name_en"].widget.setText("Hyogo Prefecture")
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert asked and "not saved" in asked[0]
    assert not dialog.isVisible()
    assert m.Partner.get_by_id(pid).name_en == expected_name


def test_cancel_in_the_unsaved_prompt_keeps_the_form_open(qtbot, gui_db, monkeypatch):
    from twindesk.ui.records.forms import dialog_for

    pid = records.save("partner", {"name_en": "Hyogo", "country": "JP"})
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Cancel)
    dialog = dialog_for("partner", pid)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.editors["name_en"].widget.setText("typed, not saved")
    dialog.close()
    assert dialog.isVisible()
    assert dialog.editors["name_en"].value() == "typed, not saved"


def test_edit_from_the_list_with_enter(qtbot, window):
    pid = records.save("partner", {"name_en": "Vladimir", "name_native": "Владимир", "country": "RU"})
    window.nav.setCurrentRow(1)
    page = window.current_list_page()
    page.view.selectRow(0)
    page.view.setFocus()

    def edit(dialog):
        assert dialog.editors["name_native"].value() == "Владимир"
        dialog.editors["name_zh"].widget.clear()
        type_text(qtbot, dialog.editors["name_zh"].widget, "弗拉基米尔")
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    errors = answer_modal(edit)
    qtbot.keyClick(page.view, Qt.Key.Key_Return)
    assert not errors, errors
    assert m.Partner.get_by_id(pid).name_zh == "弗拉基米尔"
    assert visible_texts(page, "name_zh") == ["弗拉基米尔"]


def test_search_filters_as_you_type_in_every_script(qtbot, window):
    for zh, en, native, cc in [("济州", "Jeju", "제주", "KR"), ("兵库县", "Hyogo", "兵庫県", "JP"),
                               ("弗拉基米尔", "Vladimir", "Владимир", "RU")]:
        records.save("partner", {"name_zh": zh, "name_en": en, "name_native": native, "country": cc})
    window.nav.setCurrentRow(1)
    page = window.current_list_page()
    window.find_action.trigger()
    assert page.search.hasFocus()
    for typed, expected in [("jeju", ["Jeju"]), ("владимир", ["Vladimir"]), ("兵庫", ["Hyogo"]), ("제주", ["Jeju"])]:
        page.search.clear()
        type_text(qtbot, page.search, typed)
        qtbot.waitUntil(lambda e=expected: visible_texts(page, "name_en") == e, timeout=2000)
        assert page.count_label.text() == "Showing 1 of 3 records"
    page.search.clear()
    qtbot.waitUntil(lambda: page.model.rowCount() == 3, timeout=2000)


def test_status_and_direction_filters(qtbot, window):
    p = records.save("partner", {"name_en": "Hyogo", "country": "JP"})
    records.save("shipment", {"title": "Masks in", "partner": p, "direction": "incoming", "status": "delivered",
                              "dispatched_on": date(2020, 2, 1), "delivered_on": date(2020, 2, 10)})
    records.save("shipment", {"title": "Masks out", "partner": p, "direction": "outgoing", "status": "planned"})
    window.nav.setCurrentRow(3)
    page = window.current_list_page()
    assert sorted(visible_texts(page, "title")) == ["Masks in", "Masks out"]
    page.direction_filter.setCurrentIndex(page.direction_filter.findData("incoming"))
    assert visible_texts(page, "title") == ["Masks in"]
    page.direction_filter.setCurrentIndex(0)
    page.status_filter.setCurrentIndex(page.status_filter.findData("planned"))
    assert visible_texts(page, "title") == ["Masks out"]


def test_clicking_a_header_sorts_in_sql(qtbot, window):
    for name in ("Bravo", "alpha", "Charlie"):
        records.save("partner", {"name_en": name, "country": "JP"})
    window.nav.setCurrentRow(1)
    page = window.current_list_page()
    assert visible_texts(page, "name_en") == ["Bravo", "Charlie", "alpha"]  # default: English name
    header = page.view.horizontalHeader()
    id_section = 0
    header.setSortIndicator(id_section, Qt.SortOrder.DescendingOrder)
    assert visible_texts(page, "id") == ["3", "2", "1"]


def test_delete_asks_and_says_what_goes_with_it(qtbot, window, monkeypatch):
    home = records.save("home_locality", {"name_zh": "海南省", "kind": "province"})
    pid = records.save("partner", {"name_en": "Jeju", "country": "KR"})
    # Talks still under way go with the partner; a signed agreement would refuse it (the next test).
    records.save("partnership", {"partner": pid, "home_locality": home, "status": "negotiating"})
    records.save("contact", {"partner": pid, "family_name": "Kim"})
    window.nav.setCurrentRow(1)
    page = window.current_list_page()
    page.view.selectRow(0)
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a[2]) or QMessageBox.StandardButton.No)
    page.view.setFocus()
    qtbot.keyClick(page.view, Qt.Key.Key_Delete)
    assert "1 partnership" in asked[0] and "1 contact" in asked[0]
    assert m.Partner.select().count() == 1  # answered No

    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    window.delete_action.trigger()
    assert m.Partner.select().count() == 0
    assert m.Contact.select().count() == 0
    assert page.model.rowCount() == 0


def test_delete_is_refused_with_the_reason(qtbot, window, monkeypatch):
    pid = records.save("partner", {"name_en": "Hyogo", "country": "JP"})
    records.save("shipment", {"title": "Masks", "partner": pid})
    window.nav.setCurrentRow(1)
    page = window.current_list_page()
    page.view.selectRow(0)
    warned = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: warned.append(a[2]))
    window.delete_action.trigger()
    assert warned and "1 shipment" in warned[0]
    assert m.Partner.select().count() == 1


def test_deleting_a_partner_with_a_signed_agreement_is_refused_with_what_to_do(qtbot, window, monkeypatch):
    home = records.save("home_locality", {"name_zh": "海南省", "kind": "province"})
    pid = records.save("partner", {"name_en": "Hyogo", "country": "JP"})
    ps = records.save("partnership", {"partner": pid, "home_locality": home, "status": "active",
                                      "established_year": 1990})
    window.nav.setCurrentRow(1)
    page = window.current_list_page()
    page.view.selectRow(0)
    warned, asked = [], []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: warned.append(a[2]))
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a[2]) or QMessageBox.StandardButton.Yes)
    window.delete_action.trigger()
    assert not asked and warned and f"signed partnerships (IDs {ps})" in warned[0]
    assert "“Ended” first" in warned[0]
    assert m.Partner.select().count() == 1 and m.Partnership.select().count() == 1


def test_visit_dialog_delegates_reorder_for_precedence(qtbot, gui_db):
    from twindesk.ui.records.forms import dialog_for

    vid = records.save("visit", {"title": "Visit to Jeju", "start_on": date(2026, 5, 1), "end_on": date(2026, 5, 4)})
    for i, name in enumerate(["Wang", "Li", "Zhao"], start=1):
        records.save("delegate", {"visit": vid, "name": name, "precedence": i})
    dialog = dialog_for("visit", vid)
    qtbot.addWidget(dialog)
    panel = dialog.panel("delegate")
    assert [panel._rows[i]["name"] for i in panel.model.ids()] == ["Wang", "Li", "Zhao"]
    panel.view.selectRow(2)
    qtbot.mouseClick(panel.up_button, Qt.MouseButton.LeftButton)
    names = [d.name for d in m.Delegate.select().where(m.Delegate.visit == vid).order_by(m.Delegate.precedence)]
    assert names == ["Wang", "Zhao", "Li"]


def test_new_visit_saves_then_offers_its_sub_records(qtbot, gui_db):
    from twindesk.ui.records.forms import dialog_for

    dialog = dialog_for("visit", None, user="Li Na")
    qtbot.addWidget(dialog)
    delegates_tab = next(i for i in range(dialog.tabs.count()) if dialog.tabs.tabText(i) == "Delegation")
    assert dialog.tabs.isTabEnabled(delegates_tab)  # parts can be typed before the first Save (issue 12, 7)
    type_text(qtbot, dialog.editors["title"].widget, "Leadership visit")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.record_id == m.Visit.get().id
    assert dialog.tabs.isTabEnabled(delegates_tab)
    assert dialog.panel("delegate").add_button.isEnabled()


def test_itinerary_outside_the_visit_dates_is_refused_in_the_form(qtbot, gui_db):
    from twindesk.ui.records.forms import dialog_for

    vid = records.save("visit", {"title": "V", "start_on": date(2026, 5, 1), "end_on": date(2026, 5, 4)})
    dialog = dialog_for("itinerary_item", None, defaults={"visit": vid}, hidden=("visit",))
    qtbot.addWidget(dialog)
    dialog.editors["day"].set_value(date(2026, 6, 1))
    type_text(qtbot, dialog.editors["activity"].widget, "Meeting")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert "outside the visit's dates" in dialog.error_labels["day"].text()
    assert m.ItineraryItem.select().count() == 0


def test_partner_dialog_shows_the_timeline_newest_first(qtbot, gui_db):
    from twindesk.ui.records.forms import dialog_for

    pid = records.save("partner", {"name_en": "Hyogo", "country": "JP"})
    records.save("activity", {"partner": pid, "title": "Letter", "held_on": date(2019, 1, 1), "kind": "letter"})
    records.save("shipment", {"title": "Masks", "partner": pid, "planned_on": date(2020, 2, 1)})
    vid = records.save("visit", {"title": "Visit", "start_on": date(2024, 3, 1)})
    records.set_visit_partners(vid, [pid])
    dialog = dialog_for("partner", pid)
    qtbot.addWidget(dialog)
    panel = dialog.findChild(type(dialog.tabs.widget(1)), "panel_timeline")
    titles = [panel.model.index(r, 2).data() for r in range(panel.model.rowCount())]
    assert titles == ["Visit", "Masks", "Letter"]


def test_window_remembers_page_and_geometry(qtbot, gui_db, app_settings):
    from twindesk.ui.shell.main_window import MainWindow

    w = MainWindow(db_path=gui_db.path, settings=app_settings)
    qtbot.addWidget(w)
    w.show()
    w.nav.setCurrentRow(3)
    w.list_pages[2].view.horizontalHeader().resizeSection(5, 333)  # shipments: the title column
    w.close()
    assert app_settings.get(S.GEOMETRY)  # the offscreen screen is too small to compare sizes
    again = MainWindow(db_path=gui_db.path, settings=app_settings)
    qtbot.addWidget(again)
    assert again.nav.currentRow() == 3
    again.show()  # the page is built once the shell has painted
    qtbot.waitUntil(lambda: again.stack.currentWidget().objectName() == "page_shipments")
    assert again.list_pages[2].view.horizontalHeader().sectionSize(5) == 333


def test_column_widths_are_remembered_per_language(qtbot, gui_db, app_settings):
    from twindesk.ui.shell.main_window import MainWindow

    w = MainWindow(db_path=gui_db.path, settings=app_settings, lang="zh_CN")
    qtbot.addWidget(w)
    w.list_pages[2].view.horizontalHeader().resizeSection(2, 41)  # narrow enough for 援出, not "Outgoing"
    w.close()
    english = MainWindow(db_path=gui_db.path, settings=app_settings, lang="en")
    qtbot.addWidget(english)
    assert english.list_pages[2].view.horizontalHeader().sectionSize(2) != 41
    english.close()
    chinese = MainWindow(db_path=gui_db.path, settings=app_settings, lang="zh_CN")
    qtbot.addWidget(chinese)
    assert chinese.list_pages[2].view.horizontalHeader().sectionSize(2) == 41


def test_read_only_window_offers_no_changes(qtbot, gui_db, app_settings):
    from twindesk.ui.shell.main_window import MainWindow

    records.save("partner", {"name_en": "Hyogo", "country": "JP"})
    w = MainWindow(db_path=gui_db.path, settings=app_settings, read_only=True)
    qtbot.addWidget(w)
    w.nav.setCurrentRow(1)
    w.current_list_page().view.selectRow(0)
    assert not w.new_action.isEnabled()
    assert not w.delete_action.isEnabled()
    assert "read-only" in w.windowTitle()


def test_model_tester_on_the_list_model(qtmodeltester, gui_db):
    rows = {i: {"id": i, "name": f"name {i}"} for i in range(1, 501)}
    model = RecordTableModel([Column("id", "ID", lambda r: str(r["id"])), Column("name", "Name", lambda r: r["name"])],
                             lambda ids: {i: rows[i] for i in ids})
    model.set_ids(list(rows))
    qtmodeltester.check(model)
    assert model.index(499, 1).data() == "name 500"
    model.set_ids([3, 2, 1])
    qtmodeltester.check(model)


def test_model_tester_on_every_list_page(qtmodeltester, window):
    records.save("partner", {"name_en": "Hyogo", "country": "JP"})
    for page in window.list_pages:
        page.refresh()
        qtmodeltester.check(page.model)
    assert QApplication.instance() is not None


def test_read_only_dialog_shows_the_record_but_offers_no_change(qtbot, gui_db):
    from twindesk.ui.records.forms import dialog_for

    vid = records.save("visit", {"title": "Visit to Jeju"})
    records.save("delegate", {"visit": vid, "name": "Wang", "precedence": 1})
    dialog = dialog_for("visit", vid, read_only=True)
    qtbot.addWidget(dialog)
    assert dialog.editors["title"].value() == "Visit to Jeju"
    dialog.editors["title"].widget.setText("changed")
    assert not dialog.save_button.isVisible() and not dialog.save_button.isEnabled()
    assert not dialog.is_dirty()
    panel = dialog.panel("delegate")
    assert not panel.add_button.isEnabled() and not panel.delete_button.isEnabled()
    assert not panel.up_button.isEnabled()
    dialog.close()  # no unsaved-changes prompt: nothing can be saved
    assert m.Visit.get_by_id(vid).title == "Visit to Jeju"
