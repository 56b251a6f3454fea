"""Sections with nothing to say are left out of a pack built with the default sections.

A section whose every block is "None recorded." (or "Not recorded.") under its headings prints a
heading and a line of nothing. With the default sections such a section is dropped, from the paper
model, so that neither edition prints it and the numbering that follows has no gap; a section a
person chose by name is printed as it is, so that its emptiness is the answer.
"""

from twindesk.briefing.paper.model import Block, Contents, Cover, Heading, PageBreak, Paragraph


def drop_empty_sections(blocks: list[Block], empty_texts: set[str]) -> list[Block]:
    """`blocks` without the sections (a level-1 heading up to the next) that hold only headings and
    paragraphs whose text is one of `empty_texts`."""
    out: list[Block] = []
    section: list[Block] = []

    def empty(block: Block) -> bool:
        return isinstance(block, Heading) or (isinstance(block, Paragraph) and block.text in empty_texts)

    def close() -> None:
        if section and not all(map(empty, section)):
            out.extend(section)
        section.clear()

    for block in blocks:
        if isinstance(block, Heading) and block.level == 1:
            close()
            section.append(block)
        elif section and not isinstance(block, PageBreak | Contents | Cover):
            section.append(block)
        else:
            close()
            out.append(block)
    close()
    return out
