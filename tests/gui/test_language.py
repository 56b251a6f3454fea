"""The window in Chinese and in English: menus, forms, validation messages, the dashboard, country
names and the pinyin order of Chinese names — asserted on the widgets' real text."""

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QLabel

from tests.gui.conftest import answer_modal
from twindesk.domain.model.countries import country_name
from twindesk.domain.operations import records
from twindesk.ui.shell.i18n import install_language


@pytest.fixture
def language():
    chosen = []

    def use(lang):
        chosen.append(lang)
        assert install_language(lang)

    yield use
    install_language("en")  # the next test starts in English


def _window(qtbot, gui_db, app_settings, lang):
    from twindesk.ui.shell.main_window import MainWindow

    w = MainWindow(db_path=gui_db.path, settings=app_settings, lang=lang, user="李娜")
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    with qtbot.waitSignal(w.dashboard.refreshed, timeout=10_000):
        w.dashboard.refresh()
    return w


def _partners():
    for name_zh, name_en, country in (("济州特别自治道", "Jeju", "KR"), ("兵库县", "Hyogo", "JP"),
                                      ("弗拉基米尔州", "Vladimir", "RU"), ("哈巴罗夫斯克", "Khabarovsk", "RU")):
        records.save("partner", {"name_zh": name_zh, "name_en": name_en, "country": country})


def _texts(page, key):
    col = next(i for i, c in enumerate(page.model.columns()) if c.key == key)
    return [page.model.index(r, col).data() for r in range(page.model.rowCount())]


def _validation_message(qtbot, window):
    seen = {}

    def submit_empty(dialog):
        seen["title"] = dialog.windowTitle()
        seen["label"] = [label.text() for label in dialog.findChildren(QLabel)]
        dialog.editors["budget"].widget.setText("lots")
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        seen["title_error"] = dialog.error_labels["title"].text()
        seen["budget_error"] = dialog.error_labels["budget"].text()
        dialog._dirty = False
        dialog.reject()

    errors = answer_modal(submit_empty)
    window.nav.setCurrentRow(2)
    window.new_action.trigger()
    assert not errors, errors
    return seen


def test_the_window_in_chinese(qtbot, gui_db, app_settings, language):
    _partners()
    language("zh_CN")
    w = _window(qtbot, gui_db, app_settings, "zh_CN")
    assert [w.nav.item(i).text() for i in range(w.nav.count())] == [
        "概览", "友好伙伴", "出访/来访", "援助物资", "交流活动", "本方地区"]
    assert [a.text() for a in w.menuBar().actions()] == ["文件(&F)", "编辑(&E)", "查看(&V)", "帮助(&H)"]
    assert w.dashboard.heading.text().endswith("概况")
    assert w.dashboard.countries.column_texts(0)[:1] == ["俄罗斯"]
    seen = _validation_message(qtbot, w)
    assert seen["title"] == "新建出访/来访"
    assert "团组名称 *" in seen["label"]
    assert seen["title_error"] == "团组名称为必填项。"
    assert seen["budget_error"] == "预算“lots”不是数字。"
    w.nav.setCurrentRow(1)
    page = w.current_list_page()
    assert page.model.headerData(1, Qt.Orientation.Horizontal) == "中文名称"
    assert set(_texts(page, "country")) == {country_name(c, "zh_CN") for c in ("KR", "JP", "RU")}
    assert "日本" in _texts(page, "country")
    header = page.view.horizontalHeader()
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                     pos=QPoint(header.sectionViewportPosition(1) + 5, 5))  # click "中文名称" to sort
    qtbot.waitUntil(lambda: _texts(page, "name_zh")[0] == "兵库县", timeout=3000)
    assert _texts(page, "name_zh") == ["兵库县", "弗拉基米尔州", "哈巴罗夫斯克", "济州特别自治道"]  # pinyin


def test_the_window_in_english(qtbot, gui_db, app_settings, language):
    _partners()
    language("en")
    w = _window(qtbot, gui_db, app_settings, "en")
    assert w.nav.item(1).text() == "Partners"
    assert w.dashboard.heading.text().startswith("Overview as of")
    seen = _validation_message(qtbot, w)
    assert seen["title"] == "New Visit"
    assert seen["title_error"] == "Title is required."
    assert seen["budget_error"] == "Budget “lots” is not a number."
    w.nav.setCurrentRow(1)
    assert "Russian Federation" in _texts(w.current_list_page(), "country")
