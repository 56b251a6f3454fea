"""How stored values read in the window: dates, codes as labels, countries by name, numbers."""

from datetime import date, datetime, time
from decimal import Decimal

from PySide6.QtCore import QDate, QLocale

from twindesk.domain.model import countries
from twindesk.domain.model.vocabulary import Vocabulary

_ENGLISH = QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)


def window_locale(lang: str) -> QLocale:
    """The locale of the window's language, as the shell sets it (shell/i18n.py)."""
    if lang.startswith("zh"):
        return QLocale(QLocale.Language.Chinese, QLocale.Country.China)
    return QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)


def display_name(zh: str | None, en: str | None, native: str | None = None, lang: str = "en") -> str:
    """A partner's name in the reader's language, falling back through the other scripts."""
    order = (zh, en, native) if lang.startswith("zh") else (en, zh, native)
    return next((n for n in order if n), "")


def window_language() -> str:
    """The window's language ("zh_CN" or "en"), from the default locale the shell sets (shell/i18n.py)."""
    return "zh_CN" if QLocale().language() == QLocale.Language.Chinese else "en"


def server_name(address) -> str:
    """A shared server's address as the window's language says it ("db.office:5432 上的 twindesk（用户 wang）")."""
    return said(address.display(), window_language())


def said(value, lang: str = "en") -> str:
    """A domain message or error in the reader's language (they carry `text(lang)`), else its text."""
    return value.text(lang) if hasattr(value, "text") else str(value)


def format_date(value: date | None, lang: str = "en") -> str:
    """A date as the reader writes it: 2026年11月28日, or 28 Nov 2026."""
    if value is None:
        return ""
    if lang.startswith("zh"):
        return f"{value.year}年{value.month}月{value.day}日"
    return _ENGLISH.toString(QDate(value.year, value.month, value.day), "d MMM yyyy")


def format_value(value, lang: str = "en", vocabulary: Vocabulary | None = None, kind: str = "") -> str:
    if value is None or value == "":
        return ""
    if vocabulary is not None:
        return vocabulary.label(value, lang)
    if kind == "country":
        return countries.country_name(value, lang)
    if isinstance(value, datetime):
        return f"{format_date(value.date(), lang)} {value:%H:%M}"
    if isinstance(value, date):
        return format_date(value, lang)
    if isinstance(value, time):
        return value.strftime("%H:%M")
    if isinstance(value, bool):
        return "✓" if value else ""
    if isinstance(value, int):
        # Ids and years read as typed (ID 100006, 2026), other counts with separators (100,006).
        return str(value) if kind in ("id", "year") else QLocale().toString(value)
    if isinstance(value, Decimal | float):
        return QLocale().toString(float(value), "f", 2 if isinstance(value, Decimal) else 1)
    return str(value)
