"""Currencies by ISO 4217 alphabetic code, from pycountry (the same package that names the countries)."""

import importlib
from functools import cache

from twindesk.domain.model.countries import _pycountry
from twindesk.domain.model.vocabulary import typed_key


@cache
def _codes() -> frozenset[str]:
    return frozenset(c.alpha_3 for c in _pycountry().currencies)


def is_currency(code: str) -> bool:
    """True for a real ISO 4217 code in upper case ("CNY", "KRW"); "RMB" or "ABC" are not."""
    return code in _codes()


# What staff write for a currency besides its code and its CLDR names (人民币, 美元, 日元 … come from those).
# ¥ is the yuan here: the office's lists are Chinese; a yen amount is written 日元 or JPY.
TYPED = {
    "rmb": "CNY", "元": "CNY", "¥": "CNY", "￥": "CNY", "人民币元": "CNY", "块": "CNY", "$": "USD", "us$": "USD",
    "美金": "USD", "円": "JPY", "日圆": "JPY", "₩": "KRW", "韩币": "KRW", "€": "EUR", "£": "GBP", "₽": "RUB",
    "卢布": "RUB", "港币": "HKD", "hk$": "HKD", "澳门币": "MOP", "新台币": "TWD", "a$": "AUD", "澳元": "AUD",
}


@cache
def _names() -> dict[str, str]:
    """typed key -> code for every ISO 4217 currency's CLDR name in English and Chinese, and TYPED.
    Built on the first import that needs it."""
    babel = importlib.import_module("babel")
    codes = _codes()
    found: dict[str, str] = {}
    for tag in ("en", "zh"):
        for code, name in babel.Locale.parse(tag).currencies.items():
            if code in codes:
                found.setdefault(typed_key(name), code)
    found.update({typed_key(k): v for k, v in TYPED.items()})
    return found


def currency_for_typed(text: str) -> str | None:
    """The ISO code of a currency as staff type it: the code in any case and width (ＣＮＹ, usd), a
    name (人民币, 美元, Japanese yen), a symbol (¥, $) or a common word (RMB, 元); None if unknown."""
    key = typed_key(text or "")
    if not key:
        return None
    if key.upper() in _codes():
        return key.upper()
    return _names().get(key)
