"""The peewee models: one class per record of docs/architecture.md, "Records".

Codes (statuses, tiers, directions, kinds, categories) are stored as short English identifiers; their
labels in either language live in `twindesk.domain.model.vocabulary`. Every model has created/updated
timestamps and who made the last change. `search_text` columns hold the case-folded names in every
script, and the pinyin of their Chinese, so that one index-free `instr` finds 济州, Jeju, 제주, владимир,
jizhou or jz alike.
"""

import re
import unicodedata
import uuid
from datetime import datetime
from functools import lru_cache

import peewee as pw

from twindesk.store.portable import (
    FALSE_DEFAULT,
    UUID_DEFAULT,
    CharField,
    ForeignKeyField,
    NeverReusedIdField,
    TextField,
)

database = pw.DatabaseProxy()


def now() -> datetime:
    """Local wall-clock time to the second: what the office reads on its records."""
    return datetime.now().replace(microsecond=0)


def fold(text: str) -> str:
    """Text as search compares it: compatibility forms unified (full-width ｊｚ is jz), case-folded."""
    return unicodedata.normalize("NFKC", text).casefold()


def search_words(text: str) -> list[str]:
    """What a person typed into a search field, as the words every one of which must be found."""
    return fold(text or "").split()


# The CJK ideographs (the basic block, extension A, compatibility, and the supplementary planes' B–H).
_HAN = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]+")


@lru_cache(maxsize=65536)
def pinyin_forms(text: str) -> str:
    """The pinyin a person types to find `text`'s Chinese: toneless syllables run together, then their
    initials ("济州特别自治道" -> "jizhoutebiezizhidao\njztbzzd"); one word per run of Chinese
    characters. Empty when `text` has none."""
    runs = _HAN.findall(text)
    if not runs:
        return ""
    from pypinyin import Style, lazy_pinyin  # loaded when a Chinese name is first keyed, as pinyin_key

    full, initials = [], []
    for run in runs:
        syllables = [s for s in lazy_pinyin(run, style=Style.NORMAL, errors="ignore") if s]
        full.append("".join(syllables))
        initials.append("".join(s[0] for s in syllables))
    return " ".join(full) + "\n" + " ".join(initials)


def search_key(*parts) -> str:
    """The text a list search matches against: all given parts folded (`fold`), one per line, then the
    pinyin of those with Chinese in them (`pinyin_forms`). The one function every writer of
    `search_text` uses: a save, an import, the scale demo, the schema migration."""
    texts = [fold(str(p)) for p in parts if p not in (None, "")]
    # dict.fromkeys: a Japanese name's kanji (兵庫県) often read as its Chinese name (兵库县) does.
    pinyin = dict.fromkeys(forms for t in texts if (forms := pinyin_forms(t)))
    return "\n".join([*texts, *pinyin])


@lru_cache(maxsize=65536)
def pinyin_key(text: str | None) -> str:
    """The order a Chinese reader expects a list of names in: by pinyin, tone by tone, then by the name
    ("bing1 ku4 xian4\x1f兵库县"). Letters and digits in the name stay as they are, lower-cased."""
    if not text:
        return ""
    from pypinyin import Style, lazy_pinyin  # 150 ms of dictionaries: loaded when a name is first keyed

    syllables = lazy_pinyin(text, style=Style.TONE3, neutral_tone_with_five=True, errors="default")
    return " ".join(s.strip().casefold() for s in syllables if s.strip()) + "\x1f" + text


def new_uuid() -> str:
    return uuid.uuid4().hex


def UuidField() -> CharField:  # noqa: N802 - reads like the peewee field it is
    # A default in SQL too, so bulk loads by plain SQL get one: identity never depends on the writer
    # (docs/architecture.md, "Identity").
    return CharField(max_length=32, unique=True, default=new_uuid,
                        constraints=[UUID_DEFAULT])


def VersionField() -> pw.IntegerField:  # noqa: N802
    return pw.IntegerField(default=1, constraints=[pw.SQL("DEFAULT 1")])


def SortKeyField() -> TextField:  # noqa: N802 - reads like the peewee field it is
    # DEFAULT '' in SQL as well: rows written by plain SQL (bulk loads, other tools) need no key to insert.
    return TextField(default="", constraints=[pw.SQL("DEFAULT ''")])


def SearchTextField() -> TextField:  # noqa: N802
    # DEFAULT '' in SQL too, as SortKeyField: the schema-3 step copies delegates and items, which had
    # none, before it computes every search_text.
    return TextField(default="", constraints=[pw.SQL("DEFAULT ''")])


class BaseModel(pw.Model):
    # AUTOINCREMENT (on a server, a sequence): an ID is never handed out twice, even after its record is
    # deleted, so a workbook row or an undo step can never land on another record (docs/architecture.md,
    # "Identity"). Text columns, defaults and ids say themselves per engine: store/portable.py.
    id = NeverReusedIdField()
    uuid = UuidField()
    # Counts the record's changes; a workbook row written at version 3 does not overwrite version 4.
    version = VersionField()
    created_at = pw.DateTimeField(default=now)
    updated_at = pw.DateTimeField(default=now)
    updated_by = CharField(default="")
    # Detail the demo adds to what its source article states: shown with a small tag, not in the notes.
    illustrative = pw.BooleanField(default=False, constraints=[FALSE_DEFAULT])

    # Names of the fields whose text goes into `search_text`, where the model has one.
    search_fields: tuple[str, ...] = ()
    # The Chinese name whose pinyin key goes into `sort_zh`, where the model has one.
    pinyin_field: str | None = None

    class Meta:
        database = database
        legacy_table_names = False

    def refresh_search_text(self):
        if self.search_fields:
            self.search_text = search_key(*(getattr(self, f) for f in self.search_fields))
        if self.pinyin_field:
            self.sort_zh = pinyin_key(getattr(self, self.pinyin_field))

    def save(self, *args, **kwargs):
        if self._pk is not None:
            self.updated_at = now()
            self.version = (self.version or 0) + 1
        self.refresh_search_text()
        return super().save(*args, **kwargs)


class HomeLocality(BaseModel):
    """Our side of a relation: the province itself and its cities and counties."""

    name_zh = CharField()
    name_en = CharField(default="")
    kind = CharField(default="city")  # province, city, county
    sort_order = pw.IntegerField(default=0)
    notes = TextField(default="")
    sort_zh = SortKeyField()  # pinyin_key(name_zh): Chinese lists sort by it

    pinyin_field = "name_zh"


class Partner(BaseModel):
    """A foreign city, county, prefecture, province/state, region or village."""

    name_zh = CharField(default="")
    name_en = CharField(default="")
    name_native = CharField(default="")
    kind = CharField(default="city")
    country = CharField(max_length=2, index=True)  # ISO 3166-1 alpha-2
    parent = pw.ForeignKeyField("self", null=True, backref="children", on_delete="SET NULL")
    population = pw.IntegerField(null=True)
    area_km2 = pw.FloatField(null=True)
    website = CharField(default="")
    latitude = pw.FloatField(null=True)
    longitude = pw.FloatField(null=True)
    profile = TextField(default="")  # industries, features
    notes = TextField(default="")
    search_text = SearchTextField()
    sort_zh = SortKeyField()  # pinyin_key(name_zh): Chinese lists sort by it

    search_fields = ("name_zh", "name_en", "name_native")
    pinyin_field = "name_zh"


class Partnership(BaseModel):
    """One home locality with one partner, at a tier, through its agreements."""

    home_locality = pw.ForeignKeyField(HomeLocality, backref="partnerships", on_delete="RESTRICT")
    partner = pw.ForeignKeyField(Partner, backref="partnerships", on_delete="CASCADE")
    tier = CharField(default="sister")
    status = CharField(default="prospect", index=True)
    status_since = pw.DateField(null=True)
    # The relation's own dates; its papers (agreements, renewals, their expiry) are `Agreement` rows.
    signed_on = pw.DateField(null=True)
    established_year = pw.IntegerField(null=True)
    notes = TextField(default="")


class PartnershipStatusChange(BaseModel):
    """The dated history of a partnership's status: prospect → … → signed → dormant → ended."""

    partnership = pw.ForeignKeyField(Partnership, backref="status_changes", on_delete="CASCADE")
    status = CharField()
    changed_on = pw.DateField()
    note = TextField(default="")


class Contact(BaseModel):
    """A person at a partner. `family_name_first` keeps the name order the person uses."""

    partner = pw.ForeignKeyField(Partner, backref="contacts", on_delete="CASCADE")
    honorific = CharField(default="")
    family_name = CharField(default="")
    given_name = CharField(default="")
    family_name_first = pw.BooleanField(default=False)
    title = CharField(default="")
    organization = CharField(default="")
    languages = CharField(default="")
    email = CharField(default="")
    phone = CharField(default="")
    notes = TextField(default="")
    search_text = SearchTextField()

    search_fields = ("family_name", "given_name", "organization", "title")


class Activity(BaseModel):
    """One dated interaction: meeting, forum, letter, call, video conference, greeting.

    Most belong to one partner's timeline; a province-wide forum may have none.
    """

    partner = pw.ForeignKeyField(Partner, null=True, backref="activities", on_delete="CASCADE")
    kind = CharField(default="meeting")
    title = CharField()
    held_on = pw.DateField(index=True)
    place = CharField(default="")
    participants = TextField(default="")
    outcome = TextField(default="")
    follow_up_on = pw.DateField(null=True)
    notes = TextField(default="")
    search_text = SearchTextField()

    search_fields = ("title", "place", "participants")


class Visit(BaseModel):
    """A delegation trip: ours going abroad (outbound) or a partner's coming to us (inbound)."""

    direction = CharField(default="outbound", index=True)
    title = CharField()
    purpose = TextField(default="")
    status = CharField(default="proposed", index=True)
    start_on = pw.DateField(null=True, index=True)
    end_on = pw.DateField(null=True)
    home_locality = pw.ForeignKeyField(HomeLocality, null=True, backref="visits", on_delete="SET NULL")
    leader = CharField(default="")
    budget = pw.DecimalField(null=True, max_digits=14, decimal_places=2, auto_round=True)
    budget_currency = CharField(default="CNY", max_length=3)
    outcomes = TextField(default="")
    follow_ups = TextField(default="")
    notes = TextField(default="")
    search_text = SearchTextField()

    search_fields = ("title", "leader", "purpose")


class VisitPartner(BaseModel):
    """Which partners a visit goes to or comes from. A partner with visits cannot be deleted."""

    visit = pw.ForeignKeyField(Visit, backref="partner_links", on_delete="CASCADE")
    partner = pw.ForeignKeyField(Partner, backref="visit_links", on_delete="RESTRICT")

    class Meta:
        indexes = ((("visit", "partner"), True),)


class Delegate(BaseModel):
    """A delegation member; `precedence` orders the delegation (1 = head)."""

    visit = pw.ForeignKeyField(Visit, backref="delegates", on_delete="CASCADE")
    name = CharField()
    title = CharField(default="")
    organization = CharField(default="")
    role = CharField(default="")
    precedence = pw.IntegerField(default=0)
    counterpart = CharField(default="")
    notes = TextField(default="")
    search_text = SearchTextField()  # the visits list finds a visit by its delegates' names

    search_fields = ("name",)

    class Meta:
        # Covers the visits search's subquery: it reads this small index, not the delegate rows.
        indexes = ((("visit", "search_text"), False),)


class ItineraryItem(BaseModel):
    visit = pw.ForeignKeyField(Visit, backref="itinerary", on_delete="CASCADE")
    day = pw.DateField()
    start_time = pw.TimeField(null=True)
    end_time = pw.TimeField(null=True)
    place = CharField(default="")
    activity = CharField()
    counterpart = CharField(default="")
    notes = TextField(default="")


class Gift(BaseModel):
    """A gift given or received on a visit, kept so that no gift is repeated."""

    visit = pw.ForeignKeyField(Visit, backref="gifts", on_delete="CASCADE")
    direction = CharField(default="given")  # given, received
    description = CharField()
    value = pw.DecimalField(null=True, max_digits=14, decimal_places=2, auto_round=True)
    currency = CharField(default="CNY", max_length=3)
    giver = CharField(default="")
    recipient = CharField(default="")
    notes = TextField(default="")


class Shipment(BaseModel):
    """Aid one way or the other, goods or funds.

    `partner` is the donor (incoming) or recipient (outgoing) where it is one partner; aid to or from
    many (the article's "29 villages", "more than 20 sister cities") says so in `counterparty`.
    """

    direction = CharField(default="outgoing", index=True)
    partner = pw.ForeignKeyField(Partner, null=True, backref="shipments", on_delete="RESTRICT")
    counterparty = CharField(default="")
    title = CharField()
    occasion = CharField(default="")
    kind = CharField(default="goods")  # goods, funds
    status = CharField(default="planned", index=True)
    planned_on = pw.DateField(null=True)
    dispatched_on = pw.DateField(null=True)
    expected_on = pw.DateField(null=True)
    delivered_on = pw.DateField(null=True)
    transport_mode = CharField(default="")
    carrier = CharField(default="")
    tracking_ref = CharField(default="")
    recipients = TextField(default="")
    home_locality = pw.ForeignKeyField(HomeLocality, null=True, backref="shipments", on_delete="SET NULL")
    notes = TextField(default="")
    search_text = SearchTextField()

    search_fields = ("title", "occasion", "counterparty", "tracking_ref", "carrier", "recipients")

    @classmethod
    def effective_date(cls) -> pw.Node:
        """The date a shipment is listed, counted and charted by: delivered, else dispatched, else planned."""
        return pw.fn.COALESCE(cls.delivered_on, cls.dispatched_on, cls.planned_on)


class ShipmentItem(BaseModel):
    shipment = pw.ForeignKeyField(Shipment, backref="items", on_delete="CASCADE")
    description = CharField()
    category = CharField(default="other")
    quantity = pw.DecimalField(null=True, max_digits=16, decimal_places=3, auto_round=True)
    unit = CharField(default="")
    value = pw.DecimalField(null=True, max_digits=16, decimal_places=2, auto_round=True)
    currency = CharField(default="CNY", max_length=3)
    notes = TextField(default="")
    search_text = SearchTextField()  # the shipments list finds a shipment by its items

    search_fields = ("description",)

    class Meta:
        # Covers the shipments search's subquery: it reads this small index, not the item rows.
        indexes = ((("shipment", "search_text"), False),)


class HistoryModel(pw.Model):
    """The history of who changed what: written by the operations only, never edited or undone."""

    class Meta:
        database = database
        legacy_table_names = False


class HistoryOperation(HistoryModel):
    """One operation: a save, a delete, an import, a restore, an undo … (docs/architecture.md, "History")."""

    id = NeverReusedIdField()
    action = CharField()  # save, delete, link, reorder, import, restore, demo, undo, redo
    kind = CharField(default="")  # the record kind it was about, where it was about one
    record_id = pw.IntegerField(null=True)
    summary = TextField(default="")
    user = CharField(index=True)  # Recent changes filters by person
    # The database login that wrote it (on a server; on SQLite the system's user): the staff name
    # above is what Settings says, this is who the server let in. '' on rows from before schema 5.
    db_user = CharField(default="", constraints=[pw.SQL("DEFAULT ''")])
    at = pw.DateTimeField(index=True)
    undoes = pw.IntegerField(null=True)  # the operation an undo or redo took back


class HistoryChange(HistoryModel):
    """One record's change within an operation: a field's old → new value, or a whole row created or
    deleted (`field` empty, the row as JSON in `new` or `old`)."""

    operation = pw.ForeignKeyField(HistoryOperation, backref="changes", on_delete="CASCADE")
    kind = CharField()
    record_id = pw.IntegerField()
    change = CharField()  # create, update, delete
    field = CharField(default="")
    old = TextField(null=True)  # JSON
    new = TextField(null=True)  # JSON
    version = pw.IntegerField(default=0)  # the record's version after the change (before, for a delete)

    class Meta:
        # A record's history; and a kind's deleted rows, which a parent's history lists too.
        indexes = ((("kind", "record_id"), False), (("kind", "change"), False))


HISTORY_MODELS = (HistoryOperation, HistoryChange)

ALL_MODELS = (
    HomeLocality,
    Partner,
    Partnership,
    PartnershipStatusChange,
    Contact,
    Activity,
    Visit,
    VisitPartner,
    Delegate,
    ItineraryItem,
    Gift,
    Shipment,
    ShipmentItem,
)


class DocumentBlob(pw.Model):
    """A file's bytes, once per distinct content however often it is attached (content-addressed by
    SHA-256). Its own table, so no list or document query ever reads past a row of it
    (docs/architecture.md, "Documents"). Not history: the document rows are."""

    sha256 = CharField(max_length=64, primary_key=True)
    size = pw.IntegerField()
    mime = CharField(default="application/octet-stream")
    content = pw.BlobField()  # last column: reading size or mime never loads its pages

    class Meta:
        database = database
        legacy_table_names = False


class Document(BaseModel):
    """A file attached to a record (owner_kind, owner_id: a partner, a visit …; not a foreign key, as
    the owner may be of several kinds). The file's size and type are copied from its blob so listing
    documents never opens the blob table."""

    owner_kind = CharField()
    owner_id = pw.IntegerField()
    title = CharField(default="")
    kind = CharField(default="other")  # agreement, approval, letter, photo, waybill, other
    dated_on = pw.DateField(null=True)
    note = TextField(default="")
    file_name = CharField(default="")  # as given: shown (cleaned), never used as a path
    size = pw.IntegerField(default=0)
    mime = CharField(default="application/octet-stream")
    type_code = CharField(default="")  # file_types code: pdf, png, docx …
    blob = ForeignKeyField(DocumentBlob, column_name="sha256", field="sha256", backref="documents",
                              on_delete="RESTRICT")
    created_by = CharField(default="")

    class Meta:
        indexes = ((("owner_kind", "owner_id"), False),)


# Made by schema 4's step and for a new database; never rebuilt by schema 3's step (ALL_MODELS).
DOCUMENT_MODELS = (DocumentBlob, Document)


class Agreement(BaseModel):
    """One paper of a partnership: a letter of intent, the agreement, a memorandum, a renewal, an
    amendment. The partnership's renewal date is its agreements' latest expiry (docs/architecture.md,
    "Agreements and approvals")."""

    partnership = pw.ForeignKeyField(Partnership, backref="agreements", on_delete="CASCADE")
    kind = CharField(default="friendship")
    title = CharField(default="")
    signed_on = pw.DateField(null=True)
    signed_place = CharField(default="")
    signatories_home = TextField(default="")
    signatories_partner = TextField(default="")
    term_years = pw.IntegerField(null=True)
    expires_on = pw.DateField(null=True, index=True)  # the dashboard's renewals
    notes = TextField(default="")


class PartnershipApproval(BaseModel):
    """One stage of a new relation's approval: local (市级), provincial (省级), national (国家级)."""

    partnership = pw.ForeignKeyField(Partnership, backref="approvals", on_delete="CASCADE")
    stage = CharField(default="local")
    authority = CharField(default="")
    document_number = CharField(default="")  # 文号
    decided_on = pw.DateField(null=True)
    outcome = CharField(default="pending")  # pending, approved, refused
    notes = TextField(default="")


class VisitApproval(BaseModel):
    """An outbound trip's approval (因公出国（境）任务批件): what was approved, against which the visit is
    checked (domain/model/approval_warnings.py)."""

    visit = pw.ForeignKeyField(Visit, backref="approvals", on_delete="CASCADE")
    authority = CharField(default="")
    document_number = CharField(default="")  # 文号
    approved_on = pw.DateField(null=True)
    delegation_size = pw.IntegerField(null=True)
    countries = CharField(default="")  # ISO 3166-1 alpha-2 codes, space-separated
    days = pw.IntegerField(null=True)
    window_from = pw.DateField(null=True)
    window_to = pw.DateField(null=True)
    conditions = TextField(default="")
    notes = TextField(default="")


# Made by schema 4's step and for a new database; never rebuilt by schema 3's step (ALL_MODELS).
PAPER_MODELS = (Agreement, PartnershipApproval, VisitApproval)

# Every table of records (not history, not file contents): what a workbook, the demo and the checks cover.
RECORD_MODELS = ALL_MODELS + PAPER_MODELS
