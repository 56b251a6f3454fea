"""The window on the shared server when the connection fails mid-work (issue 16, "Faults"): the server
stopped or restarted, the backend killed inside an operation. A Save that fails keeps the form and what
was typed, nothing is half-written, the window says "Connection to the server lost — retrying…" and
reconnects by itself; a read while the server is away shows that bar, not the crash dialog."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QToolBar

from tests.gui.conftest import server_window, type_text
from twindesk.domain.operations import door

LOST = "Connection to the server lost — retrying…"


@pytest.fixture
def cluster(pg_cluster):
    if not pg_cluster.owned:
        pytest.skip("the tests' own cluster only: this one may not be stopped")
    yield pg_cluster
    pg_cluster.start() if not _accepting(pg_cluster) else None


def _accepting(cluster) -> bool:
    try:
        cluster.run_sql("SELECT 1")
    except Exception:
        return False
    return True


@pytest.fixture
def window(qtbot, app_settings, pg_url):
    yield from server_window(qtbot, app_settings, pg_url)


def partners_list(qtbot, window):
    """The partners list, gone to as a person does: its entry in the navigation."""
    window.nav.setCurrentRow(1)
    qtbot.waitUntil(lambda: window.current_list_page() is not None)
    return window.current_list_page()


def _bar(window) -> QToolBar:
    return window.findChild(QToolBar, "connection_bar")


def _partners(cluster, pg_url) -> list[str]:
    return [r[0] for r in cluster.run_sql("SELECT name_en FROM partner ORDER BY id", database=pg_url.rsplit("/", 1)[1])]


def _history_rows(cluster, pg_url) -> int:
    return cluster.run_sql("SELECT count(*) FROM history_operation", database=pg_url.rsplit("/", 1)[1])[0][0]


def _new_partner_form(qtbot, window, name: str):
    from twindesk.ui.records.forms import dialog_for

    dialog = dialog_for("partner", None, user="Li Na", parent=window)
    qtbot.addWidget(dialog)
    dialog.show()
    type_text(qtbot, dialog.editors["name_en"].widget, name)
    country = dialog.editors["country"].widget  # set-up: the country list is not what is tested
    country.setCurrentIndex(country.findData("JP"))
    return dialog


def _save(qtbot, dialog) -> None:
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)


def test_a_save_while_the_server_is_down_keeps_the_form_and_the_window_reconnects(
        qtbot, window, cluster, pg_url, no_blocking_message_boxes):
    dialog = _new_partner_form(qtbot, window, "Hyogo")
    cluster.stop()
    _save(qtbot, dialog)
    assert dialog.isVisible() and dialog.record_id is None  # not saved, and the typed work kept
    assert dialog.editors["name_en"].widget.text() == "Hyogo"
    said = no_blocking_message_boxes[-1]  # the connection broke under it, or could not be made again
    assert said.startswith(("Cannot reach the database server for ", "The connection to ")), said
    assert _bar(window).isVisible() and window.statusBar().currentMessage() == LOST
    cluster.start()
    qtbot.waitUntil(lambda: not _bar(window).isVisible(), timeout=20_000)  # the retries found it
    assert window.statusBar().currentMessage() == "Reconnected"
    assert dialog.isVisible() and dialog.editors["name_en"].widget.text() == "Hyogo"
    assert _partners(cluster, pg_url) == []


def test_a_save_after_the_server_restarted_works(qtbot, window, cluster, pg_url, no_blocking_message_boxes):
    page = partners_list(qtbot, window)
    _save(qtbot, _new_partner_form(qtbot, window, "Hyogo"))
    cluster.restart()
    dialog = _new_partner_form(qtbot, window, "Jeju")
    _save(qtbot, dialog)
    assert dialog.record_id is not None and no_blocking_message_boxes == []  # saved (a partner's form stays open)
    assert _partners(cluster, pg_url) == ["Hyogo", "Jeju"]
    qtbot.waitUntil(lambda: page.model.rowCount() == 2)  # the list read it on the new connection


def test_the_connection_killed_inside_an_operation_writes_nothing_and_the_form_keeps_its_text(
        qtbot, window, cluster, pg_url, monkeypatch, no_blocking_message_boxes):
    killed = []
    track_new = door.Operation.track_new

    def kill_the_backend(self, model, record_id):
        track_new(self, model, record_id)  # the row is inserted, the operation not yet committed
        killed.append(cluster.terminate_backends(pg_url.rsplit("/", 1)[1]))

    monkeypatch.setattr(door.Operation, "track_new", kill_the_backend)
    dialog = _new_partner_form(qtbot, window, "Vladimir")
    _save(qtbot, dialog)
    assert killed and killed[0] >= 1
    assert dialog.isVisible() and dialog.record_id is None and dialog.editors["name_en"].widget.text() == "Vladimir"
    assert "was lost" in no_blocking_message_boxes[-1] and "nothing of the change" in no_blocking_message_boxes[-1]
    assert _partners(cluster, pg_url) == [] and _history_rows(cluster, pg_url) == 0  # nothing half-written
    assert _bar(window).isVisible()
    qtbot.waitUntil(lambda: not _bar(window).isVisible(), timeout=20_000)  # the server is up: reconnected
    assert window.statusBar().currentMessage() == "Reconnected"


def test_after_the_connection_was_killed_and_came_back_the_next_save_works(
        qtbot, window, cluster, pg_url, monkeypatch, no_blocking_message_boxes):
    track_new = door.Operation.track_new
    monkeypatch.setattr(door.Operation, "track_new", lambda self, model, record_id: (
        track_new(self, model, record_id), cluster.terminate_backends(pg_url.rsplit("/", 1)[1])))
    dialog = _new_partner_form(qtbot, window, "Vladimir")
    _save(qtbot, dialog)
    qtbot.waitUntil(lambda: window.statusBar().currentMessage() == "Reconnected", timeout=20_000)
    monkeypatch.setattr(door.Operation, "track_new", track_new)
    _save(qtbot, dialog)  # the same form, what was typed still in it
    assert dialog.record_id is not None and _partners(cluster, pg_url) == ["Vladimir"]
    assert _history_rows(cluster, pg_url) == 1


def test_a_read_while_the_server_is_away_shows_the_bar_not_the_crash_dialog(
        qtbot, window, cluster, no_blocking_message_boxes):
    from twindesk.ui.common.background import report_failure
    from twindesk.ui.shell import crash

    partners_list(qtbot, window)
    cluster.stop()
    with pytest.raises(Exception) as caught:  # noqa: B017 - whatever the list's read raises, it is shown below
        window.refresh_current()  # the list reads on the GUI thread
    crash._present(caught.type, caught.value, caught.tb, "MainThread")  # as sys.excepthook would
    report_failure(window, caught.value)  # as a worker's read (the dashboard) would
    assert crash._state.dialogs == [] and no_blocking_message_boxes == []
    assert _bar(window).isVisible()
    cluster.start()
    qtbot.waitUntil(lambda: not _bar(window).isVisible(), timeout=20_000)
    window.refresh_current()  # reads again


def test_backing_up_a_server_from_the_window_points_to_pg_dump(qtbot, window, no_blocking_message_boxes):
    window.backup_now()
    window.restore_from_backup()
    assert len(no_blocking_message_boxes) == 2
    assert all("pg_dump and pg_restore" in said for said in no_blocking_message_boxes)
