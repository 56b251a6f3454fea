"""The PySide6 window: the only package that imports Qt."""

import PySide6.QtCore  # noqa: F401  (loads PySide6's import hook, so that it can be told not to read sources)

from twindesk.ui.common.pyside_feature_scan import skip_source_scan

skip_source_scan()  # it and its package are the modules read (docs/architecture.md, "Start-up")
