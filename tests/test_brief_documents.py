"""The partner and visit packs list the documents on file (issue 15 item 1): title, kind, date, file name
and size, a partner's with its partnerships' papers; in both languages and both editions; a name as
given prints cleaned; a pack without documents has no such section."""

from datetime import date

from brief_docx import all_text, open_docx
from brief_pdf import text

from twindesk.briefing import build_partner_brief, build_visit_brief
from twindesk.domain.operations import documents

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def test_the_partner_pack_lists_its_and_its_partnerships_documents(make, tmp_path):
    jeju = make.partner(name_en="Jeju", country="KR")
    relation = make.partnership(jeju, status="active", established_year=1995)
    documents.attach("partner", jeju, [("profile\u202efdp.txt", b"notes")], title="Province profile", kind="letter",
                     on=date(2024, 3, 1))
    documents.attach("partnership", relation, [("agreement.pdf", PDF)], title="Friendship agreement",
                     kind="agreement", on=date(1995, 9, 12))
    printed = text(build_partner_brief(jeju, tmp_path / "p.pdf"))
    assert "Documents on file" in printed
    for expected in ("Province profile", "Letter", "Friendship agreement", "Agreement", "agreement.pdf",
                     "profilefdp.txt", "5 bytes", "The partner"):
        assert expected in printed, printed[-900:]
    assert "\u202e" not in printed
    zh = text(build_partner_brief(jeju, tmp_path / "zh.pdf", lang="zh_CN"))
    assert "存档文件" in zh and "协议" in zh and "信函" in zh and "1995年9月12日" in zh
    word = all_text(open_docx(build_partner_brief(jeju, tmp_path / "p.docx")))
    assert "Documents on file" in word and "Friendship agreement" in word


def test_the_visit_pack_lists_the_visits_documents_and_none_when_there_are_none(make, tmp_path):
    visit = make.visit(title="To Jeju", start_on=date(2027, 3, 15), end_on=date(2027, 3, 18))
    assert "Documents on file" not in text(build_visit_brief(visit, tmp_path / "none.pdf"))
    documents.attach("visit", visit, [("approval.pdf", PDF)], title="任务批件", kind="approval")
    printed = text(build_visit_brief(visit, tmp_path / "v.pdf"))
    assert "Documents on file" in printed and "任务批件" in printed and "Approval" in printed
    assert "approval.pdf" in printed and "Held by" not in printed


def _png(width: int, height: int) -> bytes:
    import io

    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (width, height), (190, 40, 30)).save(out, "PNG")
    return out.getvalue()


def test_the_partner_pack_shows_its_photos_on_file_under_the_list_in_both_editions(make, tmp_path):
    from pypdf import PdfReader

    jeju = make.partner(name_en="Jeju", country="KR")
    documents.attach("partner", jeju, [("signing.png", _png(1600, 900))], title="Signing ceremony",
                     kind="photo", on=date(2024, 5, 2))
    documents.attach("partner", jeju, [("scan.png", _png(40, 40))], title="A scan, not a photo", kind="letter")
    pdf = build_partner_brief(jeju, tmp_path / "p.pdf")
    images = [img for page in PdfReader(pdf).pages for img in page.images]
    assert len(images) == 1 and images[0].image.size == (1600, 900)  # the photo, not the letter's scan
    assert "Signing ceremony · 2 May 2024" in text(pdf)
    word = open_docx(build_partner_brief(jeju, tmp_path / "p.docx"))
    assert len(word.inline_shapes) == 1 and "Signing ceremony · 2 May 2024" in all_text(word)
    visit = make.visit(title="To Jeju", start_on=date(2027, 3, 15), end_on=date(2027, 3, 18))
    documents.attach("visit", visit, [("group.png", _png(300, 200))], title="Group photo", kind="photo")
    assert not [i for p in PdfReader(build_visit_brief(visit, tmp_path / "v.pdf")).pages for i in p.images]
