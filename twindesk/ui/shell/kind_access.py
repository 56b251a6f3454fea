"""Which kinds of record this window may change, and why not (docs/architecture.md, "Who may do what").

A reader's whole window is read-only (the session opens it so, with the reason in the banner). An
editor on the shared server may change everything but home localities: that page, its New and Delete
and its forms are read-only, with the reason above the list and in the form. The domain decides
(domain/operations/write_access.py); it is imported when first asked, not with the window's shell.
"""

from __future__ import annotations

from PySide6.QtWidgets import QLabel


def refusal(kind: str, lang: str) -> str:
    """Why this session may not change records of `kind`, in `lang` ("" when it may)."""
    from twindesk.domain.operations import write_access

    problem = write_access.refusal(kind=kind)
    return problem.text(lang) if problem is not None else ""


def may_change(page) -> bool:
    """Whether the records a list page shows may be changed (the window being writable)."""
    return not refusal(page.spec.record_kind, "en")


def read_only(window, kind: str) -> bool:
    """A form of `kind` opened from `window` is read-only."""
    return window.read_only or bool(refusal(kind, window.lang))


def show_on_page(window, page) -> None:
    """A list page whose records this session may not change says why above its list."""
    reason = "" if window.read_only else refusal(page.spec.record_kind, window.lang)
    if not reason:
        return
    banner = QLabel(reason)
    banner.setObjectName("kind_read_only_banner")
    banner.setWordWrap(True)
    banner.setStyleSheet("background: #fff4ce; color: #4d3800; padding: 6px 10px;")
    page.layout().insertWidget(0, banner)
    page.read_only_banner = banner  # for tests
