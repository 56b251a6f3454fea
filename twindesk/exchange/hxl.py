"""HXL hashtags (Humanitarian Exchange Language, hxlstandard.org) for the optional row under the headers,
so humanitarian partners' tools can read the aid sheets without a mapping of their own.

A tag is chosen by record and field where the meaning depends on the record, else by field name, else
`#meta+<field>`. Attributes say which date, which name, which language (+i_zh, +i_en).
"""

_BY_RECORD = {
    ("home_locality", "name_zh"): "#adm1+name+i_zh",
    ("home_locality", "name_en"): "#adm1+name+i_en",
    ("home_locality", "kind"): "#adm1+type",
    ("activity", "kind"): "#activity+type",
    ("activity", "title"): "#activity+name",
    ("visit", "title"): "#activity+name",
    ("visit", "purpose"): "#activity+description",
    ("shipment", "title"): "#activity+name",
    ("shipment", "kind"): "#modality",
    ("shipment_item", "description"): "#item+name",
    ("shipment_item", "category"): "#item+type",
    ("shipment_item", "notes"): "#item+description",
    ("gift", "description"): "#item+name+gift",
    ("contact", "title"): "#contact+title",
    ("contact", "organization"): "#contact+org",
    ("delegate", "name"): "#contact+name",
    ("delegate", "title"): "#contact+title",
    ("delegate", "organization"): "#contact+org",
    ("status_change", "changed_on"): "#date",
    ("itinerary_item", "day"): "#date",
    ("itinerary_item", "activity"): "#activity+name",
    ("activity", "held_on"): "#date",
    ("agreement", "kind"): "#meta+agreement+type",
    ("agreement", "title"): "#meta+agreement+name",
    ("agreement", "signed_place"): "#loc+name+signed",
    ("visit_approval", "countries"): "#country+code+approved",
    ("visit_approval", "authority"): "#org+name+approving",
    ("partnership_approval", "authority"): "#org+name+approving",
    ("partnership_approval", "stage"): "#meta+approval+stage",
    ("partnership_approval", "outcome"): "#status+approval",
}

_BY_FIELD = {
    "id": "#meta+id",
    "uuid": "#meta+id+uuid",
    "version": "#meta+version",
    "name_zh": "#org+name+i_zh",
    "name_en": "#org+name+i_en",
    "name_native": "#org+name+native",
    "kind": "#org+type",
    "country": "#country+code",
    "parent": "#org+id+parent",
    "partner": "#org+id",
    "home_locality": "#adm1+id",
    "visit": "#activity+id+visit",
    "shipment": "#activity+id+shipment",
    "partnership": "#meta+id+partnership",
    "population": "#population+num",
    "latitude": "#geo+lat",
    "longitude": "#geo+lon",
    "website": "#contact+url",
    "email": "#contact+email",
    "phone": "#contact+phone",
    "family_name": "#contact+name+family",
    "given_name": "#contact+name+given",
    "status": "#status",
    "status_since": "#date+status",
    "signed_on": "#date+signed",
    "next_review_on": "#date+review",
    "expires_on": "#date+expiry",
    "term_years": "#meta+term+num",
    "signatories_home": "#contact+name+signatory+home",
    "signatories_partner": "#contact+name+signatory+partner",
    "document_number": "#meta+document_number",
    "approved_on": "#date+approved",
    "decided_on": "#date+decided",
    "delegation_size": "#affected+num+approved",
    "days": "#meta+days+num+approved",
    "window_from": "#date+start+approved",
    "window_to": "#date+end+approved",
    "conditions": "#description+conditions",
    "follow_up_on": "#date+follow_up",
    "start_on": "#date+start",
    "end_on": "#date+end",
    "planned_on": "#date+planned",
    "dispatched_on": "#date+dispatched",
    "expected_on": "#date+expected",
    "delivered_on": "#date+delivered",
    "start_time": "#date+time+start",
    "end_time": "#date+time+end",
    "value": "#value",
    "budget": "#value+budget",
    "currency": "#currency",
    "budget_currency": "#currency+budget",
    "quantity": "#item+num",
    "unit": "#item+unit",
    "occasion": "#crisis+name",
    "counterparty": "#org+name+other",
    "recipients": "#beneficiary+description",
    "carrier": "#org+carrier",
    "place": "#loc+name",
    "profile": "#description+profile",
    "notes": "#description+notes",
    "note": "#description+notes",
    "illustrative": "#meta+illustrative",  # the demo's tag: not from the source the demo follows
}

# Reading aids next to an ID or a code: the name it stands for.
_NAMES = {
    "partner": "#org+name",
    "parent": "#org+name+parent",
    "home_locality": "#adm1+name",
    "country": "#country+name",
    "visit": "#activity+name+visit",
    "shipment": "#activity+name+shipment",
    "partnership": "#meta+name+partnership",
    "partners": "#org+name",
}


def tag(kind: str, field: str) -> str:
    return _BY_RECORD.get((kind, field)) or _BY_FIELD.get(field) or f"#meta+{field}"


def name_tag(field: str) -> str:
    """The tag of the readable name shown beside reference or code `field`."""
    return _NAMES.get(field, f"#meta+name+{field}")


def continuation_tag(base: str, part: int) -> str:
    return f"{base}+part{part}"
