"""Another person's change, made by a second process on the PostgreSQL server, reaches this window
(docs/architecture.md, "Changes from other staff"): the list shows the new row and keeps the selected
one; an open form with typing keeps it and says who changed the record; an untouched form reloads."""

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtTest import QTest

from tests.conftest import run_python
from twindesk.domain import remote_changes, workspace
from twindesk.domain.operations import records
from twindesk.ui.common import background
from twindesk.ui.records.forms import dialog_for

OTHER_PERSON = """
import sys
from twindesk.domain import workspace
from twindesk.domain.operations import records
workspace.open_workspace(sys.argv[1])
exec(sys.argv[2])
workspace.close()
"""


def someone_else(url: str, statement: str) -> None:
    """`statement` run by 王芳 in another TwinDesk process (`records` is at hand; she is the `user`)."""
    proc = run_python("-c", OTHER_PERSON, url, statement)
    assert proc.returncode == 0, proc.stderr


@pytest.fixture
def server(pg_url):
    workspace.open_workspace(pg_url)
    assert workspace.listen_for_other_staff()
    yield pg_url
    background.wait_for_all()
    # The forms pytest-qt closed are deleted only later by Qt: until then they follow the door's changes,
    # and a later test's change (no database open) would make their history read.
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    workspace.close()
    assert remote_changes.listener() is None


@pytest.fixture
def server_window(qtbot, server, app_settings):
    from tests.gui.conftest import wait_until_ready
    from twindesk.ui.shell import settings as S
    from twindesk.ui.shell.main_window import MainWindow

    app_settings.set(S.CURRENT_PAGE, 1)  # the partners list
    w = MainWindow(db_path=server, settings=app_settings, lang="en", user="Li Na")
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    wait_until_ready(qtbot, w)
    yield w
    for page in w.stack.built_pages():
        timer = getattr(page, "_timer", None)
        if timer is not None:
            timer.stop()


def open_form(qtbot, record_id):
    dialog = dialog_for("partner", record_id, lang="en", user="Li Na")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.remote_change is not None  # following others' changes: this is a server
    return dialog


def test_the_partners_list_shows_a_row_another_process_added_and_keeps_the_selected_one(qtbot, server,
                                                                                      server_window):
    ids = [records.save("partner", {"name_en": f"City {n:02}", "country": "KR"}) for n in range(30)]
    page = server_window.current_list_page()
    page.refresh()
    qtbot.waitUntil(lambda: page.model.rowCount() == 30)
    page.view.selectRow(page.model.row_of(ids[20]))

    someone_else(server, 'records.save("partner", {"name_en": "City 00a", "country": "KR"}, user="王芳")')
    qtbot.waitUntil(lambda: page.model.rowCount() == 31, timeout=3000)
    assert page.selected_id() == ids[20]
    assert page.count_label.text() == "31 records"


def test_an_open_form_with_typing_keeps_it_and_says_who_changed_the_record(qtbot, server):
    jeju = records.save("partner", {"name_en": "Jeju", "country": "KR"}, user="Li Na")
    dialog = open_form(qtbot, jeju)
    field = dialog.editors["name_native"].widget
    QTest.keyClicks(field, "Jeju-do")

    someone_else(server, f'records.save("partner", {{"name_en": "Jeju Island"}}, {jeju}, user="王芳")')
    bar = dialog.remote_change
    qtbot.waitUntil(bar.isVisible, timeout=3000)
    assert bar.text.text().startswith("王芳 changed this record at ")
    assert field.text() == "Jeju-do" and dialog.editors["name_en"].widget.text() == "Jeju"
    assert dialog.is_dirty() and dialog.save_button.isEnabled()


def test_an_untouched_open_form_reads_the_other_person_s_change(qtbot, server):
    jeju = records.save("partner", {"name_en": "Jeju", "country": "KR"}, user="Li Na")
    dialog = open_form(qtbot, jeju)
    someone_else(server, f'records.save("partner", {{"name_en": "Jeju Island"}}, {jeju}, user="王芳")')
    qtbot.waitUntil(lambda: dialog.editors["name_en"].widget.text() == "Jeju Island", timeout=3000)
    assert not dialog.is_dirty() and dialog.remote_change.isHidden()


def test_a_form_deleted_by_another_process_cannot_be_saved(qtbot, server):
    jeju = records.save("partner", {"name_en": "Jeju", "country": "KR"}, user="Li Na")
    dialog = open_form(qtbot, jeju)
    QTest.keyClicks(dialog.editors["name_native"].widget, "Jeju-do")
    someone_else(server, f'records.delete("partner", {jeju}, user="王芳")')
    qtbot.waitUntil(dialog.remote_change.isVisible, timeout=3000)
    assert dialog.remote_change.text.text().startswith("王芳 deleted this record at ")
    assert not dialog.save_button.isVisible()
    qtbot.mouseClick(dialog.buttons.button(dialog.buttons.StandardButton.Cancel), Qt.MouseButton.LeftButton)
