"""The changes a person makes to a staff list's mapping on the wizard's pages, as edits of a `Mapping`
(exchange.staff_lists.column_mapping); the engine recognises the file again from the edited mapping.

A sheet given a kind gets its columns suggested afresh for that kind by the engine (`recognise`), as
the guessed kind gets them: choosing "Partners" for a sheet named Sheet3 maps its 城市名称 column to
the Chinese name without the user doing it column by column.
"""

from __future__ import annotations

import copy as _copy

from twindesk.exchange.staff_lists.column_mapping import Mapping, SheetMapping
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
    mapping.sheets[sheet.sheet] = SheetMapping(kind, {}, mapping.sheets[sheet.sheet].header_line,
                                               sheet.mapping.layout)


def set_field(mapping: Mapping, sheet: SheetRecognition, key: str, name: str | None) -> None:
    """Column `key` goes into `name` (a field, NOTES, "id", the partner's country, or None: ignored)."""
    _sheet(mapping, sheet).columns[key] = name


def set_header_line(mapping: Mapping, sheet: SheetRecognition, line: int) -> None:
    """The headers are in row `line`: the columns are new, so they are suggested afresh (see
    `recognise_again`); the kind stays what it was."""
    mapping.sheets[sheet.sheet] = SheetMapping(_sheet(mapping, sheet).kind, {}, line, "")


def recognise_again(source, mapping: Mapping) -> Recognition:
    """The recognition from `mapping`; a sheet without columns (a new kind, a new header row) gets them
    suggested by `recognise`."""
    return recognise(source, mapping)
