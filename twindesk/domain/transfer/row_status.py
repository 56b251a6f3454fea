"""What the import does with each row, for a preview: new, update, unchanged, likely duplicate (of
which record) or error (with every problem of the row)."""

from dataclasses import dataclass

from twindesk.domain.model.messages import Both

STATES = {
    "new": Both("New", "新建"),
    "update": Both("Update", "更新"),
    "unchanged": Both("Unchanged", "无变化"),
    "duplicate": Both("Likely duplicate", "疑似重复"),
    "error": Both("Error", "有错误"),
}


@dataclass(frozen=True)
class RowStatus:
    kind: str
    line: int
    state: str  # a key of STATES
    record_id: int | None = None  # the record updated, or the ID a new record is given (None: at writing)
    duplicate: object = None  # the LikelyDuplicate (state "duplicate"): its record and names
    problems: tuple = ()  # the RowProblems of the row (state "error")
    notes: tuple = ()  # what the row was taken to mean, said to the reader (RowProblems)

    def label(self, lang: str = "en") -> str:
        return STATES[self.state].text(lang)


def row_statuses(plan) -> dict[tuple[str, int], RowStatus]:
    """(kind, line) -> RowStatus for every row the check was given (`plan.lines`)."""
    problems: dict[tuple[str, int], list] = {}
    for p in plan.problems:
        problems.setdefault((p.kind, p.line), []).append(p)
    notes: dict[tuple[str, int], list] = {}
    for n in plan.notes:
        notes.setdefault((n.kind, n.line), []).append(n)
    duplicates = {(d.kind, d.line): d for d in plan.duplicates}
    planned = {(kind, r.line): r for kind, table in plan.tables.items() for r in table.rows}
    out = {}
    for kind, lines in plan.lines.items():
        for line in lines:
            key = (kind, line)
            row = planned.get(key)
            said = tuple(notes.get(key, ()))
            if key in problems:
                out[key] = RowStatus(kind, line, "error", problems=tuple(problems[key]), notes=said)
            elif key in duplicates:
                out[key] = RowStatus(kind, line, "duplicate", row.record_id if row else None, duplicates[key],
                                     notes=said)
            elif row is None:
                out[key] = RowStatus(kind, line, "unchanged", notes=said)
            else:
                out[key] = RowStatus(kind, line, "update" if row.update else "new", row.record_id, notes=said)
    return out
