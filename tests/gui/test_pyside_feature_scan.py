"""Start-up's imports after PySide6 are not read as source by PySide6's __feature__ hook
(twindesk/ui/common/pyside_feature_scan.py), and Qt works as before."""

import subprocess
import sys

CODE = r"""
import inspect, sys
read = []
getsource = inspect.getsource
inspect.getsource = lambda obj: read.append(obj.__name__) or getsource(obj)
import twindesk.ui  # noqa: F401
from twindesk.domain.model import labels  # imported after PySide6
feature = sys.modules["PySide6.support.feature"]
print([name for name in read if name.startswith("twindesk") and name not in ("twindesk.ui.common", "twindesk.ui.common.pyside_feature_scan")], feature.pyside_feature_dict.get("twindesk.domain.model"))
from PySide6.QtWidgets import QApplication, QLabel
app = QApplication([])
print(QLabel("x").text())
"""


def test_modules_imported_after_pyside6_are_not_read():
    out = subprocess.run([sys.executable, "-c", CODE], capture_output=True, text=True, check=True,
                         env={**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen"}).stdout.split("\n")
    assert out[0] == "[] -1"
    assert out[1] == "x"
