"""The changes a person makes to a staff list's mapping on the wizard's pages, as edits of a `Mapping`
(exchange.staff_lists.column_mapping); the engine recognises the file again from the edited mapping.

A sheet given a kind the engine did not guess gets the engine's suggestion for that kind's fields
(`suggest_field`), as the guessed kind gets it: choosing "Partners" for a sheet named Sheet3 maps its
城市名称 column to the Chinese name without the user doing it column by column.
"""

from __future__ import annotations

import copy as _copy

from twindesk.exchange.staff_lists.column_mapping import Mapping, SheetMapping, suggest_field
from twindesk.exchange.staff_lists.recognition import Recognition, SheetRecognition, recognise


def confirmed(mapping: Mapping) -> Mapping:
    """The mapping to shape from a recognition: its sheets of a known kind (a sheet of no kind is left to
    the engine, which then says why it is not imported, until the user chooses for it)."""
    return Mapping({name: _copy.deepcopy(m) for name, m in mapping.sheets.items() if m.kind is not None})


def _sheet(mapping: Mapping, sheet: SheetRecognition) -> SheetMapping:
    if sheet.sheet not in mapping.sheets:
        mapping.sheets[sheet.sheet] = _copy.deepcopy(sheet.mapping)
    return mapping.sheets[sheet.sheet]


def set_kind(mapping: Mapping, sheet: SheetRecognition, kind: str | None) -> None:
    """`kind` for the sheet (None: skip it); its columns are suggested afresh for that kind."""
    if _sheet(mapping, sheet).kind == kind:
        return
    mapping.sheets[sheet.sheet] = SheetMapping(kind, _suggested(kind, sheet), mapping.sheets[sheet.sheet].header_line,
                                               sheet.mapping.layout)


def set_field(mapping: Mapping, sheet: SheetRecognition, key: str, name: str | None) -> None:
    """Column `key` goes into `name` (a field, NOTES, "id", the partner's country, or None: ignored)."""
    _sheet(mapping, sheet).columns[key] = name


def set_header_line(mapping: Mapping, sheet: SheetRecognition, line: int) -> None:
    """The headers are in row `line`: the columns are new, so they are suggested afresh (see
    `recognise_again`); the kind stays what it was."""
    mapping.sheets[sheet.sheet] = SheetMapping(_sheet(mapping, sheet).kind, {}, line, "")


def _suggested(kind: str | None, sheet: SheetRecognition) -> dict:
    found: dict = {}
    used: set = set()
    for column in sheet.columns:
        name = suggest_field(kind, column.header) if kind else None
        found[column.key] = None if name in used else name
        used.add(name)
    return found


def recognise_again(source, mapping: Mapping) -> Recognition:
    """The recognition from `mapping`; a sheet whose header row changed gets its new columns suggested."""
    recognition = recognise(source, mapping)
    fresh = [s for s in recognition.sheets if s.sheet in mapping.sheets and not mapping.sheets[s.sheet].columns]
    for sheet in fresh:
        given = mapping.sheets[sheet.sheet]
        mapping.sheets[sheet.sheet] = SheetMapping(given.kind, _suggested(given.kind, sheet), given.header_line,
                                                   sheet.mapping.layout)
    return recognise(source, mapping) if fresh else recognition
