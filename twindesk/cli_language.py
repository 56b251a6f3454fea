"""Which language the command line speaks, and argparse's own words in it.

`--lang` wins (the global one before the command, or brief's, export's and history's own, which also
set their output's language); without it the locale does, as POSIX orders it: LC_ALL, then
LC_MESSAGES, then LANG. "zh…" is Chinese, anything else English.

argparse takes its words ("usage:", "error:", "the following arguments are required") from gettext's
default domain, which follows the environment and no option; `argparse_words` gives it a small table of
its own message ids for the time the parser is built and used.
"""

from __future__ import annotations

import argparse
import contextlib
import os
from collections.abc import Iterator, Mapping, Sequence

from twindesk.store.messages import is_chinese

LANGS = ("zh_CN", "en")


def chosen_language(argv: Sequence[str], environ: Mapping[str, str] | None = None) -> str:
    """"zh_CN" or "en": the last valid `--lang` in `argv`, else the locale's."""
    return lang_option(argv) or locale_language(os.environ if environ is None else environ)


def lang_option(argv: Sequence[str]) -> str | None:
    found = None
    tokens = iter(argv)
    for token in tokens:
        if token == "--":
            break
        if token == "--lang":
            value = next(tokens, None)
        elif token.startswith("--lang="):
            value = token.partition("=")[2]
        else:
            continue
        if value in LANGS:
            found = value
    return found


def locale_language(environ: Mapping[str, str]) -> str:
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):  # the first one set decides (POSIX)
        value = environ.get(name)
        if value:
            return "zh_CN" if is_chinese(value) else "en"
    return "en"


# argparse's message ids (Python 3.11+) in Chinese.
ARGPARSE_ZH = {
    "usage: ": "用法：",
    "positional arguments": "位置参数",
    "options": "选项",
    "show this help message and exit": "显示本帮助并退出",
    "show program's version number and exit": "显示程序版本号并退出",
    "%(prog)s: error: %(message)s\n": "%(prog)s：错误：%(message)s\n",
    "the following arguments are required: %s": "缺少以下必需参数：%s",
    "unrecognized arguments: %s": "无法识别的参数：%s",
    "invalid choice: %(value)r (choose from %(choices)s)": "无效的选择：%(value)r（可选：%(choices)s）",
    "argument %(argument_name)s: %(message)s": "参数 %(argument_name)s：%(message)s",
    "expected one argument": "需要一个值",
    "expected at most one argument": "最多需要一个值",
    "expected at least one argument": "至少需要一个值",
    "expected %s argument": "需要 %s 个值",
    "expected %s arguments": "需要 %s 个值",
    "invalid %(type)s value: %(value)r": "无效的 %(type)s 值：%(value)r",
    "ambiguous option: %(option)s could match %(matches)s": "有歧义的选项：%(option)s 可以是 %(matches)s",
    "not allowed with argument %s": "不能与参数 %s 同时使用",
    "one of the arguments %s is required": "必须给出以下参数之一：%s",
    "ignored explicit argument %r": "已忽略显式给出的参数 %r",
    "unexpected option string: %s": "意外的选项：%s",
}


@contextlib.contextmanager
def argparse_words(lang: str) -> Iterator[None]:
    """argparse speaks `lang` inside the block (English stays argparse's own)."""
    if not is_chinese(lang):
        yield
        return
    saved = argparse._, argparse.ngettext
    argparse._ = lambda text: ARGPARSE_ZH.get(text, text)
    argparse.ngettext = lambda one, many, n: ARGPARSE_ZH.get(one if n == 1 else many, one if n == 1 else many)
    try:
        yield
    finally:
        argparse._, argparse.ngettext = saved
