"""The blocks of a paper: headings, paragraphs, facts, data tables, a cover, the contents, page breaks,
signature and seal areas.

Plain data, no layout: a renderer decides what each block looks like (briefing/paper/pdf.py through the
pack's styles by role, briefing/paper/docx.py through Word's styles). Every text is what a person typed
or what the pack says, unescaped: the renderer makes it print literally.
"""

from dataclasses import dataclass, field

# A table cell: its text, or (text, note) for a main line with a smaller line under it.
Cell = str | tuple[str, str] | None


@dataclass(frozen=True)
class Heading:
    """Level 1: a section; 2: a sub-section (both in the outline and the contents); 3: a label over one
    block (in neither)."""
    level: int
    text: str
    number: str = ""  # "一、", "（一）", "1." … set by numbering.py in the official layout, with its spacing

    @property
    def printed(self) -> str:
        """What both editions print, and what the outline and the contents list."""
        return self.number + self.text


@dataclass(frozen=True)
class Paragraph:
    """Flowing text in a role: "body", "muted" (a hint, "nothing recorded"), "bullet"; "kicker",
    "cover_title", "cover_sub" on a cover; "paper_title", "paper_sub" (centred, a paper's own title and
    its second language or subject), "statement" (a certificate's text), "closing" (its date, right)."""
    text: str
    role: str = "body"


@dataclass(frozen=True)
class Facts:
    """One record's facts: a label and a value per row, rows without a value already left out."""
    rows: tuple[tuple[str, Cell], ...]
    label_width: float = 0.26  # of the text width


@dataclass(frozen=True)
class DataTable:
    """A list with a header row that repeats on every page; `widths` are fractions of the text width,
    `right` the columns of numbers (right-aligned)."""
    header: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]
    widths: tuple[float, ...]
    right: tuple[int, ...] = ()


@dataclass(frozen=True)
class Cover:
    """The first page: the marking, what kind of paper, its title and other names, key facts, the date."""
    kicker: str
    title: str
    subtitle: str
    facts: tuple[tuple[str, Cell], ...]
    marking: str
    issued: str  # "Issued 29 November 2026" / "印发日期：2026年11月29日" (the business layout)
    date: str = ""  # the date of issue alone, as the official layout prints it: "2026年11月29日"


@dataclass(frozen=True)
class Contents:
    """The contents page, a page of its own: every section (and sub-section where there is room) with
    its page."""


@dataclass(frozen=True)
class PageBreak:
    pass


@dataclass(frozen=True)
class SignatureArea:
    """One side's place to sign: its title ("装箱人 Packed by"), a line to write on per entry of `lines`
    ("签字 Signature", "日期 Date"), and, where `seal` names it ("盖章 Seal"), an empty box for the seal."""
    title: str
    lines: tuple[str, ...] = ()
    seal: str = ""


@dataclass(frozen=True)
class Signatures:
    """Signature areas side by side, kept together on one page."""
    areas: tuple[SignatureArea, ...]


@dataclass(frozen=True)
class Photo:
    """A picture on file (PNG, JPEG or GIF bytes), scaled to the type area, with its caption under it."""
    data: bytes
    caption: str


Block = Heading | Paragraph | Facts | DataTable | Cover | Contents | PageBreak | Signatures | Photo


@dataclass
class Paper:
    """A whole paper: its blocks in print order, and what its pages and file say about it."""
    blocks: list[Block]
    title: str  # the record's title or name: the file's title
    header: str  # the running header and the file's subject
    marking: str = ""
    issued: str = ""
    lang: str = "en"
    layout: str = "business"  # "official" (GB/T 9704-2012) or "business": briefing/layouts.py
    # "certificate": a double border round the page and no running header or footer (the certificate of
    # donation); "": the layout's own header and footer.
    frame: str = ""
    meta: dict = field(default_factory=dict)
