"""Every heading, label and sentence a briefing pack prints, in English and in Chinese.

The Chinese follows the office's register (出访, 来访, 友好城市, 援助物资, 内部资料 …). Field labels
come from the record specs (`RecordSpec.field_label`) and codes from the vocabulary; what is here is
what only a pack says. Templates use str.format fields; values put into them are plain text that the
caller escapes like any other.
"""

WORDS: dict[str, tuple[str, str]] = {
    # --- packs and their covers ---
    "pack_outbound": ("Outbound visit · briefing pack", "出访背景材料"),
    "pack_inbound": ("Incoming delegation · briefing pack", "来访背景材料"),
    "pack_partner": ("Partner briefing pack", "友好伙伴情况介绍"),
    "header_visit": ("{title} · briefing pack", "{title}·背景材料"),
    "header_partner": ("{name} · partner briefing pack", "{name}情况介绍"),
    "issued": ("Issued", "印发日期"),
    "issued_on": ("Issued {date}", "印发日期：{date}"),
    "page_of": ("Page {page} of {pages}", "第 {page} 页，共 {pages} 页"),
    "destination": ("Destination", "出访对象"),
    "visiting_party": ("Visiting party", "来访方"),
    "dates": ("Dates", "日期"),
    "direction": ("Direction", "类别"),
    "organizer_outbound": ("Organized by", "组团单位"),
    "organizer_inbound": ("Hosted by", "接待单位"),
    "relations": ("Relations", "友好关系"),
    "other_names": ("Also", "又称"),
    # --- sections (the keys of sections.py) ---
    "cover": ("Cover page", "封面"),
    "contents": ("Contents", "目录"),
    "purpose": ("Purpose and objectives", "目的和任务"),
    "partners": ("Partner profiles", "友好伙伴概况"),
    "history": ("Relationship history", "交往历史"),
    "delegation": ("Delegation", "代表团成员"),
    "itinerary": ("Itinerary", "日程安排"),
    "contacts": ("Contacts", "联系人"),
    "gifts": ("Gifts", "礼品往来"),
    "notes": ("Talking points and notes", "谈话要点及备注"),
    "logistics": ("Logistics", "后勤安排"),
    "profile": ("Profile", "基本情况"),
    "partnerships": ("Partnerships and status history", "友好关系及状态沿革"),
    "dates_ahead": ("Anniversaries and renewals ahead", "周年纪念及续签提示"),
    "timeline": ("Timeline", "交往大事记"),
    "aid": ("Aid totals by year and direction", "援助物资统计（按年份和方向）"),
    "visits": ("Visits planned", "计划中的互访"),
    "delegation_inbound": ("Visiting delegation", "来访团组成员"),
    "changes": ("Change history", "修改记录"),
    "documents": ("Documents on file", "存档文件"),
    # --- sub-headings ---
    "relations_table": ("Relations and agreements", "友好关系及协议"),
    "profile_text": ("Profile", "概况"),
    "notes_text": ("Notes", "备注"),
    "visits_both_ways": ("Visits both ways", "双向互访"),
    "aid_both_ways": ("Aid both ways", "援助物资往来"),
    "activities": ("Activities", "交流活动"),
    "gifts_this_visit": ("Gifts for this visit", "本次礼品"),
    "gifts_before": ("Gifts exchanged before", "以往礼品往来"),
    "gifts_before_hint": ("Given and received on earlier visits with the same partners: do not repeat them.",
                          "以下为与同一友好伙伴以往互访中赠送和收受的礼品，请避免重复。"),
    "anniversaries_this_year": ("Anniversaries in the year of the visit", "本年度周年纪念"),
    "outcomes": ("Outcomes", "成果"),
    "follow_ups": ("Follow-ups", "后续事项"),
    "anniversaries": ("Anniversaries", "周年纪念"),
    "renewals": ("Reviews and renewals", "审议及续签"),
    "status_history": ("Status history", "状态沿革"),
    "day_heading": ("Day {n} · {weekday}, {date}", "第{n}天　{date}（{weekday}）"),
    # --- column and row labels not in the specs ---
    "no": ("No.", "序号"),
    "name": ("Name", "姓名"),
    "title_org": ("Title and organization", "职务及单位"),
    "reach": ("Email and phone", "联系方式"),
    "time": ("Time", "时间"),
    "visit": ("Visit", "团组"),
    "aid_item": ("Aid", "援助物资"),
    "items": ("Items and quantities", "物资及数量"),
    "activity": ("Activity", "活动"),
    "gift": ("Gift", "礼品"),
    "from_to": ("From → to", "赠送方→受赠方"),
    "doc_title": ("Title", "标题"),
    "doc_kind": ("Kind", "类型"),
    "doc_date": ("Date", "日期"),
    "doc_on": ("Held by", "所属"),
    "doc_file": ("File", "文件名"),
    "doc_size": ("Size", "大小"),
    "doc_partner": ("The partner", "友好伙伴本身"),
    "record": ("Record", "类别"),
    "what": ("Title", "名称"),
    "year": ("Year", "年份"),
    "shipments": ("Shipments", "批次"),
    "quantities": ("Quantities", "数量"),
    "relation": ("Relation", "友好关系"),
    "anniversary": ("Anniversary", "周年"),
    "agreement": ("Agreement and signing", "协议及签署"),
    "established": ("Established", "建立年份"),
    "established_in": ("established {year}", "{year}年建立"),
    "since": ("since {date}", "（{date}起）"),
    "signed": ("Signed {date}", "{date}签署"),
    "signed_at": ("at {place}", "于{place}"),
    "signatories": ("Signatories: {names}", "签署人：{names}"),
    "approval": ("Approval (document number)", "出访任务批件文号"),
    "approval_none": ("none on file", "尚无批件"),
    "duration": ("Duration", "天数"),
    "days": ("{n} day", "共{n}天"),
    "days_plural": ("{n} days", "共{n}天"),
    "delegation_size": ("Delegation", "团组人数"),
    "members": ("{n} member", "{n}人"),
    "members_plural": ("{n} members", "{n}人"),
    "places": ("Places on the itinerary", "日程地点"),
    "gift_count": ("Gifts prepared", "礼品"),
    "gift_counts": ("{given} to give, {received} received", "赠送{given}件，收受{received}件"),
    "overdue": ("overdue", "已逾期"),
    "kind_visit": ("Visit", "互访"),
    "kind_shipment": ("Aid", "援助物资"),
    "kind_activity": ("Activity", "交流活动"),
    "partner_count": ("Partners", "友好伙伴"),
    "when": ("When", "时间"),
    "who": ("Who", "修改人"),
    "change": ("Change", "修改内容"),
    # --- sentences ---
    "nothing": ("None recorded.", "暂无记录。"),
    "not_recorded": ("Not recorded.", "未填写。"),
    "older_changes": ("{n} older changes are not listed (twindesk history --record partner:{id} lists them).",
                      "另有 {n} 项较早的修改未列出（可用 twindesk history --record partner:{id} 查看）。"),
    "anniversary_line": ("{year}: {ordinal} anniversary of the relation between {locality} and {partner} "
                         "(established {founded}).",
                         "{year}年是{locality}与{partner}建立友好关系{years}周年（{founded}年建立）。"),
    "round_decade": (" A round anniversary.", "逢十周年。"),
    "round_decade_short": (" (round)", "（逢十）"),
    "on_date": (" Date: {date}.", "纪念日：{date}。"),
    "anniversary_years": ("{years}th", "{years}周年"),
    "weekday_0": ("Monday", "星期一"),
    "weekday_1": ("Tuesday", "星期二"),
    "weekday_2": ("Wednesday", "星期三"),
    "weekday_3": ("Thursday", "星期四"),
    "weekday_4": ("Friday", "星期五"),
    "weekday_5": ("Saturday", "星期六"),
    "weekday_6": ("Sunday", "星期日"),
    # --- progress ---
    "progress_content": ("Gathering: {section}", "正在汇总：{section}"),
    "progress_layout": ("Laying out page {page}", "正在排版第 {page} 页"),
    "progress_writing": ("Writing the Word document", "正在生成 Word 文档"),
}

MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
             "October", "November", "December")


def is_zh(lang: str) -> bool:
    return (lang or "").startswith("zh")


class Wording:
    """`w("contents")` or `w("page_of", page=1, pages=3)` in the pack's language."""

    def __init__(self, lang: str):
        self.lang = "zh_CN" if is_zh(lang) else "en"
        self.zh = is_zh(lang)

    def __call__(self, key: str, **fields) -> str:
        text = WORDS[key][1 if self.zh else 0]
        return text.format(**fields) if fields else text

    def count(self, key: str, n: int, **fields) -> str:
        """`key` for one, `key_plural` otherwise (Chinese has one form for both)."""
        return self(key if n == 1 else key + "_plural", n=n, **fields)

    def ordinal_years(self, years: int) -> str:
        if self.zh:
            return self("anniversary_years", years=years)
        suffix = "th" if 10 <= years % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(years % 10, "th")
        return f"{years}{suffix}"
