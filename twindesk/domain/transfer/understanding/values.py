"""One cell of a staff list as the field it is mapped to means it: choices by label or synonym,
countries and currencies by name, numbers with 万/亿 and separators, dates at the precision typed.

`understand` turns a raw cell into a value `validation.validate` takes (so the ranges, the column
limits and the rules stay in one place), or raises Problem saying what would be accepted. Two results
are not values yet: a `PartialDate` (a year, or a year and month, kept at that precision; what it
becomes depends on the field: `rows.py`), and a `NameRef` (a reference by name, resolved across the
whole import: `references.py`).
"""

import math
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal

from twindesk.domain.model import countries, currencies
from twindesk.domain.model.fields import Field, parse_date, parse_decimal, parse_year_month
from twindesk.domain.model.messages import Both, Problem
from twindesk.domain.transfer.understanding.names import plain_text

# Words that make a figure a guess: 约5000, 5000余, 近万, about 500, ~300.
_APPROXIMATE = re.compile(r"^\s*(约|大约|约合|近|将近|超过|逾|多于|不足|about|approx\.?|around|c\.|~|≈)"
                          r"|(余|多|左右|以上|上下|\+)\s*$", re.I)
_EXCEL_EPOCH = date(1899, 12, 30)  # day 0 of Excel's (and LibreOffice's) serial dates


@dataclass(frozen=True)
class PartialDate:
    """A date typed to the year or the month only: never made a full date."""

    year: int
    month: int | None

    def __str__(self) -> str:
        return f"{self.year}-{self.month:02d}" if self.month else str(self.year)

    def zh(self) -> str:
        return f"{self.year}年{self.month}月" if self.month else f"{self.year}年"


@dataclass(frozen=True)
class NameRef:
    """A reference typed as a name (兵库县), to be found among the records' names."""

    text: str


def _choices(f: Field) -> Both:
    return Both(", ".join(t.en for t in f.vocabulary), "、".join(t.zh for t in f.vocabulary))


def _choice(kind: str, f: Field, raw, country: str | None) -> str:
    text = plain_text(raw)
    code = f.vocabulary.code_for_typed(text)
    if code is None:
        raise Problem("is not one of the choices: {choices}", choices=_choices(f))
    # 兵库县 is a prefecture: a Japanese 県/县 is one, wherever else 县 is a county.
    if kind == "partner" and f.name == "kind" and code == "county" and country == "JP":
        return "prefecture"
    return code


def _number(f: Field, raw):
    if isinstance(raw, bool):
        raise Problem("is not a number; write it in figures, such as 5000, 5,000, 10万 or 1.2亿")
    if isinstance(raw, float) and not math.isfinite(raw) or isinstance(raw, Decimal) and not raw.is_finite():
        raise Problem("is infinite or not a number; write the figure itself")
    if isinstance(raw, int | float | Decimal):
        return raw
    text = plain_text(raw)
    if f.kind == "year":
        year = parse_year_month(text)
        if year is not None and year[1] is None:
            return year[0]  # 1995年
    if _APPROXIMATE.search(text):
        raise Problem("is an approximate figure; write the number alone, such as 5000, 5,000, 10万 or 1.2亿")
    try:
        parse_decimal(text)
    except ValueError:
        raise Problem("is not a number; write it in figures, such as 5000, 5,000, 10万 or 1.2亿") from None
    return text  # as typed: validate reads it the same way, and a range message shows what was typed


def _date(raw):
    if isinstance(raw, datetime):
        return raw.date()
    if isinstance(raw, date):
        return raw
    partial = parse_year_month(raw)
    if partial is not None:
        return PartialDate(*partial)
    if isinstance(raw, int | float) and not isinstance(raw, bool) and math.isfinite(raw) and 0 < raw < 2958466:
        return _EXCEL_EPOCH + timedelta(days=int(raw))  # a date cell read as its serial number
    try:
        return parse_date(raw if not isinstance(raw, str) else plain_text(raw))
    except ValueError:
        raise Problem("is not a date; write it as 2026-11-29, 2026/11/29 or 2026年11月29日") from None


def understand(kind: str, f: Field, raw, country: str | None = None):
    """What `raw`, typed by staff in the column mapped to field `f` of a `kind` record, means; None for
    an empty cell. `country` is the row's country (code), where it has one. Raises Problem."""
    if raw is None:
        return None
    if isinstance(raw, str):
        text = plain_text(raw)  # said once: the cells below are the same text again (cached)
        if not text:
            return None
        if f.kind == "text":
            return text
    elif f.kind == "text":
        return plain_text(raw)
    if f.kind == "code":
        return _choice(kind, f, raw, country)
    if f.kind == "country":
        code = countries.country_for_name(plain_text(raw))
        if code is None:
            raise Problem("is not a country TwinDesk knows; write its name (日本, Japan, 大韩民国) or its code (JP, KR)")
        return code
    if f.kind == "currency":
        code = currencies.currency_for_typed(plain_text(raw))
        if code is None:
            raise Problem("is not a currency TwinDesk knows; write its code (CNY, USD) or its name (人民币, 美元)")
        return code
    if f.kind in ("int", "year", "decimal", "float"):
        return _number(f, raw)
    if f.kind == "date":
        return _date(raw)
    if f.kind == "ref":
        if isinstance(raw, int | float | Decimal) and not isinstance(raw, bool):
            return raw  # an ID; validate says if it is not a whole number
        text = plain_text(raw)
        return int(text) if text.isdigit() and len(text) < 19 else NameRef(text)
    if f.kind == "bool" and isinstance(raw, str):
        return plain_text(raw)
    return raw
