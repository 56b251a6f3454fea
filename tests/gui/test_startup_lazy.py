"""Start-up is lazy (docs/architecture.md, "Start-up"): the shell paints first, each page is built when it
is first opened, and what a page, a workbook or a briefing pack needs is not imported before it is used.
What must keep working does: change notices, shortcuts and read-only on pages built later."""

import json
import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit

from twindesk.domain.operations import records
from twindesk.ui.dashboard.page import DashboardPage
from twindesk.ui.lists.list_page import ListPage
from twindesk.ui.shell.main_window import MainWindow

REPO_ROOT = Path(__file__).resolve().parents[2]


def _first_page_built(qtbot, window) -> None:
    qtbot.waitUntil(lambda: window.stack.built(window.nav.currentRow()) is not None)


def test_only_the_first_page_exists_after_the_window_opens_and_navigating_builds_the_next(qtbot, window):
    _first_page_built(qtbot, window)
    assert isinstance(window.stack.built(0), DashboardPage)
    assert [window.stack.built(row) for row in range(1, 6)] == [None] * 5
    assert window.findChildren(ListPage) == []

    window.nav.setCurrentRow(2)
    visits = window.stack.currentWidget()
    assert isinstance(visits, ListPage) and visits.objectName() == "page_visits"
    assert visits.findChild(QLineEdit, "search") is not None
    assert [window.stack.built(row) is not None for row in range(6)] == [True, False, True, False, False, False]
    window.nav.setCurrentRow(1)
    window.nav.setCurrentRow(2)
    assert window.stack.currentWidget() is visits  # built once, kept


def test_a_change_before_a_page_was_built_reaches_it_when_it_is_built(qtbot, gui_db, app_settings):
    window = MainWindow(db_path=gui_db.path, settings=app_settings, lang="en")
    qtbot.addWidget(window)
    records.save("partner", {"name_en": "Kobe", "country": "JP"})  # a notice before any page is built
    window.show()
    _first_page_built(qtbot, window)
    records.save("partner", {"name_en": "Hyogo", "country": "JP"})  # a change notice; no partners page yet
    assert window.stack.built(1) is None
    window.nav.setCurrentRow(1)
    page = window.current_list_page()
    qtbot.waitUntil(lambda: page.model.rowCount() == 2)
    assert window.nav.count_of(1) == 2
    records.save("partner", {"name_en": "Jeju", "country": "KR"})  # and the built page follows the next one
    qtbot.waitUntil(lambda: page.model.rowCount() == 3)


def test_shortcuts_act_on_a_page_built_later(qtbot, window):
    records.save("partner", {"name_en": "Hyogo", "country": "JP"})
    _first_page_built(qtbot, window)
    window.nav.setCurrentRow(3)  # shipments, built now
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is window.current_list_page().search
    assert window.export_view_action.isEnabled()  # Ctrl+E exports this page's view
    window.nav.setCurrentRow(1)
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is window.current_list_page().search


def test_read_only_holds_on_pages_built_later(qtbot, gui_db, app_settings):
    records.save("partner", {"name_en": "Hyogo", "country": "JP"})
    window = MainWindow(db_path=gui_db.path, settings=app_settings, read_only=True,
                        read_only_reason="held by Li Na")
    qtbot.addWidget(window)
    window.show()
    _first_page_built(qtbot, window)
    window.nav.setCurrentRow(1)
    page = window.current_list_page()
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    page.view.selectRow(0)
    assert not window.new_action.isEnabled()
    assert not window.delete_action.isEnabled()
    assert window.open_action.isEnabled()  # reading is fine


# What start-up imports: checked in a fresh interpreter, at the first paint and once the dashboard is ready.
PROBE = r"""
import json, sys
from PySide6.QtCore import QEvent, QObject, QTimer
from twindesk.ui.shell import app as twapp
from twindesk.ui.shell.main_window import MainWindow

qapp = twapp.make_application()
seen = {}


def modules():
    return sorted(m for m in sys.modules if m.split(".")[0] in ("twindesk", "openpyxl", "reportlab", "pypinyin"))


def ready():
    seen["dashboard ready"] = modules()
    print(json.dumps(seen))
    qapp.quit()


def painted(window):
    seen["first paint"] = modules()
    seen["pages at first paint"] = [window.stack.built(row) is not None for row in range(6)]
    window.stack.pageBuilt.connect(lambda index, page: index == 0 and page.refreshed.connect(ready))


class Watch(QObject):
    done = False

    def eventFilter(self, obj, event):
        if not self.done and event.type() == QEvent.Type.Paint and isinstance(obj, MainWindow):
            self.done = True
            painted(obj)  # before the zero-timer that builds the first page
        return False


watch = Watch()
qapp.installEventFilter(watch)
sys.exit(twapp.run(sys.argv[1], lang="en"))
"""

NOT_AT_START = ("openpyxl", "reportlab", "pypinyin", "twindesk.exchange", "twindesk.briefing",
                "twindesk.domain.transfer", "twindesk.ui.exchange", "twindesk.ui.briefing",
                "twindesk.ui.records", "twindesk.ui.history", "twindesk.ui.lists",
                "twindesk.ui.shell.settings_dialog", "twindesk.ui.shell.user_guide")


def test_start_up_imports_no_page_form_workbook_or_briefing_code(tmp_path):
    env = {k: v for k, v in os.environ.items() if k != "TWINDESK_DB"}
    env.update({"QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(REPO_ROOT)})
    for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
        env[name] = str(tmp_path / name.lower())
    done = subprocess.run([sys.executable, "-c", PROBE, str(tmp_path / "lazy.db")], env=env,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    seen = json.loads(done.stdout.strip().splitlines()[-1])
    assert seen["pages at first paint"] == [False] * 6  # the shell paints before any page is built
    at_paint = seen["first paint"]
    assert "twindesk.ui.shell.main_window" in at_paint
    assert [m for m in at_paint if m.startswith(NOT_AT_START + ("twindesk.ui.dashboard",))] == []
    ready = seen["dashboard ready"]
    assert "twindesk.ui.dashboard.page" in ready
    assert [m for m in ready if m.startswith(NOT_AT_START)] == []
