"""The demo's facts: what the TASS article of 6 May 2020 on Hainan's sister cities states.

Source: resources/demo/hainan-sister-cities-article.txt ("Hainan to boost relations with other
countries via sister cities cooperation", HAIKOU, May 6 /TASS/, citing Hainan Daily and Wang Sheng, head
of the international relations department of the provincial party committee).

Every fact of the article is written here and nothing that contradicts it. Detail the article does not
give (dates within a year, contacts, delegates, itineraries, gifts) is added so that the demo shows every
record type, and each such record says in its notes that it is illustrative (the word "Illustrative"
appears in them). Where only a year is known, 1 January of that year stands for it and the note says so.

Runs inside the caller's transaction; `write_article()` expects the database to be bound.
"""

from datetime import date, time

from twindesk.store.models import (
    Activity,
    Contact,
    Delegate,
    Gift,
    HomeLocality,
    ItineraryItem,
    Partner,
    Partnership,
    PartnershipStatusChange,
    Shipment,
    ShipmentItem,
    Visit,
    VisitPartner,
)

UPDATED_BY = "demo"

ARTICLE_DATE = date(2020, 5, 6)
ARTICLE = "TASS, 6 May 2020"
ILLUSTRATIVE = "Illustrative: not from the article."
DATE_ILLUSTRATIVE = "Date illustrative; the article gives none."
YEAR_ONLY = "1 January stands for the year; day and month are not known."
AS_OF_ARTICLE = f"Status as of the article ({ARTICLE}); the article does not say since when."
# A signed partnership needs a date or a year (the domain's rule); where the article gives neither, its year
# stands in, the latest the relation can have begun.
YEAR_OF_ARTICLE = (f"Established year {ARTICLE_DATE.year} is the article's year, standing in for one it does "
                   "not give: the relation existed by then.")

COVID = "COVID-19 pandemic"
JEBI = "Typhoon Jebi 2018"
KOBE = "Great Hanshin (Kobe) earthquake 1995"
BOAO_PLACE = "Boao, Qionghai, Hainan (Boao Forum for Asia)"

# The promoted relations: "with the assistance of the Chinese diplomatic missions ... promoting sister
# cities relations with the cities of Greece, Israel, Spain and Portugal."
PROMOTED = (
    ("GR", "希腊", "Greece"),
    ("IL", "以色列", "Israel"),
    ("ES", "西班牙", "Spain"),
    ("PT", "葡萄牙", "Portugal"),
)

# "since 2018, when the Chinese leadership announced the creation of an experimental free trade zone on
# the island, intensive work has been underway to boost contacts with ..."
FTZ_ASIA = (
    ("IN", "印度", "India"),
    ("AE", "阿联酋", "the United Arab Emirates"),
    ("SG", "新加坡", "Singapore"),
    ("PH", "菲律宾", "the Philippines"),
    ("LK", "斯里兰卡", "Sri Lanka"),
    ("JP", "日本", "Japan"),
)
FTZ_EAST_EUROPE = (
    ("BG", "保加利亚", "Bulgaria"),
    ("RO", "罗马尼亚", "Romania"),
    ("RS", "塞尔维亚", "Serbia"),
)

# "agreements on the development of sister city relations with certain regions of Serbia and Sweden
# were signed last year" (the article is of 2020).
AGREEMENTS_2019 = (
    ("RS", "塞尔维亚", "Serbia"),
    ("SE", "瑞典", "Sweden"),
)


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


def _partnership(home, partner, *, history, **fields) -> Partnership:
    """A partnership and its dated status history: `history` is [(status, date, note), ...], oldest first."""
    status, since, _ = history[-1]
    ps = Partnership.create(
        home_locality=home, partner=partner, status=status, status_since=since, updated_by=UPDATED_BY, **fields
    )
    for st, on, note in history:
        PartnershipStatusChange.create(partnership=ps, status=st, changed_on=on, note=note, updated_by=UPDATED_BY)
    return ps


def write_article() -> None:
    """Write the article's facts (and the illustrative detail around them) into the bound database."""
    # ---- Home localities ---------------------------------------------------------------------------------
    hainan = _home(
        "海南省",
        "Hainan Province",
        "province",
        0,
        "The article (TASS, 6 May 2020) counts 64 foreign partner cities of Hainan, with friendly "
        "interregional contacts on all five continents; the demo holds those it names.",
    )
    haikou = _home("海口市", "Haikou", "city", 1, "Administrative centre of Hainan (the article).")
    sanya = _home("三亚市", "Sanya", "city", 2, "")

    # ---- Named partners ----------------------------------------------------------------------------------
    hyogo = _partner(
        name_zh="兵库县",
        name_en="Hyogo Prefecture",
        name_native="兵庫県",
        kind="prefecture",
        country="JP",
        profile="Japan's Hyogo Prefecture, Hainan's oldest partner (the article). Kobe is its capital.",
        notes="The article: Hyogo delivered more than 100,000 masks to Hainan during the COVID-19 pandemic.",
    )
    _partnership(
        hainan,
        hyogo,
        tier="sister",
        established_year=1990,
        notes="The article calls Hyogo Prefecture Hainan's oldest partner. The year 1990 is from public "
        "records, not from the article.",
        history=[("active", date(1990, 1, 1), "Year 1990 from public records, not from the article. " + YEAR_ONLY)],
    )

    jeju = _partner(
        name_zh="济州特别自治道",
        name_en="Jeju Special Self-Governing Province",
        name_native="제주특별자치도",
        kind="province",
        country="KR",
        profile="South Korean island resort province (the article).",
        notes="The article: Hainan has been cooperating with Jeju since 1995; its governor took part in the "
        "Boao Forum for Asia.",
    )
    _partnership(
        hainan,
        jeju,
        tier="sister",
        established_year=1995,
        notes="The article: since 1995 Hainan has been cooperating with the South Korean island resort "
        "province of Jeju. The article does not name the tier (sister province per public records).",
        history=[("active", date(1995, 1, 1), "Since 1995 (the article). " + YEAR_ONLY)],
    )

    vladimir = _partner(
        name_zh="弗拉基米尔",
        name_en="Vladimir",
        name_native="Владимир",
        kind="city",
        country="RU",
        notes="The article: sister city of Hainan's administrative centre, Haikou.",
    )
    _partnership(
        haikou,
        vladimir,
        tier="sister",
        established_year=ARTICLE_DATE.year,
        notes="The article: Vladimir is the sister city of Haikou. It does not give the year. " + YEAR_OF_ARTICLE,
        history=[("active", ARTICLE_DATE, AS_OF_ARTICLE)],
    )

    moscow_oblast = _partner(
        name_zh="莫斯科州",
        name_en="Moscow Oblast",
        name_native="Московская область",
        kind="region",
        country="RU",
        notes="Parent region of Krasnogorsk (the article: 'Krasnogorsk in the Moscow Region'). The article "
        "names no relation with the region itself.",
    )
    sanya_note = (
        "The article: maintains close ties with Sanya. It gives neither the tier nor the year; friendly "
        "exchange is the demo's reading of 'close ties'."
    )
    sanya_partners = []
    for zh, en, native, parent, extra in (
        ("雅尔塔", "Yalta", "Ялта", None, "The article lists it among the Russian cities."),
        ("哈巴罗夫斯克", "Khabarovsk", "Хабаровск", None, "The article lists it among the Russian cities."),
        ("克拉斯诺戈尔斯克", "Krasnogorsk", "Красногорск", moscow_oblast, "The article: Krasnogorsk in the Moscow Region."),
    ):
        p = _partner(
            name_zh=zh,
            name_en=en,
            name_native=native,
            kind="city",
            country="RU",
            parent=parent,
            notes=f"{extra} Maintains close ties with Sanya (the article).",
        )
        _partnership(
            sanya,
            p,
            tier="friendly_exchange",
            established_year=ARTICLE_DATE.year,
            notes=f"{sanya_note} {YEAR_OF_ARTICLE}",
            history=[("active", ARTICLE_DATE, AS_OF_ARTICLE)],
        )
        sanya_partners.append(p)

    # ---- Relations being promoted (no city named) --------------------------------------------------------
    for code, zh, en in PROMOTED:
        p = _partner(
            name_zh=f"{zh}待定友好城市",
            name_en=f"Prospective partner city in {en} (to be identified)",
            kind="city",
            country=code,
            notes=f"Placeholder: the article names no city in {en}.",
        )
        _partnership(
            hainan,
            p,
            tier="sister",
            notes=f"The article: the Hainan authorities, with the assistance of the Chinese diplomatic "
            f"missions, are working on promoting sister-city relations with cities of {en}.",
            history=[("negotiating", ARTICLE_DATE, AS_OF_ARTICLE)],
        )

    for group, tail in ((FTZ_ASIA, "Asian countries"), (FTZ_EAST_EUROPE, "a number of Eastern European states")):
        for code, zh, en in group:
            country = en.removeprefix("the ")
            p = _partner(
                name_zh=f"{zh}待定伙伴城市",
                name_en=f"Prospective partner city in {country} (to be identified)",
                kind="city",
                country=code,
                notes=f"Placeholder: the article names no city in {en}.",
            )
            _partnership(
                hainan,
                p,
                tier="sister",
                notes=f"The article: since 2018, when the Chinese leadership announced the creation of an "
                f"experimental free trade zone on the island, intensive work has been underway to boost "
                f"contacts with {tail}, among them {en}. Tier illustrative: the article names none.",
                history=[("prospect", date(2018, 1, 1), "Since 2018 (the article). " + YEAR_ONLY)],
            )

    for code, zh, en in AGREEMENTS_2019:
        p = _partner(
            name_zh=f"{zh}某地区（文章未具名）",
            name_en=f"Region of {en} (not named in the article)",
            kind="region",
            country=code,
            notes=f"Placeholder: the article speaks of 'certain regions of Serbia and Sweden'; it names none "
            f"in {en}.",
        )
        _partnership(
            hainan,
            p,
            tier="intent",
            established_year=2019,
            agreement_title="Agreement on the development of sister-city relations",
            notes="The article (6 May 2020): agreements on the development of sister-city relations with "
            "certain regions of Serbia and Sweden were signed last year, i.e. 2019. Signing date not given.",
            history=[("active", date(2019, 1, 1), "Signed in 2019 ('last year' in the article). " + YEAR_ONLY)],
        )

    # ---- Boao Forum for Asia -----------------------------------------------------------------------------
    boao = (
        "The article: with the help of the Boao Forum for Asia, held annually on the east coast of the "
        "island, events promoting relations between sister cities were organized."
    )
    for title, held_on in (
        ("Island Tourism Strategy forum", date(2019, 3, 27)),
        ("China–ASEAN dialogue of mayors and governors", date(2019, 3, 27)),
        ("China and Cambodia: A Way Full of Hope", date(2019, 3, 28)),
    ):
        Activity.create(
            partner=None,
            kind="forum",
            title=title,
            held_on=held_on,
            place=BOAO_PLACE,
            outcome="Helps promote pragmatic cooperation, strengthen diplomatic contacts and enhance the "
            "openness of the region (Wang Sheng, in the article).",
            notes=f"{boao} {DATE_ILLUSTRATIVE}",
            updated_by=UPDATED_BY,
        )
    Activity.create(
        partner=jeju,
        kind="forum",
        title="Governor of Jeju takes part in the Boao Forum for Asia",
        held_on=date(2019, 3, 26),
        place=BOAO_PLACE,
        participants="Governor of Jeju Special Self-Governing Province",
        notes=f"The article: Jeju's governor participated in the forum. {DATE_ILLUSTRATIVE}",
        updated_by=UPDATED_BY,
    )

    # ---- Aid both ways -----------------------------------------------------------------------------------
    def shipment(items, **fields):
        s = Shipment.create(home_locality=hainan, updated_by=UPDATED_BY, **fields)
        for item in items:
            ShipmentItem.create(shipment=s, updated_by=UPDATED_BY, **item)
        return s

    shipment(
        [dict(description="Masks", category="ppe", quantity=100000, unit="pieces",
              notes="The article says more than 100,000.")],
        direction="incoming",
        partner=hyogo,
        title="Masks from Hyogo Prefecture",
        occasion=COVID,
        kind="goods",
        status="delivered",
        delivered_on=date(2020, 2, 14),
        notes="The article: Hainan's oldest partner, Japan's Hyogo Prefecture, delivered more than 100,000 "
        f"masks to the island. {DATE_ILLUSTRATIVE} (2020, before the article)",
    )
    shipment(
        [dict(description="Masks", category="ppe", notes="Quantity not given in the article.")],
        direction="outgoing",
        partner=None,
        counterparty="Japan",
        title="Masks for Japan",
        occasion=COVID,
        kind="goods",
        status="delivered",
        delivered_on=date(2020, 4, 10),
        notes="The article: subsequently the province took similar steps to help Japan (after Hyogo's "
        f"masks). The recipient in Japan is not named. {DATE_ILLUSTRATIVE}",
    )
    shipment(
        [dict(description="Humanitarian aid", category="other", notes="Contents not given in the article.")],
        direction="outgoing",
        partner=None,
        counterparty="Japan",
        title="Humanitarian aid to Japan after Typhoon Jebi",
        occasion=JEBI,
        kind="goods",
        status="delivered",
        delivered_on=date(2018, 9, 20),
        notes="The article: Hainan delivered humanitarian aid to Japan in 2018 following the typhoon "
        "'Chebi' (Jebi), which caused significant damage to certain regions of the country. Kind assumed "
        f"(goods). {DATE_ILLUSTRATIVE} (2018)",
    )
    shipment(
        [dict(description="Humanitarian aid", category="other", notes="Contents not given in the article.")],
        direction="outgoing",
        partner=hyogo,
        title="Aid after the Kobe earthquake",
        occasion=KOBE,
        kind="goods",
        status="delivered",
        delivered_on=date(1995, 2, 1),
        notes="The article: Hainan delivered aid to Japan after the devastating earthquake in Kobe in 1995; "
        f"Kobe is in Hyogo Prefecture. Kind assumed (goods). {DATE_ILLUSTRATIVE} (1995)",
    )
    shipment(
        [dict(description="Financial support", category="funds", notes="Amount not given in the article.")],
        direction="incoming",
        partner=None,
        counterparty="More than 20 foreign sister cities",
        title="Financial support from foreign sister cities",
        occasion=COVID,
        kind="funds",
        status="delivered",
        delivered_on=date(2020, 2, 20),
        notes="The article: during the most intense struggle against the novel coronavirus outbreak, Hainan "
        f"received financial support from more than 20 foreign sister cities. {DATE_ILLUSTRATIVE} (2020)",
    )
    villages = "29 villages abroad with which Hainan maintains partnerships"
    shipment(
        [
            dict(description="Medical masks", category="ppe", notes="Quantity not given in the article."),
            dict(description="Protective suits", category="ppe", notes="Quantity not given in the article."),
            dict(description="Sanitizers", category="disinfectant", notes="Quantity not given in the article."),
        ],
        direction="outgoing",
        partner=None,
        counterparty=villages,
        recipients=villages,
        title="Medical masks, protective suits and sanitizers for 29 villages abroad",
        occasion=COVID,
        kind="goods",
        status="delivered",
        delivered_on=date(2020, 4, 20),
        notes="The article: after the province coped with the epidemic, it sent medical masks, protective "
        "suits and sanitizers to 29 villages in other countries with which the region constantly maintains "
        f"partnerships. The villages are recipients, not partner cities. {DATE_ILLUSTRATIVE} (2020)",
    )

    # ---- Contacts (illustrative) -------------------------------------------------------------------------
    for partner, fields in (
        (hyogo, dict(honorific="様", family_name="山田", given_name="花子", family_name_first=True,
                     title="国際交流課 課長", organization="兵庫県庁", languages="ja, en",
                     email="hanako.yamada@example.org")),
        (jeju, dict(honorific="님", family_name="김", given_name="민준", family_name_first=True,
                    title="국제협력과 과장", organization="제주특별자치도청", languages="ko, zh, en",
                    email="minjun.kim@example.org")),
        (vladimir, dict(honorific="г-жа", family_name="Смирнова", given_name="Анна", family_name_first=False,
                        title="Начальник отдела международных связей", organization="Администрация г. Владимира",
                        languages="ru, en", email="a.smirnova@example.org")),
        (jeju, dict(honorific="", family_name="陈", given_name="美玲", family_name_first=True,
                    title="Chinese-language liaison officer", organization="Jeju Provincial Government",
                    languages="zh, ko", email="meiling.chen@example.org")),
    ):
        Contact.create(partner=partner, notes=ILLUSTRATIVE + " A fictitious person.", updated_by=UPDATED_BY, **fields)

    # ---- The planned leadership visit (the article) with illustrative detail -----------------------------
    planned = Visit.create(
        direction="outbound",
        title="Provincial leadership visit to sister cities",
        purpose="The article (Wang Sheng): in accordance with the development program, the Hainan "
        "leadership plans to visit the sister cities of the respective countries, hold meetings with local "
        "authorities, promote dialogue with key representatives of business circles, share experience and "
        "make joint efforts to boost interregional cooperation.",
        status="proposed",
        start_on=date(2020, 11, 9),
        end_on=date(2020, 11, 13),
        home_locality=hainan,
        leader="Hainan provincial leadership (to be named)",
        notes="The plan is from the article. " + ILLUSTRATIVE + " Dates, destinations, delegation, itinerary "
        "and gift are illustrative.",
        updated_by=UPDATED_BY,
    )
    for p in (hyogo, jeju):
        VisitPartner.create(visit=planned, partner=p, updated_by=UPDATED_BY)
    for precedence, name, title, org, role in (
        (1, "Provincial leader (to be named)", "", "Hainan Provincial Government", "Head of delegation"),
        (2, "Wang Sheng", "Head of the International Relations Department",
         "CPC Hainan Provincial Committee", "Deputy head"),
        (3, "Business representative (to be named)", "", "Hainan enterprises", "Business dialogue"),
        (4, "Interpreter (to be named)", "Japanese and Korean interpreter", "Hainan Foreign Affairs Office",
         "Interpreter"),
    ):
        Delegate.create(visit=planned, name=name, title=title, organization=org, role=role, precedence=precedence,
                        notes=ILLUSTRATIVE, updated_by=UPDATED_BY)
    for day, start, end, place, activity, counterpart in (
        (date(2020, 11, 9), time(10), time(12), "Kobe, Hyogo Prefectural Government",
         "Meeting with the prefectural authorities", "Governor of Hyogo Prefecture"),
        (date(2020, 11, 10), time(14), time(17), "Kobe", "Dialogue with business representatives",
         "Hyogo business associations"),
        (date(2020, 11, 12), time(10), time(12), "Jeju City, Jeju Provincial Government",
         "Meeting with the provincial authorities", "Governor of Jeju Special Self-Governing Province"),
    ):
        ItineraryItem.create(visit=planned, day=day, start_time=start, end_time=end, place=place, activity=activity,
                             counterpart=counterpart, notes=ILLUSTRATIVE, updated_by=UPDATED_BY)
    Gift.create(visit=planned, direction="given", description="Li brocade (黎锦) wall hanging", value=3000,
                currency="CNY", giver="Hainan provincial delegation", recipient="Governor of Hyogo Prefecture",
                notes=ILLUSTRATIVE, updated_by=UPDATED_BY)

    # ---- A completed inbound visit (wholly illustrative) -------------------------------------------------
    inbound = Visit.create(
        direction="inbound",
        title="Jeju delegation at the Boao Forum for Asia",
        purpose="Take part in the Boao Forum for Asia and meet the provincial authorities.",
        status="completed",
        start_on=date(2019, 3, 25),
        end_on=date(2019, 3, 28),
        home_locality=hainan,
        leader="Governor of Jeju Special Self-Governing Province",
        budget=80000,
        outcomes="Agreed to continue tourism and island-economy exchanges.",
        follow_ups="Exchange of tourism statistics; next meeting at the following forum.",
        notes="The article says Jeju's governor took part in the forum. " + ILLUSTRATIVE + " Dates, "
        "delegation, itinerary, budget, outcomes and gifts are illustrative.",
        updated_by=UPDATED_BY,
    )
    VisitPartner.create(visit=inbound, partner=jeju, updated_by=UPDATED_BY)
    for precedence, name, title, role, counterpart in (
        (1, "Governor of Jeju (name not given in the article)", "Governor", "Head of delegation",
         "Governor of Hainan Province"),
        (2, "김민준", "국제협력과 과장", "Liaison", "Hainan Foreign Affairs Office"),
        (3, "陈美玲", "Chinese-language liaison officer", "Interpreter", ""),
    ):
        Delegate.create(visit=inbound, name=name, title=title, organization="Jeju Provincial Government", role=role,
                        precedence=precedence, counterpart=counterpart, notes=ILLUSTRATIVE, updated_by=UPDATED_BY)
    for day, start, end, place, activity, counterpart in (
        (date(2019, 3, 25), time(15), time(16, 30), "Haikou, Hainan Provincial Government",
         "Courtesy call on the provincial authorities", "Governor of Hainan Province"),
        (date(2019, 3, 26), time(9), time(12), BOAO_PLACE, "Boao Forum for Asia: opening sessions", ""),
        (date(2019, 3, 27), time(14), time(16), "Sanya", "Visit to island tourism projects", "Sanya municipal government"),
    ):
        ItineraryItem.create(visit=inbound, day=day, start_time=start, end_time=end, place=place, activity=activity,
                             counterpart=counterpart, notes=ILLUSTRATIVE, updated_by=UPDATED_BY)
    Gift.create(visit=inbound, direction="received", description="Jeju volcanic stone carving (dol hareubang)",
                value=None, currency="KRW", giver="Governor of Jeju", recipient="Governor of Hainan Province",
                notes=ILLUSTRATIVE, updated_by=UPDATED_BY)
    Gift.create(visit=inbound, direction="given", description="Hainan coconut carving", value=1200,
                currency="CNY", giver="Hainan Province", recipient="Governor of Jeju",
                notes=ILLUSTRATIVE, updated_by=UPDATED_BY)
