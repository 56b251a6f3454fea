"""Messages to people in English and Chinese: an English template, its Chinese, and `render`.

The one mechanism every layer uses (docs/architecture.md, "Errors"). A message is an English template
with named parameters ("{path}: does not exist"); `CHINESE` maps it to its Chinese template. Like
gettext's catalog, there is one table: `store` brings its own entries here, and each layer above adds
its entries with `add_chinese` when its messages module is imported (store may not import those
layers). A parameter with a `text(lang)` method (a label, a nested message) is said in the same
language. Parts that come from outside (an operating system's reason, a file name) stay as they are.
"""

from __future__ import annotations

import errno
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from twindesk.store.messages_zh import STORE_ZH
from twindesk.store.server.messages import SERVER_ZH

CHINESE: dict[str, str] = {**STORE_ZH, **SERVER_ZH}


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


class Message(str):
    """A template and its parameters, said in either language with `text(lang)`.

    It is the English text as a `str` too, so code that keeps a plain message (a reason field, an
    f-string, `in`) goes on working, in English."""

    template: str
    params: dict

    def __new__(cls, template: str, params: Mapping | None = None):
        params = dict(params or {})
        self = super().__new__(cls, render(template, params, "en"))
        self.template, self.params = template, params
        return self

    def text(self, lang: str = "en") -> str:
        return render(self.template, self.params, lang)


@dataclass(frozen=True)
class InLanguage:
    """A text a function says in the reader's language (`say(lang)`), as a message's parameter."""

    say: Callable[[str], str]

    def text(self, lang: str = "en") -> str:
        return self.say(lang)

    def __str__(self) -> str:
        return self.say("en")


# The operating system's reasons, in Chinese; the English is the system's own (`strerror`).
_ERRNO_ZH = {
    errno.ENOENT: "文件或文件夹不存在", errno.EACCES: "权限不足", errno.EPERM: "不允许此操作",
    errno.ENOSPC: "磁盘空间不足", errno.EROFS: "只读文件系统", errno.EEXIST: "文件已存在",
    errno.ENOTDIR: "不是文件夹", errno.EISDIR: "是文件夹", errno.ELOOP: "符号链接层数过多",
    errno.ENAMETOOLONG: "文件名过长", errno.EBUSY: "设备或资源正忙", errno.EIO: "输入/输出错误",
    errno.EXDEV: "不能跨设备链接", errno.ENOTEMPTY: "文件夹不为空",
    **({errno.EDQUOT: "超出磁盘配额"} if hasattr(errno, "EDQUOT") else {}),
}


@dataclass(frozen=True)
class OsReason:
    """Why the operating system refused (an OSError's `strerror`), in the reader's language."""

    error: OSError

    def text(self, lang: str = "en") -> str:
        english = self.error.strerror or str(self.error)
        return _ERRNO_ZH.get(self.error.errno, english) if is_chinese(lang) else english

    def __str__(self) -> str:
        return self.text("en")


def os_reason(exc: BaseException):
    """An OSError's reason said in either language; any other exception's text as it is."""
    return OsReason(exc) if isinstance(exc, OSError) else exc


def message(template: str, /, **params) -> Message:
    return Message(template, params)


def joined(parts, lang: str) -> str:
    """Parts of a list in one sentence: "a, b" in English, "a、b" in Chinese."""
    return ("、" if is_chinese(lang) else ", ").join(str(p) for p in parts)


def said(value, lang: str) -> str:
    """A message, an error with `text(lang)`, or anything else as its plain text."""
    return value.text(lang) if hasattr(value, "text") else str(value)
