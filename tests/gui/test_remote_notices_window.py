"""Another person's changes reach the window's lists and its Undo (docs/architecture.md, "Changes from
other staff"), the other person simulated in this process (tests/gui/remote_notice.py)."""

from PySide6.QtWidgets import QApplication

from tests.gui.conftest import wait_until_ready
from tests.gui.remote_notice import someone_else
from twindesk.domain.operations import records
from twindesk.store import models as m


def name_column(page) -> int:
    return next(i for i, c in enumerate(page.model.columns()) if c.key == "name_en")


def shown_names(page) -> list[str]:
    col = name_column(page)
    return [page.model.index(r, col).data() for r in range(page.model.rowCount())]


def test_a_row_another_person_added_appears_and_the_selection_scroll_and_focus_stay(qtbot, window):
    ids = [records.save("partner", {"name_en": f"City {n:03}", "country": "KR"}) for n in range(80)]
    wait_until_ready(qtbot, window)
    window.nav.setCurrentRow(1)
    page = window.current_list_page()
    qtbot.waitUntil(lambda: page.model.rowCount() == 80)
    page.view.selectRow(page.model.row_of(ids[60]))
    page.view.setFocus()
    scroll = page.view.verticalScrollBar()
    scroll.setValue(scroll.maximum() // 2)
    at = scroll.value()
    assert at > 0

    someone_else("partner", {"name_en": "City 000a", "country": "KR"}, None)
    qtbot.waitUntil(lambda: page.model.rowCount() == 81)
    assert "City 000a" in shown_names(page)
    assert page.selected_id() == ids[60] and scroll.value() == at
    assert QApplication.focusWidget() is page.view


def test_undo_says_beforehand_that_another_person_s_change_overtook_it(qtbot, window):
    wait_until_ready(qtbot, window)
    jeju = records.save("partner", {"name_en": "Jeju", "country": "KR"}, user="Li Na")
    records.save("partner", {"name_en": "Jeju-do"}, jeju, user="Li Na")
    qtbot.waitUntil(lambda: window.undo_action.text() == "&Undo changes to partner “Jeju-do”")
    assert window.undo_action.isEnabled()

    someone_else("partner", {"name_en": "Jeju Island"}, jeju)
    qtbot.waitUntil(lambda: not window.undo_action.isEnabled())
    assert window.undo_action.text() == "Cannot undo changes to partner “Jeju Island”: changed since"
    assert "was changed since by 王芳" in window.undo_action.statusTip()
    window.undo_action.trigger()  # disabled: nothing happens, nothing is written
    assert m.Partner.get_by_id(jeju).name_en == "Jeju Island"


def test_a_remote_change_elsewhere_leaves_undo_as_it_was(qtbot, window):
    wait_until_ready(qtbot, window)
    jeju = records.save("partner", {"name_en": "Jeju", "country": "KR"}, user="Li Na")
    records.save("partner", {"name_en": "Jeju-do"}, jeju, user="Li Na")
    someone_else("partner", {"name_en": "Busan", "country": "KR"}, None)
    qtbot.waitUntil(lambda: window.undo_action.statusTip() == "")
    assert window.undo_action.isEnabled()
    assert window.undo_action.text() == "&Undo changes to partner “Jeju-do”"
