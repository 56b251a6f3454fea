"""References typed as names: a partner by any of its names (the row's country telling namesakes
apart), a home locality by its name; found in the database and among the import's new rows.

A name is looked up by its `script_key` (any width, case or Chinese script), then, if nothing has
that name, by its `likeness_key` (兵库 for 兵库县, Hyogo for Hyogo Prefecture; the row is told which
record it was taken as). One record: the reference. Several: an error listing them (names and IDs, or
the import's rows). None: an error saying which names were looked in, unless the caller allows
creating it, when the record is made in the same import (`Created`).
"""

from dataclasses import dataclass, field
from functools import cache

from twindesk.domain.model import countries
from twindesk.domain.model.errors import FieldError, field_error
from twindesk.domain.model.messages import Both, Label
from twindesk.domain.transfer.tables import spec_of
from twindesk.domain.transfer.understanding.names import likeness_key, name_keys, script_key
from twindesk.store import models as m

# The kinds a staff list names rather than numbers, and the fields their names are in.
NAMED = {"partner": ("name_zh", "name_en", "name_native"), "home_locality": ("name_zh", "name_en")}


@dataclass(slots=True)  # one per partner row of a staff list
class Candidate:
    """A record a name may mean: stored (`record_id`) or a new row of this import (`line`)."""

    kind: str
    names: tuple[str, ...]
    country: str | None
    record_id: int | None = None
    line: int | None = None
    made: "Created | None" = None  # a record this import creates for a reference

    def shown(self) -> Both:
        names = " / ".join(n for n in self.names if n)
        en = f"{countries.country_name(self.country, 'en')}, " if self.country else ""
        zh = f"{countries.country_name(self.country, 'zh_CN')}，" if self.country else ""
        if self.line is None:
            return Both(f"{names} ({en}ID {self.record_id})", f"{names}（{zh}编号 {self.record_id}）")
        return Both(f"{names} ({en}row {_said(self.line, 'en')} of this import)",
                    f"{names}（{zh}本次导入第 {_said(self.line, 'zh_CN')} 行）")


def _said(line: int, lang: str) -> str:
    """A line as a message says it: the caller's line may say its sheet too (`text(lang)`)."""
    return line.text(lang) if hasattr(line, "text") else str(line)


@dataclass
class Created:
    """A record the import creates because a row named it and the caller allowed creating it."""

    kind: str
    name: str
    values: dict
    record_id: int | None = None  # given when the import is planned
    referenced_by: list[tuple[str, int, str]] = field(default_factory=list)  # (kind, line, field)


@cache  # one per named kind: said in every message about a reference
def _words(kind: str) -> Both:
    """The name fields a reference to `kind` is looked up in, as a message lists them."""
    spec, names = spec_of(kind), NAMED[kind]
    return Both(", ".join(spec.field(n).label for n in names), "、".join(spec.field_label(n, "zh_CN") for n in names))


def _country(code: str | None) -> Both:
    return Both(countries.country_name(code, "en"), countries.country_name(code, "zh_CN"))


class NameIndex:
    """Every record of one named kind by name: the database's (read once) and the import's new rows."""

    def __init__(self, kind: str):
        self.kind = kind
        self.fields = NAMED[kind]
        self.exact: dict[str, list[Candidate]] = {}
        self.like: dict[str, list[Candidate]] = {}
        # (text, country) -> what `find` said: a list names the same partner on many rows; forgotten
        # whenever a candidate is added
        self._found: dict[tuple[str, str | None], tuple] = {}
        model = spec_of(kind).model
        columns = [model.id, *(getattr(model, n) for n in self.fields)]
        if kind == "partner":
            columns.append(model.country)
        for row in m.database.execute(model.select(*columns)):
            names = tuple(row[1:1 + len(self.fields)])
            country = row[-1] if kind == "partner" else None
            self.add(Candidate(kind, names, country, record_id=row[0]))

    def add(self, candidate: Candidate) -> None:
        if self._found:
            self._found.clear()
        exact, like = self.exact, self.like
        for name in candidate.names:
            if name:
                by_script, by_likeness = name_keys(name)
                found = exact.get(by_script)
                if found is None:  # most names: the first of their key
                    exact[by_script] = [candidate]
                elif candidate not in found:
                    found.append(candidate)
                found = like.get(by_likeness)
                if found is None:
                    like[by_likeness] = [candidate]
                elif candidate not in found:
                    found.append(candidate)

    def find(self, text: str, country: str | None) -> tuple[list[Candidate], bool, list[Candidate]]:
        """(candidates, by likeness alone, namesakes in other countries) for a typed name (the lists are
        not to be changed: the same ones are said again for the same name)."""
        said = self._found.get((text, country))
        if said is None:
            said = self._found[(text, country)] = self._find(text, country)
        return said

    def _find(self, text: str, country: str | None) -> tuple[list[Candidate], bool, list[Candidate]]:
        for index, key, loose in ((self.exact, script_key, False), (self.like, likeness_key, True)):
            found = index.get(key(text), ())  # the likeness key only when the name itself is not there
            here = [c for c in found if country is None or c.country == country]
            if here:
                return here, loose, []
            if found:
                return [], loose, list(found)
        return [], False, []


class References:
    """Resolving one import's references by name; creating what the caller allows."""

    def __init__(self, create_missing):
        self.create_missing = create_missing
        self._allowed = None if isinstance(create_missing, bool) else {script_key(n) for n in create_missing}
        self.indexes: dict[str, NameIndex] = {}
        self._fields: dict[tuple[str, str], tuple] = {}  # (kind, reference field) -> (Field, NameIndex)
        self.created: dict[tuple[str, str, str | None], Created] = {}

    def index(self, kind: str) -> NameIndex:
        if kind not in self.indexes:
            self.indexes[kind] = NameIndex(kind)
        return self.indexes[kind]

    def _may_create(self, text: str) -> bool:
        return self.create_missing if self._allowed is None else script_key(text) in self._allowed

    def resolve(self, kind: str, line: int, name: str, text: str, country: str | None
                ) -> tuple[Candidate | Created | None, FieldError | None, FieldError | None]:
        """(what `text` in field `name` of a `kind` row means, its error, a note) for one reference."""
        looked = self._fields.get((kind, name))
        if looked is None:  # once per column: the field and the index its names are found in
            f = spec_of(kind).field(name)
            looked = self._fields[(kind, name)] = (f, self.index(f.ref))
        f, index = looked
        found, loose, elsewhere = index.find(text, country)
        if len(found) == 1 and found[0].made is not None:  # created for an earlier row
            found[0].made.referenced_by.append((kind, line, name))
            return found[0].made, None, None
        if len(found) == 1 and not loose:  # most references: the record of that name
            return found[0], None, None
        target = spec_of(f.ref)
        label = Label(kind, name, f.label)
        looked = _words(f.ref)
        if len(found) == 1:
            note = None
            if loose:
                note = field_error(name, f.label, "{label} “{value}” is taken as {candidate}, the one {record} of a like name.",  # noqa: E501
                                   label=label, value=text, candidate=found[0].shown(), record=target.record_words())
            return found[0], None, note
        if found:
            return None, field_error(
                name, f.label, "{label} “{value}” matches {count} records: {candidates}. Give the ID, or the country, of the one meant.",  # noqa: E501
                label=label, value=text, count=len(found), candidates=_listed(found)), None
        if not self._may_create(text):
            if elsewhere:
                return None, field_error(
                    name, f.label, "{label} “{value}” matches no record in {country} ({names} looked in); of that name there is only {candidates}.",  # noqa: E501
                    label=label, value=text, country=_country(country), names=looked,
                    candidates=_listed(elsewhere)), None
            return None, field_error(
                name, f.label, "{label} “{value}” matches no record: no {record} in the database or in this import has that name ({names} looked in). Give the ID of an existing one, or let the import create it.",  # noqa: E501
                label=label, value=text, record=target.record_words(), names=looked), None
        return self._create(kind, line, name, text, country)

    def _create(self, kind, line, name, text, country):
        f = spec_of(kind).field(name)
        label = Label(kind, name, f.label)
        values, problem = new_record(f.ref, text, country)
        if problem is not None:
            return None, field_error(name, f.label, problem, label=label, value=text), None
        key = (f.ref, script_key(text), country)
        created = self.created.get(key)
        if created is None:
            created = self.created[key] = Created(f.ref, text, values)
            self.index(f.ref).add(Candidate(f.ref, tuple(values.get(n, "") for n in NAMED[f.ref]),
                                            values.get("country"), made=created))
        created.referenced_by.append((kind, line, name))
        record = spec_of(f.ref).record_words()
        note = field_error(name, f.label, "{label} “{value}” matches no record: a new {record} is created with the import.",
                           label=label, value=text, record=record)
        return created, None, note


def _listed(candidates: list[Candidate]) -> Both:
    shown = [c.shown() for c in candidates[:6]]
    more = len(candidates) - len(shown)
    en, zh = "; ".join(s.en for s in shown), "；".join(s.zh for s in shown)
    if more:
        en, zh = f"{en}; and {more} more", f"{zh}；另有 {more} 条"
    return Both(en, zh)


def _script(text: str) -> str:
    if any("\u3400" <= ch <= "\u9fff" for ch in text):
        return "han"
    return "latin" if text.isascii() else "native"


def new_record(kind: str, text: str, country: str | None) -> tuple[dict, str | None]:
    """The values of a record created for a reference by name, or the template of why it cannot be."""
    script = _script(text)
    if kind == "home_locality":
        if script != "han":
            return {}, "{label} “{value}” matches no record, and a new home locality needs its Chinese name: write the name in Chinese, or add the locality first."  # noqa: E501
        kind_code = "province" if text.endswith("省") else "county" if text.endswith("县") else "city"
        return {"name_zh": text, "kind": kind_code}, None
    if country is None:
        return {}, "{label} “{value}” matches no record, and a new partner needs its country: add a country column for it to this sheet, or list the partner on a partners sheet."  # noqa: E501
    name_field = {"han": "name_zh", "latin": "name_en", "native": "name_native"}[script]
    lower = text.casefold()
    if country == "JP" and text[-1:] in "县県府都":
        partner_kind = "prefecture"
    elif text[-1:] in "省道" or lower.endswith(("province", "-do")):
        partner_kind = "province"
    elif text[-1:] == "州" or lower.endswith("state"):
        partner_kind = "state"
    elif text[-1:] == "县" or lower.endswith("county"):
        partner_kind = "county"
    else:
        partner_kind = "city"
    return {name_field: text, "country": country, "kind": partner_kind}, None
