"""What TwinDesk makes of a staff list before a value is checked: per sheet, its table, its kind and the
field of every column; from a mapping the user gave or confirmed, one remembered for the same headers,
or the automatic suggestion (in that order)."""

from __future__ import annotations

from dataclasses import dataclass, field

from openpyxl.utils import get_column_letter

from twindesk.domain.model.messages import Both
from twindesk.exchange.staff_lists.column_mapping import (
    NOTES,
    Mapping,
    MappingMemory,
    SheetMapping,
    column_keys,
    is_known_header,
    layout_key,
    suggest_mapping,
    target_label,
)
from twindesk.exchange.staff_lists.sources import Grid, Source
from twindesk.exchange.staff_lists.table_finder import Table, find_table
from twindesk.exchange.wording import Say, say

AUTOMATIC, REMEMBERED, GIVEN = "automatic", "remembered", "given"


@dataclass(frozen=True)
class ColumnRecognition:
    index: int  # 0-based
    letter: str  # A, B, … as the program shows it
    header: str
    key: str  # the column's key in a SheetMapping (`column_mapping.column_keys`)
    field: str | None  # the field it is imported into, NOTES, or None (ignored)
    suggested: str | None  # what the automatic recognition suggests

    @property
    def place(self) -> str:
        """The column as a message names it: "国家 (B)"."""
        return f"{self.header} ({self.letter})" if self.header else f"({self.letter})"


@dataclass
class SheetRecognition:
    sheet: str
    grid: Grid
    table: Table
    mapping: SheetMapping  # the one used
    suggested_kind: str | None
    origin: str  # AUTOMATIC, REMEMBERED or GIVEN
    columns: list[ColumnRecognition] = field(default_factory=list)

    @property
    def kind(self) -> str | None:
        return self.mapping.kind if self.table.header_line is not None else None

    @property
    def imported(self) -> bool:
        return self.kind is not None and bool(self.table.rows) and any(c.field for c in self.columns)

    @property
    def reason(self) -> Say | None:
        """Why the sheet is not imported; None when it is."""
        if self.table.reason is not None and (self.table.header_line is None or not self.table.rows):
            return self.table.reason
        if self.mapping.kind is None:
            if self.origin == AUTOMATIC:
                return say("its headers ({headers}) name no list TwinDesk keeps; choose the kind of records "
                           "it holds.", headers="、".join(h for h in self.table.headers if h) or "—")
            return say("skipped, as the mapping says.")
        if not any(c.field for c in self.columns):
            return say("no column is mapped to a field.")
        return None

    @property
    def clashes(self) -> list[Say]:
        """Two or more columns mapped to one field: which, said per field (the import refuses it rather
        than take one of them)."""
        by_field: dict[str, list[ColumnRecognition]] = {}
        for c in self.columns:
            if c.field is not None and c.field != NOTES:
                by_field.setdefault(c.field, []).append(c)
        return [say("the columns {columns} are mapped to the same field, {field}; map only one of them to it.",
                    columns=Both(" and ".join(c.place for c in found), "、".join(c.place for c in found)),
                    field=Both(target_label(self.kind, name, "en"), target_label(self.kind, name, "zh_CN")))
                for name, found in by_field.items() if len(found) > 1 and self.kind is not None]

    def column_for(self, name: str | None) -> ColumnRecognition | None:
        return next((c for c in self.columns if c.field == name), None) if name else None


@dataclass
class Recognition:
    source: Source
    sheets: list[SheetRecognition]

    @property
    def mapping(self) -> Mapping:
        """The mapping as recognised: to save (`--save-mapping`), change, or remember."""
        return Mapping({s.sheet: s.mapping for s in self.sheets if s.table.header_line is not None})

    @property
    def imported(self) -> list[SheetRecognition]:
        return [s for s in self.sheets if s.imported]


def _recognise_sheet(grid: Grid, mapping: Mapping | None, memory: MappingMemory | None,
                     only_sheet: bool) -> SheetRecognition:
    given = mapping.sheets.get(grid.name) if mapping else None
    table = find_table(grid, is_known_header, given.header_line if given else None)
    layout = layout_key(table.headers)
    if given is None and mapping is not None:
        given = mapping.for_sheet(grid.name, layout, only_sheet)
        if given is not None and given.header_line not in (None, table.header_line):
            table = find_table(grid, is_known_header, given.header_line)
            layout = layout_key(table.headers)
    suggested = suggest_mapping(table)
    guessed = suggested.kind
    chosen, origin = suggested, AUTOMATIC
    if given is not None:
        chosen, origin = given, GIVEN
    elif memory is not None and table.header_line is not None:
        remembered = memory.recall(layout)
        if remembered is not None:
            chosen, origin = remembered, REMEMBERED
    given_columns = chosen.columns
    if chosen.kind is not None and chosen.kind != suggested.kind:  # the user chose another kind
        if given_columns == suggested.columns:  # … and left the columns as guessed for the other one
            given_columns = {}
        suggested = suggest_mapping(table, chosen.kind)
    columns = []
    keys = column_keys(table.headers)
    for index, (key, header) in enumerate(zip(keys, table.headers, strict=True)):
        auto = suggested.columns.get(key)
        name = given_columns.get(key, auto)
        columns.append(ColumnRecognition(index, get_column_letter(index + 1), header, key, name, auto))
    used = SheetMapping(chosen.kind, {c.key: c.field for c in columns}, chosen.header_line, layout)
    return SheetRecognition(grid.name, grid, table, used, guessed, origin, columns)


def recognise(source: Source, mapping: Mapping | None = None,
              memory: MappingMemory | None = None) -> Recognition:
    """Each sheet's table, kind and columns. `mapping` (the user's) wins over `memory` (what was
    confirmed before for the same headers), which wins over the automatic suggestion."""
    only = len(source.sheets) == 1
    return Recognition(source, [_recognise_sheet(g, mapping, memory, only) for g in source.sheets])
