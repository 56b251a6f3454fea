"""`--scale N`: N synthetic records per list for load tests, written fast.

Rows are built as plain tuples from one `random.Random(seed)` (same seed, same rows) and inserted with
`executemany` on the raw sqlite3 connection that peewee uses, inside the caller's `database.atomic()`.
Ids are assigned here (from the current maximum id + 1), so children reference their parents without
round-trips. Every NOT NULL column is filled, `search_text` as `models.search_key` would fill it.

Per N: N partners (each with one partnership, its 1–4 status changes and one contact), N activities,
N visits (1–2 partners, 1–4 delegates, 1–3 itinerary items, 0–1 gift each) and N shipments (1–3 items
each). Names come in Chinese, Latin, Cyrillic, Korean, Japanese, Greek, Arabic and Thai script; countries
are real ISO 3166-1 codes; dates lie in 2015–2027 with statuses that fit them (a visit that ended before
`today` is completed, cancelled or postponed; a future one is not completed).
"""

from collections.abc import Iterator
from datetime import date, timedelta
from random import Random

from twindesk.store.models import HomeLocality, database, now, search_key

NOTE = "Synthetic record for load tests"
UPDATED_BY = "demo"
CHUNK = 10_000  # parents per batch: bounds memory, keeps executemany batches large

# Columns written, per table, parents before children. `id` first.
COLUMNS: dict[str, tuple[str, ...]] = {
    "partner": ("id", "created_at", "updated_at", "updated_by", "name_zh", "name_en", "name_native", "kind",
                "country", "parent_id", "population", "area_km2", "website", "latitude", "longitude", "profile",
                "notes", "search_text"),
    "partnership": ("id", "created_at", "updated_at", "updated_by", "home_locality_id", "partner_id", "tier",
                    "status", "status_since", "agreement_title", "signed_on", "signed_place", "signatories",
                    "established_year", "next_review_on", "notes"),
    "partnership_status_change": ("id", "created_at", "updated_at", "updated_by", "partnership_id", "status",
                                  "changed_on", "note"),
    "contact": ("id", "created_at", "updated_at", "updated_by", "partner_id", "honorific", "family_name",
                "given_name", "family_name_first", "title", "organization", "languages", "email", "phone", "notes",
                "search_text"),
    "activity": ("id", "created_at", "updated_at", "updated_by", "partner_id", "kind", "title", "held_on", "place",
                 "participants", "outcome", "follow_up_on", "notes", "search_text"),
    "visit": ("id", "created_at", "updated_at", "updated_by", "direction", "title", "purpose", "status", "start_on",
              "end_on", "home_locality_id", "leader", "budget", "budget_currency", "outcomes", "follow_ups", "notes",
              "search_text"),
    "visit_partner": ("id", "created_at", "updated_at", "updated_by", "visit_id", "partner_id"),
    "delegate": ("id", "created_at", "updated_at", "updated_by", "visit_id", "name", "title", "organization", "role",
                 "precedence", "counterpart", "notes"),
    "itinerary_item": ("id", "created_at", "updated_at", "updated_by", "visit_id", "day", "start_time", "end_time",
                       "place", "activity", "counterpart", "notes"),
    "gift": ("id", "created_at", "updated_at", "updated_by", "visit_id", "direction", "description", "value",
             "currency", "giver", "recipient", "notes"),
    "shipment": ("id", "created_at", "updated_at", "updated_by", "direction", "partner_id", "counterparty", "title",
                 "occasion", "kind", "status", "planned_on", "dispatched_on", "expected_on", "delivered_on",
                 "transport_mode", "carrier", "tracking_ref", "recipients", "home_locality_id", "notes",
                 "search_text"),
    "shipment_item": ("id", "created_at", "updated_at", "updated_by", "shipment_id", "description", "category",
                      "quantity", "unit", "value", "currency", "notes"),
}
TABLES = tuple(COLUMNS)


def insert_sql(table: str, cols: tuple[str, ...]) -> str:
    names = ", ".join('"' + c + '"' for c in cols)
    marks = ", ".join("?" * len(cols))
    return f'INSERT INTO "{table}" ({names}) VALUES ({marks})'


INSERT_SQL = {t: insert_sql(t, cols) for t, cols in COLUMNS.items()}

FIRST_DAY = date(2015, 1, 1)
LAST_DAY = date(2027, 12, 31)
DAYS = [(FIRST_DAY + timedelta(d)).isoformat() for d in range((LAST_DAY - FIRST_DAY).days + 1)]

# ---- Names ----------------------------------------------------------------------------------------------
# Per script: name parts (native, Latin, Chinese), separators (native, Latin), and kinds with their
# formats (native, English, Chinese), weighted by repetition.
SCRIPTS = {
    "ja": dict(
        pre=[("北", "Kita", "北"), ("南", "Minami", "南"), ("東", "Higashi", "东"), ("西", "Nishi", "西"),
             ("高", "Taka", "高"), ("大", "Ō", "大"), ("小", "Ko", "小"), ("新", "Shin", "新"), ("若", "Waka", "若"),
             ("松", "Matsu", "松"), ("宮", "Miya", "宫"), ("石", "Ishi", "石"), ("白", "Shira", "白"), ("青", "Ao", "青")],
        suf=[("山", "yama", "山"), ("川", "kawa", "川"), ("田", "ta", "田"), ("野", "no", "野"), ("島", "shima", "岛"),
             ("崎", "saki", "崎"), ("浜", "hama", "滨"), ("原", "hara", "原"), ("沢", "sawa", "泽"), ("岡", "oka", "冈"),
             ("津", "tsu", "津"), ("木", "ki", "木")],
        sep=("", ""),
        kinds=[("city", "{}市", "{}", "{}市")] * 6 + [("prefecture", "{}県", "{} Prefecture", "{}县"),
                                                    ("village", "{}村", "{} Village", "{}村"),
                                                    ("other", "{}町", "{} Town", "{}町")],
    ),
    "ko": dict(
        pre=[("청", "Cheong", "清"), ("광", "Gwang", "光"), ("남", "Nam", "南"), ("동", "Dong", "东"), ("서", "Seo", "西"),
             ("영", "Yeong", "永"), ("안", "An", "安"), ("평", "Pyeong", "平"), ("강", "Gang", "江"), ("해", "Hae", "海"),
             ("금", "Geum", "金"), ("대", "Dae", "大")],
        suf=[("주", "ju", "州"), ("천", "cheon", "川"), ("산", "san", "山"), ("원", "won", "原"), ("양", "yang", "阳"),
             ("포", "po", "浦"), ("진", "jin", "津"), ("성", "seong", "城"), ("덕", "deok", "德"), ("해", "hae", "海")],
        sep=("", ""),
        kinds=[("city", "{}시", "{}", "{}市")] * 6 + [("county", "{}군", "{} County", "{}郡"),
                                                    ("province", "{}도", "{} Province", "{}道")],
    ),
    "cyr": dict(
        pre=[("Ново", "Novo", "诺沃"), ("Красно", "Krasno", "克拉斯诺"), ("Бело", "Belo", "别洛"),
             ("Старо", "Staro", "斯塔罗"), ("Зелено", "Zeleno", "泽列诺"), ("Камен", "Kamen", "卡缅"),
             ("Лесо", "Leso", "列索"), ("Высоко", "Vysoko", "维索科"), ("Светло", "Svetlo", "斯韦特洛"),
             ("Ясно", "Yasno", "亚斯诺"), ("Черно", "Cherno", "切尔诺"), ("Солнечно", "Solnechno", "索尔涅奇诺")],
        suf=[("горск", "gorsk", "戈尔斯克"), ("град", "grad", "格勒"), ("поль", "pol", "波尔"), ("дар", "dar", "达尔"),
             ("водск", "vodsk", "沃茨克"), ("озёрск", "ozyorsk", "奥焦尔斯克"), ("славль", "slavl", "斯拉夫尔"),
             ("бург", "burg", "堡"), ("реченск", "rechensk", "列琴斯克"), ("морье", "morye", "莫里耶")],
        sep=("", ""),
        kinds=[("city", "{}", "{}", "{}")] * 6 + [("region", "{} район", "{} District", "{}区"),
                                                ("village", "село {}", "{} (village)", "{}村")],
    ),
    "latin": dict(
        pre=[("San", "San", "圣"), ("Monte", "Monte", "蒙特"), ("Villa", "Villa", "维拉"), ("Bel", "Bel", "贝尔"),
             ("Ros", "Ros", "罗斯"), ("Mar", "Mar", "马尔"), ("Val", "Val", "瓦尔"), ("Nord", "Nord", "诺德"),
             ("Sal", "Sal", "萨尔"), ("Lin", "Lin", "林"), ("Ash", "Ash", "阿什"), ("Kings", "Kings", "金斯"),
             ("Oster", "Oster", "奥斯特"), ("Santa", "Santa", "圣塔"), ("Bran", "Bran", "布兰"), ("Wester", "Wester", "韦斯特")],
        suf=[("ville", "ville", "维尔"), ("burg", "burg", "堡"), ("ford", "ford", "福德"), ("mont", "mont", "蒙"),
             ("ona", "ona", "奥纳"), ("ano", "ano", "阿诺"), ("stad", "stad", "斯塔德"), ("heim", "heim", "海姆"),
             ("field", "field", "菲尔德"), ("ia", "ia", "亚"), ("ora", "ora", "奥拉"), ("ton", "ton", "顿"),
             ("haven", "haven", "黑文"), ("dorf", "dorf", "多夫")],
        sep=("", ""),
        kinds=[("city", "{}", "{}", "{}")] * 6 + [("county", "{} County", "{} County", "{}县"),
                                                ("state", "{} State", "{} State", "{}州"),
                                                ("region", "{} Region", "{} Region", "{}地区"),
                                                ("village", "{}", "{} Village", "{}村")],
    ),
    "el": dict(
        pre=[("Νέα", "Nea", "新"), ("Άνω", "Ano", "上"), ("Κάτω", "Kato", "下"), ("Παλαιά", "Palaia", "旧"),
             ("Αγία", "Agia", "圣")],
        suf=[("Σμύρνη", "Smyrni", "士麦那"), ("Φώκαια", "Fokaia", "福凯亚"), ("Ιωνία", "Ionia", "爱奥尼亚"),
             ("Πέλλα", "Pella", "佩拉"), ("Μάκρη", "Makri", "马克里"), ("Χώρα", "Chora", "霍拉"), ("Άρτα", "Arta", "阿尔塔")],
        sep=(" ", " "),
        kinds=[("city", "{}", "{}", "{}")] * 4 + [("region", "Περιφέρεια {}", "{} Region", "{}大区"),
                                                ("village", "Χωριό {}", "{} Village", "{}村")],
    ),
    "ar": dict(
        pre=[("البحر", "Al Bahr", "巴赫尔"), ("الواحة", "Al Waha", "瓦哈"), ("الجبل", "Al Jabal", "杰贝勒"),
             ("النخيل", "Al Nakhil", "纳希勒"), ("الرمال", "Al Rimal", "里马勒")],
        suf=[("الأبيض", "Al Abyad", "阿比亚德"), ("الكبير", "Al Kabir", "卡比尔"), ("الجديد", "Al Jadid", "贾迪德"),
             ("الشرقي", "Al Sharqi", "谢尔基"), ("الغربي", "Al Gharbi", "加尔比")],
        sep=(" ", " "),
        kinds=[("city", "{}", "{}", "{}")] * 4 + [("region", "منطقة {}", "{} Region", "{}地区")],
    ),
    "th": dict(
        pre=[("บาง", "Bang", "邦"), ("เชียง", "Chiang", "清"), ("นคร", "Nakhon", "那空"), ("สุวรรณ", "Suwan", "素万")],
        suf=[("แสน", "Saen", "显"), ("ทอง", "Thong", "通"), ("ราม", "Ram", "兰"), ("พล", "Phon", "蓬"), ("ใหม่", "Mai", "迈")],
        sep=("", " "),
        kinds=[("city", "{}", "{}", "{}")] * 4 + [("province", "จังหวัด{}", "{} Province", "{}府")],
    ),
}

# (ISO code, script, weight, latitude, longitude, language)
COUNTRIES = [
    ("JP", "ja", 10, 36.0, 138.0, "ja"), ("KR", "ko", 8, 36.5, 127.8, "ko"), ("RU", "cyr", 8, 55.0, 50.0, "ru"),
    ("BY", "cyr", 1, 53.7, 27.9, "be"), ("KZ", "cyr", 1, 48.0, 67.0, "kk"), ("BG", "cyr", 2, 42.7, 25.5, "bg"),
    ("RS", "cyr", 2, 44.0, 20.9, "sr"), ("UA", "cyr", 1, 49.0, 31.0, "uk"), ("KG", "cyr", 1, 41.2, 74.8, "ky"),
    ("FR", "latin", 3, 46.6, 2.4, "fr"), ("DE", "latin", 3, 51.2, 10.4, "de"), ("IT", "latin", 3, 42.8, 12.6, "it"),
    ("ES", "latin", 3, 40.4, -3.7, "es"), ("PT", "latin", 2, 39.6, -8.0, "pt"), ("BR", "latin", 2, -14.0, -51.0, "pt"),
    ("US", "latin", 4, 39.0, -98.0, "en"), ("CA", "latin", 2, 50.0, -100.0, "en"), ("AU", "latin", 2, -25.0, 134.0, "en"),
    ("NZ", "latin", 1, -41.0, 174.0, "en"), ("GB", "latin", 2, 54.0, -2.0, "en"), ("NL", "latin", 1, 52.1, 5.3, "nl"),
    ("SE", "latin", 1, 62.0, 15.0, "sv"), ("PL", "latin", 2, 52.0, 19.0, "pl"), ("CZ", "latin", 1, 49.8, 15.5, "cs"),
    ("HU", "latin", 1, 47.2, 19.5, "hu"), ("RO", "latin", 2, 45.9, 25.0, "ro"), ("AR", "latin", 1, -38.0, -63.0, "es"),
    ("MX", "latin", 2, 23.6, -102.0, "es"), ("CL", "latin", 1, -35.7, -71.5, "es"), ("ZA", "latin", 1, -30.6, 22.9, "en"),
    ("KE", "latin", 1, 0.0, 38.0, "sw"), ("NG", "latin", 1, 9.0, 8.7, "en"), ("ID", "latin", 2, -2.5, 118.0, "id"),
    ("MY", "latin", 2, 4.2, 101.9, "ms"), ("PH", "latin", 2, 12.9, 121.8, "en"), ("VN", "latin", 2, 14.0, 108.0, "vi"),
    ("SG", "latin", 1, 1.35, 103.8, "en"), ("FJ", "latin", 1, -17.7, 178.0, "en"), ("TZ", "latin", 1, -6.4, 34.9, "sw"),
    ("IE", "latin", 1, 53.4, -8.2, "en"), ("AT", "latin", 1, 47.5, 14.5, "de"), ("FI", "latin", 1, 64.0, 26.0, "fi"),
    ("CU", "latin", 1, 21.5, -78.0, "es"), ("PE", "latin", 1, -9.2, -75.0, "es"), ("TR", "latin", 1, 39.0, 35.0, "tr"),
    ("LK", "latin", 1, 7.9, 80.8, "si"), ("IN", "latin", 2, 21.0, 78.0, "hi"), ("GR", "el", 2, 39.0, 22.0, "el"),
    ("CY", "el", 1, 35.0, 33.0, "el"), ("AE", "ar", 1, 24.0, 54.0, "ar"), ("EG", "ar", 1, 26.8, 30.8, "ar"),
    ("MA", "ar", 1, 31.8, -7.1, "ar"), ("OM", "ar", 1, 21.0, 57.0, "ar"), ("TH", "th", 2, 15.9, 101.0, "th"),
]

# People: family names (native, ASCII), given names (native, ASCII, gender), family name first?, honorifics.
PEOPLE = {
    "ja": ([("山田", "yamada"), ("佐藤", "sato"), ("鈴木", "suzuki"), ("高橋", "takahashi"), ("田中", "tanaka"),
            ("伊藤", "ito"), ("渡辺", "watanabe"), ("中村", "nakamura")],
           [("花子", "hanako", "f"), ("太郎", "taro", "m"), ("健", "ken", "m"), ("美咲", "misaki", "f"),
            ("翔", "sho", "m"), ("陽子", "yoko", "f"), ("大輔", "daisuke", "m"), ("由美", "yumi", "f")],
           True, {"m": "様", "f": "様"}),
    "ko": ([("김", "kim"), ("이", "lee"), ("박", "park"), ("최", "choi"), ("정", "jung"), ("강", "kang"), ("조", "cho"),
            ("윤", "yoon")],
           [("민준", "minjun", "m"), ("서연", "seoyeon", "f"), ("지훈", "jihun", "m"), ("하은", "haeun", "f"),
            ("도윤", "doyun", "m"), ("수빈", "subin", "f"), ("현우", "hyunwoo", "m"), ("지민", "jimin", "f")],
           True, {"m": "님", "f": "님"}),
    "cyr": ([("Иванов", "ivanov"), ("Смирнов", "smirnov"), ("Кузнецов", "kuznetsov"), ("Попов", "popov"),
             ("Соколов", "sokolov"), ("Лебедев", "lebedev"), ("Козлов", "kozlov"), ("Новиков", "novikov")],
            [("Анна", "anna", "f"), ("Иван", "ivan", "m"), ("Мария", "maria", "f"), ("Сергей", "sergey", "m"),
             ("Елена", "elena", "f"), ("Дмитрий", "dmitry", "m"), ("Ольга", "olga", "f"), ("Алексей", "alexey", "m")],
            False, {"m": "г-н", "f": "г-жа"}),
    "latin": ([("Smith", "smith"), ("Müller", "mueller"), ("Rossi", "rossi"), ("García", "garcia"),
               ("Silva", "silva"), ("Dubois", "dubois"), ("Jansen", "jansen"), ("Kowalski", "kowalski"),
               ("Novák", "novak"), ("Andersson", "andersson"), ("O'Brien", "obrien"), ("Costa", "costa")],
              [("Anna", "anna", "f"), ("John", "john", "m"), ("Maria", "maria", "f"), ("Luca", "luca", "m"),
               ("Sofia", "sofia", "f"), ("Pierre", "pierre", "m"), ("Elena", "elena", "f"), ("Jan", "jan", "m"),
               ("Carlos", "carlos", "m"), ("Emma", "emma", "f"), ("Lars", "lars", "m"), ("Inês", "ines", "f")],
              False, {"m": "Mr", "f": "Ms"}),
    "HU": ([("Nagy", "nagy"), ("Kovács", "kovacs"), ("Tóth", "toth"), ("Szabó", "szabo"), ("Horváth", "horvath")],
           [("László", "laszlo", "m"), ("Katalin", "katalin", "f"), ("Zoltán", "zoltan", "m"), ("Éva", "eva", "f")],
           True, {"m": "Mr", "f": "Ms"}),
    "VN": ([("Nguyễn", "nguyen"), ("Trần", "tran"), ("Lê", "le"), ("Phạm", "pham"), ("Hoàng", "hoang")],
           [("Văn An", "van.an", "m"), ("Thị Hoa", "thi.hoa", "f"), ("Minh Tuấn", "minh.tuan", "m"),
            ("Thu Trang", "thu.trang", "f")],
           True, {"m": "Mr", "f": "Ms"}),
    "el": ([("Παπαδόπουλος", "papadopoulos"), ("Γεωργίου", "georgiou"), ("Νικολάου", "nikolaou"),
            ("Οικονόμου", "oikonomou")],
           [("Γιώργος", "giorgos", "m"), ("Μαρία", "maria", "f"), ("Νίκος", "nikos", "m"), ("Ελένη", "eleni", "f")],
           False, {"m": "κ.", "f": "κα"}),
    "ar": ([("الحسن", "alhassan"), ("المنصوري", "almansouri"), ("الهاشمي", "alhashimi"), ("السعيد", "alsaeed")],
           [("محمد", "mohammed", "m"), ("فاطمة", "fatima", "f"), ("أحمد", "ahmed", "m"), ("مريم", "maryam", "f")],
           False, {"m": "السيد", "f": "السيدة"}),
    "th": ([("ศรีสุข", "srisuk"), ("วงศ์ไทย", "wongthai"), ("ทองดี", "thongdee"), ("แก้วมณี", "kaewmanee")],
           [("สมชาย", "somchai", "m"), ("สุดา", "suda", "f"), ("อรุณ", "arun", "m"), ("มาลี", "malee", "f")],
           False, {"m": "คุณ", "f": "คุณ"}),
}

ZH_FAMILY = ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "林", "符", "云", "邢"]
ZH_GIVEN = ["建国", "海燕", "志强", "丽华", "文博", "晓明", "秀英", "国华", "静", "伟", "琳", "海波", "少华", "春梅"]
OUR_TITLES = [
    ("Vice Governor", "Hainan Provincial Government"),
    ("Director-General", "Hainan Foreign Affairs Office"),
    ("Deputy Director-General", "Hainan Department of Commerce"),
    ("Mayor", "Haikou Municipal Government"),
    ("Vice Mayor", "Sanya Municipal Government"),
    ("Division Chief", "Hainan Foreign Affairs Office"),
    ("Director", "Hainan Department of Tourism, Culture, Radio, Television and Sports"),
    ("Chairman", "Hainan Chamber of Commerce"),
    ("Interpreter", "Hainan Foreign Affairs Office"),
    ("Secretary", "Hainan Provincial Government"),
]
THEIR_TITLES = ["Mayor", "Governor", "Deputy Mayor", "Head of International Relations", "Council Member",
                "Chamber of Commerce President", "Interpreter", "Protocol Officer"]
CONTACT_TITLES = ["Head of International Relations", "Protocol Officer", "Deputy Mayor", "Chief of Staff",
                  "Trade Promotion Officer", "Tourism Office Director", "Liaison Officer"]
ROLES = ["Member", "Member", "Interpreter", "Secretary", "Business representative", "Journalist"]
PURPOSES = ["Sign a friendship agreement", "Economic and trade cooperation", "Tourism promotion",
            "Cultural exchange", "Education and youth exchange", "Medical cooperation",
            "Free trade port investment promotion", "Anniversary of the partnership", "Agricultural cooperation"]
OUTCOMES = ["Memorandum of understanding signed", "Agreed on a youth exchange programme",
            "Agreed to open a tourism office", "Joint statement issued", "Business matchmaking: 12 meetings held",
            "Agreed on annual video conferences"]
FOLLOW_UPS = ["Send the draft agreement", "Invite the partner delegation back", "Prepare the anniversary event",
              "Exchange contact lists of companies", "Report to the provincial government"]
ITINERARY = ["Meeting with the mayor", "Business roundtable", "Visit to the port", "Signing ceremony",
             "Visit to a hospital", "Cultural performance", "Tour of the free trade port", "Official dinner",
             "Visit to a university", "Press conference", "Visit to a farm cooperative"]
PLACES_HOME = ["Haikou", "Sanya", "Boao", "Wenchang", "Qionghai", "Danzhou"]
TIMES = [("08:30:00", "10:00:00"), ("09:00:00", "11:30:00"), ("10:00:00", "12:00:00"), ("13:30:00", "15:00:00"),
         ("14:00:00", "16:30:00"), ("15:00:00", "17:00:00"), ("18:30:00", "20:30:00"), (None, None)]
GIFTS_GIVEN = ["Li brocade (黎锦) tapestry", "Huanghuali brush holder", "Coconut carving", "Baisha green tea set",
               "South China Sea pearl brooch", "Porcelain vase", "Hainan coffee gift box", "Calligraphy scroll"]
GIFTS_RECEIVED = ["Commemorative plate", "City crest", "Local wine", "Painting of the old town",
                  "Book on the city's history", "Handwoven rug", "Silver medal of the city"]
ACTIVITY_KINDS = ["meeting"] * 6 + ["forum"] * 2 + ["letter"] * 3 + ["call"] * 3 + ["video"] * 3 + ["greeting"] * 2 + [
    "other"]
ACTIVITY_TITLES = {
    "meeting": "Meeting with the delegation of {}",
    "forum": "Sister-cities forum with {}",
    "letter": "Letter to the mayor of {}",
    "call": "Phone call with {}",
    "video": "Video conference with {}",
    "greeting": "New Year greetings to {}",
    "other": "Exhibition with {}",
}
TIERS = ["sister"] * 5 + ["friendly_exchange"] * 4 + ["intent"]
AGREEMENTS = {
    "sister": "Agreement on the Establishment of Sister-City Relations",
    "friendly_exchange": "Memorandum on Friendly Exchange and Cooperation",
    "intent": "Letter of Intent on Establishing Friendly Relations",
}
LIFE = ["prospect", "negotiating", "approval_pending", "active", "dormant", "ended"]
LIFE_WEIGHTED = [0] * 8 + [1] * 10 + [2] * 7 + [3] * 55 + [4] * 12 + [5] * 8
OCCASIONS = ["COVID-19 pandemic", "Typhoon relief", "Earthquake relief", "Flood relief", "Drought relief",
             "Wildfire relief", "Medical cooperation", "Education support"]
COUNTERPARTIES = ["Several partner cities", "Villages abroad", "Red Cross societies of partner countries",
                  "Overseas Chinese associations"]
TRANSPORT = [("air", "Hainan Airlines Cargo"), ("air", "China Southern Cargo"), ("sea", "COSCO Shipping"),
             ("road", "SF Express"), ("courier", "EMS"), ("courier", "DHL"), ("rail", "China Railway Express")]
GOODS = [  # description, category, unit, quantity range, unit value (CNY)
    ("Medical masks", "ppe", "pieces", 1000, 200000, 0.8),
    ("N95 respirators", "ppe", "pieces", 500, 50000, 4.5),
    ("Protective suits", "ppe", "sets", 100, 20000, 35.0),
    ("Gloves", "ppe", "pairs", 1000, 100000, 0.6),
    ("Test kits", "medical", "kits", 100, 20000, 22.0),
    ("Ventilators", "medical", "units", 1, 50, 85000.0),
    ("Thermometers", "medical", "units", 50, 5000, 45.0),
    ("Hand sanitizer", "disinfectant", "litres", 100, 20000, 18.0),
    ("Disinfectant", "disinfectant", "litres", 100, 50000, 9.5),
    ("Rice", "food", "tonnes", 1, 500, 4200.0),
    ("Canned food", "food", "cartons", 50, 10000, 60.0),
    ("Tents", "shelter", "units", 10, 2000, 900.0),
    ("Blankets", "shelter", "pieces", 100, 20000, 40.0),
    ("Water purifiers", "other", "units", 5, 500, 1500.0),
]
FUND_CURRENCIES = ["CNY", "CNY", "CNY", "USD", "EUR"]


def _weighted(pairs):
    out = []
    for value, weight in pairs:
        out.extend([value] * weight)
    return out


COUNTRY_POOL = _weighted((c, c[2]) for c in COUNTRIES)


def first_ids(conn) -> dict[str, int]:
    """Next free id per table."""
    return {t: conn.execute(f'SELECT coalesce(max(id), 0) + 1 FROM "{t}"').fetchone()[0] for t in TABLES}


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
    head = (stamp, stamp, by)
    nh = len(home_ids)
    ncp = len(COUNTRY_POOL)
    scripts = {k: (v["pre"], v["suf"], v["sep"], v["kinds"]) for k, v in SCRIPTS.items()}

    ids = dict(start)
    first_partner = start["partner"]
    # What later rows need to know about each synthetic partner, by index from first_partner.
    p_en: list[str] = []
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
        partner, partnership, changes, contact = [], [], [], []
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
                round(lat + (r() - 0.5) * 6, 4), round(lon + (r() - 0.5) * 6, 4), "", note,
                f"{name_zh}\n{name_en}\n{name_native}".casefold(),
            ))
            p_en.append(name_en)
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
                signatories = f"{zh_person()}; {person(people)[4]}"
                review = days[signed + 1826] if status == "active" and signed + 1826 < nd else None
            else:
                signed_on = year = review = None
                place = signatories = ""
            partnership.append((
                psid, *head, home_ids[int(r() * nh)], pid, tier, status, days[since],
                AGREEMENTS[tier] if signed is not None else "", signed_on, place, signatories, year, review, note,
            ))

            fam, giv, fam_first, hon, _full, mail = person(people)
            title = CONTACT_TITLES[int(r() * len(CONTACT_TITLES))]
            org = f"{name_en} government"
            cid = ids["contact"]
            ids["contact"] = cid + 1
            contact.append((
                cid, *head, pid, hon, fam, giv, fam_first, title, org, f"{lang}, en", f"{mail}@example.org", "",
                note, f"{fam}\n{giv}\n{org}\n{title}".casefold(),
            ))

        known = hi  # partners written so far (this batch included)

        # ---- activities ----
        for _ in range(lo, hi):
            j = int(r() * known)
            kind = ACTIVITY_KINDS[int(r() * 20)]
            title = ACTIVITY_TITLES[kind].format(p_en[j])
            held = int(r() * nd)
            place = PLACES_HOME[int(r() * 6)] if kind in ("meeting", "forum", "other") else ""
            participants = f"{zh_person()}, {zh_person()}"
            follow = days[min(held + 7 + int(r() * 80), nd - 1)] if r() < 0.5 else None
            aid = ids["activity"]
            ids["activity"] = aid + 1
            activity.append((
                aid, *head, first_partner + j, kind, title, days[held], place, participants,
                OUTCOMES[int(r() * 6)] if held <= t_idx else "", follow, note,
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
            purpose = PURPOSES[int(r() * 9)]
            if outbound:
                title = f"Delegation to {p_en[j]}"
                leader = zh_person()
                budget = 50_000 + int(r() * 7500) * 100
            else:
                title = f"{p_en[j]} delegation to Hainan"
                leader = person(people)[4]
                budget = 10_000 + int(r() * 1000) * 100 if r() < 0.5 else None
            done = status == "completed"
            visit.append((
                vid, *head, "outbound" if outbound else "inbound", title, purpose, status, days[s], days[e],
                home_ids[int(r() * nh)], leader, budget, "CNY", OUTCOMES[int(r() * 6)] if done else "",
                FOLLOW_UPS[int(r() * 5)] if done else "", note, f"{title}\n{leader}\n{purpose}".casefold(),
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
                delegate.append((did, *head, vid, name, t, org, role, prec, counterpart, note))
            for _k in range(1 + int(r() * 3)):
                iid = ids["itinerary_item"]
                ids["itinerary_item"] = iid + 1
                st, et = TIMES[int(r() * 8)]
                itinerary.append((
                    iid, *head, vid, days[s + int(r() * length)], st, et,
                    p_en[j] if outbound else PLACES_HOME[int(r() * 6)], ITINERARY[int(r() * 11)],
                    THEIR_TITLES[int(r() * 8)] if outbound else "", note,
                ))
            if r() < 0.5:
                gid = ids["gift"]
                ids["gift"] = gid + 1
                if r() < 0.7:
                    gift.append((gid, *head, vid, "given", GIFTS_GIVEN[int(r() * 8)], 200 + int(r() * 198) * 100,
                                 "CNY", "Hainan delegation" if outbound else "Hainan Province", p_en[j], note))
                else:
                    gift.append((gid, *head, vid, "received", GIFTS_RECEIVED[int(r() * 7)], None, "CNY", p_en[j],
                                 "Hainan delegation" if outbound else "Hainan Province", note))

        # ---- shipments and their items ----
        for _ in range(lo, hi):
            sid = ids["shipment"]
            ids["shipment"] = sid + 1
            outgoing = r() < 0.6
            funds = r() < 0.15
            occasion = OCCASIONS[int(r() * 8)]
            if r() < 0.8:
                j = int(r() * known)
                partner_id = first_partner + j
                counterparty = ""
                other = p_en[j]
            else:
                partner_id = None
                counterparty = other = COUNTERPARTIES[int(r() * 4)]
            title = f"{occasion}: {'aid to' if outgoing else 'aid from'} {other}"
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
                shipment_item.append((iid, *head, sid, "Financial support", "funds", None, "",
                                      10_000 + int(r() * 2000) * 500, FUND_CURRENCIES[int(r() * 5)], note))
            else:
                for _k in range(1 + int(r() * 3)):
                    iid = ids["shipment_item"]
                    ids["shipment_item"] = iid + 1
                    desc, cat, unit, qlo, qhi, price = GOODS[int(r() * 14)]
                    qty = qlo + int(r() * (qhi - qlo))
                    shipment_item.append((iid, *head, sid, desc, cat, qty, unit, round(qty * price, 2), "CNY", note))

        yield {
            "partner": partner,
            "partnership": partnership,
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


def insert_rows(conn, rows: dict[str, list[tuple]]) -> None:
    """executemany, parents first, on a raw sqlite3 connection (the caller holds the transaction)."""
    for table in TABLES:
        batch = rows.get(table)
        if batch:
            conn.executemany(INSERT_SQL[table], batch)


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
        conn = database.connection()
        home_ids = [row[0] for row in conn.execute('SELECT id FROM "home_locality" ORDER BY sort_order, id')]
        if not home_ids:
            home_ids = [HomeLocality.create(name_zh="海南省", name_en="Hainan Province", kind="province",
                                            notes=NOTE, updated_by=UPDATED_BY).id]
        start = first_ids(conn)
        for rows in iter_rows(n, seed, start=start, home_ids=home_ids, stamp=stamp, today=today or date.today()):
            insert_rows(conn, rows)
            for table, batch in rows.items():
                counts[table] += len(batch)
    return counts
