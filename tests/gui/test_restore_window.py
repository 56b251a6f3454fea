"""File › Restore from backup…, the damaged database's screen, and opening when backups cannot be written
or the medium is read-only: driven as a user drives them."""

import os
import shutil
import subprocess
from datetime import datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox

from tests.gui.conftest import answer_modal
from twindesk.domain import workspace
from twindesk.domain.operations import records
from twindesk.store import close_database, open_database
from twindesk.store import models as m
from twindesk.ui.backups.restore_dialog import RestoreDialog
from twindesk.ui.shell.session import Session

# Earlier days in different months (so each open fills its own slots), never in the future.
DAYS = [(datetime.now() - timedelta(days=days)).replace(hour=9, minute=0, second=0, microsecond=0)
        for days in (100, 40)]


def _label(day: datetime) -> str:
    return f"{day.day} {day:%b %Y %H:%M}"  # the window's English date, e.g. 2 Mar 2026 09:00


def _open_on(path, day, add: str | None = None) -> None:
    """The database opened on `day` (its rotating copies taken then), with one partner added after."""
    open_database(path, create=True, clock=lambda: day)
    if add:
        workspace.open_workspace(path, take_backups=False)
        records.save("partner", {"name_en": add, "country": "JP"})
        workspace.close()
    else:
        close_database()


def _date_backups(path) -> None:
    """A rotating copy is listed by when its file was written: make that the day it was taken."""
    for copy in (path.parent / f"{path.stem}-backups").glob("*.db"):
        day = next((d for d in DAYS if d.strftime("%Y-%m") in copy.name), None)
        if day is not None:
            os.utime(copy, (day.timestamp(), day.timestamp()))


@pytest.fixture
def office_db(tmp_path):
    """Hyogo first; the March open backs that up; Yalta next; the May open backs both up; then Jeju."""
    path = tmp_path / "office.db"
    workspace.open_workspace(path, take_backups=False)
    records.save("partner", {"name_en": "Hyogo", "country": "JP"})
    workspace.close()
    _open_on(path, DAYS[0], add="Yalta")
    _open_on(path, DAYS[1], add="Jeju")
    _date_backups(path)
    return path


@pytest.fixture
def say_yes(monkeypatch, no_blocking_message_boxes):
    """Answer Yes to the confirmation, keeping what it asked."""
    def question(parent, title, text, *args, **kwargs):
        no_blocking_message_boxes.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", question)
    return no_blocking_message_boxes


@pytest.fixture
def session(qtbot, app_settings):
    made: list[Session] = []

    def start(path) -> Session:
        s = Session(app_settings, "en")
        made.append(s)
        if s.open(path):
            s.show_window()
            qtbot.addWidget(s.window)
        return s

    yield start
    for s in made:
        if s.window is not None:
            s.window.close()
        s.shutdown()


def _partner_names():
    return sorted(p.name_en for p in m.Partner.select())


def _rows(table):
    return [[table.item(r, c).text() for c in range(table.columnCount())] for r in range(table.rowCount())]


def _pick_row_with_keyboard(qtbot, dialog, wanted: str):
    """Arrow down to the row whose date starts with `wanted`, then Enter."""
    table = dialog.findChild(type(dialog.table), "list")
    table.setFocus()
    for _ in range(table.rowCount()):
        if table.item(table.currentRow(), 0).text().startswith(wanted):
            break
        qtbot.keyClick(table, Qt.Key.Key_Down)
    qtbot.keyClick(table, Qt.Key.Key_Return)


def test_file_menu_lists_the_backups_and_restores_the_one_chosen(qtbot, office_db, session, say_yes):
    s = session(office_db)
    old = s.window
    file_menu = old.menuBar().actions()[0].menu()
    restore = next(a for a in file_menu.actions() if a.objectName() == "restore_backup")
    assert restore.text().replace("&", "") == "Restore from backup…" and restore.isEnabled()
    seen = {}

    def choose(dialog):
        assert isinstance(dialog, RestoreDialog)
        seen["rows"] = _rows(dialog.table)
        _pick_row_with_keyboard(qtbot, dialog, _label(DAYS[0]))

    errors = answer_modal(choose)
    restore.trigger()
    assert not errors, errors
    rows = seen["rows"]
    # Newest first (today's open took one too); one copy for the three slots an open fills; the
    # counts the backup holds.
    assert [r[0] for r in rows[1:]] == [_label(DAYS[1]), _label(DAYS[0])]
    assert [r[1] for r in rows] == ["daily, weekly, monthly"] * 3, rows
    assert [r[3:] for r in rows] == [["3", "0", "0"], ["2", "0", "0"], ["1", "0", "0"]]
    assert rows[2][2].endswith(" KB")
    assert any(f"Restore the backup of {_label(DAYS[0])}?" in t and "safety copy" in t for t in say_yes)

    assert _partner_names() == ["Hyogo"]  # the March copy, not May's or today's
    assert s.window is not old and s.window.isVisible() and not s.window.read_only
    message = s.window.statusBar().currentMessage()
    assert message.startswith(f"Restored the backup of {_label(DAYS[0])}; the previous content is saved as "
                              "office-backups/before-restore-"), message
    partners_page = s.window.list_pages[0]
    s.window.nav.setCurrentRow(1)
    qtbot.waitUntil(lambda: partners_page.view.model().rowCount() == 1)
    assert workspace.DatabaseLock(office_db).holder() is not None  # the window still holds its lock
    records.save("partner", {"name_en": "After the restore", "country": "KR"})  # and may write
    # What it held before is one more backup, listed as such.
    kept = [b for b in workspace.list_backups(office_db) if b.kinds == ("restore",)]
    assert [b.partners for b in kept] == [3]


def test_choose_a_file_restores_any_copy_and_no_answers_nothing(qtbot, office_db, tmp_path, session,
                                                                 monkeypatch, no_blocking_message_boxes):
    from PySide6.QtWidgets import QFileDialog

    s = session(office_db)
    copy = tmp_path / "usb" / "copy.db"
    copy.parent.mkdir()
    shutil.copyfile(workspace.list_backups(office_db)[-1].path, copy)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(copy), ""))
    still_open = []

    def choose_file_then_say_no(dialog):
        dialog.file_button.click()  # the confirmation answers No: back to the list
        still_open.append(dialog.isVisible())
        dialog.reject()

    errors = answer_modal(choose_file_then_say_no)
    s.window.restore_action.trigger()
    assert not errors, errors
    assert still_open == [True]
    assert any("Restore the backup of copy.db?" in t for t in no_blocking_message_boxes)
    assert _partner_names() == ["Hyogo", "Jeju", "Yalta"]  # No: nothing changed

    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    errors = answer_modal(lambda dialog: dialog.file_button.click())
    s.window.restore_action.trigger()
    assert not errors, errors
    assert _partner_names() == ["Hyogo"]
    assert s.window.statusBar().currentMessage().startswith("Restored the backup of copy.db; ")


def test_a_read_only_window_cannot_restore(qtbot, office_db, session, monkeypatch):
    holder = workspace.DatabaseLock(office_db)
    assert holder.acquire() is None  # another window has it
    monkeypatch.setattr("twindesk.ui.shell.session.ask_read_only", lambda parent, who: True)
    try:
        s = session(office_db)
        assert s.window.read_only and not s.window.restore_action.isEnabled()
    finally:
        holder.release()


@pytest.fixture(params=["cut short", "bad pages"])
def damaged_db(request, office_db):
    """The office database with its backups beside it, cut in half (closed, so no WAL holds the rest),
    or with the partner table's page overwritten (the header and schema are whole: only reading every
    page tells, as the day's backup copy does)."""
    data = office_db.read_bytes()
    assert not os.path.exists(f"{office_db}-wal")
    if request.param == "cut short":
        office_db.write_bytes(data[: len(data) // 2])
    else:
        page = int.from_bytes(data[16:18], "big")
        office_db.write_bytes(data[:page] + b"\xa5" * page + data[2 * page:])  # page 2: the partners
    return office_db


def test_a_damaged_database_opens_to_the_offer_to_restore_it(qtbot, damaged_db, session, say_yes, request):
    seen = {}

    def on_damaged(dialog):
        seen["text"] = " ".join(label.text() for label in dialog.findChildren(type(dialog.findChild(
            object, "headline"))))
        seen["buttons"] = [dialog.restore_button.text(), dialog.other_button.text(), dialog.quit_button.text()]
        seen["errors"] = answer_modal(lambda restore: _pick_row_with_keyboard(qtbot, restore, _label(DAYS[1])))
        qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)

    errors = answer_modal(on_damaged)
    s = session(damaged_db)
    assert not errors and not seen["errors"], (errors, seen["errors"])
    assert "The database office.db is damaged." in seen["text"]
    found = {"cut short": "the file is cut short", "bad pages": "is damaged (database disk image is malformed)"}
    assert found[request.node.callspec.params["damaged_db"]] in seen["text"], seen["text"]
    assert [b.replace("&", "") for b in seen["buttons"]] == ["Restore from backup…", "Open another database…",
                                                             "Quit"]
    assert s.window is not None and s.path == damaged_db and not s.read_only
    assert _partner_names() == ["Hyogo", "Yalta"]
    assert s.window.statusBar().currentMessage().startswith(f"Restored the backup of {_label(DAYS[1])}; the "
                                                             "previous content is saved as office-backups/")
    kept = [p for p in (damaged_db.parent / "office-backups").iterdir() if p.name.startswith("before-restore")]
    assert kept, "the damaged file is kept as a raw safety copy"


def test_quit_on_the_damaged_screen_opens_nothing(qtbot, damaged_db, session):
    digest = damaged_db.read_bytes()
    errors = answer_modal(lambda dialog: qtbot.mouseClick(dialog.quit_button, Qt.MouseButton.LeftButton))
    s = session(damaged_db)
    assert not errors, errors
    assert s.window is None and s.path is None
    assert damaged_db.read_bytes() == digest
    assert workspace.DatabaseLock(damaged_db).holder() is None


def test_open_another_database_from_the_damaged_screen(qtbot, damaged_db, tmp_path, session, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    other = tmp_path / "other.db"
    workspace.open_workspace(other, take_backups=False)
    records.save("partner", {"name_en": "Busan", "country": "KR"})
    workspace.close()
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(other), ""))
    errors = answer_modal(lambda dialog: qtbot.mouseClick(dialog.other_button, Qt.MouseButton.LeftButton))
    s = session(damaged_db)
    assert not errors, errors
    assert s.path == other and _partner_names() == ["Busan"]
    assert workspace.DatabaseLock(damaged_db).holder() is None


def test_a_backup_that_cannot_be_written_opens_writable_with_a_warning(qtbot, tmp_path, session):
    path = tmp_path / "office.db"
    workspace.open_workspace(path, take_backups=False)
    records.save("partner", {"name_en": "Hyogo", "country": "JP"})
    workspace.close()
    (tmp_path / "office-backups").write_text("not a folder")  # the day's copy has nowhere to go
    s = session(path)
    assert s.window is not None and not s.read_only and s.window.restore_action.isEnabled()
    assert "a backup is missing: no backup was taken today" in s.window.statusBar().currentMessage()
    notice = s.window.findChild(QMessageBox, "open_notice")
    assert notice is not None and notice.isVisible() and not notice.isModal()
    assert QApplication.activeModalWidget() is None  # the window is usable at once
    records.save("partner", {"name_en": "Still writable", "country": "KR"})
    assert _partner_names() == ["Hyogo", "Still writable"]


def _mount(*args) -> bool:
    if os.geteuid() != 0 or shutil.which("mount") is None:
        return False
    return subprocess.run(["mount", *args], capture_output=True).returncode == 0


@pytest.fixture
def read_only_medium(tmp_path):
    source, point = tmp_path / "rw", tmp_path / "ro"
    source.mkdir()
    point.mkdir()
    workspace.open_workspace(source / "office.db", take_backups=False)
    records.save("partner", {"name_en": "Hyogo", "country": "JP"})
    workspace.close()
    if not _mount("--bind", str(source), str(point)):
        pytest.skip("cannot bind-mount here")
    if subprocess.run(["mount", "-o", "remount,bind,ro", str(point)], capture_output=True).returncode:
        subprocess.run(["umount", "-l", str(point)], check=False)
        pytest.skip("cannot remount read-only here")
    yield point / "office.db"
    subprocess.run(["umount", "-l", str(point)], check=False)


def test_a_read_only_medium_opens_read_only_and_says_why(qtbot, read_only_medium, session):
    s = session(read_only_medium)  # the lock file cannot be written there either
    assert s.window is not None and s.read_only and s.window.read_only
    assert not s.window.restore_action.isEnabled() and not s.window.import_action.isEnabled()
    message = s.window.statusBar().currentMessage()
    assert message.startswith(f"Opened read-only: {read_only_medium}: is on a read-only medium"), message
    assert s.window.findChild(QMessageBox, "open_notice").isVisible()
    assert _partner_names() == ["Hyogo"]


@pytest.fixture
def immutable_db(tmp_path):
    path = tmp_path / "office.db"
    workspace.open_workspace(path, take_backups=False)
    records.save("partner", {"name_en": "Hyogo", "country": "JP"})
    workspace.close()
    if shutil.which("chattr") is None or subprocess.run(["chattr", "+i", str(path)],
                                                        capture_output=True).returncode:
        pytest.skip("chattr +i is not available here")
    yield path
    subprocess.run(["chattr", "-i", str(path)], check=False)


def test_a_read_only_file_opens_read_only_and_lets_go_of_the_lock(qtbot, immutable_db, session):
    s = session(immutable_db)
    assert s.window is not None and s.read_only and s.lock is None
    assert "is a read-only file" in s.window.statusBar().currentMessage()
    assert workspace.DatabaseLock(immutable_db).holder() is None


def test_a_file_that_is_no_backup_is_refused_and_the_database_stays_open(qtbot, office_db, tmp_path, session,
                                                                         monkeypatch, say_yes):
    from PySide6.QtWidgets import QFileDialog

    s = session(office_db)
    window = s.window
    notes = tmp_path / "notes.db"
    notes.write_text("not a database\n" * 50)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(notes), ""))
    errors = answer_modal(lambda dialog: dialog.file_button.click())
    window.restore_action.trigger()
    assert not errors, errors
    assert any("notes.db" in t and "not a TwinDesk database" in t for t in say_yes), say_yes
    assert s.window is window and _partner_names() == ["Hyogo", "Jeju", "Yalta"]
    records.save("partner", {"name_en": "Still writable", "country": "KR"})  # open again, under the lock


def test_the_damaged_screen_speaks_chinese(qtbot, office_db, app_settings):
    from twindesk.ui.shell.i18n import install_language

    data = office_db.read_bytes()
    office_db.write_bytes(data[: len(data) // 2])
    seen = {}

    def look(dialog):
        seen["texts"] = [dialog.findChild(QLabel, name).text() for name in ("headline", "details")]
        seen["buttons"] = [dialog.restore_button.text(), dialog.other_button.text(), dialog.quit_button.text()]
        dialog.reject()

    assert install_language("zh_CN")
    try:
        s = Session(app_settings, "zh_CN")
        errors = answer_modal(look)
        assert not s.open(office_db)
        assert not errors, errors
    finally:
        install_language("en")
        s.shutdown()
    assert "数据库 office.db 已损坏。" in seen["texts"][0]
    assert "已损坏：文件被截断" in seen["texts"][1]  # the store's own words, in Chinese
    assert seen["buttons"] == ["从备份恢复(&R)…", "打开其他数据库(&O)…", "退出(&Q)"]
