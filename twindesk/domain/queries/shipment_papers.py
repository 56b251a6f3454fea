"""What a shipment's papers (packing list, certificate of donation) show, as plain stored values.

The totals are per currency: values in different currencies are never added together. Items without a
value count as items but add nothing to a total. An unknown id raises NotFound (a UserError).
"""

from collections import defaultdict
from decimal import Decimal
from functools import cached_property

from twindesk.domain.model.ids import checked_id
from twindesk.domain.operations import records
from twindesk.domain.queries import brief_queries as q
from twindesk.domain.queries.details import children
from twindesk.store import models as m


def _locality_names(locality_id: int | None) -> dict:
    """The shipment's home locality; without one, the office's province (the first one entered)."""
    loc = m.HomeLocality
    row = loc.get_or_none(loc.id == locality_id) if locality_id else None
    if row is None:
        row = loc.select().where(loc.kind == "province").order_by(loc.sort_order, loc.id).first()
    return {"name_zh": row.name_zh if row else "", "name_en": row.name_en if row else ""}


class ShipmentPaperContent:
    def __init__(self, shipment_id: int):
        self.shipment = records.get("shipment", checked_id(shipment_id))
        self.shipment_id = shipment_id

    @property
    def outgoing(self) -> bool:
        return self.shipment["direction"] != "incoming"

    @cached_property
    def items(self) -> list[dict]:
        return children("shipment_item", self.shipment_id)

    @cached_property
    def partner(self) -> dict:
        """The partner's names and country, with its parent region's names (`parent_zh` …); {} if none."""
        pid = self.shipment["partner"]
        if not pid:
            return {}
        row = dict(q.partner_names([pid]).get(pid, {}))
        parent = m.Partner.get_or_none(m.Partner.id == pid)
        if parent is not None and parent.parent_id:
            names = q.partner_names([parent.parent_id]).get(parent.parent_id, {})
            row.update({f"parent_{k.removeprefix('name_')}": v for k, v in names.items() if k.startswith("name_")})
        return row

    @cached_property
    def home(self) -> dict:
        """Our side: the shipment's home locality (or the province), {"name_zh", "name_en"}."""
        return _locality_names(self.shipment["home_locality"])

    @cached_property
    def totals(self) -> dict[str, Decimal]:
        """currency -> the sum of the values of the items in it, currencies in alphabetical order."""
        sums: dict[str, Decimal] = defaultdict(Decimal)
        for item in self.items:
            if item["value"] is not None:
                sums[item["currency"] or ""] += Decimal(item["value"])
        return dict(sorted(sums.items()))

    @property
    def handover_date(self):
        """The day the aid changed hands: delivered, else dispatched, else planned (None if none)."""
        s = self.shipment
        return s["delivered_on"] or s["dispatched_on"] or s["planned_on"]
