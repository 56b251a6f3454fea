"""Where TwinDesk's bundled resources are: icons, translations, fonts (the repository's `resources/`).

From source they are in `resources/` beside the `twindesk` package. In the frozen application
(PyInstaller, packaging/twindesk.spec) the same tree is copied to `resources/` under the bundle's data
folder, `sys._MEIPASS`. Use `resource_path(...)` for both; no Qt here, so any layer may call it.
"""

import sys
from pathlib import Path

ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def resources_root() -> Path:
    bundle = getattr(sys, "_MEIPASS", None)
    if getattr(sys, "frozen", False) and bundle:
        return Path(bundle) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def resource_path(*parts: str) -> Path:
    """The path of a resource, e.g. resource_path("fonts", "wqy-microhei.ttc"); it may not exist."""
    return resources_root().joinpath(*parts)


def icon_files() -> list[Path]:
    """The application icon's PNG files, smallest first (those that exist)."""
    return [p for p in (resource_path("icons", f"twindesk-{s}.png") for s in ICON_SIZES) if p.is_file()]
