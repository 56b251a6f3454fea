"""Messages to people in English and Chinese: an English template, its Chinese, and `render`.

The one mechanism every layer uses (docs/architecture.md, "Errors"). A message is an English template
with named parameters ("{path}: does not exist"); `CHINESE` maps it to its Chinese template. Like
gettext's catalog, there is one table: `store` brings its own entries here, and each layer above adds
its entries with `add_chinese` when its messages module is imported (store may not import those
layers). A parameter with a `text(lang)` method (a label, a nested message) is said in the same
language. Parts that come from outside (an operating system's reason, a file name) stay as they are.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from twindesk.store.messages_zh import STORE_ZH

CHINESE: dict[str, str] = dict(STORE_ZH)


def add_chinese(table: Mapping[str, str]) -> None:
    """Add a layer's Chinese templates; one English template has one Chinese."""
    clash = [t for t in table if t in CHINESE and CHINESE[t] != table[t]]
    if clash:
        raise ValueError(f"two Chinese texts for {clash[0]!r}")
    CHINESE.update(table)


def is_chinese(lang: str | None) -> bool:
    return bool(lang) and lang.lower().startswith("zh")


def render(template: str, params: Mapping | None = None, lang: str = "en",
           catalog: Mapping[str, str] | None = None) -> str:
    """`template` with `params` in `lang`; its Chinese from `catalog` (default: the one table).

    A template without parameters is used as it is (it may be a finished text holding braces)."""
    if is_chinese(lang):
        template = (CHINESE if catalog is None else catalog).get(template, template)
    if not params:
        return template
    shown = {k: v.text(lang) if hasattr(v, "text") else v for k, v in params.items()}
    return template.format(**shown)


@dataclass(frozen=True)
class Message:
    """A template and its parameters, said in either language when it is shown."""

    template: str
    params: dict = field(default_factory=dict)

    def text(self, lang: str = "en") -> str:
        return render(self.template, self.params, lang)

    def __str__(self) -> str:
        return self.text("en")


def message(template: str, /, **params) -> Message:
    return Message(template, params)


def joined(parts, lang: str) -> str:
    """Parts of a list in one sentence: "a, b" in English, "a、b" in Chinese."""
    return ("、" if is_chinese(lang) else ", ").join(str(p) for p in parts)


def said(value, lang: str) -> str:
    """A message, an error with `text(lang)`, or anything else as its plain text."""
    return value.text(lang) if hasattr(value, "text") else str(value)
