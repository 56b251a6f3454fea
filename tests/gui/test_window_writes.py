"""Every write the window makes is an operation with its history, the views refresh from its notice, and
typed work survives a lock taken over by another window (docs/architecture.md, "The one door")."""

import json
import socket
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from tests.gui.conftest import answer_modal, type_text
from twindesk.domain.operations import records
from twindesk.store import models as m
from twindesk.store.instance_lock import lock_path_for


def _operations():
    return [(o.action, o.kind, o.user) for o in m.HistoryOperation.select().order_by(m.HistoryOperation.id)]


def test_every_write_path_in_the_window_leaves_history_rows(qtbot, gui_db, monkeypatch):
    from twindesk.ui.records.forms import VisitPartnersPanel, dialog_for

    partner = records.save("partner", {"name_en": "Jeju", "country": "KR"})
    other = records.save("partner", {"name_en": "Yalta", "country": "UA"})
    visit = records.save("visit", {"title": "Visit to Jeju", "start_on": date(2026, 5, 1), "end_on": date(2026, 5, 4)})
    for i, name in enumerate(["Wang", "Li"], start=1):
        records.save("delegate", {"visit": visit, "name": name, "precedence": i})
    start = m.HistoryOperation.select().count()
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)

    dialog = dialog_for("visit", visit, user="Li Na")
    qtbot.addWidget(dialog)
    type_text(qtbot, dialog.editors["title"].widget, " and Seogwipo")  # the form's Save
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    panel = dialog.panel("delegate")
    panel.view.selectRow(1)
    qtbot.mouseClick(panel.up_button, Qt.MouseButton.LeftButton)  # the delegation's order
    panel.view.selectRow(1)
    qtbot.mouseClick(panel.delete_button, Qt.MouseButton.LeftButton)  # a sub-record's delete
    links = dialog.findChild(VisitPartnersPanel)
    qtbot.keyClicks(links.picker.widget, "yalta")
    qtbot.mouseClick(links.add_button, Qt.MouseButton.LeftButton)  # the visit's partner links
    assert records.visit_partner_ids(visit) == [other]

    actions = [(a, k) for a, k, _ in _operations()[start:]]
    assert actions == [("save", "visit"), ("reorder", "visit"), ("delete", "delegate"), ("link", "visit")]
    assert {u for *_, u in _operations()[start:]} == {"Li Na"}
    changed = m.HistoryChange.select().join(m.HistoryOperation).where(m.HistoryOperation.id > start)
    fields = {(c.kind, c.change, c.field) for c in changed}
    assert ("visit", "update", "title") in fields and ("delegate", "update", "precedence") in fields
    assert ("delegate", "delete", "") in fields and ("visit_partner", "create", "") in fields
    assert partner  # unused links stay


def test_a_change_made_elsewhere_reaches_the_list_through_its_notice(qtbot, window):
    window.nav.setCurrentRow(1)
    page = window.current_list_page()
    assert page.model.rowCount() == 0
    records.save("partner", {"name_en": "Hyogo", "country": "JP"})  # not through the window's own widgets
    assert page.model.rowCount() == 1
    records.save("shipment", {"title": "Masks", "counterparty": "29 villages"})
    assert page.model.rowCount() == 1  # partners do not show shipments: no needless re-read


def test_a_lock_taken_over_while_a_form_is_open_keeps_what_was_typed(qtbot, window, gui_db,
                                                                    no_blocking_message_boxes):
    pid = records.save("partner", {"name_en": "Vladimir", "country": "RU"})
    window.nav.setCurrentRow(1)
    page = window.current_list_page()
    page.view.selectRow(0)
    seen = {}

    def edit(dialog):
        type_text(qtbot, dialog.editors["name_en"].widget, " Oblast")
        lock_path_for(gui_db.path).write_text(json.dumps({
            "user": "wang.fang", "host": socket.gethostname(), "pid": 1, "since": "2026-11-30T08:00:00+00:00",
            "heartbeat": "2099-01-01T00:00:00+00:00", "token": "theirs"}), encoding="utf-8")
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        seen["open"] = dialog.isVisible()
        seen["text"] = dialog.editors["name_en"].widget.text()
        seen["said"] = no_blocking_message_boxes[-1]
        dialog._dirty = False
        dialog.reject()

    errors = answer_modal(edit)
    window.open_action.trigger()
    assert not errors, errors
    assert seen["open"] and seen["text"] == "Vladimir Oblast"  # the typed work is still on screen
    assert "write lock" in seen["said"] and "wang.fang" in seen["said"]
    assert m.Partner.get_by_id(pid).name_en == "Vladimir"
