"""New partners that are likely ones the database holds, or another new row of the same import:
the same country and a name alike across widths, scripts, accents and the word for the kind
(兵库县 / 兵庫県 / Hyogo / Hyogo Prefecture / HYŌGO: `names.likeness_key`)."""

from dataclasses import dataclass
from operator import itemgetter

from twindesk.domain.model.errors import FieldError, field_error
from twindesk.domain.transfer.tables import spec_of
from twindesk.domain.transfer.understanding.names import likeness_key
from twindesk.store import models as m

_NAMES = ("name_zh", "name_en", "name_native")


@dataclass(frozen=True)
class Alike:
    line: int
    existing_id: int | None  # the stored partner it is like, or None: …
    other_line: int | None  # … the earlier new row of this import it is like
    names: tuple[str, ...]  # that record's names
    error: FieldError


def _shown(names) -> str:
    return " / ".join(n for n in names if n)


def find_alike(rows) -> list[Alike]:
    """For new partner rows (PlannedRow, values in spec order), the first stored or earlier new partner
    each is alike; rows with a negative line (created for a reference) are not compared."""
    if not rows:
        return []
    spec = spec_of("partner")
    i_names = [spec.fields.index(spec.field(n)) for n in _NAMES]
    i_country = spec.fields.index(spec.field("country"))
    p = m.Partner
    known: dict[tuple[str, str], tuple[int, tuple]] = {}
    for pid, country, *names in m.database.execute(
            p.select(p.id, p.country, p.name_zh, p.name_en, p.name_native).order_by(p.id)):
        for name in names:
            if name:
                known.setdefault((country, likeness_key(name)), (pid, tuple(names)))
    earlier: dict[tuple[str, str], tuple[int, tuple]] = {}
    found = []
    pick = itemgetter(*i_names)
    for row in rows:
        if row.line < 0:
            continue
        values = row.values
        country = values[i_country]
        names = pick(values)
        keys = []
        match = None
        for i, name in zip(i_names, names, strict=True):
            if not name:
                continue
            key = (country, likeness_key(name))
            keys.append(key)
            if match is not None:  # the first name alike says it; the others are still kept below
                continue
            if key in known:
                pid, theirs = known[key]
                match = Alike(row.line, pid, None, theirs, field_error(
                    spec.fields[i].name, spec.fields[i].label,
                    "“{name}” ({country}) is likely partner {id}, {names}, already in the database; confirm to create it all the same.",  # noqa: E501
                    name=name, country=country, id=pid, names=_shown(theirs)))
            elif key in earlier:
                line, theirs = earlier[key]
                match = Alike(row.line, None, line, theirs, field_error(
                    spec.fields[i].name, spec.fields[i].label,
                    "“{name}” ({country}) is likely the partner of row {line} of this import, {names}; confirm to create both.",  # noqa: E501
                    name=name, country=country, line=line, names=_shown(theirs)))
        if match is not None:
            found.append(match)
        for key in keys:
            earlier.setdefault(key, (row.line, names))
    return found
