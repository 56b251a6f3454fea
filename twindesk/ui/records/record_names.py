"""What a record is called in its form's title: "友好伙伴 — 兵库县", "Visit — Hainan delegation to Jeju",
never the database ID (the ID stays in the list's first column and on the History tab)."""

from twindesk.domain.model.specs import SPECS
from twindesk.domain.queries import details
from twindesk.ui.common.formatting import display_name, format_value

# kind -> the field that names it (kinds named by their names in several scripts are handled below)
NAMED_BY = {"visit": "title", "shipment": "title", "activity": "title", "delegate": "name",
            "gift": "description", "shipment_item": "description", "agreement": "title",
            "visit_approval": "document_number", "partnership_approval": "document_number"}


def record_name(kind: str, values: dict, lang: str) -> str:
    """The record's name in the window's language, "" when it has none yet."""
    if kind in ("partner", "home_locality"):
        return display_name(values.get("name_zh"), values.get("name_en"), values.get("name_native"), lang)
    if kind in NAMED_BY:
        return str(values.get(NAMED_BY[kind]) or "").strip()
    if kind == "contact":
        family, given = values.get("family_name") or "", values.get("given_name") or ""
        return (f"{family}{given}" if lang.startswith("zh") else f"{given} {family}").strip()
    if kind == "itinerary_item":
        spec = SPECS[kind]
        day = format_value(values.get("day"), lang, None, spec.field("day").kind) if values.get("day") else ""
        return " · ".join(p for p in (day, str(values.get("place") or "").strip()) if p)
    if kind == "partnership":
        names = [details.choice_label(ref, values[field]) for field, ref in (("home_locality", "home_locality"),
                                                                             ("partner", "partner"))
                 if isinstance(values.get(field), int)]
        return " – ".join(n for n in names if n)
    if kind == "status_change":
        return format_value(values.get("status"), lang, SPECS[kind].field("status").vocabulary, "")
    return ""
