"""Steps of File › Import… as a person takes them: the file picked in the file dialog, Next, a combo's
item chosen with the arrow keys, Import; shared by the GUI tests that drive the import wizard."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QWizard

from twindesk.ui.exchange.import_wizard.page_ids import PREVIEW, RESULT

NEXT, IMPORT, FINISH = (QWizard.WizardButton.NextButton, QWizard.WizardButton.CommitButton,
                        QWizard.WizardButton.FinishButton)


def open_wizard(qtbot, window, monkeypatch, path):
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    window.import_action.trigger()
    wizard = window.import_wizard
    qtbot.waitExposed(wizard)
    qtbot.mouseClick(wizard.file_page.choose_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not wizard.file_page.reading, timeout=20_000)  # read, or said why not
    return wizard


def click(qtbot, wizard, which) -> None:
    button = wizard.button(which)
    assert button.isEnabled(), (which, wizard.preview_page.why.text())
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def to_preview(qtbot, wizard) -> None:
    while wizard.currentId() != PREVIEW:
        click(qtbot, wizard, NEXT)
    qtbot.waitUntil(lambda: wizard.preview_page.report is not None, timeout=20_000)


def choose(qtbot, box, data) -> None:
    """Pick the item holding `data` as a person does with the keyboard: focus, then arrow keys."""
    target = box.findData(data)
    assert target >= 0, data
    box.setFocus()
    key = Qt.Key.Key_Down if target > box.currentIndex() else Qt.Key.Key_Up
    for _ in range(abs(target - box.currentIndex())):
        qtbot.keyClick(box, key)
    assert box.currentIndex() == target


def import_now(qtbot, wizard):
    click(qtbot, wizard, IMPORT)
    qtbot.waitUntil(lambda: wizard.currentId() == RESULT, timeout=20_000)
    return wizard.result


def shown(table) -> list[tuple]:
    return [tuple(table.item(r, c).text() for c in range(5)) for r in range(table.rowCount())
            if not table.isRowHidden(r)]
