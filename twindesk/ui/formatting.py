"""How stored values read in the window: dates, codes as labels, countries by name, numbers."""

from datetime import date, datetime, time
from decimal import Decimal

from PySide6.QtCore import QLocale

from twindesk.domain import countries
from twindesk.domain.vocabulary import Vocabulary


def display_name(zh: str | None, en: str | None, native: str | None = None, lang: str = "en") -> str:
    """A partner's name in the reader's language, falling back through the other scripts."""
    order = (zh, en, native) if lang.startswith("zh") else (en, zh, native)
    return next((n for n in order if n), "")


def format_value(value, lang: str = "en", vocabulary: Vocabulary | None = None, kind: str = "") -> str:
    if value is None or value == "":
        return ""
    if vocabulary is not None:
        return vocabulary.label(value, lang)
    if kind == "country":
        return countries.country_name(value, lang)
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, date):
        return value.isoformat()
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
