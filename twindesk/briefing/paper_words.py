"""What the shipment papers say (briefing/shipment_papers.py), in English and in Chinese. Field labels
come from the record specs, codes from the vocabulary; the rest is here. Templates use str.format."""

WORDS: dict[str, tuple[str, str]] = {
    # --- the packing list ---
    "packing_list": ("Packing list", "装箱单"),
    "header_packing": ("Packing list · {title}", "装箱单·{title}"),
    "shipment_no": ("Shipment No.", "批次编号"),
    "shipment": ("Shipment", "批次信息"),
    "parties": ("Consignor and consignee", "发货方与收货方"),
    "consignor": ("Consignor", "发货方"),
    "consignee": ("Consignee", "收货方"),
    "transport": ("Carrier and waybill", "承运与运单"),
    "items": ("Items", "物品清单"),
    "totals": ("Totals", "合计"),
    "notes": ("Notes", "备注"),
    "no": ("No.", "序号"),
    "total_in": ("Total ({currency})", "合计（{currency}）"),
    "item_count": ("Item lines", "物品项数"),
    "without_value": ("Item lines without a value", "未填价值的项数"),
    "no_items": ("No items recorded.", "暂无物品记录。"),
    "packed_by": ("Packed by", "装箱人"),
    "checked_by": ("Checked by", "核对人"),
    "signature": ("Signature", "签字"),
    "date": ("Date", "日期"),
    "issued_on": ("Issued {date}", "制表日期：{date}"),
    # --- the certificate of donation (both languages, Chinese first) ---
    "certificate": ("Certificate of Donation", "捐赠证书"),
    "item": ("Item", "物品"),
    "quantity": ("Quantity", "数量"),
    "value": ("Value", "价值"),
    "seal": ("Seal", "盖章"),
    "for_donor": ("For the donor", "捐赠方"),
    "for_recipient": ("For the recipient", "受赠方"),
    "statement": ("This is to certify that {donor} has donated to {recipient} the aid “{title}”, on the "
                  "occasion of {occasion}. The items and their value are listed below.",
                  "兹证明，{donor}向{recipient}捐赠“{title}”（事由：{occasion}），物品及价值如下。"),
    "statement_plain": ("This is to certify that {donor} has donated to {recipient} the aid “{title}”. The "
                        "items and their value are listed below.",
                        "兹证明，{donor}向{recipient}捐赠“{title}”，物品及价值如下。"),
    "certified": ("Hereby certified.", "特此证明。"),
}


class PaperWords:
    """`w("items")` in one language; `w.both("items")` -> "物品清单 / Items" (Chinese first)."""

    def __init__(self, zh: bool):
        self.zh = zh

    def __call__(self, key: str, **fields) -> str:
        text = WORDS[key][1 if self.zh else 0]
        return text.format(**fields) if fields else text

    @staticmethod
    def both(key: str, **fields) -> str:
        en, zh = WORDS[key]
        return f"{zh.format(**fields)} / {en.format(**fields)}"
