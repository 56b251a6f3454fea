"""The demo's illustrative detail: what the article does not give, tagged `illustrative` on every record.

The article's facts (`article.py`) show every kind of record only in part, and all in the past. So that
the demo shows every record type and, on the first day, the coming months, this adds what a desk would
hold around them: contacts (fictitious people), the delegation, itinerary and gift of the planned
leadership visit, the Jeju delegation at the Boao forum in 2019, and records dated from `today`:

- visits next month (to Jeju), in about three months (from Hyogo) and later in the year (to Greece);
- a shipment in transit expected in two weeks, one overdue, one planned;
- partnerships (Sanya–Jeju, Haikou–Hyogo) with a 10th anniversary in two months and a 5th within this
  year's remaining days, a renewal due in two months and a review past due;
- activities with a follow-up due next week and one overdue.

Nothing here contradicts the article: no fact record is changed, and the added relations are at city
level, beside the province's. The `illustrative` tag, not note text, says what is not from the article.
"""

from datetime import date, time, timedelta

from twindesk.domain.demo.article import BOAO_PLACE, UPDATED_BY, Facts, both, text
from twindesk.store.models import (
    Activity,
    Agreement,
    Contact,
    Delegate,
    Gift,
    ItineraryItem,
    Partnership,
    PartnershipApproval,
    PartnershipStatusChange,
    Shipment,
    ShipmentItem,
    Visit,
    VisitApproval,
    VisitPartner,
)

TAG = dict(illustrative=True, updated_by=UPDATED_BY)


def years_before(day: date, years: int) -> date:
    """The same day `years` earlier (28 February for a 29th)."""
    try:
        return day.replace(year=day.year - years)
    except ValueError:
        return date(day.year - years, 2, 28)


def write_illustrative(facts: Facts, today: date) -> None:
    """Write the illustrative detail around the article's `facts`, the coming months counted from `today`."""
    _contacts(facts)
    _planned_leadership_visit_detail(facts)
    _jeju_at_boao_2019(facts)
    _coming_visits(facts, today)
    _coming_shipments(facts, today)
    _city_partnerships(facts, today)
    _follow_ups(facts, today)


def _contacts(f: Facts) -> None:
    for partner, fields in (
        (f.hyogo, dict(honorific="様", family_name="山田", given_name="花子", family_name_first=True,
                       title="国際交流課 課長", organization="兵庫県庁", languages="ja, en",
                       email="hanako.yamada@example.org")),
        (f.jeju, dict(honorific="님", family_name="김", given_name="민준", family_name_first=True,
                      title="국제협력과 과장", organization="제주특별자치도청", languages="ko, zh, en",
                      email="minjun.kim@example.org")),
        (f.vladimir, dict(honorific="г-жа", family_name="Смирнова", given_name="Анна", family_name_first=False,
                          title="Начальник отдела международных связей",
                          organization="Администрация г. Владимира", languages="ru, en",
                          email="a.smirnova@example.org")),
        (f.jeju, dict(honorific="", family_name="陈", given_name="美玲", family_name_first=True,
                      title=both("中文联络官", "Chinese-language liaison officer"),
                      organization=both("济州特别自治道厅", "Jeju Provincial Government"), languages="zh, ko",
                      email="meiling.chen@example.org")),
    ):
        Contact.create(partner=partner, notes=text("虚构人物。", "A fictitious person."), **TAG, **fields)


def _visit(partners, delegates=(), itinerary=(), gifts=(), approval=None, **fields) -> Visit:
    """A visit with its partners, delegates (name, title, organization, role, counterpart), itinerary
    (day, start, end, place, activity, counterpart) and gifts (field dicts)."""
    visit = Visit.create(**TAG, **fields)
    for p in partners:
        VisitPartner.create(visit=visit, partner=p, **TAG)
    for precedence, (name, title, org, role, counterpart, *notes) in enumerate(delegates, start=1):
        Delegate.create(visit=visit, name=name, title=title, organization=org, role=role, precedence=precedence,
                        counterpart=counterpart, notes=notes[0] if notes else "", **TAG)
    for day, start, end, place, activity, counterpart in itinerary:
        ItineraryItem.create(visit=visit, day=day, start_time=start, end_time=end, place=place, activity=activity,
                             counterpart=counterpart, **TAG)
    for gift in gifts:
        Gift.create(visit=visit, **TAG, **gift)
    if approval:
        VisitApproval.create(visit=visit, **TAG, **approval)
    return visit


def _planned_leadership_visit_detail(f: Facts) -> None:
    """The article's planned visit has none of its detail: destinations, delegation, days, gift."""
    planned = f.planned_visit
    for p in (f.hyogo, f.jeju):
        VisitPartner.create(visit=planned, partner=p, **TAG)
    for precedence, name, title, org, role, notes in (
        (1, both("省领导（待定）", "Provincial leader (to be named)"), "", both("海南省人民政府", "Hainan Provincial Government"),
         both("团长", "Head of delegation"), ""),
        (2, "Wang Sheng", both("省委外办主任", "Head of the International Relations Department"),
         both("中共海南省委", "CPC Hainan Provincial Committee"), both("副团长", "Deputy head"),
         text("文章只给出这位负责人的拼音姓名。", "The article gives his name in pinyin only.")),
        (3, both("企业代表（待定）", "Business representative (to be named)"), "",
         both("海南企业", "Hainan enterprises"), both("商务对话", "Business dialogue"), ""),
        (4, both("翻译（待定）", "Interpreter (to be named)"), both("日语、韩语翻译", "Japanese and Korean interpreter"),
         both("海南省外事办公室", "Hainan Foreign Affairs Office"), both("翻译", "Interpreter"), ""),
    ):
        Delegate.create(visit=planned, name=name, title=title, organization=org, role=role, precedence=precedence,
                        notes=notes, **TAG)
    for day, start, end, place, activity, counterpart in (
        (date(2020, 11, 9), time(10), time(12), both("神户，兵库县厅", "Kobe, Hyogo Prefectural Government"),
         both("与兵库县政府会谈", "Meeting with the prefectural authorities"),
         both("兵库县知事", "Governor of Hyogo Prefecture")),
        (date(2020, 11, 10), time(14), time(17), both("神户", "Kobe"),
         both("与商界代表对话", "Dialogue with business representatives"),
         both("兵库县商业团体", "Hyogo business associations")),
        (date(2020, 11, 12), time(10), time(12), both("济州市，济州特别自治道厅", "Jeju City, Jeju Provincial Government"),
         both("与济州政府会谈", "Meeting with the provincial authorities"),
         both("济州特别自治道知事", "Governor of Jeju Special Self-Governing Province")),
    ):
        ItineraryItem.create(visit=planned, day=day, start_time=start, end_time=end, place=place, activity=activity,
                             counterpart=counterpart, **TAG)
    Gift.create(visit=planned, direction="given", description=both("黎锦挂毯", "Li brocade wall hanging"),
                value=3000, currency="CNY", giver=both("海南省代表团", "Hainan provincial delegation"),
                recipient=both("兵库县知事", "Governor of Hyogo Prefecture"), **TAG)


def _jeju_at_boao_2019(f: Facts) -> None:
    _visit(
        [f.jeju],
        direction="inbound",
        title=both("济州代表团出席博鳌亚洲论坛", "Jeju delegation at the Boao Forum for Asia"),
        purpose=text("出席博鳌亚洲论坛，会见海南省领导。",
                     "Take part in the Boao Forum for Asia and meet the provincial authorities."),
        status="completed",
        start_on=date(2019, 3, 25),
        end_on=date(2019, 3, 28),
        home_locality=f.hainan,
        leader=both("济州特别自治道知事", "Governor of Jeju Special Self-Governing Province"),
        budget=80000,
        outcomes=text("商定继续开展旅游和海岛经济交流。", "Agreed to continue tourism and island-economy exchanges."),
        follow_ups=text("交换旅游统计数据；下届论坛再会。",
                        "Exchange of tourism statistics; next meeting at the following forum."),
        notes=text("文章提到济州知事出席了论坛。", "The article says Jeju's governor took part in the forum."),
        delegates=(
            (both("济州知事（文章未给出姓名）", "Governor of Jeju (name not given in the article)"),
             both("知事", "Governor"), both("济州特别自治道厅", "Jeju Provincial Government"),
             both("团长", "Head of delegation"), both("海南省省长", "Governor of Hainan Province")),
            ("김민준", "국제협력과 과장", both("济州特别自治道厅", "Jeju Provincial Government"), both("联络", "Liaison"),
             both("海南省外事办公室", "Hainan Foreign Affairs Office")),
            ("陈美玲", both("中文联络官", "Chinese-language liaison officer"),
             both("济州特别自治道厅", "Jeju Provincial Government"), both("翻译", "Interpreter"), ""),
        ),
        itinerary=(
            (date(2019, 3, 25), time(15), time(16, 30), both("海口，海南省人民政府", "Haikou, Hainan Provincial Government"),
             both("礼节性拜会海南省领导", "Courtesy call on the provincial authorities"),
             both("海南省省长", "Governor of Hainan Province")),
            (date(2019, 3, 26), time(9), time(12), BOAO_PLACE,
             both("博鳌亚洲论坛开幕式", "Boao Forum for Asia: opening sessions"), ""),
            (date(2019, 3, 27), time(14), time(16), both("三亚", "Sanya"),
             both("考察海岛旅游项目", "Visit to island tourism projects"), both("三亚市人民政府", "Sanya municipal government")),
        ),
        gifts=(
            dict(direction="received", description=both("济州火山石雕（石头爷爷）", "Jeju volcanic stone carving (dol hareubang)"),
                 value=None, currency="KRW", giver=both("济州知事", "Governor of Jeju"),
                 recipient=both("海南省省长", "Governor of Hainan Province")),
            dict(direction="given", description=both("海南椰雕", "Hainan coconut carving"), value=1200, currency="CNY",
                 giver=both("海南省", "Hainan Province"), recipient=both("济州知事", "Governor of Jeju")),
        ),
    )


def _coming_visits(f: Facts, today: date) -> None:
    def day(n: int) -> date:
        return today + timedelta(days=n)

    _visit(
        [f.jeju],
        direction="outbound",
        title=both("海南省代表团访问济州", "Hainan delegation to Jeju"),
        purpose=text("海岛旅游与海洋经济交流；商定下一年度交流计划。",
                     "Island tourism and ocean-economy exchanges; agree the exchange plan for the coming year."),
        status="confirmed",
        start_on=day(30),
        end_on=day(33),
        home_locality=f.hainan,
        leader=both("海南省外事办公室主任", "Director-General, Hainan Foreign Affairs Office"),
        budget=120000,
        notes=text("日程已与济州国际协力课确认。", "Programme confirmed with Jeju's international cooperation division."),
        delegates=(
            (both("外办主任", "Director-General"), both("主任", "Director-General"),
             both("海南省外事办公室", "Hainan Foreign Affairs Office"), both("团长", "Head of delegation"),
             both("济州特别自治道知事", "Governor of Jeju Special Self-Governing Province")),
            (both("旅游厅副厅长", "Deputy Director, Department of Tourism"), both("副厅长", "Deputy Director"),
             both("海南省旅游和文化广电体育厅", "Hainan Department of Tourism, Culture, Radio, Television and Sports"),
             both("团员", "Member"), ""),
            (both("韩语翻译", "Korean interpreter"), both("翻译", "Interpreter"),
             both("海南省外事办公室", "Hainan Foreign Affairs Office"), both("翻译", "Interpreter"), ""),
        ),
        itinerary=(
            (day(30), time(15), time(17), both("济州市，济州特别自治道厅", "Jeju City, Jeju Provincial Government"),
             both("与济州政府会谈", "Meeting with the provincial authorities"),
             both("济州特别自治道知事", "Governor of Jeju Special Self-Governing Province")),
            (day(31), time(9, 30), time(12), both("济州国际会议中心", "Jeju International Convention Center"),
             both("海岛旅游合作座谈会", "Round table on island tourism"), both("济州观光公社", "Jeju Tourism Organization")),
        ),
        gifts=(dict(direction="given", description=both("黎锦挂毯", "Li brocade wall hanging"), value=2800,
                    currency="CNY", giver=both("海南省代表团", "Hainan delegation"),
                    recipient=both("济州特别自治道知事", "Governor of Jeju Special Self-Governing Province")),),
        approval=dict(authority=both("海南省人民政府外事办公室", "Hainan Foreign Affairs Office"),
                      document_number=f"琼外审〔{day(-10).year}〕37号", approved_on=day(-10), delegation_size=3,
                      countries="KR", days=4, window_from=day(28), window_to=day(40),
                      conditions=text("不得延期或增加国家。", "No extension, no further countries.")),
    )
    _visit(
        [f.hyogo],
        direction="inbound",
        title=both("兵库县代表团访问海南", "Hyogo Prefecture delegation to Hainan"),
        purpose=text("自由贸易港投资推介与文化交流。", "Free trade port investment promotion and cultural exchange."),
        status="approved",
        start_on=day(85),
        end_on=day(88),
        home_locality=f.hainan,
        leader=both("兵库县副知事", "Vice Governor of Hyogo Prefecture"),
        notes=text("接待方案待省政府批准后报送。", "The hosting plan goes to Hyogo once the provincial government approves it."),
        delegates=(
            (both("兵库县副知事", "Vice Governor of Hyogo Prefecture"), both("副知事", "Vice Governor"), "兵庫県庁",
             both("团长", "Head of delegation"), both("海南省副省长", "Vice Governor of Hainan Province")),
            ("山田花子", "国際交流課 課長", "兵庫県庁", both("联络", "Liaison"),
             both("海南省外事办公室", "Hainan Foreign Affairs Office")),
        ),
        itinerary=(
            (day(85), time(15), time(16, 30), both("海口，海南省人民政府", "Haikou, Hainan Provincial Government"),
             both("礼节性拜会", "Courtesy call"), both("海南省副省长", "Vice Governor of Hainan Province")),
            (day(86), time(9), time(11, 30), both("海口江东新区", "Jiangdong New Area, Haikou"),
             both("考察自由贸易港", "Tour of the free trade port"), ""),
        ),
    )
    _visit(
        [f.cities_to_be_decided["GR"]],
        direction="outbound",
        title=both("赴希腊商谈友好城市关系", "Visit to Greece on a sister-city relation"),
        purpose=text("在中国驻希腊使馆协助下，与候选城市商谈建立友好城市关系。",
                     "With the help of the Chinese embassy, talks with candidate cities on a sister-city relation."),
        status="proposed",
        start_on=day(200),
        end_on=day(205),
        home_locality=f.hainan,
        notes=text("候选城市待使馆推荐。", "Candidate cities to come from the embassy."),
    )


def _coming_shipments(f: Facts, today: date) -> None:
    def day(n: int) -> date:
        return today + timedelta(days=n)

    def shipment(item: dict, **fields) -> None:
        s = Shipment.create(home_locality=f.hainan, **TAG, **fields)
        ShipmentItem.create(shipment=s, **TAG, **item)

    shipment(
        dict(description=both("黎锦展品", "Li brocade exhibits"), category="other", quantity=40, unit="pieces",
             value=60000, currency="CNY"),
        direction="outgoing",
        partner=f.hyogo,
        title=both("黎锦展品运往兵库县", "Li brocade exhibits for Hyogo Prefecture"),
        occasion=both("文化交流", "Cultural exchange"),
        kind="goods",
        status="in_transit",
        planned_on=day(-20),
        dispatched_on=day(-10),
        expected_on=day(14),
        transport_mode="sea",
        carrier=both("中远海运", "COSCO Shipping"),
        tracking_ref="COSU6230415",
        notes=text("展品须在兵库县代表团来访前运抵。", "The exhibits are to arrive before the Hyogo delegation visits."),
    )
    shipment(
        dict(description=both("旅游宣传册", "Tourism brochures"), category="other", quantity=2000, unit="copies"),
        direction="incoming",
        partner=f.jeju,
        title=both("济州旅游宣传资料", "Tourism promotion materials from Jeju"),
        occasion=both("旅游推介", "Tourism promotion"),
        kind="goods",
        status="in_transit",
        dispatched_on=day(-35),
        expected_on=day(-7),
        transport_mode="courier",
        carrier="EMS",
        tracking_ref="EE204518736KR",
        notes=text("已过预计到达日期，请向承运方查询。", "Past its expected arrival: ask the carrier."),
    )
    shipment(
        dict(description=both("医用防护物资", "Medical protective supplies"), category="ppe", quantity=500,
             unit="sets"),
        direction="outgoing",
        partner=f.regions_2019["RS"],
        title=both("向塞尔维亚伙伴地区捐赠医用防护物资", "Medical protective supplies for the partner region in Serbia"),
        occasion=both("医疗合作", "Medical cooperation"),
        kind="goods",
        status="planned",
        planned_on=day(45),
        transport_mode="air",
        notes=text("待对方确认收货单位。", "Waiting for the partner to name the receiving body."),
    )


def _city_partnerships(f: Facts, today: date) -> None:
    """City-level relations beside the province's: anniversaries, a renewal and a review in the next months."""
    def partnership(home, partner, signed_on: date, review: date, agreement: str, notes: str) -> None:
        negotiating = years_before(signed_on, 1)
        ps = Partnership.create(home_locality=home, partner=partner, tier="friendly_exchange", status="active",
                                status_since=signed_on, signed_on=signed_on, established_year=signed_on.year,
                                notes=notes, **TAG)
        Agreement.create(partnership=ps, kind="memorandum", title=agreement, signed_on=signed_on,
                         expires_on=review, **TAG)
        for status, on, note in (("negotiating", negotiating, text("开始商谈。", "Talks began.")),
                                 ("active", signed_on, text("签署备忘录。", "Memorandum signed."))):
            PartnershipStatusChange.create(partnership=ps, status=status, changed_on=on, note=note, **TAG)
        for stage, authority, before in (("local", both("三亚市人民政府", "Sanya Municipal Government"), 90),
                                         ("provincial", both("海南省外事办公室", "Hainan Foreign Affairs Office"), 30)):
            PartnershipApproval.create(partnership=ps, stage=stage, authority=authority, outcome="approved",
                                       decided_on=signed_on - timedelta(days=before), **TAG)

    memo = both("友好交流合作备忘录", "Memorandum on friendly exchange and cooperation")
    ten_years = years_before(today + timedelta(days=60), 10)
    partnership(f.sanya, f.jeju, ten_years, today + timedelta(days=60), memo,
                text("两座海岛旅游城市的交流；十周年时续签备忘录。",
                     "Exchanges between two island resorts; the memorandum is renewed at its 10th anniversary."))
    # Within the next 12 months and, where the year has days left, within this calendar year too.
    five_years = years_before(min(today + timedelta(days=25), date(today.year, 12, 31)), 5)
    partnership(f.haikou, f.hyogo, five_years, today - timedelta(days=20), memo,
                text("年度评估已逾期。", "The yearly review is past due."))


def _follow_ups(f: Facts, today: date) -> None:
    Activity.create(
        partner=f.jeju, kind="video", title=both("与济州视频会议", "Video call with Jeju"),
        held_on=today - timedelta(days=21), outcome=text("商定代表团访问日程。", "Agreed the delegation's programme."),
        follow_up_on=today + timedelta(days=7),
        notes=text("会后发送代表团名单。", "Send the delegation list after the call."), **TAG)
    Activity.create(
        partner=f.hyogo, kind="call", title=both("与兵库县国际交流课通话", "Call with Hyogo's international exchange division"),
        held_on=today - timedelta(days=40),
        outcome=text("兵库县请我方提供展览场地方案。", "Hyogo asked for a plan of the exhibition venue."),
        follow_up_on=today - timedelta(days=5),
        notes=text("场地方案尚未发出。", "The venue plan has not been sent yet."), **TAG)
