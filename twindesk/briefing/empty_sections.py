"""Sections with nothing to say are left out of a pack built with the default sections.

A section whose every block is "None recorded." (or "Not recorded.") under its headings prints a
heading and a line of nothing. With the default sections such a section is dropped; a section a person
chose by name is printed as it is, so that its emptiness is the answer.
"""

from reportlab.platypus import PageBreak, Spacer

from twindesk.briefing.flowables import ContentsPage, Heading, Label


def drop_empty_sections(story: list, empty_texts: set[str]) -> list:
    """`story` without the sections (a level-0 heading up to the next) that hold only headings, spacers
    and paragraphs whose text is one of `empty_texts`."""
    out: list = []
    section: list = []

    def empty(flowable) -> bool:
        if isinstance(flowable, Heading | Label | Spacer):
            return True
        return getattr(flowable, "source_text", None) in empty_texts

    def close() -> None:
        if section and not all(map(empty, section)):
            out.extend(section)
        section.clear()

    for flowable in story:
        if isinstance(flowable, Heading) and flowable.level == 0:
            close()
            section.append(flowable)
        elif section and not isinstance(flowable, PageBreak | ContentsPage):
            section.append(flowable)
        else:
            close()
            out.append(flowable)
    close()
    return out
