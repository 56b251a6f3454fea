"""Every setting the window keeps between runs, declared once with its type and default."""

from typing import NamedTuple

from PySide6.QtCore import QSettings

from twindesk import APP_NAME


class Setting(NamedTuple):  # not a dataclass: `dataclasses` costs ~3 ms before the first paint
    key: str
    type: type
    default: object


LANGUAGE = Setting("general/language", str, "")  # "" follows the system
DATABASE = Setting("general/database", str, "")  # "" uses --db, TWINDESK_DB or the data folder
SERVER_ADDRESS = Setting("general/server", str, "")  # the last server connected to, as a URL without password
HOME_LOCALITY = Setting("general/default_home_locality", int, 0)
STAFF_NAME = Setting("general/staff_name", str, "")
QUIET_AFTER_DAYS = Setting("dashboard/quiet_after_days", int, 365)
GEOMETRY = Setting("window/geometry", bytes, b"")
CURRENT_PAGE = Setting("window/page", int, 0)
RECENT_DATABASES = Setting("files/recent_databases", list, [])  # most recent first (ui/shell/recent_files.py)
LAST_FOLDER = Setting("files/last_folder", str, "")  # where the last file dialog was answered


class AppSettings:
    """Typed access to QSettings; `organization`/`application` can be changed for tests."""

    def __init__(self, qsettings: QSettings | None = None):
        self._q = qsettings or QSettings(APP_NAME, APP_NAME)

    def get(self, setting: Setting):
        value = self._q.value(setting.key, setting.default)
        if value is None:
            return setting.default
        try:
            if setting.type is bytes:
                return bytes(value)
            if setting.type is int:
                return int(value)
            if setting.type is list:  # an INI file gives one item back as a plain string
                return [value] if isinstance(value, str) else list(value)
            return setting.type(value)
        except (TypeError, ValueError):
            return setting.default

    def set(self, setting: Setting, value) -> None:
        self._q.setValue(setting.key, value)

    # Column widths are per table and language (Chinese headers and labels are narrower than English
    # ones), so their keys are made, not declared.
    def column_state(self, table: str, lang: str) -> bytes:
        return bytes(self._q.value(f"tables/{lang}/{table}", b"") or b"")

    def set_column_state(self, table: str, lang: str, state) -> None:
        self._q.setValue(f"tables/{lang}/{table}", state)

    def sync(self) -> None:
        self._q.sync()
