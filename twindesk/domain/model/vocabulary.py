"""The one vocabulary: every code stored in the database, with its English and Chinese label.

The window, the workbook and the briefing pack all take their labels from here, so a status reads the
same everywhere. Order matters: it is the order lists, menus and lifecycles show.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Term:
    code: str
    en: str
    zh: str

    def label(self, lang: str = "en") -> str:
        return self.zh if lang.startswith("zh") else self.en


class Vocabulary(tuple):
    """An ordered tuple of Terms with lookup by code."""

    def __new__(cls, name: str, terms):
        obj = super().__new__(cls, terms)
        obj.name = name
        obj._by_code = {t.code: t for t in terms}
        return obj

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(t.code for t in self)

    def __contains__(self, code) -> bool:
        return code in self._by_code

    def get(self, code: str) -> Term | None:
        return self._by_code.get(code)

    def label(self, code: str, lang: str = "en") -> str:
        term = self._by_code.get(code)
        return term.label(lang) if term else (code or "")

    def code_for(self, text: str) -> str | None:
        """The code whose code, English or Chinese label is `text` (case-insensitive), else None."""
        wanted = (text or "").strip().casefold()
        for t in self:
            if wanted in (t.code.casefold(), t.en.casefold(), t.zh.casefold()):
                return t.code
        return None


T = Term

PARTNER_KINDS = Vocabulary("partner kind", [
    T("city", "City", "城市"),
    T("county", "County", "县"),
    T("prefecture", "Prefecture", "县（日本）"),
    T("province", "Province", "省/道"),
    T("state", "State", "州"),
    T("region", "Region", "大区/地区"),
    T("village", "Village", "村镇"),
    T("other", "Other", "其他"),
])

LOCALITY_KINDS = Vocabulary("locality kind", [
    T("province", "Province", "省"),
    T("city", "City", "市"),
    T("county", "County", "县"),
])

TIERS = Vocabulary("tier", [
    T("sister", "Sister city / province", "友好城市（省州）"),
    T("friendly_exchange", "Friendly exchange", "友好交流城市"),
    T("intent", "Letter of intent / MoU", "意向书/备忘录"),
])

PARTNERSHIP_STATUSES = Vocabulary("partnership status", [
    T("prospect", "Prospect", "拟推动"),
    T("negotiating", "Negotiating", "商谈中"),
    T("approval_pending", "Approval pending", "待审批"),
    T("active", "Signed / active", "已签署/存续"),
    T("dormant", "Dormant", "休眠"),
    T("ended", "Ended", "已终止"),
])
# An agreement in force: signed, whether busy (active) or quiet (dormant). An ended one is history.
SIGNED_STATUSES = ("active", "dormant")
ENDED = "ended"  # every other status is a live partnership

ACTIVITY_KINDS = Vocabulary("activity kind", [
    T("meeting", "Meeting", "会见/会谈"),
    T("forum", "Forum", "论坛"),
    T("letter", "Letter", "信函"),
    T("call", "Call", "电话"),
    T("video", "Video conference", "视频会议"),
    T("greeting", "Greeting", "致贺/慰问"),
    T("other", "Other", "其他"),
])

VISIT_DIRECTIONS = Vocabulary("visit direction", [
    T("outbound", "Outbound", "出访"),
    T("inbound", "Inbound", "来访"),
])

VISIT_STATUSES = Vocabulary("visit status", [
    T("proposed", "Proposed", "拟议"),
    T("approved", "Approved", "已批准"),
    T("confirmed", "Confirmed", "已确认"),
    T("completed", "Completed", "已完成"),
    T("postponed", "Postponed", "已推迟"),
    T("cancelled", "Cancelled", "已取消"),
])

GIFT_DIRECTIONS = Vocabulary("gift direction", [
    T("given", "Given", "赠送"),
    T("received", "Received", "收受"),
])

SHIPMENT_DIRECTIONS = Vocabulary("shipment direction", [
    T("outgoing", "Outgoing", "援出"),
    T("incoming", "Incoming", "受援"),
])

SHIPMENT_KINDS = Vocabulary("shipment kind", [
    T("goods", "Goods", "物资"),
    T("funds", "Funds", "资金"),
])

SHIPMENT_STATUSES = Vocabulary("shipment status", [
    T("planned", "Planned", "计划中"),
    T("dispatched", "Dispatched", "已发出"),
    T("in_transit", "In transit", "运输中"),
    T("delivered", "Delivered", "已送达"),
    T("cancelled", "Cancelled", "已取消"),
])

ITEM_CATEGORIES = Vocabulary("item category", [
    T("ppe", "Masks / PPE", "口罩/防护用品"),
    T("medical", "Medical", "医疗物资"),
    T("disinfectant", "Disinfectant", "消毒用品"),
    T("food", "Food", "食品"),
    T("shelter", "Shelter", "帐篷/安置"),
    T("funds", "Funds", "资金"),
    T("other", "Other", "其他"),
])
