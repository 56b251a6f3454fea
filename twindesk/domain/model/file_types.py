"""The kinds of file TwinDesk keeps as documents, told apart by their content, and names made safe.

A file's type is what its bytes are (docs/architecture.md, "Documents"): the magic bytes of a PDF or
an image, a zip holding `[Content_Types].xml` (Word, Excel, PowerPoint) or an OpenDocument `mimetype`,
an OLE2 compound file (old Word and Excel), or text that decodes as UTF-8 or GB18030. Nothing is ever
unpacked beyond a zip's list of names, and nothing is run. A name as given is only ever shown
(`display_name`); a file TwinDesk writes gets `safe_file_name`, whose extension comes from the content.
"""

from __future__ import annotations

import io
import re
import unicodedata
import zipfile
from dataclasses import dataclass

MAX_FILE_BYTES = 50 * 1024 * 1024  # the largest file kept; a scan of a long agreement fits


@dataclass(frozen=True)
class FileType:
    code: str
    en: str  # "a PDF document": how a sentence names it
    zh: str
    mime: str
    extensions: tuple[str, ...]  # the first is the one a saved copy gets

    def label(self, lang: str = "en") -> str:
        return self.zh if lang.startswith("zh") else self.en


_T = FileType
TYPES: dict[str, FileType] = {t.code: t for t in (
    _T("pdf", "a PDF document", "PDF 文档", "application/pdf", ("pdf",)),
    _T("png", "a PNG image", "PNG 图片", "image/png", ("png",)),
    _T("jpeg", "a JPEG image", "JPEG 图片", "image/jpeg", ("jpg", "jpeg", "jpe", "jfif")),
    _T("gif", "a GIF image", "GIF 图片", "image/gif", ("gif",)),
    _T("webp", "a WebP image", "WebP 图片", "image/webp", ("webp",)),
    _T("tiff", "a TIFF image", "TIFF 图片", "image/tiff", ("tif", "tiff")),
    _T("bmp", "a BMP image", "BMP 图片", "image/bmp", ("bmp",)),
    _T("docx", "a Word document", "Word 文档",
       "application/vnd.openxmlformats-officedocument.wordprocessingml.document", ("docx", "docm")),
    _T("xlsx", "an Excel workbook", "Excel 工作簿",
       "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ("xlsx", "xlsm")),
    _T("pptx", "a PowerPoint presentation", "PowerPoint 演示文稿",
       "application/vnd.openxmlformats-officedocument.presentationml.presentation", ("pptx", "pptm")),
    _T("doc", "a Word 97–2003 document", "Word 97–2003 文档", "application/msword", ("doc", "wps")),
    _T("xls", "an Excel 97–2003 workbook", "Excel 97–2003 工作簿", "application/vnd.ms-excel", ("xls", "et")),
    _T("ole", "an Office 97–2003 file", "Office 97–2003 文件", "application/x-ole-storage",
       ("doc", "xls", "ppt", "wps", "et", "dps")),
    _T("odt", "an OpenDocument text", "OpenDocument 文本", "application/vnd.oasis.opendocument.text", ("odt",)),
    _T("ods", "an OpenDocument spreadsheet", "OpenDocument 电子表格",
       "application/vnd.oasis.opendocument.spreadsheet", ("ods",)),
    _T("odp", "an OpenDocument presentation", "OpenDocument 演示文稿",
       "application/vnd.oasis.opendocument.presentation", ("odp",)),
    _T("text", "plain text", "纯文本", "text/plain", ("txt", "text", "csv", "tsv", "md", "log")),
)}
IMAGES = frozenset({"png", "jpeg", "gif", "webp", "tiff", "bmp"})

# What some other common contents are, only to say so when one is refused.
_NOT_KEPT = (
    (b"MZ", "a Windows program", "Windows 程序"),
    (b"\x7fELF", "a program", "程序"),
    (b"#!", "a script", "脚本"),
    (b"Rar!", "a RAR archive", "RAR 压缩包"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive", "7-Zip 压缩包"),
    (b"PK\x03\x04", "a zip archive", "zip 压缩包"),
    (b"\x1f\x8b", "a gzip archive", "gzip 压缩包"),
)


def _zip_type(data: bytes) -> str | None:
    # An OpenDocument file starts with its stored `mimetype` entry: "PK..." then the name at 30.
    if data[30:38] == b"mimetype":
        kind = data[38:120]
        for code, marker in (("odt", b"opendocument.text"), ("ods", b"opendocument.spreadsheet"),
                             ("odp", b"opendocument.presentation")):
            if marker in kind:
                return code
    try:
        names = set(zipfile.ZipFile(io.BytesIO(data)).namelist())  # the central directory only
    except (zipfile.BadZipFile, ValueError, OSError, EOFError):
        return None
    if "[Content_Types].xml" not in names:
        return None
    for code, folder in (("docx", "word/"), ("xlsx", "xl/"), ("pptx", "ppt/")):
        if any(n.startswith(folder) for n in names):
            return code
    return None


def _ole_type(data: bytes) -> str:
    # The directory names its streams in UTF-16: Word's "WordDocument", Excel's "Workbook" / "Book".
    if "WordDocument".encode("utf-16-le") in data:
        return "doc"
    if "Workbook".encode("utf-16-le") in data or "Book".encode("utf-16-le") in data:
        return "xls"
    return "ole"


def _is_text(data: bytes) -> bool:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            data.decode("utf-16")
            return True
        except UnicodeDecodeError:
            return False
    if b"\x00" in data:
        return False
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        # Text has few control characters besides tab, newline, carriage return and form feed.
        controls = sum(1 for ch in text if unicodedata.category(ch) == "Cc" and ch not in "\t\n\r\f")
        return controls <= len(text) // 100
    return False


def detect(data: bytes) -> FileType | None:
    """The type of a file by its content, or None when it is none TwinDesk keeps."""
    head = data[:16]
    code = None
    if b"%PDF-" in data[:1024]:
        code = "pdf"
    elif head.startswith(b"\x89PNG\r\n\x1a\n"):
        code = "png"
    elif head.startswith(b"\xff\xd8\xff"):
        code = "jpeg"
    elif head.startswith((b"GIF87a", b"GIF89a")):
        code = "gif"
    elif head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        code = "webp"
    elif head.startswith((b"II*\x00", b"MM\x00*")):
        code = "tiff"
    elif head.startswith(b"BM") and len(data) > 26:
        code = "bmp"
    elif head.startswith(b"PK\x03\x04"):
        code = _zip_type(data)
    elif head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        code = _ole_type(data)
    elif not head.startswith(tuple(magic for magic, *_ in _NOT_KEPT)) and _is_text(data):
        code = "text"
    return TYPES.get(code) if code else None


def looks_like(data: bytes, lang: str = "en") -> str:
    """What a file refused as none TwinDesk keeps looks like, for the message."""
    for magic, en, zh in _NOT_KEPT:
        if data.startswith(magic):
            return zh if lang.startswith("zh") else en
    return "未知格式的文件" if lang.startswith("zh") else "a file of an unknown kind"


def extension(name: str) -> str:
    """The extension of a name as given, lower-case, without the dot ("" when none)."""
    base = re.split(r"[\\/]", name)[-1]
    stem, dot, ext = base.rpartition(".")
    return ext.strip().casefold() if dot and stem.strip() else ""


def extension_fits(name: str, found: FileType) -> bool:
    """A name without an extension fits any content; one with an extension must be one of its type's
    (an Office 97–2003 file of either kind fits doc, xls or ppt)."""
    ext = extension(name)
    if not ext:
        return True
    return ext in found.extensions or (found.code in ("doc", "xls") and ext in TYPES["ole"].extensions)


def expected_type(name: str) -> FileType | None:
    """The type a name's extension promises, if TwinDesk keeps that type."""
    ext = extension(name)
    return next((t for t in TYPES.values() if ext and ext in t.extensions), None)


# Characters that change what a reader sees: bidi embeddings, overrides and isolates, marks.
_BIDI_CONTROLS = dict.fromkeys(map(ord, "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f"
                                       "\u061c"))


def display_name(name: str) -> str:
    """A name as given, fit to show: control characters and bidi overrides removed (an RTL override
    makes "gpj.exe" read "exe.jpg"), runs of blanks made one space."""
    name = (name or "").translate(_BIDI_CONTROLS)
    name = "".join(" " if unicodedata.category(ch) in ("Cc", "Zl", "Zp") else ch for ch in name)
    return re.sub(r"\s+", " ", name).strip()


_WINDOWS_RESERVED = re.compile(r"^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])$", re.IGNORECASE)
_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f\x7f]')
_MAX_STEM = 100  # characters; with the extension well within every file system's 255 bytes


def safe_file_name(name: str, type_code: str) -> str:
    """A file name derived from `name` that is safe to create in any folder on any system: no folder
    parts, no characters Windows forbids, not a reserved device name (CON, NUL …), not hidden, at most
    ~110 characters, and the extension of the content's type (a PDF named "x.exe" is saved as x.pdf)."""
    shown = display_name(name)
    base = re.split(r"[\\/]", shown)[-1]
    stem = base.rpartition(".")[0] if extension(base) else base
    stem = _UNSAFE.sub("_", stem).strip(" .")
    stem = stem[:_MAX_STEM].rstrip(" .")
    if not stem or _WINDOWS_RESERVED.match(stem.split(".")[0].strip()):
        stem = f"document-{stem}" if stem else "document"
    found = TYPES.get(type_code)
    ext = extension(base)
    if found is not None and ext not in found.extensions:
        ext = found.extensions[0]
    return f"{stem}.{ext}" if ext else stem


def title_from_name(name: str) -> str:
    """A document's title when none is given: its name shown, without the extension."""
    shown = display_name(re.split(r"[\\/]", name or "")[-1])
    stem = shown.rpartition(".")[0] if extension(shown) else shown
    return (stem.strip() or shown)[:200]


def size_text(size: int, lang: str = "en") -> str:
    """ "63.2 MB", "812 KB", "120 bytes" (字节)."""
    if size >= 1024 * 1024:
        return f"{size / (1024 * 1024):.1f} MB"
    if size >= 1024:
        return f"{size / 1024:.0f} KB"
    return f"{size} 字节" if lang.startswith("zh") else f"{size} bytes"
