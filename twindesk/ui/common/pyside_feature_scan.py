"""PySide6, once loaded, reads the source of every module imported after it (`inspect.getsource`) to
learn whether it mentions "PySide6", for its opt-in `from __feature__ import snake_case, true_property`
(PYSIDE-2029). TwinDesk uses no such feature, and that reading costs ~0.1-0.2 ms a module: ~15-25 ms for
the ~130 modules start-up imports after the first paint (docs/architecture.md, "Start-up").

Without a feature in use, a module marked "uses PySide" (0) and one marked "ignore" (-1) behave the
same, so every module is marked "ignore" without reading it. A module that does ask for a feature is
still given it (`from __feature__ import` sets its mark itself). If PySide6 changes its internals, the
scan is simply left as it is.
"""

import sys


def skip_source_scan() -> None:
    feature = sys.modules.get("PySide6.support.feature")
    if feature is not None and callable(getattr(feature, "_mod_uses_pyside", None)):
        feature._mod_uses_pyside = _uses_no_feature


def _uses_no_feature(_module) -> bool:
    return False
