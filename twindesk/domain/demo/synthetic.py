"""`--scale N`: N synthetic records per list for load tests, written fast.

Rows are built as plain tuples from one `random.Random(seed)` (same seed, same rows) and inserted with
`executemany` on the raw connection peewee uses (store/dialect.py), inside the caller's `database.atomic()`.
Ids are assigned here (from the current maximum id + 1), so children reference their parents without
round-trips. Every NOT NULL column is filled, `search_text` as `models.search_key` would fill it. Every
row carries the `illustrative` tag: none of it is from the article.

Per N: N partners (each with one partnership, its 1–4 status changes and one contact), N activities,
N visits (1–2 partners, 1–4 delegates, 1–3 itinerary items, 0–1 gift each) and N shipments (1–3 items
each). Titles, purposes, outcomes, itinerary entries, gifts and goods are Chinese first, English second,
as the article's records are. Names come in Chinese, Latin, Cyrillic, Korean, Japanese, Greek, Arabic and
Thai script; countries are real ISO 3166-1 codes; dates lie in 2015–2027 with statuses that fit them (a
visit that ended before `today` is completed, cancelled or postponed; a future one is not completed).
"""

from collections.abc import Iterator
from datetime import date, timedelta
from random import Random

from twindesk.domain.demo.article import both, text
from twindesk.domain.demo.word_pools import (
    ACTIVITY_KINDS,
    ACTIVITY_TITLES,
    AGREEMENTS,
    CONTACT_TITLES,
    COUNTERPARTIES,
    COUNTRY_POOL,
    FOLLOW_UPS,
    FUND_CURRENCIES,
    FUNDS,
    GIFTS_GIVEN,
    GIFTS_RECEIVED,
    GOODS,
    ITINERARY,
    LIFE,
    LIFE_WEIGHTED,
    OCCASIONS,
    OUR_TITLES,
    OUTCOMES,
    PEOPLE,
    PLACES_HOME,
    PURPOSES,
    ROLES,
    SCRIPTS,
    THEIR_TITLES,
    TIERS,
    TIMES,
    TRANSPORT,
    ZH_FAMILY,
    ZH_GIVEN,
)
from twindesk.store import dialect
from twindesk.store.models import HomeLocality, database, now, pinyin_key, search_key

NOTE = "压力测试用的合成记录。\nSynthetic record for load tests"
UPDATED_BY = "demo"
CHUNK = 10_000  # parents per batch: bounds memory, keeps executemany batches large

# Columns written, per table, parents before children: the head every row shares, then its own.
HEAD = ("id", "created_at", "updated_at", "updated_by", "illustrative")
COLUMNS: dict[str, tuple[str, ...]] = {
    "partner": (*HEAD, "name_zh", "name_en", "name_native", "kind", "country", "parent_id", "population", "area_km2",
                "website", "latitude", "longitude", "profile", "notes", "search_text", "sort_zh"),
    "partnership": (*HEAD, "home_locality_id", "partner_id", "tier", "status", "status_since", "signed_on",
                    "established_year", "notes"),
    "agreement": (*HEAD, "partnership_id", "kind", "title", "signed_on", "signed_place", "signatories_home",
                  "signatories_partner", "term_years", "expires_on", "notes"),
    "partnership_status_change": (*HEAD, "partnership_id", "status", "changed_on", "note"),
    "contact": (*HEAD, "partner_id", "honorific", "family_name", "given_name", "family_name_first", "title",
                "organization", "languages", "email", "phone", "notes", "search_text"),
    "activity": (*HEAD, "partner_id", "kind", "title", "held_on", "place", "participants", "outcome", "follow_up_on",
                 "notes", "search_text"),
    "visit": (*HEAD, "direction", "title", "purpose", "status", "start_on", "end_on", "home_locality_id", "leader",
              "budget", "budget_currency", "outcomes", "follow_ups", "notes", "search_text"),
    "visit_partner": (*HEAD, "visit_id", "partner_id"),
    "delegate": (*HEAD, "visit_id", "name", "title", "organization", "role", "precedence", "counterpart", "notes",
                 "search_text"),
    "itinerary_item": (*HEAD, "visit_id", "day", "start_time", "end_time", "place", "activity", "counterpart",
                       "notes"),
    "gift": (*HEAD, "visit_id", "direction", "description", "value", "currency", "giver", "recipient", "notes"),
    "shipment": (*HEAD, "direction", "partner_id", "counterparty", "title", "occasion", "kind", "status",
                 "planned_on", "dispatched_on", "expected_on", "delivered_on", "transport_mode", "carrier",
                 "tracking_ref", "recipients", "home_locality_id", "notes", "search_text"),
    "shipment_item": (*HEAD, "shipment_id", "description", "category", "quantity", "unit", "value", "currency",
                      "notes", "search_text"),
}
TABLES = tuple(COLUMNS)



def _wrap_longitude(lon: float) -> float:
    """Jitter near the date line (Fiji, Kamchatka) must stay a real longitude: -180 … 180."""
    return (lon + 180.0) % 360.0 - 180.0

def insert_sql(table: str, cols: tuple[str, ...]) -> str:
    names = ", ".join('"' + c + '"' for c in cols)
    marks = ", ".join("?" * len(cols))
    return f'INSERT INTO "{table}" ({names}) VALUES ({marks})'


INSERT_SQL = {t: insert_sql(t, cols) for t, cols in COLUMNS.items()}

# The word pools as the records hold them: Chinese first, English second, as the article's records are
# (`article.both` for a line, `article.text` for a paragraph). Formatted once, not per row.
PURPOSE_TEXTS = [text(zh, en) for zh, en in PURPOSES]
OUTCOME_TEXTS = [text(zh, en) for zh, en in OUTCOMES]
FOLLOW_UP_TEXTS = [text(zh, en) for zh, en in FOLLOW_UPS]
ITINERARY_LINES = [both(zh, en) for zh, en in ITINERARY]
GIFTS_GIVEN_LINES = [both(zh, en) for zh, en in GIFTS_GIVEN]
GIFTS_RECEIVED_LINES = [both(zh, en) for zh, en in GIFTS_RECEIVED]
GOODS_LINES = [(both(*name), *rest) for name, *rest in GOODS]
FUNDS_LINE = both(*FUNDS)

FIRST_DAY = date(2015, 1, 1)
LAST_DAY = date(2027, 12, 31)
DAYS = [(FIRST_DAY + timedelta(d)).isoformat() for d in range((LAST_DAY - FIRST_DAY).days + 1)]

def first_ids() -> dict[str, int]:
    """Next free id per table."""
    return {t: dialect.execute(f'SELECT coalesce(max(id), 0) + 1 FROM "{t}"').fetchone()[0] for t in TABLES}


def iter_rows(
    n: int,
    seed: int,
    *,
    start: dict[str, int],
    home_ids: list[int],
    stamp: str,
    today: date,
    chunk: int = CHUNK,
) -> Iterator[dict[str, list[tuple]]]:
    """The synthetic rows, batch by batch: {table: [row tuple in COLUMNS order, ...]}.

    Deterministic for given arguments. `start` holds the first id per table, `home_ids` the home
    localities that partnerships, visits and shipments may name (at least one).
    """
    if not home_ids:
        raise ValueError("synthetic data needs at least one home locality")
    rng = Random(seed)
    r = rng.random
    nd = len(DAYS)
    t_idx = min(max((today - FIRST_DAY).days, 400), nd - 1)
    days = DAYS
    by, note = UPDATED_BY, NOTE
    head = (stamp, stamp, by, True)  # created_at, updated_at, updated_by, illustrative
    nh = len(home_ids)
    ncp = len(COUNTRY_POOL)
    scripts = {k: (v["pre"], v["suf"], v["sep"], v["kinds"]) for k, v in SCRIPTS.items()}
    goods_keys = [search_key(goods[0]) for goods in GOODS_LINES]  # an item's search text is its description's
    funds_key = search_key(FUNDS_LINE)

    ids = dict(start)
    first_partner = start["partner"]
    # What later rows need to know about each synthetic partner, by index from first_partner.
    p_en: list[str] = []
    p_zh: list[str] = []
    p_people: list[tuple] = []
    p_lang: list[str] = []

    def person(people):
        fam, giv, fam_first, hon = people
        f = fam[int(r() * len(fam))]
        g = giv[int(r() * len(giv))]
        fn = f[0]
        if g[2] == "f" and fam is PEOPLE["cyr"][0]:
            fn += "а"
        full = f"{fn}{'' if fam is PEOPLE['ja'][0] or fam is PEOPLE['ko'][0] else ' '}{g[0]}" if fam_first \
            else f"{g[0]} {fn}"
        return fn, g[0], fam_first, hon[g[2]], full, f"{g[1]}.{f[1]}"

    def zh_person():
        return ZH_FAMILY[int(r() * 14)] + ZH_GIVEN[int(r() * 14)]

    for lo in range(0, n, chunk):
        hi = min(n, lo + chunk)
        partner, partnership, agreement, changes, contact = [], [], [], [], []
        activity, visit, visit_partner, delegate, itinerary, gift = [], [], [], [], [], []
        shipment, shipment_item = [], []

        # ---- partners, their partnerships, status histories and contacts ----
        for _ in range(lo, hi):
            pid = ids["partner"]
            ids["partner"] = pid + 1
            code, script, _w, lat, lon, lang = COUNTRY_POOL[int(r() * ncp)]
            pre, suf, sep, kinds = scripts[script]
            a = pre[int(r() * len(pre))]
            b = suf[int(r() * len(suf))]
            kind, fmt_n, fmt_e, fmt_z = kinds[int(r() * len(kinds))]
            base_latin = a[1] + sep[1] + b[1]
            name_native = fmt_n.format(a[0] + sep[0] + b[0])
            name_en = fmt_e.format(base_latin)
            name_zh = fmt_z.format(a[2] + b[2])
            x = r()
            if kind == "village":
                pop = 200 + int(x * 4800)
                area = round(2 + x * 40, 1)
            elif kind in ("city", "other"):
                pop = 20_000 + int(x * x * 5_000_000)
                area = round(30 + x * 3000, 1)
            else:
                pop = 150_000 + int(x * 9_000_000)
                area = round(800 + x * 40_000, 1)
            website = f"https://www.{base_latin.lower()}.example.org" if x < 0.6 and script == "latin" else ""
            partner.append((
                pid, *head, name_zh, name_en, name_native, kind, code, None, pop, area, website,
                round(lat + (r() - 0.5) * 6, 4), round(_wrap_longitude(lon + (r() - 0.5) * 6), 4), "", note,
                search_key(name_zh, name_en, name_native), pinyin_key(name_zh),
            ))
            p_en.append(name_en)
            p_zh.append(name_zh)
            people = PEOPLE.get(code) or PEOPLE[script]
            p_people.append(people)
            p_lang.append(lang)

            # partnership with its history, oldest first
            cur = LIFE_WEIGHTED[int(r() * 100)]
            steps = 1 + int(r() * min(4, cur + 1))
            d = int(r() * max(1, t_idx - 1200))
            hist = []
            for k in range(cur - steps + 1, cur + 1):
                hist.append((LIFE[k], d))
                d = min(d + 60 + int(r() * 500), t_idx)
            psid = ids["partnership"]
            ids["partnership"] = psid + 1
            for st, di in hist:
                cid = ids["partnership_status_change"]
                ids["partnership_status_change"] = cid + 1
                changes.append((cid, *head, psid, st, days[di], note))
            status, since = hist[-1]
            tier = TIERS[int(r() * 10)]
            signed = next((di for st, di in hist if st == "active"), None)
            if signed is None and cur >= 3:
                signed = max(0, hist[0][1] - 200 - int(r() * 900))
            if signed is not None:
                signed_on = days[signed]
                year = int(signed_on[:4])
                place = "Haikou" if r() < 0.5 else name_en
                home_side, partner_side = zh_person(), person(people)[4]
                review = days[signed + 1826] if status == "active" and signed + 1826 < nd else None
                agid = ids["agreement"]
                ids["agreement"] = agid + 1
                agreement.append((agid, *head, psid, "intent" if tier == "intent" else "friendship", AGREEMENTS[tier],
                                  signed_on, place, home_side, partner_side, None, review, note))
            else:
                signed_on = year = None
            partnership.append((
                psid, *head, home_ids[int(r() * nh)], pid, tier, status, days[since], signed_on, year, note,
            ))

            fam, giv, fam_first, hon, _full, mail = person(people)
            title = CONTACT_TITLES[int(r() * len(CONTACT_TITLES))]
            org = f"{name_en} government"
            cid = ids["contact"]
            ids["contact"] = cid + 1
            contact.append((
                cid, *head, pid, hon, fam, giv, fam_first, title, org, f"{lang}, en", f"{mail}@example.org", "",
                note, search_key(fam, giv, org, title),
            ))

        known = hi  # partners written so far (this batch included)

        # ---- activities ----
        for _ in range(lo, hi):
            j = int(r() * known)
            kind = ACTIVITY_KINDS[int(r() * 20)]
            title = ACTIVITY_TITLES[kind].format(zh=p_zh[j], en=p_en[j])
            held = int(r() * nd)
            place = PLACES_HOME[int(r() * 6)] if kind in ("meeting", "forum", "other") else ""
            participants = f"{zh_person()}, {zh_person()}"
            follow = days[min(held + 7 + int(r() * 80), nd - 1)] if r() < 0.5 else None
            aid = ids["activity"]
            ids["activity"] = aid + 1
            activity.append((
                aid, *head, first_partner + j, kind, title, days[held], place, participants,
                OUTCOME_TEXTS[int(r() * 6)] if held <= t_idx else "", follow, note,
                search_key(title, place, participants),
            ))

        # ---- visits and their children ----
        for _ in range(lo, hi):
            vid = ids["visit"]
            ids["visit"] = vid + 1
            j = int(r() * known)
            outbound = r() < 0.6
            people = p_people[j]
            s = int(r() * (nd - 10))
            length = 1 + int(r() * 8)
            e = s + length - 1
            x = r()
            if e < t_idx:
                status = "completed" if x < 0.85 else ("cancelled" if x < 0.95 else "postponed")
            elif s > t_idx:
                status = ("proposed" if x < 0.35 else "approved" if x < 0.6 else "confirmed" if x < 0.8
                          else "postponed" if x < 0.9 else "cancelled")
            else:
                status = "confirmed"
            purpose = PURPOSE_TEXTS[int(r() * 9)]
            if outbound:
                title = f"赴{p_zh[j]}代表团 / Delegation to {p_en[j]}"
                leader = zh_person()
                budget = 50_000 + int(r() * 7500) * 100
            else:
                title = f"{p_zh[j]}代表团访问海南 / {p_en[j]} delegation to Hainan"
                leader = person(people)[4]
                budget = 10_000 + int(r() * 1000) * 100 if r() < 0.5 else None
            done = status == "completed"
            visit.append((
                vid, *head, "outbound" if outbound else "inbound", title, purpose, status, days[s], days[e],
                home_ids[int(r() * nh)], leader, budget, "CNY", OUTCOME_TEXTS[int(r() * 6)] if done else "",
                FOLLOW_UP_TEXTS[int(r() * 5)] if done else "", note, search_key(title, leader, purpose),
            ))
            vpid = ids["visit_partner"]
            ids["visit_partner"] = vpid + 1
            visit_partner.append((vpid, *head, vid, first_partner + j))
            if r() < 0.3:
                j2 = int(r() * known)
                if j2 != j:
                    vpid = ids["visit_partner"]
                    ids["visit_partner"] = vpid + 1
                    visit_partner.append((vpid, *head, vid, first_partner + j2))
            for prec in range(1, 2 + int(r() * 4)):
                did = ids["delegate"]
                ids["delegate"] = did + 1
                role = "Head of delegation" if prec == 1 else ROLES[int(r() * 6)]
                if outbound:
                    name = leader if prec == 1 else zh_person()
                    t, org = OUR_TITLES[int(r() * 10)]
                    counterpart = THEIR_TITLES[int(r() * 8)]
                else:
                    name = leader if prec == 1 else person(people)[4]
                    t = THEIR_TITLES[int(r() * 8)]
                    org = f"{p_en[j]} government"
                    counterpart = OUR_TITLES[int(r() * 10)][0]
                delegate.append((did, *head, vid, name, t, org, role, prec, counterpart, note, search_key(name)))
            for _k in range(1 + int(r() * 3)):
                iid = ids["itinerary_item"]
                ids["itinerary_item"] = iid + 1
                st, et = TIMES[int(r() * 8)]
                itinerary.append((
                    iid, *head, vid, days[s + int(r() * length)], st, et,
                    p_en[j] if outbound else PLACES_HOME[int(r() * 6)], ITINERARY_LINES[int(r() * 11)],
                    THEIR_TITLES[int(r() * 8)] if outbound else "", note,
                ))
            if r() < 0.5:
                gid = ids["gift"]
                ids["gift"] = gid + 1
                if r() < 0.7:
                    gift.append((gid, *head, vid, "given", GIFTS_GIVEN_LINES[int(r() * 8)], 200 + int(r() * 198) * 100,
                                 "CNY", "Hainan delegation" if outbound else "Hainan Province", p_en[j], note))
                else:
                    gift.append((gid, *head, vid, "received", GIFTS_RECEIVED_LINES[int(r() * 7)], None, "CNY", p_en[j],
                                 "Hainan delegation" if outbound else "Hainan Province", note))

        # ---- shipments and their items ----
        for _ in range(lo, hi):
            sid = ids["shipment"]
            ids["shipment"] = sid + 1
            outgoing = r() < 0.6
            funds = r() < 0.15
            occasion_zh, occasion_en = OCCASIONS[int(r() * 8)]
            if r() < 0.8:
                j = int(r() * known)
                partner_id = first_partner + j
                counterparty = ""
                other_zh, other_en = p_zh[j], p_en[j]
            else:
                partner_id = None
                other_zh, other_en = COUNTERPARTIES[int(r() * 4)]
                counterparty = f"{other_zh} / {other_en}"
            occasion = f"{occasion_zh} / {occasion_en}"
            if outgoing:
                title = f"{occasion_zh}：援助{other_zh} / {occasion_en}: aid to {other_en}"
            else:
                title = f"{occasion_zh}：来自{other_zh}的援助 / {occasion_en}: aid from {other_en}"
            planned = int(r() * (nd - 80))
            dispatched = planned + int(r() * 20)
            expected = dispatched + 2 + int(r() * 30)
            delivered = expected + int(r() * 10) - 3
            if delivered < dispatched:
                delivered = dispatched
            x = r()
            if x < 0.04:
                status, dispatched_on, delivered_on = "cancelled", None, None
            elif delivered <= t_idx:
                status, dispatched_on, delivered_on = "delivered", days[dispatched], days[delivered]
            elif dispatched <= t_idx:
                status, dispatched_on, delivered_on = ("in_transit" if x < 0.7 else "dispatched"), days[dispatched], None
            else:
                status, dispatched_on, delivered_on = "planned", None, None
            if funds:
                mode, carrier = "bank transfer", ""
            else:
                mode, carrier = TRANSPORT[int(r() * 7)]
            tracking = f"HN{sid:09d}" if dispatched_on and not funds else ""
            recipients = f"{2 + int(r() * 40)} villages" if partner_id is None and r() < 0.5 else ""
            shipment.append((
                sid, *head, "outgoing" if outgoing else "incoming", partner_id, counterparty, title, occasion,
                "funds" if funds else "goods", status, days[planned], dispatched_on, days[expected], delivered_on,
                mode, carrier, tracking, recipients, home_ids[int(r() * nh)], note,
                search_key(title, occasion, counterparty, tracking, carrier, recipients),
            ))
            if funds:
                iid = ids["shipment_item"]
                ids["shipment_item"] = iid + 1
                shipment_item.append((iid, *head, sid, FUNDS_LINE, "funds", None, "",
                                      10_000 + int(r() * 2000) * 500, FUND_CURRENCIES[int(r() * 5)], note,
                                      funds_key))
            else:
                for _k in range(1 + int(r() * 3)):
                    iid = ids["shipment_item"]
                    ids["shipment_item"] = iid + 1
                    k = int(r() * 14)
                    desc, cat, unit, qlo, qhi, price = GOODS_LINES[k]
                    qty = qlo + int(r() * (qhi - qlo))
                    shipment_item.append((iid, *head, sid, desc, cat, qty, unit, round(qty * price, 2), "CNY", note,
                                          goods_keys[k]))

        yield {
            "partner": partner,
            "partnership": partnership,
            "agreement": agreement,
            "partnership_status_change": changes,
            "contact": contact,
            "activity": activity,
            "visit": visit,
            "visit_partner": visit_partner,
            "delegate": delegate,
            "itinerary_item": itinerary,
            "gift": gift,
            "shipment": shipment,
            "shipment_item": shipment_item,
        }


def insert_rows(rows: dict[str, list[tuple]]) -> None:
    """executemany, parents first, on the raw connection (the caller holds the transaction)."""
    for table in TABLES:
        batch = rows.get(table)
        if batch:
            dialect.executemany(INSERT_SQL[table], batch)


def add_synthetic(n: int, seed: int = 20200506, *, today: date | None = None) -> dict[str, int]:
    """Add N synthetic partners, visits and shipments (with partnerships, histories, contacts,
    activities, delegates, itineraries, gifts and items) to the bound database, in one transaction.

    Deterministic for a given seed, `today` and database state (ids follow the rows already there).
    Returns the rows added per table.
    """
    counts = dict.fromkeys(TABLES, 0)
    if n <= 0:
        return counts
    stamp = now().isoformat(sep=" ")
    with database.atomic():
        home_ids = [row[0] for row in
                    dialect.execute('SELECT id FROM "home_locality" ORDER BY sort_order, id').fetchall()]
        if not home_ids:
            home_ids = [HomeLocality.create(name_zh="海南省", name_en="Hainan Province", kind="province",
                                            notes=NOTE, updated_by=UPDATED_BY, illustrative=True).id]
        start = first_ids()
        for rows in iter_rows(n, seed, start=start, home_ids=home_ids, stamp=stamp, today=today or date.today()):
            insert_rows(rows)
            for table, batch in rows.items():
                counts[table] += len(batch)
        for table in TABLES:
            dialect.ids_given(table)
    return counts
