"""The one vocabulary: every code stored in the database, with its English and Chinese label.

The window, the workbook and the briefing pack all take their labels from here, so a status reads the
same everywhere. Order matters: it is the order lists, menus and lifecycles show.
"""

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache


@dataclass(frozen=True)
class Term:
    code: str
    en: str
    zh: str

    def label(self, lang: str = "en") -> str:
        return self.zh if lang.startswith("zh") else self.en


class Vocabulary(tuple):
    """An ordered tuple of Terms with lookup by code, and the other words staff type for each code."""

    def __new__(cls, name: str, terms, synonyms: dict[str, str] | None = None):
        obj = super().__new__(cls, terms)
        obj.name = name
        obj._by_code = {t.code: t for t in terms}
        obj.synonyms = dict(synonyms or {})
        obj._typed = None  # built on first use by code_for_typed
        obj._exact = None  # built on first use by code_for
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
        if self._exact is None:  # the first term that has it, as a search in order would find
            exact: dict[str, str] = {}
            for t in self:
                for word in (t.code, t.en, t.zh):
                    exact.setdefault(word.casefold(), t.code)
            self._exact = exact
        return self._exact.get((text or "").strip().casefold())

    def code_for_typed(self, text: str) -> str | None:
        """The code for what staff type in a list: the code, either label, a part of a label between
        its slashes ("已签署/存续": 已签署, 存续), or a synonym; full-width letters, case and spaces
        do not matter. None if it is none of them."""
        if self._typed is None:
            typed: dict[str, str] = {}
            for t in self:
                for word in (t.code, t.en, t.zh, *t.en.split("/"), *t.zh.split("/")):
                    typed.setdefault(typed_key(word), t.code)
            for word, code in self.synonyms.items():
                assert code in self._by_code, (self.name, word)
                typed[typed_key(word)] = code
            self._typed = typed
        return self._typed.get(typed_key(text or ""))


_SEPARATORS = re.compile(r"[\s_\-]+")


@lru_cache(maxsize=4096, typed=True)  # a staff list types the same few choices on every row
def typed_key(text: str) -> str:
    """A word as compared with a vocabulary: NFKC (full-width ＣＮＹ, ａｃｔｉｖｅ, （）), case-folded,
    without spaces, underscores or hyphens ("in transit", "in_transit", "In-Transit" are one)."""
    return _SEPARATORS.sub("", unicodedata.normalize("NFKC", str(text)).casefold())


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
], {
    # What a staff list says for a partner's kind (a Japanese 県 is found by its country: understanding/choices.py).
    "市": "city", "城市": "city", "municipality": "city", "metropolitan city": "city", "广域市": "city",
    "特别市": "city", "town": "city", "区": "region", "郡": "county", "県": "prefecture", "府": "prefecture",
    "都": "prefecture", "ken": "prefecture", "省": "province", "道": "province", "特别自治道": "province",
    "州": "state", "邦": "state", "地区": "region", "大区": "region", "oblast": "region", "krai": "region",
    "边疆区": "region", "村": "village", "镇": "village",
})

LOCALITY_KINDS = Vocabulary("locality kind", [
    T("province", "Province", "省"),
    T("city", "City", "市"),
    T("county", "County", "县"),
], {
    "省份": "province", "自治区": "province", "城市": "city", "地级市": "city", "县级市": "city",
    "区": "county", "自治县": "county",
})

TIERS = Vocabulary("tier", [
    T("sister", "Sister city / province", "友好城市（省州）"),
    T("friendly_exchange", "Friendly exchange", "友好交流城市"),
    T("intent", "Letter of intent / MoU", "意向书/备忘录"),
], {
    "友好城市": "sister", "友城": "sister", "友好省州": "sister", "友好省县": "sister", "友好省道": "sister",
    "友好省": "sister", "友好州": "sister", "姐妹城市": "sister", "sister city": "sister",
    "sister province": "sister", "sister state": "sister", "twin town": "sister", "twinning": "sister",
    "友好交流": "friendly_exchange", "友好交流关系": "friendly_exchange", "友好合作关系": "friendly_exchange",
    "友好合作城市": "friendly_exchange", "友好交流省州": "friendly_exchange", "意向书": "intent",
    "备忘录": "intent", "合作备忘录": "intent", "mou": "intent", "letter of intent": "intent",
})

PARTNERSHIP_STATUSES = Vocabulary("partnership status", [
    T("prospect", "Prospect", "拟推动"),
    T("negotiating", "Negotiating", "商谈中"),
    T("approval_pending", "Approval pending", "待审批"),
    T("active", "Signed / active", "已签署/存续"),
    T("dormant", "Dormant", "休眠"),
    T("ended", "Ended", "已终止"),
], {
    "正常": "active", "已签署": "active", "签署": "active", "已签约": "active", "已结好": "active",
    "有效": "active", "存续中": "active", "signed": "active", "in force": "active", "拟结好": "prospect",
    "意向": "prospect", "洽谈中": "negotiating", "商谈": "negotiating", "磋商中": "negotiating",
    "报批中": "approval_pending", "审批中": "approval_pending", "不活跃": "dormant", "停滞": "dormant",
    "终止": "ended", "已解除": "ended", "解除": "ended",
})
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
], {"出": "outbound", "来": "inbound", "出国": "outbound", "来华": "inbound", "来琼": "inbound"})

VISIT_STATUSES = Vocabulary("visit status", [
    T("proposed", "Proposed", "拟议"),
    T("approved", "Approved", "已批准"),
    T("confirmed", "Confirmed", "已确认"),
    T("completed", "Completed", "已完成"),
    T("postponed", "Postponed", "已推迟"),
    T("cancelled", "Cancelled", "已取消"),
], {"计划": "proposed", "计划中": "proposed", "已完成": "completed", "完成": "completed",
                   "推迟": "postponed", "取消": "cancelled", "canceled": "cancelled"})

GIFT_DIRECTIONS = Vocabulary("gift direction", [
    T("given", "Given", "赠送"),
    T("received", "Received", "收受"),
], {"送": "given", "赠出": "given", "收到": "received", "受赠": "received"})

SHIPMENT_DIRECTIONS = Vocabulary("shipment direction", [
    T("outgoing", "Outgoing", "援出"),
    T("incoming", "Incoming", "受援"),
], {"援助": "outgoing", "捐赠": "outgoing", "捐出": "outgoing", "接受": "incoming",
                        "收到": "incoming", "受赠": "incoming"})

SHIPMENT_KINDS = Vocabulary("shipment kind", [
    T("goods", "Goods", "物资"),
    T("funds", "Funds", "资金"),
], {"物品": "goods", "实物": "goods", "现金": "funds", "捐款": "funds", "money": "funds"})

SHIPMENT_STATUSES = Vocabulary("shipment status", [
    T("planned", "Planned", "计划中"),
    T("dispatched", "Dispatched", "已发出"),
    T("in_transit", "In transit", "运输中"),
    T("delivered", "Delivered", "已送达"),
    T("cancelled", "Cancelled", "已取消"),
], {"计划": "planned", "已发": "dispatched", "已发运": "dispatched", "在途": "in_transit",
                      "已到": "delivered", "已到达": "delivered", "已交付": "delivered", "取消": "cancelled",
                      "canceled": "cancelled"})

ITEM_CATEGORIES = Vocabulary("item category", [
    T("ppe", "Masks / PPE", "口罩/防护用品"),
    T("medical", "Medical", "医疗物资"),
    T("disinfectant", "Disinfectant", "消毒用品"),
    T("food", "Food", "食品"),
    T("shelter", "Shelter", "帐篷/安置"),
    T("funds", "Funds", "资金"),
    T("other", "Other", "其他"),
], {
    "口罩": "ppe", "防护服": "ppe", "手套": "ppe", "护目镜": "ppe", "防护物资": "ppe", "masks": "ppe",
    "mask": "ppe", "医疗": "medical", "药品": "medical", "医疗器械": "medical", "医疗设备": "medical",
    "medicine": "medical", "消毒": "disinfectant", "消毒液": "disinfectant", "消毒剂": "disinfectant",
    "食物": "food", "粮食": "food", "大米": "food", "帐篷": "shelter", "安置": "shelter", "tents": "shelter",
    "捐款": "funds", "现金": "funds", "money": "funds", "其它": "other",
})

# A partnership's papers (agreement.kind); a renewal or an amendment follows an earlier one.
AGREEMENT_KINDS = Vocabulary("agreement kind", [
    T("intent", "Letter of intent", "意向书"),
    T("friendship", "Friendship agreement", "友好协议"),
    T("memorandum", "Memorandum", "备忘录"),
    T("renewal", "Renewal", "续签协议"),
    T("amendment", "Amendment", "补充协议"),
], {"意向": "intent", "letter of intent": "intent", "loi": "intent", "协议": "friendship",
    "友好城市协议": "friendship", "结好协议": "friendship", "agreement": "friendship", "mou": "memorandum",
    "合作备忘录": "memorandum", "续签": "renewal", "续约": "renewal", "补充": "amendment", "修正": "amendment"})

# A new relation's approval passes these stages in order (partnership_approval.stage).
APPROVAL_STAGES = Vocabulary("approval stage", [
    T("local", "Local", "市级"),
    T("provincial", "Provincial", "省级"),
    T("national", "National", "国家级"),
], {"市": "local", "市里": "local", "city": "local", "省": "provincial", "省外办": "provincial",
    "国家": "national", "全国友协": "national", "外交部": "national"})

APPROVAL_OUTCOMES = Vocabulary("approval outcome", [
    T("pending", "Pending", "待批"),
    T("approved", "Approved", "已批准"),
    T("refused", "Refused", "未批准"),
], {"审批中": "pending", "报批中": "pending", "批准": "approved", "同意": "approved", "不同意": "refused",
    "驳回": "refused", "rejected": "refused"})

# What an operation in the history was (history_operation.action), as the history views word it.
HISTORY_ACTIONS = Vocabulary("history action", [
    T("save", "save", "保存"),
    T("delete", "delete", "删除"),
    T("link", "link partners", "关联伙伴"),
    T("reorder", "reorder", "调整顺序"),
    T("import", "import", "导入"),
    T("restore", "restore", "恢复备份"),
    T("demo", "demo data", "演示数据"),
    T("undo", "undo", "撤销"),
    T("redo", "redo", "重做"),
    T("attach", "attach files", "添加文件"),
    T("detach", "remove files", "移除文件"),
])

# What a document is (document.kind), and which records can hold documents (docs/architecture.md,
# "Documents"): the one list of owner kinds.
DOCUMENT_KINDS = Vocabulary("document kind", [
    T("agreement", "Agreement", "协议"),
    T("approval", "Approval", "批件"),
    T("letter", "Letter", "信函"),
    T("photo", "Photo", "照片"),
    T("waybill", "Waybill", "运单"),
    T("other", "Other", "其他"),
], {"批文": "approval", "批复": "approval", "协议书": "agreement", "合同": "agreement", "函": "letter",
    "来函": "letter", "相片": "photo", "图片": "photo", "运单号": "waybill", "提单": "waybill"})
DOCUMENT_OWNERS = ("partner", "partnership", "agreement", "partnership_approval", "visit", "visit_approval",
                   "shipment", "activity", "contact")
