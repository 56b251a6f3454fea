"""The shell paints before the database layer is loaded (docs/architecture.md, "Start-up"): what its
modules import, what the window offers while its database opens, and the lock prompt, the read-only
fallback and a database that cannot be opened, all now over the painted shell."""

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.gui.conftest import wait_until_ready
from twindesk.domain import workspace
from twindesk.ui.dashboard.page import DashboardPage
from twindesk.ui.shell.main_window import MainWindow

REPO_ROOT = Path(__file__).resolve().parents[2]

# Nothing of the database layer before the first paint: peewee, the store, the domain (operations,
# queries, the specs that load the models), the session that opens the database.
DATABASE_LAYER = ("peewee", "playhouse", "twindesk.store", "twindesk.domain", "twindesk.ui.shell.session",
                  "twindesk.ui.common.databus", "twindesk.ui.common.background", "twindesk.ui.shell.undo_actions")

SHELL_MODULES = r"""
import json, sys
import PySide6.QtCore
import twindesk.ui.shell.app, twindesk.ui.shell.main_window
print(json.dumps({"modules": sorted(sys.modules), "Qt namespace": "Qt" in PySide6.QtCore.__dict__}))
"""


def _python(script: str, tmp_path, *args) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "TWINDESK_DB"}
    env.update({"QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(REPO_ROOT)})
    for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
        env[name] = str(tmp_path / name.lower())
    return subprocess.run([sys.executable, "-c", script, *map(str, args)], env=env, capture_output=True,
                          text=True, timeout=120)


def _last_json(done: subprocess.CompletedProcess) -> dict:
    assert done.stdout.strip(), done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_the_shells_modules_import_nothing_of_the_database_layer(tmp_path):
    done = _python(SHELL_MODULES, tmp_path)
    assert done.returncode == 0, done.stderr
    seen = _last_json(done)
    assert "twindesk.ui.shell.main_window" in seen["modules"]
    assert [m for m in seen["modules"] if m.startswith(DATABASE_LAYER)] == []
    # Qt's `Qt` namespace costs ~14 ms on first use; the shell gets by without it until it has painted.
    assert not seen["Qt namespace"]


# The real start-up (app.run), watched: at the first paint, when the lock prompt asks, when the dashboard is ready.
RUN = r"""
import json, sys
import PySide6.QtCore
from PySide6.QtCore import QEvent, QObject, QTimer
from twindesk.ui.shell import app as twapp, lock_prompt
from twindesk.ui.shell.main_window import MainWindow

answer = sys.argv[2]  # what the lock prompt is answered: "read-only" or "cancel"
qapp = twapp.make_application()
seen = {}


def state(window):
    return {"modules": sorted(m for m in sys.modules if m.startswith(("peewee", "twindesk"))),
            "Qt namespace": "Qt" in PySide6.QtCore.__dict__, "visible": window.isVisible(),
            "painted": window._shell_painted, "title": window.windowTitle(), "status": window.statusBar().currentMessage(),
            "enabled": sorted(a.objectName() for a in window.findChildren(PySide6.QtGui.QAction) if a.isEnabled()
                              and a.objectName())}


def asked(parent, holder):
    seen["lock prompt"] = state(parent) | {"holder": holder.user}
    return answer == "read-only"


lock_prompt.ask_read_only = asked  # the session, imported after the paint, takes this one


def ready():
    window = seen.pop("window")
    banner = window.findChild(PySide6.QtWidgets.QLabel, "read_only_banner")
    seen["ready"] = state(window) | {"read_only": window.read_only, "banner": banner.text() if banner else None,
                                     "counts": [window.nav.count_of(row) for row in range(1, 6)]}
    print(json.dumps(seen), flush=True)
    qapp.quit()


class Watch(QObject):
    def eventFilter(self, obj, event):
        if "window" not in seen and event.type() == QEvent.Type.Paint and isinstance(obj, MainWindow):
            seen["window"] = obj  # the paint pass (toolbar, navigation, icons) is through at the zero-timer,
            QTimer.singleShot(0, lambda: seen.update({"first paint": state(obj)}))  # posted before the window's
            # ready once every slot of the dashboard's `refreshed` has run (the window reads its counts then)
            obj.stack.pageBuilt.connect(lambda index, page: page.refreshed.connect(lambda: QTimer.singleShot(0, ready)))
        return False


watch = Watch()
qapp.installEventFilter(watch)
code = twapp.run(sys.argv[1], lang="en")
if "ready" not in seen:
    seen.pop("window", None)
    print(json.dumps(seen | {"exit": code}), flush=True)
sys.exit(code)
"""


def _held_database(tmp_path) -> Path:
    from tests.gui.test_read_only_window import HOLDER
    from twindesk.domain.operations import records

    path = tmp_path / "office.db"
    workspace.open_workspace(path, take_backups=False)
    records.save("partner", {"name_en": "Hyogo", "country": "JP"})
    workspace.close()
    workspace.DatabaseLock(path).path.write_text(json.dumps(HOLDER), encoding="utf-8")
    return path


def test_the_shell_paints_before_the_database_opens_then_the_window_is_whole(tmp_path):
    done = _python(RUN, tmp_path, tmp_path / "new.db", "read-only")
    assert done.returncode == 0, done.stderr
    seen = _last_json(done)
    painted = seen["first paint"]
    assert [m for m in painted["modules"] if m.startswith(DATABASE_LAYER)] == []
    assert not painted["Qt namespace"]
    assert painted["title"] == "TwinDesk" and painted["status"] == "Opening the database…"
    # While it opens nothing that needs the database can be chosen; the shell's own help and quit can.
    assert painted["enabled"] == ["about", "quit", "user_guide"]
    ready = seen["ready"]
    assert ready["title"] == "TwinDesk — new.db" and ready["status"] == "" and not ready["read_only"]
    assert {"import", "restore_backup", "backup", "export", "settings", "open_database"} <= set(ready["enabled"])
    assert "twindesk.domain.workspace" in ready["modules"]
    assert ready["counts"] == [0, 0, 0, 0, 0]  # read once the dashboard had read


def test_the_lock_prompt_asks_over_the_painted_shell_and_read_only_follows(tmp_path):
    done = _python(RUN, tmp_path, _held_database(tmp_path), "read-only")
    assert done.returncode == 0, done.stderr
    seen = _last_json(done)
    asked = seen["lock prompt"]
    assert asked["visible"] and asked["painted"] and asked["holder"] == "wang.fang"
    assert asked["enabled"] == ["about", "quit", "user_guide"]  # nothing writes while it asks
    ready = seen["ready"]
    assert ready["read_only"] and "wang.fang" in ready["banner"]
    assert ready["title"] == "TwinDesk — office.db — read-only"
    assert not {"new", "delete", "import", "restore_backup", "undo", "redo"} & set(ready["enabled"])
    assert ready["counts"][0] == 1


def test_cancelling_the_lock_prompt_closes_the_shell_and_ends(tmp_path):
    done = _python(RUN, tmp_path, _held_database(tmp_path), "cancel")
    assert done.returncode == 0, done.stderr  # the user chose not to open it: no error
    seen = _last_json(done)
    assert seen["lock prompt"]["painted"] and seen["exit"] == 0 and "ready" not in seen


UNOPENABLE = r"""
import sys
from PySide6.QtWidgets import QMessageBox
said = []
QMessageBox.critical = staticmethod(lambda parent, title, text, *a, **k: said.append((parent is not None, text)))
from twindesk import cli
code = cli.main(["--db", sys.argv[1]])
print("SAID", said, flush=True)
sys.exit(code)
"""


def test_a_database_path_that_cannot_be_used_is_said_over_the_shell_and_on_the_command_line(tmp_path):
    loop = tmp_path / "loop.db"
    loop.symlink_to(loop)
    done = _python(UNOPENABLE, tmp_path, loop)
    assert done.returncode == 2
    assert f"{loop}: is a loop of symbolic links" in done.stderr  # twindesk: error: …, as before
    said = done.stdout.strip().splitlines()[-1]
    assert "SAID [(True," in said and "loop of symbolic links" in said  # and in the window, over the shell


def test_a_shell_without_its_database_offers_nothing_that_needs_one_until_attached(qtbot, gui_db, app_settings):
    window = MainWindow(settings=app_settings, lang="en")
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window._shell_painted)
    qtbot.wait(FIRST_PAGE_WAIT_MS)
    assert window.stack.built(window.nav.currentRow()) is None  # no page before its database
    for action in (window.new_action, window.delete_action, window.import_action, window.restore_action,
                   window.undo_action, window.redo_action, window.backup_action, window.export_action,
                   window.settings_action, window.open_database_action, window.recent_action):
        assert not action.isEnabled(), action.objectName()
    window.attach(gui_db.path)
    wait_until_ready(qtbot, window)
    assert isinstance(window.stack.built(0), DashboardPage)
    assert window.windowTitle() == "TwinDesk — gui.db"
    assert window.import_action.isEnabled() and window.backup_action.isEnabled()
    assert window.recent_menu.current == gui_db.path.resolve()


FIRST_PAGE_WAIT_MS = 300  # longer than the window's fallback for building its first page
