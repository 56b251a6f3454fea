"""The Chinese window speaks Chinese everywhere: every page, every record form of every kind (new and
existing, every tab, with its validation messages), settings, export, import problems, the briefing
pack, restore, recent changes, about, delete confirmations and refusals, undo refusals, file errors,
Qt's own file dialog and the read-only banner. Every visible text is collected (labels, buttons, tabs,
headers, titles, tooltips, placeholders, menu items, message boxes) and no run of two or more English
words may remain, apart from record data typed in English, codes, file names and the few names that
stay as they are."""

import json
import re
import socket
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QTabWidget,
    QWidget,
)

from tests.gui.conftest import answer_modal
from twindesk import __version__
from twindesk.domain.model.specs import SPECS
from twindesk.domain.operations import records, undo
from twindesk.ui.shell.i18n import install_language

ALLOWED = ("TwinDesk", "UUID", "HXL", "PDF", "Excel", "CSV", "ID", "xlsx", "csv", "pdf", "db", __version__)
WORDS = re.compile(r"[A-Za-z][A-Za-z'’]*(?:[ ,;:.!?/()\-–—]+[A-Za-z][A-Za-z'’]*)+")
PATHS = re.compile(r"\S+@\S+|\S*[/\\]\S*|\S+\.(?:db|xlsx|csv|pdf|lock|json)\b|\*\.\w+")


def english_runs(text: str, data: set[str]) -> list[str]:
    """The runs of two or more English words in `text` that are not data, codes or allowed names."""
    text = text.replace("&&", "＆").replace("&", "")
    for value in sorted(data, key=len, reverse=True):
        text = text.replace(value, "〇")
    text = PATHS.sub("〇", text)
    for name in ALLOWED:
        text = re.sub(rf"\b{re.escape(name)}\b", "〇", text)
    return WORDS.findall(text)


def texts_of(widget: QWidget) -> list[tuple[str, str]]:
    """(where, text) for every text a person can read on `widget` and its children."""
    found = []
    for w in [widget, *widget.findChildren(QWidget)]:
        where = f"{type(w).__name__}:{w.objectName()}"
        if w.isWindow():
            found.append((where + " title", w.windowTitle()))
        found.append((where + " tooltip", w.toolTip()))
        if isinstance(w, QLabel):
            found.append((where, w.text()))
        elif isinstance(w, QAbstractButton):
            found.append((where, w.text()))
        elif isinstance(w, QGroupBox):
            found.append((where, w.title()))
        elif isinstance(w, QLineEdit):
            found.append((where + " placeholder", w.placeholderText()))
        elif isinstance(w, QComboBox):
            found += [(where + " item", w.itemText(i)) for i in range(w.count())]
        elif isinstance(w, QTabWidget):
            for i in range(w.count()):
                found += [(where + " tab", w.tabText(i)), (where + " tab tooltip", w.tabToolTip(i))]
        elif isinstance(w, QHeaderView) and w.model() is not None and w.isVisible():
            found += [(where + " header", str(w.model().headerData(c, w.orientation()) or ""))
                      for c in range(w.count()) if w.orientation() == Qt.Orientation.Horizontal]
        for action in w.actions():
            found += [(where + " action", action.text()), (where + " action tip", action.toolTip())]
            if action.menu() is not None:
                found += [(where + " menu", a.text()) for a in action.menu().actions()]
    if isinstance(widget, QMainWindow):
        for action in widget.menuBar().actions():
            found += [("menu", action.text())] + [("menu item", a.text()) for a in action.menu().actions()]
    return [(where, text) for where, text in found if text]


class Seen:
    """Everything read on the way, and the record data that may stay as typed."""

    def __init__(self):
        self.texts: list[tuple[str, str]] = []
        self.data: set[str] = set()

    def widget(self, name: str, widget: QWidget) -> None:
        self.texts += [(f"{name}: {where}", text) for where, text in texts_of(widget)]

    def message(self, name: str, *texts: str) -> None:
        self.texts += [(name, t) for t in texts if t]

    def english(self) -> list[str]:
        return [f"{where}: {text!r} -> {runs}" for where, text in self.texts
                if (runs := english_runs(text, self.data))]


@pytest.fixture
def chinese():
    assert install_language("zh_CN")
    yield
    install_language("en")


@pytest.fixture
def seen(monkeypatch):
    """Message boxes answered like a person who says No / Discard, with what they said kept."""
    seen = Seen()

    def ask(parent, title, text, *args, **kwargs):
        seen.message("message box", title, text)
        buttons = args[0] if args else kwargs.get("buttons")
        if buttons is not None and buttons & QMessageBox.StandardButton.Discard:
            return QMessageBox.StandardButton.Discard
        return QMessageBox.StandardButton.No

    for name in ("question", "warning", "information", "critical"):
        monkeypatch.setattr(QMessageBox, name, ask)
    monkeypatch.setattr(QMessageBox, "about", lambda parent, title, text: seen.message("about", title, text))
    return seen


def _records(seen: Seen) -> dict[str, int]:
    """One record of every kind, with Chinese and English names (the English is data, allowed)."""
    ids = {}
    ids["home_locality"] = records.save("home_locality", {"name_zh": "海口市", "name_en": "Haikou City"})
    ids["partner"] = records.save("partner", {"name_zh": "兵库县", "name_en": "Hyogo Prefecture", "country": "JP"})
    ids["partnership"] = records.save("partnership", {
        "partner": ids["partner"], "home_locality": ids["home_locality"], "status": "active",
        "signed_on": date(1990, 5, 1), "established_year": 1990})
    ids["status_change"] = records.save("status_change", {
        "partnership": ids["partnership"], "status": "active", "changed_on": date(1990, 5, 1)})
    ids["agreement"] = records.save("agreement", {"partnership": ids["partnership"], "title": "友好协议",
                                                  "signed_on": date(1990, 5, 1), "term_years": 5})
    ids["partnership_approval"] = records.save("partnership_approval", {"partnership": ids["partnership"],
                                                                        "stage": "provincial"})
    ids["contact"] = records.save("contact", {"partner": ids["partner"], "family_name": "Tanaka", "given_name": "Yuki"})
    ids["activity"] = records.save("activity", {"title": "经贸论坛", "held_on": date(2026, 4, 1),
                                                "partner": ids["partner"]})
    ids["visit"] = records.save("visit", {"title": "兵库县友好访问", "start_on": date(2027, 3, 15),
                                          "end_on": date(2027, 3, 18)})
    records.set_visit_partners(ids["visit"], [ids["partner"]])
    ids["delegate"] = records.save("delegate", {"visit": ids["visit"], "name": "李娜"})
    records.save("delegate", {"visit": ids["visit"], "name": "王伟"})
    ids["itinerary_item"] = records.save("itinerary_item", {"visit": ids["visit"], "day": date(2027, 3, 15),
                                                            "activity": "会见知事"})
    ids["gift"] = records.save("gift", {"visit": ids["visit"], "description": "黎锦"})
    ids["visit_approval"] = records.save("visit_approval", {"visit": ids["visit"], "authority": "省外办",
                                                            "countries": "JP", "days": 3})
    ids["shipment"] = records.save("shipment", {"title": "医用口罩", "partner": ids["partner"]})
    ids["shipment_item"] = records.save("shipment_item", {"shipment": ids["shipment"], "description": "医用口罩",
                                                          "quantity": 1000})
    seen.data |= {"Haikou City", "Hyogo Prefecture", "Tanaka Yuki", "Yuki Tanaka", "Tanaka", "Yuki", "Li Na"}
    return ids


@pytest.fixture
def window(qtbot, gui_db, app_settings, chinese, seen):
    from twindesk.ui.shell.main_window import MainWindow

    ids = _records(seen)
    w = MainWindow(db_path=gui_db.path, settings=app_settings, lang="zh_CN", user="李娜")
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    w.ids = ids
    return w


def _dialog(qtbot, seen, name, dialog: QDialog) -> None:
    """Show `dialog`, read it with every tab open, and close it."""
    dialog.show()
    tabs = dialog.findChildren(QTabWidget)
    seen.widget(name, dialog)
    for tab in tabs:
        for i in range(tab.count()):
            tab.setCurrentIndex(i)
            seen.widget(f"{name} tab {i}", tab.widget(i))
    if hasattr(dialog, "_dirty"):
        dialog._dirty = False
    dialog.done(0)
    dialog.deleteLater()


def _record_forms(qtbot, window, seen) -> None:
    from twindesk.ui.records.forms import dialog_for

    for kind, spec in SPECS.items():
        defaults = {spec.parent: window.ids[SPECS[kind].field(spec.parent).ref]} if spec.parent else {}
        hidden = (spec.parent,) if spec.parent else ()
        _dialog(qtbot, seen, f"{kind} {window.ids[kind]}",
                dialog_for(kind, window.ids[kind], lang="zh_CN", user="李娜", parent=window))
        new = dialog_for(kind, None, defaults=defaults, hidden=hidden, lang="zh_CN", user="李娜", parent=window)
        new.show()
        for editor in new.editors.values():  # something typed, so Save tries and the domain answers
            if isinstance(editor.widget, QLineEdit):
                editor.widget.setText("x" if kind not in ("visit", "shipment") else "")
        new._set_dirty(True)
        new.save()  # required fields missing, numbers that are not: the messages under the fields
        _dialog(qtbot, seen, f"new {kind}", new)


def test_every_page_and_dialog_speaks_chinese(qtbot, window, seen, tmp_path, gui_db):
    from twindesk.ui.backups.restore_dialog import RestoreDialog
    from twindesk.ui.briefing.brief_dialog import BriefDialog
    from twindesk.ui.exchange.export_dialog import ExportDialog
    from twindesk.ui.history.recent_changes_dialog import RecentChangesDialog
    from twindesk.ui.shell.settings_dialog import SettingsDialog

    for row in range(window.nav.count()):
        window.nav.setCurrentRow(row)
        seen.widget(f"page {row}", window)
    with qtbot.waitSignal(window.dashboard.refreshed, timeout=10_000):
        window.dashboard.refresh()
    seen.widget("dashboard", window.dashboard)
    _record_forms(qtbot, window, seen)
    _dialog(qtbot, seen, "settings", SettingsDialog(window.settings, lang="zh_CN", parent=window))
    _dialog(qtbot, seen, "export", ExportDialog(lang="zh_CN", folder=tmp_path, database=gui_db.path,
                                                 parent=window))
    for kind in ("visit", "partner"):
        _dialog(qtbot, seen, f"brief {kind}", BriefDialog(kind, window.ids[kind], lang="zh_CN", folder=tmp_path,
                                                           database=gui_db.path, parent=window))
    _dialog(qtbot, seen, "restore", RestoreDialog(gui_db.path, lang="zh_CN", parent=window))
    _dialog(qtbot, seen, "recent changes", RecentChangesDialog(lang="zh_CN", parent=window))
    window.about()
    assert not seen.english(), "\n".join(seen.english())


def test_deletes_refusals_and_undo_speak_chinese(qtbot, window, seen):
    ids = window.ids
    window.delete_record("visit", ids["visit"])  # "these go with it: 2 delegates …"
    window.delete_record("partner", ids["partner"])  # a signed partnership in force: refused
    window.delete_record("home_locality", ids["home_locality"])
    assert any("团组成员" in text for _where, text in seen.texts), seen.texts
    records.save("partner", {"population": 1000}, ids["partner"], user="李娜")
    step = undo.history.next_undo()
    records.save("partner", {"population": 2000}, ids["partner"], user="赵")
    undo.history.undo_steps[:] = [step]  # 赵's change overtook it: refused
    window.undo_action.trigger()
    assert len(seen.texts) >= 6, seen.texts
    assert not seen.english(), "\n".join(seen.english())


def _wizard_texts(seen, name, wizard) -> None:
    """The page as shown, with the texts in its tables' cells."""
    from PySide6.QtWidgets import QTableView, QTableWidget

    page = wizard.currentPage()
    seen.widget(name, wizard)
    for table in page.findChildren(QTableWidget):
        seen.message(f"{name} {table.objectName()}", *(table.item(r, c).text() for r in range(table.rowCount())
                                                        for c in range(table.columnCount()) if table.item(r, c)))
    for view in page.findChildren(QTableView):
        model = view.model()
        if not isinstance(view, QTableWidget) and model is not None:
            seen.message(f"{name} {view.objectName()}", *(str(model.index(r, c).data() or "")
                                                          for r in range(model.rowCount())
                                                          for c in range(model.columnCount())))


def test_the_import_wizard_and_file_errors_speak_chinese(qtbot, window, seen, tmp_path, gui_db, monkeypatch):
    from openpyxl import Workbook

    from tests.helpers.staff_files import PARTNERS, staff_workbook
    from tests.helpers.wizard_steps import FINISH, NEXT, click, import_now, open_wizard, to_preview
    from twindesk.exchange import export_workbook
    from twindesk.ui.common.replace_prompt import ask_to_write

    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    from twindesk.exchange.staff_lists.sources import ENCODINGS

    seen.data |= {str(v) for row in PARTNERS if row for v in row if v is not None} | {"Sheet3", *ENCODINGS}
    wizard = open_wizard(qtbot, window, monkeypatch, staff_workbook(tmp_path / "staff.xlsx"))
    _wizard_texts(seen, "wizard file", wizard)
    for name in ("sheets", "columns"):
        click(qtbot, wizard, NEXT)
        _wizard_texts(seen, f"wizard {name}", wizard)
    to_preview(qtbot, wizard)  # problems cell by cell
    for tab in range(3):
        wizard.preview_page.tabs.setCurrentIndex(tab)
        _wizard_texts(seen, f"wizard preview tab {tab}", wizard)
    assert wizard.preview_page.errors.model().rowCount() >= 2
    wizard.reject()

    clean = tmp_path / "友城.xlsx"
    wb = Workbook()
    wb.active.title = "友城名录"
    for row in (["城市名称", "国别", "人口"], ["济州", "韩国", "67万"], ["滨海边疆区", "俄罗斯联邦", "184万"]):
        wb.active.append(row)
    wb.save(clean)
    wizard = open_wizard(qtbot, window, monkeypatch, clean)
    to_preview(qtbot, wizard)
    _wizard_texts(seen, "wizard preview", wizard)
    import_now(qtbot, wizard)
    _wizard_texts(seen, "wizard result", wizard)
    click(qtbot, wizard, FINISH)

    nothing = tmp_path / "scratch.xlsx"
    wb = Workbook()
    wb.active.title = "Sheet3"
    wb.active.append(["临时", "记录"])
    wb.save(nothing)
    wizard = open_wizard(qtbot, window, monkeypatch, nothing)
    to_preview(qtbot, wizard)
    _wizard_texts(seen, "wizard nothing to import", wizard)
    wizard.reject()

    path = tmp_path / "book.xlsx"  # TwinDesk's own Chinese export, with a value it cannot read
    export_workbook(path, lang="zh_CN")
    book = load_workbook(path)
    sheet = book[book.sheetnames[2]]
    sheet.cell(2, 2).value = "not a direction at all"
    book.save(path)
    seen.data.add("not a direction at all")
    wizard = open_wizard(qtbot, window, monkeypatch, path)
    _wizard_texts(seen, "wizard twindesk file", wizard)
    to_preview(qtbot, wizard)
    _wizard_texts(seen, "wizard twindesk preview", wizard)
    wizard.reject()
    bad = tmp_path / "broken.csv"
    bad.write_bytes("城市名称,国别\r\n兵库县,日本\r\n".encode("gb18030"))
    wizard = open_wizard(qtbot, window, monkeypatch, bad)
    wizard.file_page.read(bad, "utf-8")  # the wrong encoding: said in Chinese
    qtbot.waitUntil(lambda: not wizard.file_page.reading, timeout=20_000)
    _wizard_texts(seen, "wizard wrong encoding", wizard)
    wizard.reject()
    ask_to_write(window, gui_db.path, gui_db.path)  # the database itself: refused
    ask_to_write(window, tmp_path, gui_db.path)  # a folder
    assert not seen.english(), "\n".join(seen.english())


def test_qt_file_dialogs_speak_chinese(qtbot, window, seen, tmp_path):
    from twindesk.ui.common.file_dialogs import open_file_name, save_file_name

    for name, choose in (("save", save_file_name), ("open", open_file_name)):
        errors = answer_modal(lambda dialog, name=name: (seen.widget(f"file dialog {name}", dialog),
                                                         dialog.reject()))
        choose(window, "保存", str(tmp_path), "Excel 工作簿 (*.xlsx)")
        assert not errors, errors
    assert any("查找范围" in text for _where, text in seen.texts), seen.texts
    assert not seen.english(), "\n".join(seen.english())


def test_every_file_dialog_opens_through_the_one_helper():
    ui = Path(__file__).resolve().parents[2] / "twindesk" / "ui"
    direct = [str(p.relative_to(ui)) for p in ui.rglob("*.py")
              if re.search(r"QFileDialog\.get|QFileDialog\(", p.read_text(encoding="utf-8"))]
    assert direct == ["common/file_dialogs.py"], direct


def test_the_lock_prompt_and_the_read_only_banner_speak_chinese(qtbot, gui_db, app_settings, chinese, seen):
    from twindesk.domain.workspace import DatabaseLock
    from twindesk.ui.shell.lock_prompt import build_lock_prompt
    from twindesk.ui.shell.main_window import MainWindow
    from twindesk.ui.shell.read_only_banner import held_by

    holder = {"user": "wang.fang", "host": socket.gethostname(), "pid": 1, "since": "2026-11-29T08:00:00+00:00",
              "heartbeat": "2099-01-01T00:00:00+00:00", "version": "0.1", "token": "theirs"}
    lock = DatabaseLock(gui_db.path)
    lock.path.write_text(json.dumps(holder), encoding="utf-8")
    seen.data |= {"wang.fang", socket.gethostname()}
    box = build_lock_prompt(None, lock.holder())
    seen.widget("lock prompt", box)
    box.deleteLater()
    w = MainWindow(db_path=gui_db.path, settings=app_settings, lang="zh_CN", read_only=True,
                   read_only_reason=held_by(lock.holder()))
    qtbot.addWidget(w)
    w.show()
    seen.widget("read-only window", w)
    assert "只读" in w.findChild(QLabel, "read_only_banner").text()
    assert not seen.english(), "\n".join(seen.english())


def test_the_checker_finds_english_sentences():
    assert english_runs("Files of &type:", set()) == ["Files of type"]
    assert english_runs("2 shipment items", set()) == ["shipment items"]
    assert english_runs("Excel 工作簿 (*.xlsx)", set()) == []
    assert english_runs("关于 TwinDesk(&A)", set()) == []
    assert english_runs("兵库县 Hyogo Prefecture", {"Hyogo Prefecture"}) == []
    assert english_runs("/tmp/some dir/gui.db", set()) == []



def test_qt_buttons_file_offers_and_environment_errors_speak_chinese(qtbot, window, seen, tmp_path):
    import errno

    from twindesk.ui.common.error_text import user_error_message
    from twindesk.ui.common.file_written import build_prompt
    from twindesk.ui.records.forms import dialog_for

    box = QMessageBox(QMessageBox.Icon.Question, "保存", "?", QMessageBox.StandardButton.Save
                      | QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel
                      | QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
                      | QMessageBox.StandardButton.Ok | QMessageBox.StandardButton.Close)
    seen.widget("Qt's standard buttons", box)
    box.deleteLater()
    prompt = build_prompt(window, tmp_path / "book.xlsx", "工作簿", printable=True)
    seen.widget("file written", prompt)
    prompt.deleteLater()
    for number in (errno.ENOSPC, errno.EROFS, errno.EACCES):
        seen.message("environment error", user_error_message(OSError(number, "os words", str(tmp_path / "a.xlsx"))))
    read_only = dialog_for("visit", window.ids["visit"], lang="zh_CN", read_only=True, parent=window)
    _dialog(qtbot, seen, "read-only form", read_only)
    assert any("磁盘" in text or "空间" in text for _where, text in seen.texts), seen.texts
    assert not seen.english(), "\n".join(seen.english())


def test_qts_own_chinese_is_found(qapp, chinese):
    from twindesk.ui.shell.i18n import load_qt_translation

    assert load_qt_translation("zh_CN") is not None
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    assert box.buttons()[0].text() == "取消"


def test_the_documents_tab_and_its_form_speak_chinese(qtbot, window, seen, tmp_path):
    """The Documents tab with an image and a three-page PDF (the preview of each), the document's form,
    a refused file's message and the removal question, in Chinese."""
    from PySide6.QtGui import QColor, QImage
    from reportlab.pdfgen import canvas

    from twindesk.domain.operations import documents
    from twindesk.ui.records.document_dialog import DocumentDialog
    from twindesk.ui.records.forms import dialog_for

    image = QImage(320, 200, QImage.Format.Format_RGB32)
    image.fill(QColor("teal"))
    image.save(str(tmp_path / "photo.png"))
    pdf = canvas.Canvas(str(tmp_path / "scan.pdf"))
    for _page in range(3):
        pdf.showPage()
    pdf.save()
    (tmp_path / "notes.txt").write_text("会谈纪要", encoding="utf-8")
    (tmp_path / "empty.pdf").write_bytes(b"")
    ids = documents.attach("partner", window.ids["partner"],
                           [tmp_path / "photo.png", tmp_path / "scan.pdf", tmp_path / "notes.txt"], user="李娜")
    seen.data |= {"photo", "scan", "notes"}
    form = dialog_for("partner", window.ids["partner"], lang="zh_CN", user="李娜", parent=window)
    form.show()
    panel = form.panel("document")
    form.tabs.setCurrentWidget(panel)
    assert form.tabs.tabText(form.tabs.currentIndex()) == "文件"
    seen.widget("documents tab", panel)
    for doc_id in ids:  # each preview: the image, the PDF's pages, a text file's advice
        panel.select([doc_id])
        seen.widget(f"documents tab, document {doc_id}", panel)
        seen.message("documents table", *(str(panel.model.index(r, c).data() or "")
                                          for r in range(panel.model.rowCount())
                                          for c in range(panel.model.columnCount())))
    assert "第 1 页，共 3 页" in panel.preview.page_label.text() or panel.preview.page_count() == 0
    panel.attach_paths([str(tmp_path / "empty.pdf")])  # refused: said in Chinese
    panel.select(ids[:2])
    panel.remove_selected()  # asked, answered No
    _dialog(qtbot, seen, "document form", DocumentDialog(panel._rows[ids[1]], lang="zh_CN", parent=form))
    _dialog(qtbot, seen, "partner form with documents", form)
    documents.attach("activity", window.ids["activity"], [tmp_path / "photo.png", tmp_path / "scan.pdf"])
    window.delete_record("activity", window.ids["activity"])  # the confirmation names the documents
    assert any(where == "message box" and "2 份文件" in text for where, text in seen.texts[-2:]), seen.texts[-2:]
    assert not seen.english(), "\n".join(seen.english())
