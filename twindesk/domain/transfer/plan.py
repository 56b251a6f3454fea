"""What an import's check finds and what its apply writes: the plan (check.py makes it, apply.py
carries it out, row_status.py tells a preview what becomes of each row)."""

from dataclasses import dataclass, field
from datetime import date

from twindesk.domain.model.errors import FieldError
from twindesk.domain.transfer.row_status import RowStatus, row_statuses


class Placeholders:
    """The ids a staff list's check numbered its new rows with, by kind, so that rows naming them can be
    checked before anything is written. Never a stored record's id: on a server other staff may take
    the same number meanwhile, so the check does not look them up and the apply gives the rows real ids
    in its own transaction (fresh_ids.py)."""

    def __init__(self):
        self._ids: dict[str, set[int]] = {}

    def add(self, kind: str, record_id: int) -> None:
        self._ids.setdefault(kind, set()).add(record_id)

    def holds(self, kind: str, record_id) -> bool:
        return record_id in self._ids.get(kind, ())

    def of(self, kind: str) -> set[int]:
        return self._ids.get(kind, set())

    def __bool__(self) -> bool:
        return any(self._ids.values())


@dataclass(frozen=True)
class RowProblem:
    kind: str
    line: int
    field: str | None  # the spec field, "id", or None for the row as a whole
    error: FieldError  # what is wrong: `.message` in English, `.text(lang)` in Chinese too
    newer: bool = False  # the record changed after the workbook was written: `overwrite_newer` writes it

    @property
    def message(self) -> str:
        return self.error.message


@dataclass(frozen=True)
class LikelyDuplicate:
    """A new partner with the same name and country as one the database holds (`existing_id`), or,
    in a staff list, as another new row of the import (`other_line`); `names` are that record's."""

    kind: str
    line: int
    existing_id: int | None
    error: FieldError
    other_line: int | None = None
    names: tuple[str, ...] = ()

    @property
    def message(self) -> str:
        return self.error.message


@dataclass(slots=True)  # one per row written: 285,000 of them for 100,000 shipments
class PlannedRow:
    line: int
    record_id: int | None  # None: a new record; the database gives it an ID
    values: tuple  # cleaned, in spec field order
    update: bool  # True: the record exists and this changes it
    uuid: str | None = None  # a new record's UUID (None: a fresh one)
    version: int | None = None  # a new record's version (None: 1)
    illustrative: bool = False  # the demo's tag (tables.TAG)


@dataclass
class TablePlan:
    kind: str
    rows: list[PlannedRow] = field(default_factory=list)
    unchanged: int = 0

    @property
    def created(self) -> int:
        return sum(1 for r in self.rows if not r.update)

    @property
    def updated(self) -> int:
        return sum(1 for r in self.rows if r.update)


@dataclass
class ImportPlan:
    tables: dict[str, TablePlan]
    problems: list[RowProblem]
    duplicates: list[LikelyDuplicate]
    stored_status: dict[int, tuple[str, date | None]]  # partnership ID -> (status, since) before the import
    history_in_import: set[tuple[int, str]]  # (partnership ID, status) the import's status history holds
    notes: list[RowProblem] = field(default_factory=list)  # deleted records created again; how staff values were read
    lines: dict[str, list[int]] = field(default_factory=dict)  # kind -> every line the check was given
    created: list = field(default_factory=list)  # references.Created: records made for a reference by name
    tentative: Placeholders = field(default_factory=Placeholders)  # the ids the check numbered new rows with

    @property
    def ok(self) -> bool:
        return not self.problems

    def row_statuses(self) -> dict[tuple[str, int], RowStatus]:
        """(kind, line) -> what the import does with that row (row_status.py)."""
        return row_statuses(self)

    def row_status(self, kind: str, line: int) -> RowStatus:
        return self.row_statuses()[(kind, line)]
