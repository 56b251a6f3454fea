"""Field declarations and the cleaning of one value.

A form, a spreadsheet row and a test all hand in values as typed (strings or Python values);
`clean_value` turns one into what the database stores or raises Problem (a ValueError) with the reason, which the
validator words into a message naming the field.
"""

import math
import re
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime, time
from decimal import ROUND_HALF_EVEN, Decimal, InvalidOperation

from twindesk.domain.model import countries, currencies
from twindesk.domain.model.messages import Both, Problem
from twindesk.domain.model.vocabulary import Vocabulary

MAX_LINE = 255  # one-line text fields
MAX_TEXT = 1_000_000  # notes: generous, but not unbounded

EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
CURRENCY = re.compile(r"^[A-Z]{3}$")
# SQLite's INTEGER is a signed 64-bit number; a larger one cannot be stored (or even looked up).
INT_MIN, INT_MAX = -(2**63), 2**63 - 1
# SQLite stores a DECIMAL column as REAL, which keeps 15 significant digits: a 16th would come back changed.
REAL_DIGITS = 15
# 2026-11-29, 2026/11/29, 2026.11.29, 2026年11月29日 (or 号), and 20261129 as a date field's digits run together
_DATE = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*[日号]?$|^(\d{4})(\d{2})(\d{2})$")
# A year, or a year and month, alone: 1990, 1990年, 1995-03, 1995/3, 1995.3, 1995年3月
_YEAR_MONTH = re.compile(r"^(\d{4})\s*(?:年\s*(?:(\d{1,2})\s*月)?|[-/.]\s*(\d{1,2})\s*月?)?$")
_TIME = re.compile(r"^(\d{1,2})[:：](\d{2})(?::(\d{2}))?$")
# Chinese counts in ten-thousands and hundred-millions: 23万 is 230,000, 1.2亿 is 120,000,000.
_UNITS = {"万": 4, "亿": 8}
# Between the digits of one number: thousands separators (after NFKC, the full-width ， is a ,) and spaces.
_SEPARATORS = str.maketrans("", "", ", \u00a0\u202f\u2009'")


@dataclass(frozen=True)
class Field:
    name: str
    label: str
    kind: str = "text"  # text, longtext, date, time, int, year, decimal, float, bool, code, country, countries,
    #                     currency, email, url, ref
    required: bool = False
    vocabulary: Vocabulary | None = None
    ref: str | None = None  # the record kind a "ref" field points to
    positive: bool = False  # numbers: must be > 0
    minimum: float | None = None
    maximum: float | None = None
    default: object = None
    digits: int | None = None  # decimals: the column's max_digits (its DecimalField) …
    places: int | None = None  # … and decimal_places; a value is rounded to these places as the column is


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)  # 12345.0 from a spreadsheet cell means 12345
    return str(value).strip()


def _plain(value) -> str:
    """A number or a code as typed, its compatibility forms unified (NFKC): full-width １２３, ．, ＪＰ and
    ，, which a Chinese input method writes, read as 123, ., JP and ,. Not for free text, which keeps
    the punctuation its writer chose."""
    return unicodedata.normalize("NFKC", _text(value))


def parse_date(value) -> date | None:
    if value in (None, ""):
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    # NFKC: a Chinese input method's full-width ２０２７／３／１５ and －, ． read as 2027/3/15, -, .
    m = _DATE.match(_plain(value))
    if not m:
        raise Problem("is not a date; write it as 2026-11-29")
    year, month, day = (m[1], m[2], m[3]) if m[1] else (m[4], m[5], m[6])
    try:
        return date(int(year), int(month), int(day))
    except ValueError:
        raise Problem("is not a real calendar date") from None


def parse_year_month(value) -> tuple[int, int | None] | None:
    """(year, month or None) of a date given only to the year or the month ("1995年3月", "1990",
    1990); None when `value` is not such a date. Years 1000–2999 only: 5000 is no year."""
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        return None
    if isinstance(value, float) and not value.is_integer():
        return None
    m = _YEAR_MONTH.match(_plain(value))
    if not m:
        return None
    year, month = int(m[1]), int(m[2] or m[3]) if (m[2] or m[3]) else None
    if not 1000 <= year <= 2999 or (month is not None and not 1 <= month <= 12):
        return None
    return year, month


def parse_time(value) -> time | None:
    if value in (None, ""):
        return None
    if isinstance(value, datetime):
        return value.time()
    if isinstance(value, time):
        return value
    m = _TIME.match(_text(value))
    if not m:
        raise Problem("is not a time of day; write it as 09:30")
    hours, minutes, seconds = int(m[1]), int(m[2]), int(m[3] or 0)
    if hours > 23 or minutes > 59 or seconds > 59:
        raise Problem("is not a time of day; write it as 09:30")
    return time(hours, minutes, seconds)


def parse_decimal(value) -> Decimal | None:
    if value in (None, ""):
        return None
    if isinstance(value, bool):
        raise Problem("is not a number")
    if isinstance(value, Decimal):
        result = value
    elif isinstance(value, int | float):
        result = Decimal(str(value))
    else:
        result = _decimal_text(_plain(value).translate(_SEPARATORS).replace("\u2212", "-"))
    if not result.is_finite():
        raise Problem("is not a number")
    return result


def _decimal_text(text: str) -> Decimal:
    """"1234.5", "23万", "1.2亿", "3万亿" as a Decimal, exactly (the units shift the point)."""
    shift = 0
    while text and text[-1] in _UNITS:
        shift += _UNITS[text[-1]]
        text = text[:-1]
    if shift and not re.fullmatch(r"[+-]?(\d+(\.\d*)?|\.\d+)", text):
        raise Problem("is not a number")  # 万 counts a plain number: not "万", "1e3万" or "inf万"
    try:
        number = Decimal(text)
        if not shift:
            return number
        number = number.scaleb(shift)
        # 2.3E+5 reads back as 230000, as typed in figures; beyond 28 digits it stays as it is (too large anyway).
        return number.quantize(Decimal(1)) if number.as_tuple().exponent > 0 and number.adjusted() < 28 else number
    except InvalidOperation:
        raise Problem("is not a number") from None


def parse_int(value) -> int | None:
    number = parse_decimal(value)
    if number is None:
        return None
    # Bounded before int(): "1e999999999" is a finite Decimal whose int() would fill the memory.
    if number.adjusted() > 18 or not INT_MIN <= int(number) <= INT_MAX:
        raise Problem("is too large a number to store")
    if number != number.to_integral_value():
        raise Problem("must be a whole number")
    return int(number)


def parse_float(value) -> float | None:
    number = parse_decimal(value)
    if number is None:
        return None
    result = float(number)
    if not math.isfinite(result):  # "1e400" is a finite Decimal but an infinite float
        raise Problem("is too large a number to store")
    return result


def fit_decimal(number: Decimal | None, digits: int | None, places: int | None) -> Decimal | None:
    """`number` rounded to `places` as its column rounds it (peewee's auto_round, half to even), or
    Problem when it has more digits before the point than the column (and SQLite's REAL) can keep."""
    if number is None or places is None:
        return number
    whole = min(digits or REAL_DIGITS, REAL_DIGITS) - places  # digits allowed before the point
    if number.adjusted() >= whole:
        raise Problem("is too large a number to store (at most {limit})",
                      limit=f"{Decimal(10) ** whole - Decimal(10) ** -places:,}")
    rounded = number.quantize(Decimal(10) ** -places, rounding=ROUND_HALF_EVEN)
    if rounded.adjusted() >= whole:  # 999.995 rounds up to 1000.00
        raise Problem("is too large a number to store (at most {limit})",
                      limit=f"{Decimal(10) ** whole - Decimal(10) ** -places:,}")
    return rounded


def parse_bool(value) -> bool:
    if isinstance(value, bool):
        return value
    text = _plain(value).casefold()
    if text in ("", "0", "false", "no", "n", "否", "假"):
        return False
    if text in ("1", "true", "yes", "y", "是", "真"):
        return True
    raise Problem("must be yes or no")


def clean_value(field: Field, value):
    """The stored form of `value` for `field`; Problem(reason), a ValueError, when it cannot be one."""
    kind = field.kind
    if kind in ("text", "longtext", "email", "url"):
        text = _text(value)
        limit = MAX_TEXT if kind == "longtext" else MAX_LINE
        if kind != "longtext" and ("\n" in text or "\r" in text):
            raise Problem("must be a single line")
        if len(text) > limit:
            raise Problem("is too long ({length:,} characters; at most {limit:,})", length=len(text), limit=limit)
        if kind == "email" and text and not EMAIL.match(text):
            raise Problem("is not an email address (name@example.org)")
        if kind == "url" and text and not re.match(r"^(https?://)?[\w.-]+\.[a-z]{2,}(/\S*)?$", text, re.I):
            raise Problem("is not a web address (https://www.example.org)")
        return text
    if kind == "date":
        return parse_date(value)
    if kind == "time":
        return parse_time(value)
    if kind == "ref":
        try:
            return parse_int(value)
        except ValueError:
            raise Problem("matches no record; pick one from the list or give its ID") from None
    if kind in ("int", "year"):
        return parse_int(value)
    if kind == "decimal":
        return fit_decimal(parse_decimal(value), field.digits, field.places)
    if kind == "float":
        return parse_float(value)
    if kind == "bool":
        return parse_bool(value)
    if kind == "code":
        text = _text(value)
        if not text:
            return None
        # As typed first: labels keep their full-width （）; then NFKC, for a code typed full-width.
        code = field.vocabulary.code_for(text) or field.vocabulary.code_for(_plain(value))
        if code is None:
            choices = Both(", ".join(field.vocabulary.codes), "、".join(t.zh for t in field.vocabulary))
            raise Problem("must be one of: {choices}", choices=choices)
        return code
    if kind == "country":
        text = _text(value)
        if not text:
            return None
        code = countries.find_country(text) or countries.find_country(_plain(value))
        if code is None:
            raise Problem("is not a country (use an ISO code such as KR, JP, RU)")
        return code
    if kind == "countries":  # "KR JP", "韩国、日本": the codes, space-separated, in the order given
        codes = []
        for word in re.split(r"[\s,，、;；/]+", _text(value)):
            if word:
                code = countries.find_country(word) or countries.find_country(_plain(word))
                if code is None:
                    raise Problem("names “{word}”, which is not a country (use ISO codes such as KR JP RU)",
                                  word=word)
                codes.append(code)
        return " ".join(dict.fromkeys(codes))
    if kind == "currency":
        text = _plain(value).upper()
        if not text:
            return None
        if not CURRENCY.match(text):
            raise Problem("must be a three-letter currency code such as CNY, USD, JPY")
        if not currencies.is_currency(text):  # "RMB" is what people say; CNY is the code
            raise Problem("is not an ISO 4217 currency code (such as CNY, USD, JPY, KRW)")
        return text
    raise AssertionError(f"unknown field kind {kind!r}")
