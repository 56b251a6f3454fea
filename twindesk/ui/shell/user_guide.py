"""Help › User guide (F1): the daily tasks, step by step, inside the application and in the window's
language (resources/guide/guide_zh_CN.html, guide_en.html). It stays open beside the window, so a
person can follow it while they work."""

from PySide6.QtCore import QUrl
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout

from twindesk.resources import resource_path


def guide_file(lang: str):
    chosen = resource_path("guide", "guide_zh_CN.html" if lang.startswith("zh") else "guide_en.html")
    return chosen if chosen.is_file() else resource_path("guide", "guide_en.html")


class GuideDialog(QDialog):
    def __init__(self, lang: str, parent=None):
        super().__init__(parent)
        self.setObjectName("user_guide")
        self.setWindowTitle(self.tr("TwinDesk user guide"))
        self.browser = QTextBrowser()
        self.browser.setObjectName("guide_text")
        self.browser.setOpenExternalLinks(False)
        path = guide_file(lang)
        if path.is_file():
            self.browser.setSource(QUrl.fromLocalFile(str(path)))
        else:
            self.browser.setPlainText(self.tr("The user guide is missing from this installation."))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser, 1)
        layout.addWidget(buttons)
        self.resize(720, 620)

    def source_file(self) -> str:
        return self.browser.source().toLocalFile()
