"""The demo's facts: what the TASS article of 6 May 2020 on Hainan's sister cities states.

Source: resources/demo/hainan-sister-cities-article.txt ("Hainan to boost relations with other
countries via sister cities cooperation", HAIKOU, May 6 /TASS/, citing Hainan Daily and Wang Sheng, head
of the international relations department of the provincial party committee).

Every fact of the article is written here, and nothing that contradicts it; no record here is tagged
`illustrative`. Detail the article does not give (contacts, delegates, itineraries, gifts, the coming
months) is in `illustrative.py`. Where a fact's record needs a value the article does not give (a date
within a year, a tier), its notes say so. Where only a year is known, 1 January of that year stands
for it and the note says so.

The office works in Chinese first: every title and note holds the Chinese, then the English (`both`
for one-line fields, `text` for notes and other long text).

Runs inside the caller's operation; `write_article()` expects the database to be bound.
"""

from dataclasses import dataclass
from datetime import date

from twindesk.store.models import (
    Activity,
    Agreement,
    HomeLocality,
    Partner,
    Partnership,
    PartnershipStatusChange,
    Shipment,
    ShipmentItem,
    Visit,
)

UPDATED_BY = "demo"


def both(zh: str, en: str) -> str:
    """A one-line bilingual value: the Chinese, then the English."""
    return f"{zh} / {en}"


def text(zh: str, en: str, *more: tuple[str, str]) -> str:
    """A bilingual note or other long text: the Chinese paragraph, then the English one. `more` are
    further (Chinese, English) sentences, each going into its own language's paragraph."""
    pairs = [(zh, en), *more]
    return "".join(z for z, _ in pairs if z) + "\n" + " ".join(e for _, e in pairs if e)


ARTICLE_DATE = date(2020, 5, 6)
DATE_ILLUSTRATIVE = ("日期为示意，文章未给出。", "Date illustrative; the article gives none.")


def undated(zh_when: str, en_when: str) -> tuple[str, str]:
    """DATE_ILLUSTRATIVE with what the article does say of the time."""
    return f"日期为示意，文章未给出（{zh_when}）。", f"{DATE_ILLUSTRATIVE[1]} ({en_when})"


YEAR_ONLY = ("以当年1月1日代表年份，月日不详。", "1 January stands for the year; day and month are not known.")
AS_OF_ARTICLE = ("状态据文章（塔斯社，2020年5月6日）；文章未说明自何时起。",
                     "Status as of the article (TASS, 6 May 2020); the article does not say since when.")
# A signed partnership needs a date or a year (the domain's rule); where the article gives neither, its year
# stands in, the latest the relation can have begun.
YEAR_OF_ARTICLE = ("建立年份2020年为文章发表年份，代替文章未给出的年份：关系至迟于当年已存在。",
                       "Established year 2020 is the article's year, standing in for one it does not give: the "
                       "relation existed by then.")

COVID = both("新冠肺炎疫情", "COVID-19 pandemic")
JEBI = both("2018年台风“飞燕”", "Typhoon Jebi 2018")
KOBE = both("1995年阪神大地震", "Great Hanshin (Kobe) earthquake 1995")
BOAO_PLACE = both("海南琼海博鳌（博鳌亚洲论坛）", "Boao, Qionghai, Hainan (Boao Forum for Asia)")
JAPAN = both("日本", "Japan")
VILLAGES = both("与海南保持伙伴关系的国外29个村庄", "29 villages abroad with which Hainan maintains partnerships")


@dataclass(frozen=True)
class Country:
    code: str
    zh: str
    en: str  # as the article words it ("the Philippines")

    @property
    def name(self) -> str:
        return self.en.removeprefix("the ")


# The promoted relations: "with the assistance of the Chinese diplomatic missions ... promoting sister
# cities relations with the cities of Greece, Israel, Spain and Portugal."
PROMOTED = (Country("GR", "希腊", "Greece"), Country("IL", "以色列", "Israel"), Country("ES", "西班牙", "Spain"),
            Country("PT", "葡萄牙", "Portugal"))

# "since 2018, when the Chinese leadership announced the creation of an experimental free trade zone on
# the island, intensive work has been underway to boost contacts with ..."
FTZ_ASIA = (Country("IN", "印度", "India"), Country("AE", "阿联酋", "the United Arab Emirates"),
            Country("SG", "新加坡", "Singapore"), Country("PH", "菲律宾", "the Philippines"),
            Country("LK", "斯里兰卡", "Sri Lanka"), Country("JP", "日本", "Japan"))
FTZ_EAST_EUROPE = (Country("BG", "保加利亚", "Bulgaria"), Country("RO", "罗马尼亚", "Romania"),
                   Country("RS", "塞尔维亚", "Serbia"))

# "agreements on the development of sister city relations with certain regions of Serbia and Sweden
# were signed last year" (the article is of 2020).
AGREEMENTS_2019 = (Country("RS", "塞尔维亚", "Serbia"), Country("SE", "瑞典", "Sweden"))


def city_to_be_decided(country: Country) -> tuple[str, str]:
    """The names of a partner city the article does not name: 希腊（城市待定）, Greece (city to be decided)."""
    return f"{country.zh}（城市待定）", f"{country.name} (city to be decided)"


@dataclass
class Facts:
    """The records of the article that the illustrative detail hangs on."""

    hainan: HomeLocality
    haikou: HomeLocality
    sanya: HomeLocality
    hyogo: Partner
    jeju: Partner
    vladimir: Partner
    cities_to_be_decided: dict[str, Partner]  # by country code, the relations being promoted or prospected
    regions_2019: dict[str, Partner]  # by country code, the regions of the 2019 agreements
    planned_visit: Visit  # the leadership's planned visit to the sister cities


def _home(name_zh: str, name_en: str, kind: str, sort_order: int, notes: str) -> HomeLocality:
    """The article's home localities; one the office already keeps (same Chinese name) is reused."""
    found = HomeLocality.get_or_none(HomeLocality.name_zh == name_zh)
    if found is not None:
        if not found.notes:
            found.notes = notes
            found.save()
        return found
    return HomeLocality.create(
        name_zh=name_zh, name_en=name_en, kind=kind, sort_order=sort_order, notes=notes, updated_by=UPDATED_BY
    )


def _partner(**fields) -> Partner:
    return Partner.create(updated_by=UPDATED_BY, **fields)


def _partnership(home, partner, *, history, agreement_title: str = "", **fields) -> Partnership:
    """A partnership and its dated status history: `history` is [(status, date, note), ...], oldest first;
    with `agreement_title`, the agreement it was signed with (signed on its signing date)."""
    status, since, _ = history[-1]
    ps = Partnership.create(
        home_locality=home, partner=partner, status=status, status_since=since, updated_by=UPDATED_BY, **fields
    )
    if agreement_title:
        kind = "intent" if fields.get("tier") == "intent" else "friendship"
        Agreement.create(partnership=ps, kind=kind, title=agreement_title, signed_on=fields.get("signed_on"),
                         updated_by=UPDATED_BY)
    for st, on, note in history:
        PartnershipStatusChange.create(partnership=ps, status=st, changed_on=on, note=note, updated_by=UPDATED_BY)
    return ps


def write_article() -> Facts:
    """Write the article's facts into the bound database; return the records the detail hangs on."""
    hainan, haikou, sanya = _home_localities()
    hyogo, jeju, vladimir = _named_partners(hainan, haikou, sanya)
    cities, regions = _relations_without_names(hainan)
    _boao_forum(jeju)
    _aid_both_ways(hainan, hyogo)
    planned = _planned_visit(hainan)
    return Facts(hainan, haikou, sanya, hyogo, jeju, vladimir, cities, regions, planned)


def _home_localities() -> tuple[HomeLocality, HomeLocality, HomeLocality]:
    hainan = _home(
        "海南省",
        "Hainan Province",
        "province",
        0,
        text("据文章（塔斯社，2020年5月6日），海南与64个外国城市发展密切关系，与五大洲都保持友好的地区间交往；"
             "演示数据收录文章点名的伙伴。",
             "The article (TASS, 6 May 2020) counts 64 foreign partner cities of Hainan, with friendly "
             "interregional contacts on all five continents; the demo holds those it names."),
    )
    haikou = _home("海口市", "Haikou", "city", 1, text("海南省会（据文章）。", "Administrative centre of Hainan (the article)."))
    sanya = _home("三亚市", "Sanya", "city", 2, "")
    return hainan, haikou, sanya


def _named_partners(hainan, haikou, sanya) -> tuple[Partner, Partner, Partner]:
    hyogo = _partner(
        name_zh="兵库县",
        name_en="Hyogo Prefecture",
        name_native="兵庫県",
        kind="prefecture",
        country="JP",
        profile=text("日本兵库县，海南最早的伙伴（据文章）。首府神户。",
                     "Japan's Hyogo Prefecture, Hainan's oldest partner (the article). Kobe is its capital."),
        notes=text("据文章：新冠肺炎疫情期间，兵库县向海南捐赠了10万多只口罩。",
                   "The article: Hyogo delivered more than 100,000 masks to Hainan during the COVID-19 pandemic."),
    )
    _partnership(
        hainan,
        hyogo,
        tier="sister",
        established_year=1990,
        notes=text("文章称兵库县是海南最早的伙伴。1990年出自公开资料，并非出自文章。",
                   "The article calls Hyogo Prefecture Hainan's oldest partner. The year 1990 is from public "
                   "records, not from the article."),
        history=[("active", date(1990, 1, 1),
                  text("1990年出自公开资料，并非出自文章。", "Year 1990 from public records, not from the article.", YEAR_ONLY))],
    )

    jeju = _partner(
        name_zh="济州特别自治道",
        name_en="Jeju Special Self-Governing Province",
        name_native="제주특별자치도",
        kind="province",
        country="KR",
        profile=text("韩国海岛旅游度假省份（据文章）。", "South Korean island resort province (the article)."),
        notes=text("据文章：海南自1995年起与济州合作；济州知事出席了博鳌亚洲论坛。",
                   "The article: Hainan has been cooperating with Jeju since 1995; its governor took part in the "
                   "Boao Forum for Asia."),
    )
    _partnership(
        hainan,
        jeju,
        tier="sister",
        established_year=1995,
        notes=text("据文章：海南自1995年起与韩国海岛旅游度假省份济州合作。文章未说明关系层级（据公开资料为友好省道）。",
                   "The article: since 1995 Hainan has been cooperating with the South Korean island resort "
                   "province of Jeju. The article does not name the tier (sister province per public records)."),
        history=[("active", date(1995, 1, 1), text("自1995年起（据文章）。", "Since 1995 (the article).", YEAR_ONLY))],
    )

    vladimir = _partner(
        name_zh="弗拉基米尔",
        name_en="Vladimir",
        name_native="Владимир",
        kind="city",
        country="RU",
        notes=text("据文章：海南省会海口的友好城市。", "The article: sister city of Hainan's administrative centre, Haikou."),
    )
    _partnership(
        haikou,
        vladimir,
        tier="sister",
        established_year=ARTICLE_DATE.year,
        notes=text("据文章：弗拉基米尔是海口的友好城市。文章未给出年份。",
                   "The article: Vladimir is the sister city of Haikou. It does not give the year.", YEAR_OF_ARTICLE),
        history=[("active", ARTICLE_DATE, text(*AS_OF_ARTICLE))],
    )

    moscow_oblast = _partner(
        name_zh="莫斯科州",
        name_en="Moscow Oblast",
        name_native="Московская область",
        kind="region",
        country="RU",
        notes=text("克拉斯诺戈尔斯克的上级地区（文章：“莫斯科州的克拉斯诺戈尔斯克”）。文章未提及与该州本身的关系。",
                   "Parent region of Krasnogorsk (the article: 'Krasnogorsk in the Moscow Region'). The article "
                   "names no relation with the region itself."),
    )
    sanya_note = ("据文章：与三亚保持密切联系。文章既未给出关系层级也未给出年份；“友好交流”是演示数据对“密切联系”的理解。",
                  "The article: maintains close ties with Sanya. It gives neither the tier nor the year; "
                  "friendly exchange is the demo's reading of 'close ties'.")
    among = ("文章将其列为俄罗斯城市之一。", "The article lists it among the Russian cities.")
    for zh, en, native, parent, extra in (
        ("雅尔塔", "Yalta", "Ялта", None, among),
        ("哈巴罗夫斯克", "Khabarovsk", "Хабаровск", None, among),
        ("克拉斯诺戈尔斯克", "Krasnogorsk", "Красногорск", moscow_oblast,
         ("据文章：莫斯科州的克拉斯诺戈尔斯克。", "The article: Krasnogorsk in the Moscow Region.")),
    ):
        p = _partner(
            name_zh=zh,
            name_en=en,
            name_native=native,
            kind="city",
            country="RU",
            parent=parent,
            notes=text(*extra, ("与三亚保持密切联系（据文章）。", "Maintains close ties with Sanya (the article).")),
        )
        _partnership(
            sanya,
            p,
            tier="friendly_exchange",
            established_year=ARTICLE_DATE.year,
            notes=text(*sanya_note, YEAR_OF_ARTICLE),
            history=[("active", ARTICLE_DATE, text(*AS_OF_ARTICLE))],
        )
    return hyogo, jeju, vladimir


def _relations_without_names(hainan) -> tuple[dict[str, Partner], dict[str, Partner]]:
    """The relations promoted or prospected with a country, and the 2019 agreements with its regions."""
    cities: dict[str, Partner] = {}
    for country in PROMOTED:
        zh, en = city_to_be_decided(country)
        p = _partner(name_zh=zh, name_en=en, kind="city", country=country.code,
                     notes=text(f"文章未具名{country.zh}的城市。", f"The article names no city in {country.en}."))
        _partnership(
            hainan,
            p,
            tier="sister",
            notes=text(f"据文章：海南在中国驻外使领馆协助下，正推动与{country.zh}城市建立友好城市关系。",
                       f"The article: the Hainan authorities, with the assistance of the Chinese diplomatic "
                       f"missions, are working on promoting sister-city relations with cities of {country.en}."),
            history=[("negotiating", ARTICLE_DATE, text(*AS_OF_ARTICLE))],
        )
        cities[country.code] = p

    for group, tail_zh, tail_en in ((FTZ_ASIA, "亚洲国家", "Asian countries"),
                                    (FTZ_EAST_EUROPE, "若干东欧国家", "a number of Eastern European states")):
        for country in group:
            zh, en = city_to_be_decided(country)
            p = _partner(name_zh=zh, name_en=en, kind="city", country=country.code,
                         notes=text(f"文章未具名{country.zh}的城市。", f"The article names no city in {country.en}."))
            _partnership(
                hainan,
                p,
                tier="sister",
                notes=text(f"据文章：自2018年中央宣布在海南岛建设自由贸易试验区以来，海南大力加强与{tail_zh}的联系，"
                           f"其中包括{country.zh}。关系层级为示意，文章未说明。",
                           f"The article: since 2018, when the Chinese leadership announced the creation of an "
                           f"experimental free trade zone on the island, intensive work has been underway to boost "
                           f"contacts with {tail_en}, among them {country.en}. Tier illustrative: the article "
                           f"names none."),
                history=[("prospect", date(2018, 1, 1),
                          text("自2018年起（据文章）。", "Since 2018 (the article).", YEAR_ONLY))],
            )
            cities.setdefault(country.code, p)

    regions: dict[str, Partner] = {}
    for country in AGREEMENTS_2019:
        p = _partner(
            name_zh=f"{country.zh}（地区未具名）",
            name_en=f"{country.name} (region not named in the article)",
            kind="region",
            country=country.code,
            notes=text(f"文章提到“塞尔维亚和瑞典的一些地区”，未具名{country.zh}的地区。",
                       f"The article speaks of 'certain regions of Serbia and Sweden'; it names none in "
                       f"{country.en}."),
        )
        _partnership(
            hainan,
            p,
            tier="intent",
            established_year=2019,
            agreement_title=both("关于发展友好城市关系的协议", "Agreement on the development of sister-city relations"),
            notes=text("据文章（2020年5月6日）：“去年”即2019年，与塞尔维亚和瑞典一些地区签署了发展友好城市关系的协议。"
                       "文章未给出签署日期。",
                       "The article (6 May 2020): agreements on the development of sister-city relations with "
                       "certain regions of Serbia and Sweden were signed last year, i.e. 2019. Signing date not "
                       "given."),
            history=[("active", date(2019, 1, 1),
                      text("2019年签署（文章所说的“去年”）。", "Signed in 2019 ('last year' in the article).", YEAR_ONLY))],
        )
        regions[country.code] = p
    return cities, regions


def _boao_forum(jeju) -> None:
    boao = ("据文章：借助每年在海南岛东海岸举办的博鳌亚洲论坛，举办了多场促进友好城市关系发展的活动。",
            "The article: with the help of the Boao Forum for Asia, held annually on the east coast of the "
            "island, events promoting relations between sister cities were organized.")
    for title, held_on in (
        (both("岛屿观光政策论坛", "Island Tourism Strategy forum"), date(2019, 3, 27)),
        (both("中国—东盟省市长对话", "China–ASEAN dialogue of mayors and governors"), date(2019, 3, 27)),
        (both("中国与柬埔寨：充满希望之路", "China and Cambodia: A Way Full of Hope"), date(2019, 3, 28)),
    ):
        Activity.create(
            partner=None,
            kind="forum",
            title=title,
            held_on=held_on,
            place=BOAO_PLACE,
            outcome=text("有助于推动务实合作、加强外交联系、提高本地区开放水平（文章引述 Wang Sheng 的话）。",
                         "Helps promote pragmatic cooperation, strengthen diplomatic contacts and enhance the "
                         "openness of the region (Wang Sheng, in the article)."),
            notes=text(*boao, DATE_ILLUSTRATIVE),
            updated_by=UPDATED_BY,
        )
    Activity.create(
        partner=jeju,
        kind="forum",
        title=both("济州知事出席博鳌亚洲论坛", "Governor of Jeju takes part in the Boao Forum for Asia"),
        held_on=date(2019, 3, 26),
        place=BOAO_PLACE,
        participants=both("济州特别自治道知事", "Governor of Jeju Special Self-Governing Province"),
        notes=text("据文章：济州知事出席了论坛。", "The article: Jeju's governor participated in the forum.", DATE_ILLUSTRATIVE),
        updated_by=UPDATED_BY,
    )


def _aid_both_ways(hainan, hyogo) -> None:
    def shipment(items, **fields):
        s = Shipment.create(home_locality=hainan, updated_by=UPDATED_BY, **fields)
        for item in items:
            ShipmentItem.create(shipment=s, updated_by=UPDATED_BY, **item)
        return s

    no_quantity = text("文章未给出数量。", "Quantity not given in the article.")
    no_contents = text("文章未给出具体内容。", "Contents not given in the article.")
    shipment(
        [dict(description=both("口罩", "Masks"), category="ppe", quantity=100000, unit="pieces",
              notes=text("文章称10万多只。", "The article says more than 100,000."))],
        direction="incoming",
        partner=hyogo,
        title=both("兵库县捐赠口罩", "Masks from Hyogo Prefecture"),
        occasion=COVID,
        kind="goods",
        status="delivered",
        delivered_on=date(2020, 2, 14),
        notes=text("据文章：海南最早的伙伴日本兵库县向海南岛捐赠了10万多只口罩。",
                   "The article: Hainan's oldest partner, Japan's Hyogo Prefecture, delivered more than 100,000 "
                   "masks to the island.", undated("2020年，文章发表之前", "2020, before the article")),
    )
    shipment(
        [dict(description=both("口罩", "Masks"), category="ppe", notes=no_quantity)],
        direction="outgoing",
        partner=None,
        counterparty=JAPAN,
        title=both("向日本捐赠口罩", "Masks for Japan"),
        occasion=COVID,
        kind="goods",
        status="delivered",
        delivered_on=date(2020, 4, 10),
        notes=text("据文章：此后海南也采取类似行动援助日本（在兵库县捐赠口罩之后）。文章未具名日本的受援方。",
                   "The article: subsequently the province took similar steps to help Japan (after Hyogo's "
                   "masks). The recipient in Japan is not named.", DATE_ILLUSTRATIVE),
    )
    shipment(
        [dict(description=both("人道援助物资", "Humanitarian aid"), category="other", notes=no_contents)],
        direction="outgoing",
        partner=None,
        counterparty=JAPAN,
        title=both("台风“飞燕”后向日本提供人道援助", "Humanitarian aid to Japan after Typhoon Jebi"),
        occasion=JEBI,
        kind="goods",
        status="delivered",
        delivered_on=date(2018, 9, 20),
        notes=text("据文章：2018年台风“飞燕”（文章写作 Chebi）给日本部分地区造成严重破坏，海南随后向日本提供了人道援助。"
                   "类别按物资记录。",
                   "The article: Hainan delivered humanitarian aid to Japan in 2018 following the typhoon "
                   "'Chebi' (Jebi), which caused significant damage to certain regions of the country. Kind "
                   "assumed (goods).", undated("2018年", "2018")),
    )
    shipment(
        [dict(description=both("人道援助物资", "Humanitarian aid"), category="other", notes=no_contents)],
        direction="outgoing",
        partner=hyogo,
        title=both("神户地震后援助", "Aid after the Kobe earthquake"),
        occasion=KOBE,
        kind="goods",
        status="delivered",
        delivered_on=date(1995, 2, 1),
        notes=text("据文章：1995年神户发生毁灭性地震后，海南向日本提供了援助；神户属兵库县。类别按物资记录。",
                   "The article: Hainan delivered aid to Japan after the devastating earthquake in Kobe in 1995; "
                   "Kobe is in Hyogo Prefecture. Kind assumed (goods).", undated("1995年", "1995")),
    )
    shipment(
        [dict(description=both("资金支持", "Financial support"), category="funds",
              notes=text("文章未给出金额。", "Amount not given in the article."))],
        direction="incoming",
        partner=None,
        counterparty=both("20多个外国友好城市", "More than 20 foreign sister cities"),
        title=both("外国友好城市的资金支持", "Financial support from foreign sister cities"),
        occasion=COVID,
        kind="funds",
        status="delivered",
        delivered_on=date(2020, 2, 20),
        notes=text("据文章：在抗击新冠肺炎疫情最吃紧的时候，海南收到了20多个外国友好城市的资金支持。",
                   "The article: during the most intense struggle against the novel coronavirus outbreak, Hainan "
                   "received financial support from more than 20 foreign sister cities.", undated("2020年", "2020")),
    )
    shipment(
        [
            dict(description=both("医用口罩", "Medical masks"), category="ppe", notes=no_quantity),
            dict(description=both("防护服", "Protective suits"), category="ppe", notes=no_quantity),
            dict(description=both("消毒液", "Sanitizers"), category="disinfectant", notes=no_quantity),
        ],
        direction="outgoing",
        partner=None,
        counterparty=VILLAGES,
        recipients=VILLAGES,
        title=both("向国外29个村庄捐赠医用口罩、防护服和消毒液",
                   "Medical masks, protective suits and sanitizers for 29 villages abroad"),
        occasion=COVID,
        kind="goods",
        status="delivered",
        delivered_on=date(2020, 4, 20),
        notes=text("据文章：海南控制住疫情后，向长期保持伙伴关系、同样面临疫情的其他国家29个村庄捐赠了医用口罩、防护服和消毒液。"
                   "这些村庄是受援方，不是伙伴城市。",
                   "The article: after the province coped with the epidemic, it sent medical masks, protective "
                   "suits and sanitizers to 29 villages in other countries with which the region constantly "
                   "maintains partnerships. The villages are recipients, not partner cities.", undated("2020年", "2020")),
    )


def _planned_visit(hainan) -> Visit:
    """The leadership's plan to visit the sister cities; its dates are illustrative, its detail is in
    `illustrative.py`."""
    return Visit.create(
        direction="outbound",
        title=both("海南省领导出访友好城市", "Provincial leadership visit to sister cities"),
        purpose=text("据文章（Wang Sheng）：按照发展规划，海南省领导计划访问相关国家的友好城市，与当地政府会谈，"
                     "推动与商界重要代表的对话，交流经验，共同努力促进地区间合作。",
                     "The article (Wang Sheng): in accordance with the development program, the Hainan "
                     "leadership plans to visit the sister cities of the respective countries, hold meetings with "
                     "local authorities, promote dialogue with key representatives of business circles, share "
                     "experience and make joint efforts to boost interregional cooperation."),
        status="proposed",
        start_on=date(2020, 11, 9),
        end_on=date(2020, 11, 13),
        home_locality=hainan,
        leader=both("海南省领导（待定）", "Hainan provincial leadership (to be named)"),
        notes=text("出访计划出自文章；日期、目的地、代表团、日程和礼品为示意。",
                   "The plan is from the article; dates, destinations, delegation, itinerary and gift are "
                   "illustrative."),
        updated_by=UPDATED_BY,
    )
