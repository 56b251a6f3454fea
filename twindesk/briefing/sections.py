"""Which sections each kind of pack has, their labels in both languages, and which are on by default.

The window's "Briefing pack…" dialog lists `available_sections(kind)` as tick boxes; the command line
takes `--sections a,b,c`. Sections always print in the order declared here, whatever order they were
chosen in.
"""

from collections.abc import Iterable
from dataclasses import dataclass

from twindesk.briefing.wording import WORDS, is_zh
from twindesk.domain.model.errors import UserError

KINDS = ("visit", "partner")


@dataclass(frozen=True)
class Section:
    key: str
    default: bool = True

    @property
    def en(self) -> str:
        return WORDS[self.key][0]

    @property
    def zh(self) -> str:
        return WORDS[self.key][1]

    def label(self, lang: str = "en") -> str:
        return self.zh if is_zh(lang) else self.en


VISIT_SECTIONS = tuple(Section(key) for key in (
    "cover", "contents", "purpose", "partners", "history", "delegation", "itinerary", "contacts", "gifts",
    "notes", "logistics", "documents",
))

PARTNER_SECTIONS = tuple(Section(key) for key in (
    "cover", "contents", "profile", "partnerships", "dates_ahead", "timeline", "aid", "contacts", "visits",
    "documents",
)) + (Section("changes", default=False),)  # who changed the records, when: for the office, not the meeting

_BY_KIND = {"visit": VISIT_SECTIONS, "partner": PARTNER_SECTIONS}


class UnknownSection(UserError):
    """A section name the pack does not have; the message lists the valid ones."""


def available_sections(kind: str) -> tuple[Section, ...]:
    """The sections of a "visit" or "partner" pack, in print order."""
    try:
        return _BY_KIND[kind]
    except KeyError:
        raise ValueError(f"unknown kind of briefing pack {kind!r}; one of {', '.join(KINDS)}") from None


def default_sections(kind: str) -> tuple[str, ...]:
    return tuple(s.key for s in available_sections(kind) if s.default)


def choose_sections(kind: str, chosen: Iterable[str] | None) -> tuple[str, ...]:
    """The keys to print, in print order: the defaults for None, else exactly those chosen.

    Raises UnknownSection naming the valid keys, or if nothing was chosen.
    """
    valid = [s.key for s in available_sections(kind)]
    if chosen is None:
        return default_sections(kind)
    wanted = [c.strip() for c in chosen if c and c.strip()]
    unknown = [c for c in wanted if c not in valid]
    if unknown:
        raise UnknownSection(f"unknown section {', '.join(repr(u) for u in unknown)} for a {kind} brief; "
                             f"valid sections: {', '.join(valid)}")
    if not wanted:
        raise UnknownSection(f"choose at least one section for a {kind} brief: {', '.join(valid)}")
    return tuple(k for k in valid if k in wanted)
