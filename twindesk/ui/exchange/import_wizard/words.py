"""Words the wizard's pages share: record kinds by their list names, how a mapping came about, what a
row would become; in the window's language."""

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from twindesk.exchange.columns import SHEET_NAMES, SHEET_ORDER
from twindesk.ui.exchange.import_wizard.page_ids import CHANGED, FROM_FILE

_ORIGINS = {
    "automatic": QT_TRANSLATE_NOOP("ImportWizard", "recognised from its headers"),
    "remembered": QT_TRANSLATE_NOOP("ImportWizard", "as remembered for these headers"),
    "given": QT_TRANSLATE_NOOP("ImportWizard", "as the mapping says"),
    FROM_FILE: QT_TRANSLATE_NOOP("ImportWizard", "from the mapping file"),
    CHANGED: QT_TRANSLATE_NOOP("ImportWizard", "changed by you"),
}
_STATUSES = {
    "new": QT_TRANSLATE_NOOP("ImportWizard", "New"),
    "update": QT_TRANSLATE_NOOP("ImportWizard", "Update"),
    "unchanged": QT_TRANSLATE_NOOP("ImportWizard", "Unchanged"),
    "duplicate": QT_TRANSLATE_NOOP("ImportWizard", "Likely duplicate"),
    "error": QT_TRANSLATE_NOOP("ImportWizard", "Error"),
}
STATUSES = tuple(_STATUSES)
_SKIP = QT_TRANSLATE_NOOP("ImportWizard", "Skip")


def _tr(text: str) -> str:
    return QCoreApplication.translate("ImportWizard", text)


def kind_label(kind: str | None, lang: str) -> str:
    if kind is None:
        return _tr(_SKIP)
    en, zh = SHEET_NAMES[kind]
    return zh if lang.startswith("zh") else en


def kinds() -> tuple[str, ...]:
    return SHEET_ORDER


def origin_label(origin: str) -> str:
    return _tr(_ORIGINS.get(origin, origin))


def status_label(status: str) -> str:
    return _tr(_STATUSES.get(status, status))
