"""Chinese labels of records and fields, for what is written without Qt: workbooks and briefing packs.

The specs hold the English labels; this is their one Chinese translation. A label that means different
things in different records (a contact's "Title" is a post, a visit's "Title" is its name) is set per
record in FIELD_OVERRIDES_ZH.
"""

RECORDS_ZH = {
    "home locality": "本方地区",
    "partner": "友好伙伴",
    "partnership": "友好关系",
    "status change": "状态变更",
    "contact": "联系人",
    "activity": "交流活动",
    "visit": "出访/来访",
    "delegate": "团组成员",
    "itinerary item": "日程安排",
    "gift": "礼品",
    "shipment": "援助物资",
    "shipment item": "物资明细",
    "document": "文件",
    "agreement": "协议",
    "approval stage": "审批环节",
    "visit approval": "出访批件",
}

FIELDS_ZH = {
    "Activity": "活动内容",
    "Approved countries": "批准国家",
    "Approved days": "批准天数",
    "Approved delegation size": "批准人数",
    "Approved from": "批准出行起始日",
    "Approved until": "批准出行截止日",
    "Approving authority": "审批机关",
    "Conditions": "附加条件",
    "Document number": "文号",
    "Expiry date": "到期日期",
    "Signatories (our side)": "我方签署人",
    "Signatories (partner side)": "对方签署人",
    "Stage": "审批层级",
    "Term (years)": "有效期（年）",
    "Agreement": "协议名称",
    "Area (km²)": "面积（平方千米）",
    "Budget": "预算",
    "Budget currency": "预算币种",
    "Carrier": "承运方",
    "Category": "类别",
    "Chinese name": "中文名称",
    "Counterpart": "对口人员",
    "Country": "国家",
    "Currency": "币种",
    "Date": "日期",
    "Date of change": "变更日期",
    "Day": "日期",
    "Delivery date": "送达日期",
    "Description": "描述",
    "Direction": "方向",
    "Dispatch date": "发出日期",
    "Donor / recipient (other)": "捐赠方/接收方（其他）",
    "Email": "电子邮箱",
    "End date": "结束日期",
    "End time": "结束时间",
    "English name": "英文名称",
    "Established (year)": "建立年份",
    "Expected arrival": "预计到达",
    "Family name": "姓",
    "Family name first": "姓在前",
    "Follow-up date": "跟进日期",
    "Follow-ups": "后续事项",
    "From": "赠送方",
    "Given name": "名",
    "Given or received": "赠出/收到",
    "Home locality": "本方地区",
    "Honorific": "称谓",
    "Kind": "类型",
    "Languages": "语言",
    "Latitude": "纬度",
    "Leader": "团长",
    "Longitude": "经度",
    "Name": "姓名",
    "Native name": "当地语言名称",
    "Next review / renewal": "下次审议/续签",
    "Note": "备注",
    "Notes": "备注",
    "Occasion": "事由",
    "Order": "排序",
    "Organization": "单位",
    "Outcome": "成果",
    "Outcomes": "成果",
    "Parent region": "上级行政区",
    "Participants": "参加人员",
    "Partner": "友好伙伴",
    "Partnership": "友好关系",
    "Phone": "电话",
    "Place": "地点",
    "Planned date": "计划日期",
    "Population": "人口",
    "Precedence": "礼宾顺序",
    "Profile": "概况",
    "Purpose": "目的",
    "Quantity": "数量",
    "Recipients": "受援方",
    "Role": "团内职务",
    "Shipment": "援助物资",
    "Signatories": "签署人",
    "Signing date": "签署日期",
    "Signing place": "签署地点",
    "Start date": "开始日期",
    "Start time": "开始时间",
    "Status": "状态",
    "Status since": "状态起始日期",
    "Tier": "关系级别",
    "Title": "标题",
    "To": "受赠方",
    "Tracking / waybill": "运单号",
    "Transport": "运输方式",
    "Unit": "单位",
    "Value": "价值",
    "Visit": "出访/来访",
    "Website": "网站",
}

FIELD_OVERRIDES_ZH = {
    ("contact", "title"): "职务",
    ("delegate", "title"): "职务",
    ("activity", "title"): "活动名称",
    ("visit", "title"): "团组名称",
    ("shipment", "title"): "物资名称",
    ("shipment_item", "unit"): "计量单位",
    ("agreement", "title"): "协议名称",
    ("agreement", "kind"): "协议类型",
    ("partnership_approval", "decided_on"): "审批日期",
    ("partnership_approval", "outcome"): "审批结果",
    ("visit_approval", "approved_on"): "批准日期",
}


def record_label(label: str, lang: str = "en") -> str:
    """A record's name as a sentence says it ("partner"), in `lang`."""
    return RECORDS_ZH.get(label, label) if lang.startswith("zh") else label


# The measure word a Chinese count takes for each record ("3 位联系人", "2 项物资明细").
MEASURES_ZH = {
    "home locality": "个", "partner": "个", "partnership": "项", "status change": "条", "contact": "位",
    "activity": "项", "visit": "次", "delegate": "位", "itinerary item": "项", "gift": "件", "shipment": "批",
    "shipment item": "项", "document": "份", "agreement": "份", "approval stage": "个", "visit approval": "份",
}


def count_of(label: str, count: int, lang: str = "en") -> str:
    """A number of records as a sentence says it: "2 shipment items", "2 项物资明细"."""
    if lang.startswith("zh"):
        return f"{count} {MEASURES_ZH.get(label, '条')}{RECORDS_ZH.get(label, label)}"
    if count == 1:
        return f"1 {label}"
    return f"{count} {label[:-1] + 'ies' if label.endswith('y') else label + 's'}"


def field_label(kind: str, name: str, label: str, lang: str = "en") -> str:
    """A field's label in `lang`: `label` is the English one from the spec."""
    if not lang.startswith("zh"):
        return label
    return FIELD_OVERRIDES_ZH.get((kind, name)) or FIELDS_ZH.get(label, label)
