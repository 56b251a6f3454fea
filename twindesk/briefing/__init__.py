"""Briefing packs: a visit brief and a partner brief, in Chinese or English, as a PDF (reportlab) or,
for an OUT named *.docx, an editable Word document (python-docx), in the official or business layout.

What the window and the command line call:

    build_visit_brief(visit_id, out, lang="zh_CN", sections=None, marking="内部资料", progress=Progress(),
                      layout=None)  -> the path, with .notes
    build_partner_brief(partner_id, out, ...)
    available_sections("visit" | "partner") -> (Section(key, default), ...) with .label(lang), .en, .zh

The database must be bound (`open_database`, by the caller) in the calling thread. Errors a person can fix
are UserErrors: NotFound (unknown id), UnknownSection, FontNotFound (no CJK font: says what to install),
OutputFileError; Cancel raises twindesk.domain.progress.Cancelled and leaves no file.

Names are loaded on first use, so that the command line can list the sections without importing
reportlab for every command.
"""

import importlib

_HOMES = {
    "LANGS": "build",
    "build_partner_brief": "build",
    "build_visit_brief": "build",
    "FontNotFound": "fonts",
    "PARTNER_SECTIONS": "sections",
    "VISIT_SECTIONS": "sections",
    "Section": "sections",
    "UnknownSection": "sections",
    "available_sections": "sections",
    "choose_sections": "sections",
    "default_sections": "sections",
}

__all__ = sorted(_HOMES)


def __getattr__(name: str):
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{home}"), name)
