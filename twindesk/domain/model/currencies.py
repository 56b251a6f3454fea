"""Currencies by ISO 4217 alphabetic code, from pycountry (the same package that names the countries)."""

from functools import cache

from twindesk.domain.model.countries import _pycountry


@cache
def _codes() -> frozenset[str]:
    return frozenset(c.alpha_3 for c in _pycountry().currencies)


def is_currency(code: str) -> bool:
    """True for a real ISO 4217 code in upper case ("CNY", "KRW"); "RMB" or "ABC" are not."""
    return code in _codes()
