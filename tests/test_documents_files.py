"""Which files become documents: judged by content, not by name; a size limit; hostile names stored as
given, shown cleaned and never used as paths (docs/architecture.md, "Documents")."""

import io
import os
import struct
import zipfile
import zlib

import pytest

from twindesk.domain.model import file_types
from twindesk.domain.model.file_types import detect, display_name, safe_file_name
from twindesk.domain.operations import documents
from twindesk.domain.queries import documents as dq
from twindesk.domain.queries.document_files import TemporaryCopies
from twindesk.store import models as m


def png() -> bytes:
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    raw = zlib.compress(b"\x00\xff\x00\x00")
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)) + \
        chunk(b"IDAT", raw) + chunk(b"IEND", b"")


def office(folder: str) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr(f"{folder}/document.xml", "<doc/>")
    return out.getvalue()


def xlsx() -> bytes:
    from openpyxl import Workbook

    out = io.BytesIO()
    wb = Workbook()
    wb.active["A1"] = "友好城市"
    wb.save(out)
    return out.getvalue()


def odf(kind: str) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr(zipfile.ZipInfo("mimetype"), f"application/vnd.oasis.opendocument.{kind}")
        z.writestr("content.xml", "<office:document-content/>")
    return out.getvalue()


def ole(stream: str) -> bytes:
    return b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504) + stream.encode("utf-16-le") + bytes(100)


SAMPLES = {
    "pdf": ("scan.pdf", b"%PDF-1.5\n1 0 obj\n<<>>\nendobj\n%%EOF"),
    "png": ("photo.png", png()),
    "jpeg": ("photo.JPG", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(64)),
    "gif": ("a.gif", b"GIF89a" + bytes(40)),
    "webp": ("a.webp", b"RIFF\x24\x00\x00\x00WEBPVP8 " + bytes(40)),
    "tiff": ("fax.tif", b"II*\x00\x08\x00\x00\x00" + bytes(40)),
    "bmp": ("a.bmp", b"BM" + bytes(60)),
    "docx": ("letter.docx", office("word")),
    "xlsx": ("list.xlsx", xlsx()),
    "pptx": ("talk.pptx", office("ppt")),
    "doc": ("old.doc", ole("WordDocument")),
    "xls": ("old.xls", ole("Workbook")),
    "odt": ("a.odt", odf("text")),
    "ods": ("a.ods", odf("spreadsheet")),
    "text": ("纪要.txt", "会谈纪要：双方同意续签协议。\n".encode("gb18030")),
}


@pytest.mark.parametrize("code", SAMPLES)
def test_each_kept_type_is_recognised_by_content_and_attached(make, code):
    name, data = SAMPLES[code]
    assert detect(data).code == code
    pid = make.partner()
    (doc,) = documents.attach("partner", pid, [(name, data)])
    row = dq.document(doc)
    assert (row.type_code, row.mime, row.file_name) == (code, file_types.TYPES[code].mime, name)
    assert dq.read_bytes(doc) == data


def test_utf8_text_and_a_name_without_extension_are_accepted():
    assert detect("Jeju–Hainan 1995 协议\n".encode()).code == "text"
    assert documents.check_file("SCAN_0001", SAMPLES["pdf"][1]).code == "pdf"  # the content decides


@pytest.mark.parametrize("name, data, words, zh", [
    ("scan.pdf", png(), "“scan.pdf” is not a PDF document: its content is a PNG image",
     "“scan.pdf”不是PDF 文档：其内容是PNG 图片"),
    ("photo.jpg", SAMPLES["pdf"][1], "“photo.jpg” is not a JPEG image: its content is a PDF document", "不是JPEG 图片"),
    ("report.docx", office("xl"), "is not a Word document: its content is an Excel workbook", "其内容是Excel 工作簿"),
    ("invoice.pdf.exe", SAMPLES["pdf"][1], "ends in .exe, but its content is a PDF document", "扩展名是 .exe"),
    ("setup.pdf", b"MZ\x90\x00" + bytes(200), "it looks like a Windows program", "看起来是Windows 程序"),
    ("run.txt", b"#!/bin/sh\nrm -rf /\n", "it looks like a script", "看起来是脚本"),
    ("archive.docx", zipfile.ZipFile.__name__.encode() and b"PK\x03\x04" + bytes(60), "it looks like a zip archive",
     "zip 压缩包"),
    ("empty.pdf", b"", "“empty.pdf” is empty (0 bytes)", "是空文件"),
    ("blob.bin", bytes(range(256)) * 4, "it looks like a file of an unknown kind", "未知格式的文件"),
])
def test_a_file_whose_content_does_not_fit_is_refused_saying_what_it_looks_like(make, name, data, words, zh):
    pid = make.partner()
    with pytest.raises(documents.DocumentsRefused) as caught:
        documents.attach("partner", pid, [("fine.pdf", SAMPLES["pdf"][1]), (name, data)])
    assert words in str(caught.value) and caught.value.text("zh_CN").startswith("未添加任何文件：")
    assert zh in caught.value.text("zh_CN")
    assert len(caught.value.problems) == 1
    assert m.Document.select().count() == 0 and m.DocumentBlob.select().count() == 0  # none of them


def test_a_file_over_the_limit_is_refused_before_it_is_read(make, tmp_path, monkeypatch):
    big = tmp_path / "scan.pdf"
    with open(big, "wb") as f:  # sparse: 63.2 MB without writing them
        f.write(b"%PDF-1.4\n")
        f.truncate(int(63.2 * 1024 * 1024))
    read = []
    real_open = open
    monkeypatch.setattr("builtins.open", lambda p, *a, **k: read.append(p) or real_open(p, *a, **k))
    pid = make.partner()
    with pytest.raises(documents.DocumentsRefused) as caught:
        documents.attach("partner", pid, [big])
    assert "“scan.pdf” is 63.2 MB; the largest file TwinDesk keeps is 50 MB." in str(caught.value)
    assert "“scan.pdf”大小为 63.2 MB；TwinDesk 保存的文件最大为 50 MB。" in caught.value.text("zh_CN")
    assert big not in read
    limit = b"%PDF-1.4\n" + bytes(file_types.MAX_FILE_BYTES - 9)
    assert documents.check_file("ok.pdf", limit).code == "pdf"  # exactly the limit is kept
    assert isinstance(documents.check_file("ok.pdf", limit + b"x"), documents.Message)


def test_a_folder_or_a_missing_file_is_refused_with_the_reason(make, tmp_path):
    pid = make.partner()
    with pytest.raises(documents.DocumentsRefused) as caught:
        documents.attach("partner", pid, [tmp_path, tmp_path / "gone.pdf"])
    text = str(caught.value)
    assert "is not a file" in text and "“gone.pdf” cannot be read" in text


HOSTILE = [
    "../../etc/passwd",
    "..\\..\\Windows\\system32\\drivers\\etc\\hosts",
    "CON",
    "nul.txt",
    "COM1.pdf",
    "a" * 300 + ".pdf",
    "contract\u202efdp.pdf",  # an override: would show as "contractfdp.pdf" reversed
    "bell\x07\nnew\tline\x1b[31m.txt",
    "/absolute/path.pdf",
    ".hidden",
    "   ",
]


@pytest.mark.parametrize("name", HOSTILE)
def test_a_hostile_name_is_stored_as_given_shown_cleaned_and_never_a_path(make, name):
    pid = make.partner()
    text = name.endswith(".txt")
    data = "纪要".encode() if text else SAMPLES["pdf"][1]
    (doc,) = documents.attach("partner", pid, [(name, data)])
    row = dq.document(doc)
    assert row.file_name == name  # as given
    shown = row.display_name
    assert "\u202e" not in shown and not any(ord(c) < 32 for c in shown)
    assert "\u202e" not in row.title and not any(ord(c) < 32 for c in row.title)
    safe = row.safe_name
    assert safe == os.path.basename(safe) and "/" not in safe and "\\" not in safe and ".." not in safe
    assert not safe.startswith(".") and safe.endswith(".txt" if text else ".pdf") and len(safe.encode()) <= 255
    assert safe.split(".")[0].upper() not in {"CON", "NUL", "COM1", "PRN", "AUX"}
    copies = TemporaryCopies()
    try:
        path = copies.copy(doc)
        assert path.parent.parent == copies.folder and path.read_bytes() == data
    finally:
        copies.cleanup()


def test_an_rtl_override_hiding_a_program_name_is_refused_and_said_plainly(make):
    pid = make.partner()
    with pytest.raises(documents.DocumentsRefused) as caught:
        documents.attach("partner", pid, [("invoice\u202egpj.exe", b"\xff\xd8\xff\xe0" + bytes(40))])
    assert "“invoicegpj.exe” ends in .exe, but its content is a JPEG image" in str(caught.value)
    assert "\u202e" not in caught.value.text("zh_CN")


def test_safe_names_keep_what_they_can():
    assert safe_file_name("友好协议 2024.pdf", "pdf") == "友好协议 2024.pdf"
    assert safe_file_name("invoice\u202efdp.exe", "pdf") == "invoicefdp.pdf"
    assert safe_file_name("CON", "text") == "document-CON.txt"
    assert safe_file_name("photo.jpeg", "jpeg") == "photo.jpeg"
    assert safe_file_name('a<b>:"c|d?*.pdf', "pdf") == "a_b___c_d__.pdf"
    assert display_name("invoice\u202efdp.exe") == "invoicefdp.exe"
    assert display_name("a\x00b\r\nc") == "a b c"
