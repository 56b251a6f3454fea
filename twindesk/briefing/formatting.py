"""How stored values read in a pack: dates, numbers, money, names, codes as labels, in either language."""

import datetime as dt
from decimal import Decimal

from twindesk.briefing.markup import needs_cjk_wrap
from twindesk.briefing.wording import MONTHS_EN, Wording
from twindesk.domain.model.countries import country_name
from twindesk.domain.model.vocabulary import Vocabulary


class Formatter:
    def __init__(self, wording: Wording):
        self.w = wording
        self.zh = wording.zh
        self.lang = wording.lang

    # --- dates and times ---
    def date(self, d: dt.date | None) -> str:
        """A date as prose writes it: 9 November 2020 / 2020年11月9日."""
        if d is None:
            return ""
        return f"{d.year}年{d.month}月{d.day}日" if self.zh else f"{d.day} {MONTHS_EN[d.month - 1]} {d.year}"

    def short_date(self, d: dt.date | None) -> str:
        """A date in a table column: as everywhere else (one date style per language; GB/T 9704-2012
        writes dates 2020年11月9日, Arabic numerals, no leading zeros). Kept whole on its line by
        linebreak.py."""
        return self.date(d)

    def date_range(self, start: dt.date | None, end: dt.date | None) -> str:
        if start is None:
            return self.date(end)
        if end is None or end == start:
            return self.date(start)
        if self.zh:
            if (start.year, start.month) == (end.year, end.month):
                return f"{self.date(start)}至{end.day}日"
            if start.year == end.year:
                return f"{self.date(start)}至{end.month}月{end.day}日"
            return f"{self.date(start)}至{self.date(end)}"
        if (start.year, start.month) == (end.year, end.month):
            return f"{start.day}–{self.date(end)}"
        if start.year == end.year:
            return f"{start.day} {MONTHS_EN[start.month - 1]} – {self.date(end)}"
        return f"{self.date(start)} – {self.date(end)}"

    def short_range(self, start: dt.date | None, end: dt.date | None) -> str:
        """A range in a table column: as in prose (2020年11月9日至13日, 9–13 November 2020)."""
        return self.date_range(start, end)

    def weekday(self, d: dt.date) -> str:
        return self.w(f"weekday_{d.weekday()}")

    @staticmethod
    def time_range(start: dt.time | None, end: dt.time | None) -> str:
        if start is None:
            return ""
        return f"{start:%H:%M}–{end:%H:%M}" if end else f"{start:%H:%M}"

    # --- numbers and money ---
    @staticmethod
    def number(value) -> str:
        """1,234,567 or 12.5: no trailing zeros of a stored decimal."""
        if value is None:
            return ""
        if isinstance(value, Decimal):
            value = value.normalize()
            if value == value.to_integral_value():
                return f"{int(value):,}"
            return f"{value:,f}"
        if isinstance(value, float):
            return f"{value:,.1f}" if not value.is_integer() else f"{int(value):,}"
        return f"{value:,}"

    def money(self, value, currency: str) -> str:
        if value is None:
            return ""
        amount = Decimal(str(value)).quantize(Decimal("0.01"))
        text = f"{amount:,.2f}".removesuffix(".00")
        return f"{text} {currency}".strip()

    def quantity(self, quantity, unit: str) -> str:
        return f"{self.number(quantity)} {unit}".strip() if quantity is not None else ""

    # --- names and codes ---
    def name(self, row: dict, prefix: str = "name_") -> str:
        """A partner's name in the reader's language, falling back through the other scripts."""
        zh, en, native = (row.get(prefix + k) or "" for k in ("zh", "en", "native"))
        order = (zh, en, native) if self.zh else (en, native, zh)
        return next((n for n in order if n), "")

    def other_names(self, row: dict, prefix: str = "name_") -> str:
        """The partner's names other than `name(row)`, once each: 兵庫県 / Hyogo Prefecture."""
        first = self.name(row, prefix)
        names = [row.get(prefix + k) or "" for k in ("zh", "en", "native")]
        return " / ".join(dict.fromkeys(n for n in names if n and n != first))

    @staticmethod
    def person(row: dict) -> str:
        """A contact's name in the order the person uses, with the honorific where it goes: 山田花子 様,
        김민준 님, г-жа Анна Смирнова. CJK names have no space between family and given name."""
        family, given, honorific = (row.get(k) or "" for k in ("family_name", "given_name", "honorific"))
        if row.get("family_name_first"):
            joiner = "" if needs_cjk_wrap(family + given) and (family + given).isalpha() else " "
            name = joiner.join(p for p in (family, given) if p)
            return f"{name} {honorific}".strip()
        name = " ".join(p for p in (given, family) if p)
        return f"{honorific} {name}".strip()

    def country(self, code: str) -> str:
        return country_name(code, self.lang)

    def label(self, vocabulary: Vocabulary, code: str | None) -> str:
        return vocabulary.label(code, self.lang) if code else ""

    def locality(self, row: dict) -> str:
        zh, en = row.get("locality_zh") or "", row.get("locality_en") or ""
        return (zh or en) if self.zh else (en or zh)
