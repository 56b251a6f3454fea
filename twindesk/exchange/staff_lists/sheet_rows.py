"""What becomes of each row of a staff list, per sheet: the counts (from the plan, at once) and each
row's status (made only when asked for: the preview shows them, `twindesk import` never does)."""

from __future__ import annotations

from dataclasses import dataclass

NEW, UPDATE, UNCHANGED, DUPLICATE, ERROR = "new", "update", "unchanged", "duplicate", "error"


@dataclass(frozen=True)
class SheetRow:
    """What a data row would become: NEW, UPDATE, UNCHANGED, DUPLICATE (of `existing_id`, None: of
    another new row) or ERROR. `detail` is the domain's row status where it gives one (`label(lang)`,
    its problems and notes)."""

    sheet: str
    row: int
    status: str
    existing_id: int | None = None
    detail: object = None

    def label(self, lang: str = "en") -> str:
        if self.detail is not None and hasattr(self.detail, "label"):
            return self.detail.label(lang)
        return self.status


def count_rows(report, sheets, fed: list[tuple], rows: dict, plan) -> None:
    """How many rows of each sheet are created, updated and unchanged (as `sheet_rows` says them,
    without making them): a planned row not in error is new or an update, a row neither planned nor
    in error is unchanged. `fed` is (sheet, kind, fed line, sheet row) per row the check was given,
    `rows` (kind, fed line) -> (sheet, row)."""
    for sheet in sheets:
        report.created[sheet.sheet] = report.updated[sheet.sheet] = report.unchanged[sheet.sheet] = 0
    failed = {(p.kind, p.line) for p in plan.problems} & rows.keys()
    for kind, table in plan.tables.items():
        for r in table.rows:
            key = (kind, r.line)
            if key in rows and key not in failed:
                (report.updated if r.update else report.created)[rows[key][0].sheet] += 1
    given: dict[str, int] = {}
    for sheet, *_ in fed:
        given[sheet.sheet] = given.get(sheet.sheet, 0) + 1
    for key in failed:
        given[rows[key][0].sheet] -= 1
    for name, count in given.items():
        report.unchanged[name] = count - report.created[name] - report.updated[name]


def sheet_rows(plan, fed: list[tuple]) -> list[SheetRow]:
    """Each row's status, in the order the rows were read."""
    statuses = plan.row_statuses() if hasattr(plan, "row_statuses") else _statuses(plan)
    out = []
    for sheet, kind, line_fed, line in fed:
        found = statuses.get((kind, line_fed))
        state = getattr(found, "state", None) or (found.status if found else UNCHANGED)
        existing = getattr(getattr(found, "duplicate", None), "existing_id", None) if state == DUPLICATE \
            else getattr(found, "record_id", None)
        out.append(SheetRow(sheet.sheet, line, state, existing, found))
    return out


def _statuses(plan) -> dict:
    """Each row's status from the plan, for a domain that does not say it itself."""
    out: dict = {}
    for kind, table in plan.tables.items():
        for r in table.rows:
            out[(kind, r.line)] = SheetRow("", r.line, UPDATE if r.update else NEW, r.record_id)
    for d in plan.duplicates:
        out[(d.kind, d.line)] = SheetRow("", d.line, DUPLICATE, d.existing_id)
    for p in plan.problems:
        out[(p.kind, p.line)] = SheetRow("", p.line, ERROR)
    return out
