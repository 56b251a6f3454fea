"""Countries by ISO 3166-1 alpha-2 code, with names from pycountry (English and its translations)."""

import gettext
from functools import cache

import pycountry


@cache
def _codes() -> frozenset[str]:
    return frozenset(c.alpha_2 for c in pycountry.countries)


def is_country(code: str) -> bool:
    return isinstance(code, str) and code.upper() in _codes()


@cache
def _translation(lang: str) -> gettext.NullTranslations:
    if lang == "en":
        return gettext.NullTranslations()
    return gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[lang], fallback=True)


def country_name(code: str, lang: str = "en") -> str:
    """The short name of `code` in `lang` (en, zh_CN); the code itself if unknown."""
    country = pycountry.countries.get(alpha_2=(code or "").upper())
    if country is None:
        return code or ""
    name = getattr(country, "common_name", None) or country.name
    translated = _translation(lang).gettext(country.name)
    return name if translated == country.name else translated


def find_country(text: str) -> str | None:
    """The code for a code, an English name or a Chinese name as staff type them; None if unknown."""
    text = (text or "").strip()
    if not text:
        return None
    if len(text) == 2 and is_country(text):
        return text.upper()
    wanted = text.casefold()
    for c in pycountry.countries:
        names = {c.name, getattr(c, "common_name", ""), getattr(c, "official_name", ""), c.alpha_3}
        names.add(_translation("zh_CN").gettext(c.name))
        if wanted in {n.casefold() for n in names if n}:
            return c.alpha_2
    return None


def all_countries(lang: str = "en") -> list[tuple[str, str]]:
    """(code, name) for every country, sorted by name."""
    return sorted(((c.alpha_2, country_name(c.alpha_2, lang)) for c in pycountry.countries), key=lambda x: x[1])
