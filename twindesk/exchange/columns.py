"""The workbook's sheets and columns, from the record specs: names and headers in English and Chinese, how
each cell is written, its HXL tag. Export writes by these; import matches sheets and headers against
them in either language.

Each sheet starts with "ID", then the record's "UUID" and "Version": the import matches a row to its
record by the UUID, and refuses to overwrite a record changed since the version the row was written at
(docs/architecture.md, "Identity"). Both are narrow (the UUID grey too): there to be carried, not read. A
reference is written as the ID it links to ("Partner ID"), followed by the
name it stands for ("Partner") as a reading aid; a country as its ISO code, followed by its name. Reading
aids are ignored by the import. The last column is the demo's tag ("Illustrative": yes for what the demo
adds to its article), so a round trip keeps it.
"""

from dataclasses import dataclass

from twindesk.domain.model.vocabulary import Vocabulary
from twindesk.domain.transfer.tables import KINDS, TAG, TAG_WORDS, spec_of
from twindesk.exchange import hxl

# kind -> (English, Chinese) sheet name; at most 31 characters and none of []:*?/\ (Excel's rules).
SHEET_NAMES = {
    "partner": ("Partners", "友好伙伴"),
    "partnership": ("Partnerships", "友好关系"),
    "contact": ("Contacts", "联系人"),
    "activity": ("Activities", "交流活动"),
    "visit": ("Visits", "出访来访"),
    "delegate": ("Delegates", "团组成员"),
    "itinerary_item": ("Itinerary", "日程安排"),
    "gift": ("Gifts", "礼品"),
    "shipment": ("Shipments", "援助物资"),
    "shipment_item": ("Shipment items", "物资明细"),
    "home_locality": ("Home localities", "本方地区"),
    "status_change": ("Status history", "关系状态变更"),
    "visit_partner": ("Visit partners", "出访来访伙伴"),
    "agreement": ("Agreements", "协议"),
    "partnership_approval": ("Partnership approvals", "结好审批"),
    "visit_approval": ("Visit approvals", "出访批件"),
}
SUMMARY_NAMES = ("Summary", "概况")
SHEET_ORDER = tuple(SHEET_NAMES)  # the order sheets appear in: the lists first, as docs/architecture.md, "Files" names them

# Numbers that are codes or counts read without thousands separators (an order, a year).
_PLAIN_INTS = {"sort_order", "precedence"}


@dataclass(frozen=True)
class SheetColumn:
    key: str  # the field's name, "id", "uuid", "version", or "<field>:name" for a reading aid
    field: str | None  # the spec field the column carries; None for a reading aid (ignored on import)
    kind: str  # how a cell is written: id, uuid, version, text, longtext, code, country, date, time,
    #            int, plain_int, money, quantity, float, bool, name
    header_en: str
    header_zh: str
    hxl: str
    vocabulary: Vocabulary | None = None

    def header(self, lang: str) -> str:
        return self.header_zh if lang.startswith("zh") else self.header_en


@dataclass(frozen=True)
class SheetDef:
    kind: str
    name_en: str
    name_zh: str
    columns: tuple[SheetColumn, ...]

    def name(self, lang: str) -> str:
        return self.name_zh if lang.startswith("zh") else self.name_en

    def column(self, field: str) -> SheetColumn:
        return next(c for c in self.columns if c.field == field)


def _cell_kind(f) -> str:
    if f.kind in ("text", "email", "url", "currency", "countries"):
        return "text"
    if f.kind in ("int",):
        return "plain_int" if f.name in _PLAIN_INTS else "int"
    if f.kind == "year":
        return "plain_int"
    if f.kind == "decimal":
        return "quantity" if f.name == "quantity" else "money"
    return f.kind  # longtext, date, time, float, bool, code, country


def _columns(kind: str) -> tuple[SheetColumn, ...]:
    spec = spec_of(kind)
    cols = [SheetColumn("id", "id", "id", "ID", "ID", hxl.tag(kind, "id")),
            SheetColumn("uuid", "uuid", "uuid", "UUID", "唯一标识", hxl.tag(kind, "uuid")),
            SheetColumn("version", "version", "version", "Version", "版本", hxl.tag(kind, "version"))]
    for f in spec.fields:
        en, zh = spec.field_label(f.name, "en"), spec.field_label(f.name, "zh_CN")
        if f.kind == "ref":
            cols.append(SheetColumn(f.name, f.name, "id", f"{en} ID", f"{zh}ID", hxl.tag(kind, f.name)))
            cols.append(SheetColumn(f"{f.name}:name", None, "name", en, zh, hxl.name_tag(f.name)))
        elif f.kind == "country":
            cols.append(SheetColumn(f.name, f.name, "country", en, zh, hxl.tag(kind, f.name)))
            cols.append(SheetColumn(f"{f.name}:name", None, "name", f"{en} name", f"{zh}名称",
                                    hxl.name_tag(f.name)))
        else:
            tag = hxl.tag(kind, f.name)
            cols.append(SheetColumn(f.name, f.name, _cell_kind(f), en, zh, tag, f.vocabulary))
    if kind == "visit":  # the visit's partners by name; the links themselves are in "Visit partners"
        cols.append(SheetColumn("partners:name", None, "name", "Partners", "友好伙伴", hxl.name_tag("partners")))
    cols.append(SheetColumn(TAG, TAG, "bool", TAG_WORDS.en, TAG_WORDS.zh, hxl.tag(kind, TAG)))
    return tuple(cols)


SHEETS: dict[str, SheetDef] = {
    kind: SheetDef(kind, *SHEET_NAMES[kind], _columns(kind)) for kind in KINDS
}


def continuation_header(header: str, part: int, lang: str) -> str:
    """The header of the `part`-th column of a text too long for one cell (part 2, 3 …)."""
    return f"{header}（续{part}）" if lang.startswith("zh") else f"{header} (continued {part})"


# The documents on records, listed without their contents (a file cannot travel in a cell): the import
# skips this sheet with a note (docs/architecture.md, "Documents").
DOCUMENT_SHEET_NAMES = ("Documents", "文件")


def _document_columns() -> tuple[SheetColumn, ...]:
    from twindesk.domain.model.vocabulary import DOCUMENT_KINDS

    return (
        SheetColumn("id", "id", "id", "ID", "ID", hxl.tag("document", "id")),
        SheetColumn("uuid", "uuid", "uuid", "UUID", "唯一标识", hxl.tag("document", "uuid")),
        SheetColumn("version", "version", "version", "Version", "版本", hxl.tag("document", "version")),
        SheetColumn("title", "title", "text", "Title", "标题", "#meta+document+title"),
        SheetColumn("kind", "kind", "code", "Kind", "类型", "#meta+document+type", DOCUMENT_KINDS),
        SheetColumn("dated_on", "dated_on", "date", "Date", "日期", "#date+document"),
        SheetColumn("owner_kind", "owner_kind", "text", "Record", "所属记录", "#meta+record+type"),
        SheetColumn("owner_id", "owner_id", "id", "Record ID", "所属记录ID", "#meta+record+id"),
        SheetColumn("file_name", "file_name", "text", "File name", "文件名", "#meta+file+name"),
        SheetColumn("size", "size", "int", "Size (bytes)", "大小（字节）", "#meta+file+size"),
        SheetColumn("sha256", "sha256", "text", "SHA-256", "SHA-256", "#meta+file+sha256"),
    )


DOCUMENT_SHEET = SheetDef("document", *DOCUMENT_SHEET_NAMES, _document_columns())
