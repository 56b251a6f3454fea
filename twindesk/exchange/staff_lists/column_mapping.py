"""Which field each column of a staff list is, and which record kind each sheet holds.

A header is compared normalised (`table_finder.normalise`) against, per kind: the fields' labels in
English and Chinese, the headers TwinDesk's export writes, and the words staff use (`synonyms`). A sheet's
kind is the one whose fields its headers name most (its name breaks a tie), never only its name.

A `SheetMapping` says the kind (None: skip the sheet) and, per column header, the field, `NOTES` (the
values go into the record's notes as "header: value"), `PARTNER_COUNTRY` (the country of the partner the
row names, to tell namesakes apart) or None (ignored). A `Mapping` holds one per sheet
and goes to and from JSON (`twindesk import --mapping`). `MappingMemory` remembers a sheet's mapping by
its header layout (`layout_key`) and offers it the next time a list with the same headers comes.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from openpyxl.utils import get_column_letter

from twindesk.domain.model.errors import UserError
from twindesk.domain.model.messages import Both
from twindesk.domain.transfer.tables import KINDS, spec_of
from twindesk.exchange.columns import SHEETS
from twindesk.exchange.staff_lists.synonyms import FIELD_WORDS, SHEET_WORDS, TIE_ORDER
from twindesk.exchange.staff_lists.table_finder import Table, normalise
from twindesk.exchange.wording import ERRORS_ZH  # noqa: F401 - the refusals below say themselves in Chinese

NOTES = "+notes"  # a column whose values are added to the record's notes
PARTNER_COUNTRY = "partner.country"  # the country of the partner a row names (not a field of its own)
MAPPING_VERSION = 1
_UNIT = re.compile(r"[(\[].*?[)\]]")
_MARKS = str.maketrans("", "", "*:：·.、")


class MappingFileError(UserError):
    """A mapping file that cannot be read or does not fit the record kinds; the message says where."""


def _key(text: str) -> str:
    return normalise(text).translate(_MARKS)


def _words(kind: str) -> dict[str, str]:
    """Normalised header -> field for one kind; the first source to name a word keeps it."""
    spec = spec_of(kind)
    found: dict[str, str] = {}
    for column in SHEETS[kind].columns:  # the export's headers: "Partner ID", "友好伙伴ID" …
        if column.field is not None:
            found.setdefault(_key(column.header_en), column.field)
            found.setdefault(_key(column.header_zh), column.field)
    for f in spec.fields:
        found.setdefault(_key(spec.field_label(f.name, "en")), f.name)
        found.setdefault(_key(spec.field_label(f.name, "zh_CN")), f.name)
        found.setdefault(_key(f.name), f.name)
    for name, words in FIELD_WORDS.get(kind, {}).items():
        for word in words:
            found.setdefault(_key(word), name)
    if kind != "partner" and PARTNER_COUNTRY in context_fields(kind):
        for word in FIELD_WORDS["partner"]["country"]:
            found.setdefault(_key(word), PARTNER_COUNTRY)
    return found


def context_fields(kind: str) -> set[str]:
    """Cells that are no field of `kind` but tell the domain which record a name means: the partner's
    country beside a partner named on a partnership, shipment … (ImportCheck's "partner.country")."""
    spec = spec_of(kind)
    return {PARTNER_COUNTRY} if any(f.name == "partner" and f.kind == "ref" for f in spec.fields) else set()


_BY_KIND = {kind: _words(kind) for kind in KINDS}
_NOTE_FIELDS = {kind: next((f.name for f in spec_of(kind).fields if f.name in ("notes", "note")), None)
                for kind in KINDS}


def notes_field(kind: str) -> str | None:
    """The field a NOTES column's values go into, None for a kind without notes."""
    return _NOTE_FIELDS[kind]


_SPECIAL = {NOTES: ("into the notes", "计入备注"), PARTNER_COUNTRY: ("the partner's country", "友好伙伴所在国家"),
            None: ("not imported", "不导入"), "id": ("ID", "编号"), "uuid": ("UUID", "唯一标识"),
            "version": ("Version", "版本")}


def target_label(kind: str, name: str | None, lang: str = "en") -> str:
    """What a column is imported into, as a person reads it: a field's label, "into the notes" …"""
    if name in _SPECIAL:
        en, zh = _SPECIAL[name]
        return zh if lang.startswith("zh") else en
    return spec_of(kind).field_label(name, lang)


def targets(kind: str) -> list[str | None]:
    """What a column of a `kind` sheet can be mapped to, in the order a list offers them."""
    found: list[str | None] = [f.name for f in spec_of(kind).fields]
    return [*found, *sorted(context_fields(kind)), NOTES, "id", None]


def suggest_field(kind: str, header: str) -> str | None:
    """The field `header` names on a sheet of `kind`, or None."""
    if not header or not str(header).strip():
        return None
    words = _BY_KIND[kind]
    key = _key(header)
    return words.get(key) or words.get(_UNIT.sub("", key))


def is_known_header(header: str) -> bool:
    """`header` names a field of some kind (the table finder weighs such rows as headers)."""
    return any(suggest_field(kind, header) for kind in KINDS)


def guess_kind(sheet_name: str, headers: list[str]) -> str | None:
    """The kind whose fields the headers name most (an ID, UUID or notes column does not count);
    the sheet's name breaks a tie, else the lists offices keep most; None when no kind is named by two
    headers (one with the name's help)."""
    scores = {}
    for kind in TIE_ORDER:  # agreements and approvals name their partnership or visit by ID: not a staff list
        named = {suggest_field(kind, h) for h in headers} - {None, "id", "uuid", "version", notes_field(kind),
                                                             NOTES, PARTNER_COUNTRY}
        scores[kind] = len(named)
    name = normalise(sheet_name)
    by_name = [kind for kind, words in SHEET_WORDS.items() if any(w in name for w in words)]
    best = max(scores.values(), default=0)
    level = [k for k in TIE_ORDER if scores[k] == best]
    chosen = next((k for k in by_name if k in level), level[0] if level else None)
    if best >= 2 or (best == 1 and chosen in by_name):
        return chosen
    return None


def column_keys(headers: list[str]) -> list[str]:
    """Each column's key in a mapping: its header; "(C)" for a column without one; a repeated header
    with its column letter, "备注 (F)"."""
    keys, seen = [], set()
    for index, header in enumerate(headers):
        letter = get_column_letter(index + 1)
        key = header.strip() if header and header.strip() else f"({letter})"
        if key in seen:
            key = f"{key} ({letter})"
        seen.add(key)
        keys.append(key)
    return keys


def layout_key(headers: list[str]) -> str:
    """The header layout a mapping is remembered by: the normalised headers, in order."""
    text = "\x1f".join(normalise(h) for h in headers if h and h.strip())
    return hashlib.sha256(text.encode()).hexdigest()[:20]


@dataclass
class SheetMapping:
    kind: str | None  # None: the sheet is skipped
    columns: dict[str, str | None] = field(default_factory=dict)  # column key -> field, NOTES or None
    header_line: int | None = None  # the header row, when the user chose it
    layout: str = ""  # layout_key of the headers it was made for

    def to_dict(self) -> dict:
        return {"kind": self.kind, "header_row": self.header_line, "layout": self.layout,
                "columns": dict(self.columns)}

    @classmethod
    def from_dict(cls, data: dict, where="") -> SheetMapping:
        if not isinstance(data, dict):
            raise MappingFileError("{where}: a sheet's mapping must be an object", where=where)
        kind = data.get("kind")
        if kind is not None and kind not in KINDS:
            raise MappingFileError("{where}: “{kind}” is not a record kind (one of {kinds})", where=where,
                                   kind=kind, kinds=", ".join(KINDS))
        columns = data.get("columns") or {}
        if not isinstance(columns, dict):
            raise MappingFileError("{where}: “columns” must map each header to a field", where=where)
        if kind is not None:
            names = {f.name for f in spec_of(kind).fields} | {"id", "uuid", "version", NOTES} | context_fields(kind)
            for header, name in columns.items():
                if name is not None and name not in names:
                    raise MappingFileError("{where}: column “{header}”: “{field}” is not a field of {kind} "
                                           "(one of {fields})", where=where, header=header, field=name,
                                           kind=kind, fields=", ".join(sorted(names)))
        header_line = data.get("header_row")
        if header_line is not None and (not isinstance(header_line, int) or header_line < 1):
            raise MappingFileError("{where}: “header_row” must be a row number", where=where)
        return cls(kind, dict(columns), header_line, str(data.get("layout") or ""))


@dataclass
class Mapping:
    """A file's mapping: sheet name -> SheetMapping. A sheet it does not name is recognised as usual."""

    sheets: dict[str, SheetMapping] = field(default_factory=dict)

    def for_sheet(self, name: str, layout: str, only_sheet: bool = False) -> SheetMapping | None:
        """The mapping of sheet `name`; else one made for the same headers; else, for a file of one
        sheet (a CSV named differently each month), the mapping's only sheet."""
        if name in self.sheets:
            return self.sheets[name]
        same = [m for m in self.sheets.values() if m.layout and m.layout == layout]
        if same:
            return same[0]
        if only_sheet and len(self.sheets) == 1:
            return next(iter(self.sheets.values()))
        return None

    def to_json(self) -> str:
        return json.dumps({"twindesk_mapping": MAPPING_VERSION,
                           "sheets": {n: m.to_dict() for n, m in self.sheets.items()}},
                          ensure_ascii=False, indent=2) + "\n"

    @classmethod
    def from_json(cls, text: str, where: str = "mapping") -> Mapping:
        try:
            data = json.loads(text)
        except ValueError as exc:
            raise MappingFileError("{where}: is not a mapping file (JSON: {reason})", where=where,
                                   reason=exc) from exc
        if not isinstance(data, dict) or not isinstance(data.get("sheets"), dict):
            raise MappingFileError("{where}: is not a mapping file (it has no “sheets”)", where=where)
        return cls({name: SheetMapping.from_dict(m, Both(f"{where}, sheet {name}", f"{where}，工作表“{name}”"))
                    for name, m in data["sheets"].items()})

    @classmethod
    def load(cls, path: Path | str) -> Mapping:
        path = Path(path)
        try:
            text = path.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as exc:
            raise MappingFileError("{where}: cannot be read ({reason})", where=path, reason=exc) from exc
        return cls.from_json(text, str(path))

    def save(self, path: Path | str, *, replace: bool = True) -> None:
        from twindesk.domain.output_file import atomic_output

        with atomic_output(path, replace=replace) as tmp:
            tmp.write_text(self.to_json(), encoding="utf-8")


def suggest_mapping(table: Table, kind: str | None = None) -> SheetMapping:
    """The automatic mapping of one table: its kind guessed (or `kind`, the user's), each header's field
    suggested for it."""
    keys = column_keys(table.headers)
    if kind is None and table.header_line is not None:
        kind = guess_kind(table.sheet, table.headers)
    columns: dict[str, str | None] = {}
    used: set[str] = set()
    for key, header in zip(keys, table.headers, strict=True):
        name = suggest_field(kind, header) if kind else None
        if name is not None and name in used:
            name = NOTES if notes_field(kind) else None  # a second column for one field: kept in notes
        if name is not None and name != NOTES:
            used.add(name)
        columns[key] = name
    return SheetMapping(kind, columns, None, layout_key(table.headers))


class MappingMemory:
    """Mappings the user confirmed, by header layout, in `folder` (the window: its data folder; the
    command line: platformdirs' user data folder)."""

    FILE = "import-mappings.json"

    def __init__(self, folder: Path | str):
        self.path = Path(folder) / self.FILE

    def _all(self) -> dict:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}  # none yet, or a damaged file: nothing is offered, the next remember rewrites it
        return data if isinstance(data, dict) else {}

    def recall(self, layout: str) -> SheetMapping | None:
        found = self._all().get(layout)
        if found is None:
            return None
        try:
            return SheetMapping.from_dict(found, str(self.path))
        except MappingFileError:
            return None  # a kind or field that no longer exists: recognise afresh

    def remember(self, mapping: Mapping) -> None:
        """Keep every sheet mapping of `mapping` under its layout."""
        data = self._all()
        for sheet in mapping.sheets.values():
            if sheet.layout:
                data[sheet.layout] = sheet.to_dict()
        self.path.parent.mkdir(parents=True, exist_ok=True)
        from twindesk.domain.output_file import atomic_output

        with atomic_output(self.path, replace=True) as tmp:
            tmp.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
