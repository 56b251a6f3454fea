"""The Word edition of a briefing pack, read back with python-docx: the PDF's sections in the PDF's
order, Word's own heading styles, East Asian font names, A4 with the layout's margins, tables whose
header rows repeat, page numbers as fields we write, and typed text that stays text."""

import zipfile
from datetime import date, time

import pytest
from brief_docx import (
    all_text,
    field_instructions,
    headings,
    open_docx,
    paragraphs,
    repeats_header,
    style_fonts,
)
from brief_pdf import outline_titles
from docx.oxml.ns import qn
from docx.shared import Mm

from twindesk.briefing import build_partner_brief, build_visit_brief
from twindesk.briefing.sections import PARTNER_SECTIONS, VISIT_SECTIONS
from twindesk.briefing.wording import Wording
from twindesk.domain.output_file import OutputFileError
from twindesk.domain.progress import Cancelled, Progress

TODAY = date(2026, 11, 29)
ALL = {"visit": [s.key for s in VISIT_SECTIONS], "partner": [s.key for s in PARTNER_SECTIONS]}
BUILD = {"visit": build_visit_brief, "partner": build_partner_brief}
LONG_NOTE = ("Forty thousand characters. " * 1500)[:40_000]
HOSTILE = ["=1+1", "<b>x</b>", "AT&T", "{ PAGE }", "MERGEFIELD Name", "=HYPERLINK(\"http://x\")",
           "שלום עולם", "مرحبا بالعالم", "emoji 🎉👍", "@SUM(A1)"]


@pytest.fixture
def filled(make):
    from conftest import fill_everything

    return fill_everything(make)


@pytest.fixture
def hostile(make):
    """A partner and a visit whose typed text tries to be markup, formulas, fields, RTL and controls."""
    p = make.partner(name_zh="济州特别自治道", name_en="=1+1", name_native="שלום עולם", country="KR",
                     profile="{ PAGE } and MERGEFIELD Name\x01here", notes=LONG_NOTE)
    ps = make.partnership(p, status="active", status_since=date(1995, 1, 1), established_year=1995)
    make.agreement(ps, title="<b>x</b>", signed_place="AT&T", signatories_home="مرحبا بالعالم")
    make.contact(p, family_name="=HYPERLINK(\"http://x\")", given_name="emoji 🎉👍", title="@SUM(A1)",
                 notes="ctrl\x0b\x1f\x7fend")
    visit = make.visit((p,), title="<b>x</b>", purpose="=1+1\n\n{ PAGE }\n\nمرحبا بالعالم", start_on=date(2026, 12, 1),
                       end_on=date(2026, 12, 3), leader="AT&T", notes="MERGEFIELD Name", status="confirmed")
    make.delegate(visit, name="שלום עולם", title="emoji 🎉👍", precedence=1)
    make.itinerary(visit, day=date(2026, 12, 1), start_time=time(9), activity="=HYPERLINK(\"http://x\")",
                   place="@SUM(A1)")
    return {"partner": p, "visit": visit}


def _both(tmp_path, kind, record_id, lang, **kw):
    """The same pack as PDF and as Word."""
    build = BUILD[kind]
    pdf = build(record_id, tmp_path / f"{kind}-{lang}.pdf", lang=lang, today=TODAY, **kw)
    word = build(record_id, tmp_path / f"{kind}-{lang}.docx", lang=lang, today=TODAY, **kw)
    return pdf, word


def _outline(pdf, contents: str) -> list[tuple[int, str]]:
    """The PDF outline as (level, title), without its own entry for the contents page."""
    out = []

    def walk(items, level):
        for item in items:
            if isinstance(item, list):
                walk(item, level + 1)
            elif not (level == 1 and item == contents):
                out.append((level, item))

    walk(outline_titles(pdf), 1)
    return out


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
@pytest.mark.parametrize("kind", ["visit", "partner"])
def test_the_sections_and_sub_sections_are_the_pdfs_in_the_same_order(tmp_path, filled, kind, lang):
    record = filled["visit"] if kind == "visit" else filled["jeju"]
    pdf, word = _both(tmp_path, kind, record, lang, sections=ALL[kind], marking="内部资料")
    document = open_docx(word)
    in_word = [(level, text) for level, text in headings(document) if level <= 2]
    assert in_word == _outline(pdf, Wording(lang)("contents"))
    assert len([h for h in in_word if h[0] == 1]) == len(ALL[kind]) - 2  # every section but cover and contents
    styles = {p.style for p in paragraphs(document)}
    assert {"Title", "Heading 1", "Heading 2", "Heading 3", "Normal", "TOC Heading", "TwinDesk Contents"} <= styles
    assert document.styles["Heading 1"].style_id == "Heading1"  # Word's own, for the navigation pane
    titles = [p.text for p in document.paragraphs if p.style.name == "Title"]
    assert titles == [headings_title(filled, kind, lang)]
    # The contents are a TOC field over headings 1-2 (ours), listing the sections until Word updates it.
    body = document.element.body
    assert field_instructions(body) == ['TOC \\o "1-2" \\h \\z \\u']
    assert "<w:updateFields" in zipfile.ZipFile(word).read("word/settings.xml").decode()


def headings_title(filled, kind, lang) -> str:
    from twindesk.domain.operations import records

    values = records.get(kind, filled["visit"] if kind == "visit" else filled["jeju"])
    if kind == "visit":
        return values["title"]
    order = ("name_zh", "name_en", "name_native") if lang == "zh_CN" else ("name_en", "name_native", "name_zh")
    return next(values[k] for k in order if values.get(k))


EXPECTED_FONTS = {
    "zh_CN": {"Normal": "仿宋", "Heading 1": "黑体", "Heading 2": "楷体", "Heading 3": "仿宋", "Title": "方正小标宋简体",
              "Footer": "宋体", "TwinDesk Table": "仿宋"},
    "en": dict.fromkeys(("Normal", "Heading 1", "Heading 2", "Heading 3", "Title", "Footer", "TwinDesk Table"),
                        "Microsoft YaHei"),
}


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_east_asian_fonts_are_named_in_the_styles_and_no_theme_font_overrides_them(tmp_path, filled, lang):
    _, word = _both(tmp_path, "visit", filled["visit"], lang)
    document = open_docx(word)
    latin = "Times New Roman" if lang == "zh_CN" else "Arial"
    for style, east_asian in EXPECTED_FONTS[lang].items():
        fonts = style_fonts(document, style)
        assert fonts["eastAsia"] == east_asian, style
        assert fonts["ascii"] == fonts["hAnsi"] == latin, style
    styles_xml = zipfile.ZipFile(word).read("word/styles.xml").decode()
    assert "asciiTheme" not in styles_xml and "eastAsiaTheme" not in styles_xml
    if lang == "zh_CN":  # GB/T 9704: 3号 body, 2号 title; level-3 headings 仿宋 bold, the others not bold
        assert document.styles["Normal"].font.size.pt == 16
        assert document.styles["Title"].font.size.pt == 22
        assert document.styles["Heading 3"].font.bold is True
        assert document.styles["Heading 1"].font.bold is False
        assert document.styles["Normal"].paragraph_format.line_spacing.pt == pytest.approx(28.95)
        assert document.styles["Footer"].font.size.pt == 14


@pytest.mark.parametrize(("lang", "margins"), [("zh_CN", (37, 35, 28, 26)), ("en", (24, 20, 20, 20))])
def test_a4_with_the_layouts_margins(tmp_path, filled, lang, margins):
    _, word = _both(tmp_path, "partner", filled["jeju"], lang)
    section = open_docx(word).sections[0]
    assert (round(section.page_width.mm, 1), round(section.page_height.mm, 1)) == (210, 297)
    got = [section.top_margin, section.bottom_margin, section.left_margin, section.right_margin]
    assert [round(m.mm, 1) for m in got] == list(margins)
    if lang == "zh_CN":  # the type area of GB/T 9704: 156 x 225 mm
        assert section.page_width - section.left_margin - section.right_margin == pytest.approx(Mm(156), abs=Mm(0.1))
        assert section.page_height - section.top_margin - section.bottom_margin == pytest.approx(Mm(225), abs=Mm(0.1))


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_data_tables_repeat_their_header_row_and_facts_tables_have_none(tmp_path, filled, lang):
    _, word = _both(tmp_path, "visit", filled["visit"], lang, sections=ALL["visit"])
    document = open_docx(word)
    with_header = 0
    for table in document.tables:
        rows = table.rows
        assert not any(repeats_header(r) for r in rows[1:])
        if repeats_header(rows[0]):
            with_header += 1
            assert rows[0]._tr.find(qn("w:tc")).find(qn("w:tcPr")).find(qn("w:shd")) is not None
        else:  # a facts table: label and value
            assert len(table.columns) == 2
    assert with_header >= 5


def test_page_numbers_are_fields_in_the_footer_only(tmp_path, filled):
    _, zh = _both(tmp_path, "partner", filled["jeju"], "zh_CN", marking="内部资料")
    section = open_docx(zh).sections[0]
    for footer, alignment in ((section.first_page_footer, "right"), (section.footer, "right"),
                              (section.even_page_footer, "left")):  # the outer edge
        paragraph = footer.paragraphs[0]
        assert field_instructions(footer._element) == ["PAGE"]
        assert "".join(t.text for t in footer._element.iter(qn("w:t"))) == "— 1 —"
        assert paragraph.alignment.name.lower() == alignment
    # GB/T 9704 (and the PDF): the marking at the top left of the first page only
    assert section.different_first_page_header_footer
    assert section.first_page_header.paragraphs[0].text == "内部资料"
    assert section.header.paragraphs[0].text == "" and section.even_page_header.paragraphs[0].text == ""
    _, en = _both(tmp_path, "partner", filled["jeju"], "en", marking="Internal")
    section = open_docx(en).sections[0]
    assert field_instructions(section.footer._element) == ["PAGE", "NUMPAGES"]
    assert "Page 1 of 1" in section.footer.paragraphs[0].text.replace("\t", " ") or \
        "Page 1 of 1" in "".join(t.text for t in section.footer._element.iter(qn("w:t")))


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_hostile_text_stays_literal_text(tmp_path, hostile, lang):
    marking = "{ PAGE } =1+1 \x07"
    for kind in ("visit", "partner"):
        word = BUILD[kind](hostile[kind], tmp_path / f"{kind}.docx", lang=lang, sections=ALL[kind],
                           marking=marking, today=TODAY)
        document = open_docx(word)  # opens: the XML is well formed
        content = all_text(document)
        if kind == "visit":
            for text in HOSTILE:
                assert text in content, (kind, text)
        body = document.element.body
        assert field_instructions(body) == ['TOC \\o "1-2" \\h \\z \\u']  # ours, nothing typed
        xml = zipfile.ZipFile(word).read("word/document.xml").decode()
        assert "<w:hyperlink" not in xml and "<w:fldSimple" not in xml and "MERGEFIELD Name" in xml
        section = document.sections[0]
        for header in (section.header, section.footer, section.first_page_header, section.first_page_footer):
            assert [i for i in field_instructions(header._element) if i not in ("PAGE", "NUMPAGES")] == []
        assert "{ PAGE } =1+1 \ufffd" in content  # the marking: literal, its control character replaced
    partner = open_docx(tmp_path / "partner.docx")
    content = all_text(partner)
    assert "=1+1" in content and "<b>x</b>" in content and "AT&T" in content and "مرحبا بالعالم" in content
    # A control character: dropped from flowing text as the PDF drops it (markup.paragraphs), replaced by
    # a visible mark in a table cell and the marking; never a crash.
    assert "{ PAGE } and MERGEFIELD Namehere" in content
    assert "ctrl\ufffd\ufffd\ufffdend" in content
    assert LONG_NOTE.strip() in content  # the 40,000 characters, whole
    assert "emoji 🎉👍" in content
    rtl = [p for p in partner.element.body.iter(qn("w:p"))
           if "".join(t.text for t in p.iter(qn("w:t"))).startswith(("שלום", "مرحبا"))]
    assert rtl and all(p.pPr.find(qn("w:bidi")) is not None for p in rtl)  # right-to-left paragraphs


def test_an_existing_file_is_replaced_only_with_replace_and_nothing_half_written(tmp_path, filled):
    out = tmp_path / "pack.docx"
    out.write_bytes(b"old")
    with pytest.raises(OutputFileError, match="already exists"):
        build_visit_brief(filled["visit"], out)
    assert out.read_bytes() == b"old"

    progress = Progress(lambda done, total, text: progress.cancel() if done > 200 else None)
    with pytest.raises(Cancelled):
        build_visit_brief(filled["visit"], out, replace=True, progress=progress)
    assert out.read_bytes() == b"old"
    build_visit_brief(filled["visit"], out, replace=True)
    assert zipfile.is_zipfile(out)
    assert not [p.name for p in tmp_path.iterdir() if p.name.endswith(".part") or ".docx" in p.name and p != out]


def test_the_command_line_writes_word_for_docx(tmp_path, capsys):
    from conftest import make_filled_database

    from twindesk import cli

    db = tmp_path / "good.db"
    make_filled_database(db)
    out = tmp_path / "partner.docx"
    assert cli.main(["brief", "partner", "1", str(out), "--db", str(db), "--lang", "zh_CN"]) == 0
    assert capsys.readouterr().out.strip().endswith(str(out))
    assert headings(open_docx(out))[0] == (1, "一、基本情况")  # Chinese: the official layout, numbered
    assert cli.main(["brief", "partner", "1", str(out), "--db", str(db)]) == 2
    assert "already exists" in capsys.readouterr().err
    assert cli.main(["brief", "partner", "1", str(out), "--db", str(db), "--force"]) == 0
    assert headings(open_docx(out))[0] == (1, "Profile")
