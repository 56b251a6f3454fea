"""Word pools for the synthetic records of `--scale N`: names in many scripts, countries, titles,
occasions and goods. Data only; `synthetic.py` draws from them."""

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
# (Chinese, English): synthetic.py writes them Chinese first, as the article's records are (article.both/text).
PURPOSES = [("签订友好协议。", "Sign a friendship agreement."),
            ("经贸合作。", "Economic and trade cooperation."),
            ("旅游推介。", "Tourism promotion."),
            ("文化交流。", "Cultural exchange."),
            ("教育与青少年交流。", "Education and youth exchange."),
            ("医疗合作。", "Medical cooperation."),
            ("自由贸易港投资推介。", "Free trade port investment promotion."),
            ("友好关系周年纪念。", "Anniversary of the partnership."),
            ("农业合作。", "Agricultural cooperation.")]
OUTCOMES = [("签署合作备忘录。", "Memorandum of understanding signed."),
            ("商定青少年交流项目。", "Agreed on a youth exchange programme."),
            ("商定设立旅游办事处。", "Agreed to open a tourism office."),
            ("发表联合声明。", "Joint statement issued."),
            ("举办企业对接会，洽谈12场。", "Business matchmaking: 12 meetings held."),
            ("商定每年举行视频会议。", "Agreed on annual video conferences.")]
FOLLOW_UPS = [("发送协议草案。", "Send the draft agreement."),
              ("邀请伙伴代表团回访。", "Invite the partner delegation back."),
              ("筹备周年纪念活动。", "Prepare the anniversary event."),
              ("交换企业名录。", "Exchange contact lists of companies."),
              ("向省政府报告。", "Report to the provincial government.")]
ITINERARY = [("会见市长", "Meeting with the mayor"), ("企业圆桌会", "Business roundtable"),
             ("参观港口", "Visit to the port"), ("签约仪式", "Signing ceremony"),
             ("参观医院", "Visit to a hospital"), ("文艺演出", "Cultural performance"),
             ("参观自由贸易港", "Tour of the free trade port"), ("正式晚宴", "Official dinner"),
             ("参观大学", "Visit to a university"), ("新闻发布会", "Press conference"),
             ("参观农业合作社", "Visit to a farm cooperative")]
PLACES_HOME = ["Haikou", "Sanya", "Boao", "Wenchang", "Qionghai", "Danzhou"]
TIMES = [("08:30:00", "10:00:00"), ("09:00:00", "11:30:00"), ("10:00:00", "12:00:00"), ("13:30:00", "15:00:00"),
         ("14:00:00", "16:30:00"), ("15:00:00", "17:00:00"), ("18:30:00", "20:30:00"), (None, None)]
GIFTS_GIVEN = [("黎锦挂毯", "Li brocade tapestry"), ("黄花梨笔筒", "Huanghuali brush holder"), ("椰雕", "Coconut carving"),
               ("白沙绿茶茶具", "Baisha green tea set"), ("南海珍珠胸针", "South China Sea pearl brooch"),
               ("瓷瓶", "Porcelain vase"), ("海南咖啡礼盒", "Hainan coffee gift box"), ("书法卷轴", "Calligraphy scroll")]
GIFTS_RECEIVED = [("纪念盘", "Commemorative plate"), ("城市徽章", "City crest"), ("当地葡萄酒", "Local wine"),
                  ("老城风景画", "Painting of the old town"), ("城市历史书籍", "Book on the city's history"),
                  ("手工编织地毯", "Handwoven rug"), ("城市银质纪念章", "Silver medal of the city")]
ACTIVITY_KINDS = ["meeting"] * 6 + ["forum"] * 2 + ["letter"] * 3 + ["call"] * 3 + ["video"] * 3 + ["greeting"] * 2 + [
    "other"]
ACTIVITY_TITLES = {  # Chinese first, then English: format(zh=…, en=…) with the partner's names
    "meeting": "会见{zh}代表团 / Meeting with the delegation of {en}",
    "forum": "与{zh}友好城市论坛 / Sister-cities forum with {en}",
    "letter": "致{zh}市长的信 / Letter to the mayor of {en}",
    "call": "与{zh}通电话 / Phone call with {en}",
    "video": "与{zh}视频会议 / Video conference with {en}",
    "greeting": "向{zh}致新年贺信 / New Year greetings to {en}",
    "other": "与{zh}联合举办展览 / Exhibition with {en}",
}
TIERS = ["sister"] * 5 + ["friendly_exchange"] * 4 + ["intent"]
AGREEMENTS = {
    "sister": "Agreement on the Establishment of Sister-City Relations",
    "friendly_exchange": "Memorandum on Friendly Exchange and Cooperation",
    "intent": "Letter of Intent on Establishing Friendly Relations",
}
LIFE = ["prospect", "negotiating", "approval_pending", "active", "dormant", "ended"]
LIFE_WEIGHTED = [0] * 8 + [1] * 10 + [2] * 7 + [3] * 55 + [4] * 12 + [5] * 8
OCCASIONS = [("新冠肺炎疫情", "COVID-19 pandemic"), ("台风救灾", "Typhoon relief"), ("地震救灾", "Earthquake relief"),
             ("洪灾救援", "Flood relief"), ("抗旱救灾", "Drought relief"), ("山火救灾", "Wildfire relief"),
             ("医疗合作", "Medical cooperation"), ("教育援助", "Education support")]  # (Chinese, English)
COUNTERPARTIES = [("多个伙伴城市", "Several partner cities"), ("国外村庄", "Villages abroad"),
                  ("伙伴国家红十字会", "Red Cross societies of partner countries"),
                  ("海外华侨华人社团", "Overseas Chinese associations")]  # (Chinese, English)
TRANSPORT = [("air", "Hainan Airlines Cargo"), ("air", "China Southern Cargo"), ("sea", "COSCO Shipping"),
             ("road", "SF Express"), ("courier", "EMS"), ("courier", "DHL"), ("rail", "China Railway Express")]
GOODS = [  # (Chinese, English) description, category, unit, quantity range, unit value (CNY)
    (("医用口罩", "Medical masks"), "ppe", "pieces", 1000, 200000, 0.8),
    (("N95口罩", "N95 respirators"), "ppe", "pieces", 500, 50000, 4.5),
    (("防护服", "Protective suits"), "ppe", "sets", 100, 20000, 35.0),
    (("手套", "Gloves"), "ppe", "pairs", 1000, 100000, 0.6),
    (("检测试剂盒", "Test kits"), "medical", "kits", 100, 20000, 22.0),
    (("呼吸机", "Ventilators"), "medical", "units", 1, 50, 85000.0),
    (("体温计", "Thermometers"), "medical", "units", 50, 5000, 45.0),
    (("洗手液", "Hand sanitizer"), "disinfectant", "litres", 100, 20000, 18.0),
    (("消毒液", "Disinfectant"), "disinfectant", "litres", 100, 50000, 9.5),
    (("大米", "Rice"), "food", "tonnes", 1, 500, 4200.0),
    (("罐头食品", "Canned food"), "food", "cartons", 50, 10000, 60.0),
    (("帐篷", "Tents"), "shelter", "units", 10, 2000, 900.0),
    (("毛毯", "Blankets"), "shelter", "pieces", 100, 20000, 40.0),
    (("净水器", "Water purifiers"), "other", "units", 5, 500, 1500.0),
]
FUNDS = ("资金支持", "Financial support")  # the one item of a shipment of funds, as the article's
FUND_CURRENCIES = ["CNY", "CNY", "CNY", "USD", "EUR"]


def _weighted(pairs):
    out = []
    for value, weight in pairs:
        out.extend([value] * weight)
    return out


COUNTRY_POOL = _weighted((c, c[2]) for c in COUNTRIES)
