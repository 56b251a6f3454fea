"""A shipment's papers (packing list, certificate of donation) for every demo shipment, in both
languages, as PDF and Word, with each currency's total checked against the items' values (never one
total across currencies); hostile text printed literally; the command line `twindesk paper`."""

import re
import shutil
import subprocess
from collections import defaultdict
from datetime import date
from decimal import Decimal

import pytest
from brief_docx import all_text, open_docx
from brief_pdf import pages_text, reader, text
from docx.oxml.ns import qn

from twindesk import cli
from twindesk.briefing.shipment_papers import build_shipment_paper
from twindesk.domain import workspace
from twindesk.domain.demo import write_demo
from twindesk.domain.model.errors import UserError
from twindesk.domain.output_file import OutputFileError
from twindesk.store.models import Shipment, ShipmentItem

TODAY = date(2026, 11, 29)
PAPERS = ("packing_list", "certificate")
# "Total (CNY) 60,000 CNY", "合计（CNY） 60,000 CNY", "合计（CNY） / Total (CNY) 60,000 CNY"
TOTAL = re.compile(r"(?:合计（([A-Z]{3})）(?: / Total \(\1\))?|Total \(([A-Z]{3})\))\s*([\d,]+(?:\.\d+)?) ([A-Z]{3})")
LONG = ("Forty thousand characters. " * 1500)[:40_000]
DESCRIPTION = ("A description as long as it may be, " * 8)[:255]  # the field's limit


def expected_totals(shipment_id: int) -> dict[str, Decimal]:
    sums: dict[str, Decimal] = defaultdict(Decimal)
    for item in ShipmentItem.select().where(ShipmentItem.shipment == shipment_id):
        if item.value is not None:
            sums[item.currency] += Decimal(item.value)
    return dict(sums)


def printed_totals(content: str) -> list[tuple[str, Decimal]]:
    """(currency, amount) of every total printed; the label's currency is the amount's."""
    out = []
    for match in TOTAL.finditer(content.replace("\n", " ")):
        label, amount, currency = match.group(1) or match.group(2), match.group(3), match.group(4)
        assert label == currency, match.group(0)
        out.append((currency, Decimal(amount.replace(",", ""))))
    return out


def docx_content(path) -> str:
    """Every paragraph's text (in tables too, headers and footers), one a line."""
    return all_text(open_docx(path))


def docx_rows(path) -> str:
    """Each table row's cells joined by a space, one row a line."""
    lines = []
    for table in open_docx(path).element.body.iter(qn("w:tbl")):
        for row in table.iter(qn("w:tr")):
            lines.append(" ".join("".join(t.text or "" for t in cell.iter(qn("w:t"))) for cell in row.iter(qn("w:tc"))))
    return "\n".join(lines)


def check_totals(content: str, shipment_id: int) -> None:
    printed = printed_totals(content)
    expected = expected_totals(shipment_id)
    assert dict(printed) == expected, (shipment_id, printed, expected)
    assert len(printed) == len(expected)  # one total per currency, no total across them


@pytest.fixture(scope="module")
def demo_file(module_targets):
    """The demo data set, and one shipment in three currencies with an item of no value."""
    path = module_targets.new("demo.db")
    workspace.open_workspace(path, take_backups=False)
    try:
        write_demo()
        from twindesk.domain.operations import records

        mixed = records.save("shipment", {"title": "Mixed aid", "direction": "outgoing", "counterparty": "Osaka",
                                          "carrier": "DHL", "tracking_ref": "WB-1"})
        for description, value, currency in (("Masks", "1200.50", "CNY"), ("Gloves", "799.50", "CNY"),
                                             ("Tents", "300000", "JPY"), ("Water", "12.25", "USD"),
                                             ("Blankets", None, "EUR")):
            records.save("shipment_item", {"shipment": mixed, "description": description, "value": value,
                                           "currency": currency, "quantity": "10", "unit": "boxes"})
    finally:
        workspace.close()
    return path


@pytest.fixture
def demo(demo_file):
    """The demo database open for one test (other tests open their own): the shipments' ids."""
    workspace.open_workspace(demo_file, take_backups=False)
    yield [s.id for s in Shipment.select(Shipment.id).order_by(Shipment.id)]
    workspace.close()


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_every_demo_shipment_has_both_papers_in_pdf_and_word(demo, tmp_path, lang):
    assert len(demo) >= 9
    for shipment in demo:
        items = list(ShipmentItem.select().where(ShipmentItem.shipment == shipment))
        for paper in PAPERS:
            pdf = build_shipment_paper(paper, shipment, tmp_path / f"{paper}-{shipment}.pdf", lang=lang, today=TODAY)
            content = text(pdf)
            check_totals(content, shipment)
            flat = content.replace("\n", "")
            for item in items:
                assert item.description.replace(" ", "") in flat.replace(" ", ""), (paper, shipment, item.description)
            word = build_shipment_paper(paper, shipment, tmp_path / f"{paper}-{shipment}.docx", lang=lang, today=TODAY)
            words = docx_content(word)
            check_totals(docx_rows(word), shipment)
            for item in items:
                assert item.description in words
            if paper == "certificate":
                assert "捐赠证书" in content and "Certificate of Donation" in content
                assert content.index("捐赠证书") < content.index("Certificate of Donation")  # Chinese first
                assert "盖章 / Seal" in content and "盖章 / Seal" in words
                if len(items) <= 5:
                    assert len(reader(pdf).pages) == 1, shipment  # a certificate is one page
            else:
                heading = "装箱单" if lang == "zh_CN" else "Packing list"
                assert heading in content and heading in words
                assert ("装箱人" if lang == "zh_CN" else "Packed by") in words
                assert len(reader(pdf).pages) <= 2, shipment


def test_the_mixed_shipment_says_each_currency_apart(demo, tmp_path):
    mixed = demo[-1]
    content = text(build_shipment_paper("packing_list", mixed, tmp_path / "p.pdf", lang="en", today=TODAY))
    assert dict(printed_totals(content)) == {"CNY": Decimal("2000"), "JPY": Decimal("300000"), "USD": Decimal("12.25")}
    flat = " ".join(content.split())
    assert "Item lines 5" in flat and "Item lines without a value 1" in flat
    assert "DHL" in content and "WB-1" in content  # carrier and waybill
    assert len(reader(tmp_path / "p.pdf").pages) == 1  # five items and the signatures fit one page
    assert "Total " not in content.replace("Total (", "")  # no total without its currency


def test_the_packing_list_names_carrier_waybill_and_consignee(demo, tmp_path):
    cosco = Shipment.get(Shipment.tracking_ref == "COSU6230415").id
    content = text(build_shipment_paper("packing_list", cosco, tmp_path / "p.pdf", lang="zh_CN", today=TODAY))
    for words in ("中远海运", "COSU6230415", "承运方", "运单号", "收货方", "兵库县（日本）", "发货方", "海南省"):
        assert words in content, words
    english = text(build_shipment_paper("certificate", cosco, tmp_path / "c.pdf", lang="en", today=TODAY))
    assert "Hainan Province has donated to Hyogo Prefecture, Japan" in english.replace("\n", " ")
    assert "海南省向兵库县（日本）捐赠" in english.replace("\n", "")


def test_an_incoming_shipment_has_the_partner_as_donor(demo, tmp_path):
    hyogo_masks = demo[0]  # masks from Hyogo
    content = text(build_shipment_paper("certificate", hyogo_masks, tmp_path / "c.pdf", lang="zh_CN",
                                        today=TODAY)).replace("\n", "")
    assert "兵库县（日本）向海南省捐赠" in content


def test_refusals(demo, tmp_path):
    out = tmp_path / "p.pdf"
    build_shipment_paper("packing_list", demo[0], out)
    with pytest.raises(OutputFileError):
        build_shipment_paper("packing_list", demo[0], out)  # no replace: refused, file kept
    build_shipment_paper("packing_list", demo[0], out, replace=True)
    with pytest.raises(UserError):
        build_shipment_paper("invoice", demo[0], tmp_path / "x.pdf")
    with pytest.raises(UserError):
        build_shipment_paper("certificate", 99_999, tmp_path / "x.pdf")
    assert not (tmp_path / "x.pdf").exists()


@pytest.fixture
def hostile(make):
    p = make.partner(name_zh="=1+1", name_en="<b>x</b>", name_native="שלום עולם", country="KR")
    s = make.shipment(p, title="AT&T <b>aid</b> =SUM(A1) 🎉", occasion="مرحبا بالعالم", carrier="{ PAGE }",
                      tracking_ref="=HYPERLINK(\"http://x\")", notes=LONG, recipients="AT&T\nשלום עולם")
    make.item(s, description="<b>masks</b> & =1+1 👍", quantity="5", unit="AT&T", value="10", currency="USD",
              notes="=1+1")
    make.item(s, description=DESCRIPTION, value="5", currency="USD", notes=LONG)
    return s


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_hostile_text_prints_literally(hostile, tmp_path, lang):
    for paper in PAPERS:
        pdf = build_shipment_paper(paper, hostile, tmp_path / f"{paper}.pdf", lang=lang, today=TODAY)
        content = text(pdf).replace("\n", "")
        for literal in ("AT&T", "<b>aid</b>", "=SUM(A1)", "<b>masks</b> & =1+1", "=1+1"):
            assert literal in content, (paper, literal)
        assert dict(printed_totals(text(pdf))) == {"USD": Decimal("15")}
        if paper == "certificate":  # no notes on it: one page, its signatures and seals on it too
            assert len(reader(pdf).pages) == 1 and "盖章 / Seal" in content
        word = build_shipment_paper(paper, hostile, tmp_path / f"{paper}.docx", lang=lang, today=TODAY)
        words = docx_content(word)
        for literal in ("AT&T <b>aid</b> =SUM(A1) 🎉", "<b>masks</b> & =1+1 👍", "مرحبا بالعالم", DESCRIPTION):
            assert literal in words, (paper, literal[:20])
        if paper == "packing_list":  # the shipment's and the item's notes: the certificate prints neither
            assert words.count(LONG) == 2
        xml = open_docx(word).element.xml
        assert "<w:hyperlink" not in xml and "w:instrText" not in xml and "fldSimple" not in xml.split("w:ftr")[0]
    # the 40,000 characters flow over pages, the note and the description both
    assert len(pages_text(tmp_path / "packing_list.pdf")) > 5


# --- LibreOffice reads the Word editions ---------------------------------------------------------------

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


@pytest.mark.slow
@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed")
def test_libreoffice_converts_the_word_papers(demo, tmp_path):
    cosco = Shipment.get(Shipment.tracking_ref == "COSU6230415").id
    made = [build_shipment_paper(paper, shipment, tmp_path / f"{paper}-{shipment}-{lang}.docx", lang=lang, today=TODAY)
            for paper in PAPERS for lang in ("en", "zh_CN") for shipment in (cosco, demo[-1])]
    home, out = tmp_path / "home", tmp_path / "pdf"
    home.mkdir()
    done = subprocess.run([SOFFICE, "--headless", "--norestore", "--convert-to", "pdf", "--outdir", str(out),
                           *map(str, made)], env={"HOME": str(home), "PATH": "/usr/bin:/bin"},
                          capture_output=True, text=True, timeout=240)
    assert done.returncode == 0, done.stderr
    for docx in made:
        pdf = out / (docx.stem + ".pdf")
        pages = reader(pdf).pages
        assert len(pages) == 1, pdf.name  # each fits its page, the certificate in its border
        assert (round(float(pages[0].mediabox.width)), round(float(pages[0].mediabox.height))) == (595, 842)
        shipment = int(docx.stem.split("-")[1])
        check_totals(text(pdf), shipment)


# --- the command line ---------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def demo_db(module_targets):
    path = module_targets.new("cli-demo.db")
    assert cli.main(["demo", "--db", str(path)]) == 0
    return path


def run(capsys, *argv):
    code = cli.main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_cli_writes_both_papers_and_refuses_to_overwrite(capsys, demo_db, tmp_path):
    out = tmp_path / "list.pdf"
    code, stdout, err = run(capsys, "paper", "packing-list", 7, out, "--db", demo_db)
    assert (code, err, stdout.strip()) == (0, "", f"packing list written to {out}")
    assert "Packing list" in text(out)
    before = out.read_bytes()
    code, stdout, err = run(capsys, "paper", "packing-list", 7, out, "--db", demo_db, "--lang", "zh_CN")
    assert code == 2 and stdout == "" and err.startswith("twindesk：错误：") and "--force" in err
    assert out.read_bytes() == before
    code, stdout, err = run(capsys, "paper", "packing-list", 7, out, "--db", demo_db, "--lang", "zh_CN", "--force")
    assert code == 0 and stdout.strip() == f"装箱单已写到 {out}"
    assert "装箱单" in text(out)
    word = tmp_path / "cert.docx"
    code, stdout, err = run(capsys, "paper", "certificate", 7, word, "--db", demo_db, "--lang", "zh_CN")
    assert code == 0 and stdout.strip() == f"捐赠证书已写到 {word}"
    assert "捐赠证书" in docx_content(word)


def test_cli_user_errors_exit_2_in_chinese(capsys, demo_db, tmp_path):
    code, _, err = run(capsys, "--lang", "zh_CN", "paper", "certificate", 999, tmp_path / "x.pdf", "--db", demo_db)
    assert code == 2 and "没有编号为 999 的" in err and not (tmp_path / "x.pdf").exists()
    for argv in (("paper", "invoice", 7), ("paper", "certificate", "seven"), ("--lang", "zh_CN", "paper", "certificate")):
        with pytest.raises(SystemExit) as exit_:  # argparse's own usage errors: exit 2 too
            cli.main([*map(str, argv), str(tmp_path / "x.pdf"), "--db", str(demo_db)])
        assert exit_.value.code == 2
    assert "错误" in capsys.readouterr().err  # the last, in Chinese
    with pytest.raises(SystemExit):
        cli.main(["--lang", "zh_CN", "paper", "--help"])
    out, _ = capsys.readouterr()
    assert "装箱单" in out and "捐赠证书" in out
