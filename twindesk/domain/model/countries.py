"""Countries by ISO 3166-1 alpha-2 code, with names from pycountry (English and its translations)."""

import gettext
import importlib
from functools import cache

from twindesk.store.models import pinyin_key


@cache
def _pycountry():
    # Imported on first use: it reads its package metadata as it loads, which start-up need not wait for.
    return importlib.import_module("pycountry")


@cache
def _codes() -> frozenset[str]:
    return frozenset(c.alpha_2 for c in _pycountry().countries)


def is_country(code: str) -> bool:
    return isinstance(code, str) and code.upper() in _codes()


@cache
def _translation(lang: str) -> gettext.NullTranslations:
    if lang == "en":
        return gettext.NullTranslations()
    return gettext.translation("iso3166-1", _pycountry().LOCALES_DIR, languages=[lang], fallback=True)


def country_name(code: str, lang: str = "en") -> str:
    """The short name of `code` in `lang` (en, zh_CN); the code itself if unknown."""
    country = _pycountry().countries.get(alpha_2=(code or "").upper())
    if country is None:
        return code or ""
    name = getattr(country, "common_name", None) or country.name
    translated = _translation(lang).gettext(country.name)
    return name if translated == country.name else translated


# Short names staff type that pycountry only knows by a longer one (大韩民国 but not 韩国, no "Russia").
COMMON_NAMES = {
    "russia": "RU", "uk": "GB", "britain": "GB", "great britain": "GB", "turkey": "TR", "uae": "AE",
    "holland": "NL", "ivory coast": "CI", "brunei": "BN", "vatican": "VA", "cape verde": "CV",
    "burma": "MM", "east timor": "TL", "macedonia": "MK", "palestine": "PS",
    "韩国": "KR", "南韩": "KR", "朝鲜": "KP", "伊朗": "IR", "老挝": "LA", "柬埔寨": "KH", "叙利亚": "SY",
    "孟加拉国": "BD", "委内瑞拉": "VE", "玻利维亚": "BO",
}


def find_country(text: str) -> str | None:
    """The code for a code, an English name or a Chinese name as staff type them; None if unknown."""
    text = (text or "").strip()
    if not text:
        return None
    if len(text) == 2 and is_country(text):
        return text.upper()
    wanted = text.casefold()
    if wanted in COMMON_NAMES:
        return COMMON_NAMES[wanted]
    for c in _pycountry().countries:
        names = {c.name, getattr(c, "common_name", ""), getattr(c, "official_name", ""), c.alpha_3}
        names.add(_translation("zh_CN").gettext(c.name))
        if wanted in {n.casefold() for n in names if n}:
            return c.alpha_2
    return None


def all_countries(lang: str = "en") -> list[tuple[str, str]]:
    """(code, name) for every country, sorted by name as a reader of `lang` expects (Chinese: pinyin)."""
    named = [(c.alpha_2, country_name(c.alpha_2, lang)) for c in _pycountry().countries]
    if lang.startswith("zh"):
        return sorted(named, key=lambda x: pinyin_key(x[1]))
    return sorted(named, key=lambda x: x[1].casefold())
