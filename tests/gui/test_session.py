"""Switching database or language from Settings while TwinDesk runs, and losing the lock to another
window: the session keeps one database open at a time and never leaves the user without one."""

import json
import socket

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from tests.gui.conftest import answer_modal
from twindesk.domain import workspace
from twindesk.domain.operations import records
from twindesk.store import models as m
from twindesk.ui.shell import settings as S
from twindesk.ui.shell.session import Session


def _make_db(path, name):
    workspace.open_workspace(path)
    records.save("partner", {"name_en": name, "country": "JP"})
    workspace.close()


@pytest.fixture
def two_databases(tmp_path):
    first, second = tmp_path / "office.db", tmp_path / "other" / "archive.db"
    second.parent.mkdir()
    _make_db(first, "Hyogo")
    _make_db(second, "Yalta")
    return first, second


@pytest.fixture
def session(qtbot, app_settings, two_databases):
    s = Session(app_settings, "en")
    assert s.open(two_databases[0])
    s.show_window()
    qtbot.addWidget(s.window)
    yield s
    if s.window is not None:
        s.window.close()
    s.shutdown()


def _partner_names():
    return [p.name_en for p in m.Partner.select().order_by(m.Partner.id)]


def _press_ok_in_settings(qtbot, **fields):
    def fill(dialog):
        for name, value in fields.items():
            widget = getattr(dialog, name)
            if hasattr(widget, "setText"):
                widget.setText(value)
            else:
                widget.setCurrentIndex(widget.findData(value))
        qtbot.mouseClick(dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok),
                         Qt.MouseButton.LeftButton)
    return answer_modal(fill)


def test_settings_opens_another_database_at_once_and_moves_the_lock(qtbot, session, two_databases, app_settings):
    first, second = two_databases
    old_window = session.window
    assert workspace.DatabaseLock(first).holder() is not None
    errors = _press_ok_in_settings(qtbot, database=str(second))
    old_window.settings_action.trigger()
    assert not errors, errors
    assert session.path == second and session.window is not old_window
    assert session.window.db_path == second
    assert not old_window.isVisible() and session.window.isVisible()
    assert _partner_names() == ["Yalta"]
    assert session.window.windowTitle().startswith("TwinDesk — archive.db")
    assert workspace.DatabaseLock(first).holder() is None  # let go of the old one
    assert workspace.DatabaseLock(second).holder() is not None
    assert app_settings.get(S.DATABASE) == str(second)


def test_a_file_that_is_no_database_is_refused_and_the_user_stays_where_they_were(
        qtbot, session, tmp_path, two_databases, no_blocking_message_boxes, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    shown = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _p, _t, text, *a, **k: shown.append(text))
    letter = tmp_path / "letter.db"
    letter.write_text("Dear colleagues, …", encoding="utf-8")
    window = session.window
    errors = _press_ok_in_settings(qtbot, database=str(letter))
    window.settings_action.trigger()
    assert not errors, errors
    assert len(shown) == 1
    assert f"{letter}: is not a TwinDesk database (not an SQLite file)" in shown[0]
    assert session.window is window and session.path == two_databases[0]
    assert _partner_names() == ["Hyogo"]  # the first database is open again
    assert workspace.DatabaseLock(two_databases[0]).holder() is not None
    assert workspace.DatabaseLock(letter).holder() is None


def test_switching_language_redraws_the_window_in_it(qtbot, session):
    calls = []
    session.apply_language = calls.append
    old_window = session.window
    errors = _press_ok_in_settings(qtbot, language="zh_CN")
    old_window.settings_action.trigger()
    assert not errors, errors
    assert calls == ["zh_CN"]
    assert session.window is not old_window and session.window.lang == "zh_CN"
    session.window.nav.setCurrentRow(2)  # visits: the status filter offers the statuses in Chinese
    page = session.window.current_list_page()
    assert "已确认" in [page.status_filter.itemText(i) for i in range(page.status_filter.count())]


def test_losing_the_lock_to_another_window_turns_this_one_read_only(qtbot, session, two_databases,
                                                                    no_blocking_message_boxes):
    first = two_databases[0]
    lock_file = workspace.DatabaseLock(first).path
    other = {"user": "wang.fang", "host": socket.gethostname(), "pid": 1, "since": "2026-11-29T08:00:00+00:00",
             "heartbeat": "2099-01-01T00:00:00+00:00", "version": "0.1", "token": "theirs"}
    lock_file.write_text(json.dumps(other), encoding="utf-8")  # pid 1 is alive: a live holder
    session.check_lock()
    assert session.read_only and session.window.read_only
    assert not session.window.new_action.isEnabled()
    assert "Another TwinDesk window has taken over this database by wang.fang" in no_blocking_message_boxes[-1]
    assert json.loads(lock_file.read_text(encoding="utf-8"))["token"] == "theirs"  # theirs is left alone
    assert _partner_names() == ["Hyogo"]  # still readable
    with pytest.raises(Exception, match="readonly|read-only|query_only|attempt to write|write lock"):
        records.save("partner", {"name_en": "Sneaky", "country": "JP"})
