"""What becomes of each row of a staff list, per sheet: the counts (from the plan, at once) and each
row's status (made only when asked for: the preview shows them, `twindesk import` never does)."""

from __future__ import annotations

from dataclasses import dataclass

from twindesk.domain.transfer.row_status import STATES

NEW, UPDATE, UNCHANGED, DUPLICATE, ERROR = "new", "update", "unchanged", "duplicate", "error"


@dataclass(frozen=True)
class SheetRow:
    """What a data row would become: NEW, UPDATE, UNCHANGED, DUPLICATE (of `existing_id`, None: of
    another new row) or ERROR. `detail` is the domain's RowStatus (`label(lang)`, its problems and
    notes); None for a row the check was never given."""

    sheet: str
    row: int
    status: str
    existing_id: int | None = None
    detail: object = None

    def label(self, lang: str = "en") -> str:
        return self.detail.label(lang) if self.detail is not None else STATES[self.status].text(lang)


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
    """Each row's status (the plan's RowStatus), in the order the rows were read."""
    statuses = plan.row_statuses()
    out = []
    for sheet, kind, line_fed, line in fed:
        found = statuses.get((kind, line_fed))
        if found is None:
            out.append(SheetRow(sheet.sheet, line, UNCHANGED, None, None))
            continue
        duplicate = found.duplicate if found.state == DUPLICATE else None
        existing = duplicate.existing_id if duplicate is not None else found.record_id
        out.append(SheetRow(sheet.sheet, line, found.state, existing, found))
    return out
