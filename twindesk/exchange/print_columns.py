"""Which columns of each list print (docs/architecture.md, "How a workbook prints").

A list has more columns than a landscape A4 page holds at a readable size. Each sheet keeps all of them,
in this order: ID, UUID and Version (the import's identity, always first), then the sheet's main columns
below in reading order, then every other column as `columns.py` declares them. The print area is the
main columns, with the ID repeated at the left of every page: as many of them as fit one page wide at
full size (`print_setup.columns_that_fit`). The import matches columns by header, in any order.
"""

from twindesk.exchange.columns import SheetColumn

IDENTITY = ("id", "uuid", "version")

# kind -> the keys of its main columns, most important first (a narrow page drops the last ones).
MAIN = {
    "partner": ("name_zh", "name_en", "name_native", "kind", "country:name", "parent:name", "population"),
    "partnership": ("partner:name", "home_locality:name", "tier", "status", "status_since", "signed_on",
                    "established_year"),
    "agreement": ("partnership:name", "kind", "title", "signed_on", "signed_place", "term_years", "expires_on"),
    "partnership_approval": ("partnership:name", "stage", "authority", "document_number", "decided_on", "outcome"),
    "visit_approval": ("visit:name", "authority", "document_number", "approved_on", "delegation_size", "countries",
                       "days", "window_from", "window_to"),
    "contact": ("partner:name", "honorific", "family_name", "given_name", "title", "organization", "email",
                "phone"),
    "activity": ("partner:name", "kind", "title", "held_on", "place", "follow_up_on"),
    "visit": ("direction", "title", "status", "start_on", "end_on", "home_locality:name", "leader",
              "partners:name"),
    "delegate": ("visit:name", "precedence", "name", "title", "organization", "role", "counterpart"),
    "itinerary_item": ("visit:name", "day", "start_time", "end_time", "place", "activity", "counterpart"),
    "gift": ("visit:name", "direction", "description", "value", "currency", "giver", "recipient"),
    "shipment": ("direction", "partner:name", "title", "kind", "status", "dispatched_on", "delivered_on",
                 "home_locality:name", "counterparty"),
    "shipment_item": ("shipment:name", "description", "category", "quantity", "unit", "value", "currency"),
    "home_locality": ("name_zh", "name_en", "kind", "sort_order", "notes"),
    "status_change": ("partnership:name", "status", "changed_on", "note"),
    "visit_partner": ("visit:name", "partner:name"),
    "document": ("title", "kind", "dated_on", "owner_kind", "owner_id", "file_name", "size"),
}


def print_order(kind: str, columns: tuple[SheetColumn, ...]) -> tuple[list[SheetColumn], int]:
    """(the sheet's columns in the order written, how many main columns follow the identity ones)."""
    by_key = {c.key: c for c in columns}
    identity = [by_key[k] for k in IDENTITY if k in by_key]
    main = [by_key[k] for k in MAIN.get(kind, ()) if k in by_key]
    chosen = {c.key for c in identity + main}
    return identity + main + [c for c in columns if c.key not in chosen], len(main)
