"""What the staff import does to be fast changes nothing it says: the name keys made in bulk are the
keys made one by one, and the cycle collector is paused only while an import runs, and comes back."""

import gc
import threading

import pytest
from openpyxl import Workbook

from twindesk.domain import workspace
from twindesk.domain.progress import Progress
from twindesk.domain.transfer.collector_paused import collector_paused
from twindesk.domain.transfer.understanding import names
from twindesk.exchange.staff_lists.flow import import_staff_list

NAMES = ["兵庫県", "兵庫縣", "兵库县", "北海道", "東京都", "臺北市", "台北市", "ＫＯＢＥ　市", "Hyōgo-ken", "Hyogo Prefecture",
         "서울특별시", "Île-de-France", "São Paulo", "Москва", "  济州  特别自治道 ", "乌兰巴托", "広島県", "", "市"]


def _one_by_one(texts):
    names._SCRIPT.clear()
    names._LIKE.clear()
    return {t: (names.script_key(t), names.likeness_key(t)) for t in texts}


def test_keys_made_in_bulk_are_the_keys_made_one_by_one():
    alone = _one_by_one(NAMES)
    names._SCRIPT.clear()
    names._LIKE.clear()
    names.make_keys(NAMES)
    assert set(names._LIKE) >= set(NAMES)  # made by make_keys, not by the lookups below
    assert {t: (names.script_key(t), names.likeness_key(t)) for t in NAMES} == alone
    assert alone["兵庫県"] == alone["兵库县"] and alone["兵庫県"][1] == "兵库"
    assert alone["臺北市"] == alone["台北市"]


@pytest.fixture
def collector_on():
    was = gc.isenabled()
    gc.enable()
    yield
    if not was:
        gc.disable()


def test_the_collector_is_paused_while_any_import_runs_and_only_then(collector_on):
    with collector_paused():
        assert not gc.isenabled()
        with collector_paused():  # nested: the inner end does not switch it back on
            pass
        assert not gc.isenabled()
    assert gc.isenabled()
    with pytest.raises(RuntimeError), collector_paused():
        raise RuntimeError("an import that fails")
    assert gc.isenabled()
    gc.disable()
    with collector_paused():
        pass
    assert not gc.isenabled()  # off before: left off


def test_two_threads_pausing_it_switch_it_back_on_when_the_last_ends(collector_on):
    inside, leave = threading.Event(), threading.Event()

    def other():
        with collector_paused():
            inside.set()
            leave.wait(5)

    thread = threading.Thread(target=other)
    thread.start()
    inside.wait(5)
    with collector_paused():
        pass
    assert not gc.isenabled()  # the other one still runs
    leave.set()
    thread.join(5)
    assert gc.isenabled()


def test_an_import_runs_with_the_collector_paused(tmp_path, collector_on):
    wb = Workbook()
    ws = wb.active
    ws.title = "友城"
    ws.append(["城市名称", "国别"])
    ws.append(["神户", "日本"])
    wb.save(tmp_path / "p.xlsx")
    seen = []
    workspace.open_workspace(tmp_path / "t.db", take_backups=False)
    try:
        report = import_staff_list(tmp_path / "p.xlsx", progress=Progress(lambda *_: seen.append(gc.isenabled())))
    finally:
        workspace.close()
    assert report.applied and seen and not any(seen)
    assert gc.isenabled()


SHEET_XML = [b'<c r="B7"><f>COUNTA(B3:B6)</f><v>4</v></c>', b'<x:c r="A1"><x:f>1+1</x:f></x:c>',
             b'<x:f t="shared" ref="A1:A3" si="0"/>', b"<f/>", b'<sheetFormatPr defaultRowHeight="15"/>',
             b'<c r="A1" t="inlineStr"><is><t>of:f a:fx</t></is></c>', b"a:f", b":f", b"<", b"f", b"", b"<F>",
             b"x:f\x00", b"ab<f", b"<x:f", b":f>", b"q:f ", b"ff", b"<<ff", b"::f  "]


def test_the_formula_search_finds_what_the_three_searches_found():
    from twindesk.exchange.staff_lists.formulas import _FORMULA_HINT

    for data in SHEET_XML + [a + b for a in SHEET_XML for b in SHEET_XML]:
        assert bool(_FORMULA_HINT.search(data)) == (b"<f" in data or b":f>" in data or b":f " in data), data


def _old_likeness_key(key: str) -> str:
    """`names._likeness_key` as it was before its ASCII short cut."""
    import unicodedata

    decomposed = unicodedata.normalize("NFKD", key)
    if decomposed != key or any(map(unicodedata.combining, key)):
        key = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    key = names._PUNCTUATION.sub(" ", unicodedata.normalize("NFC", key)).strip()
    if key.isascii():
        stripped = names._SUFFIXES_EN.sub("", names._PREFIX_EN.sub("", key)).strip()
    else:
        stripped = key
        for suffix in names._SUFFIXES_BY_LAST.get(key[-1:], ()):
            if stripped.endswith(suffix) and len(stripped) > len(suffix):
                stripped = stripped[: -len(suffix)]
                break
    return (stripped or key).replace(" ", "")


def test_plain_text_and_likeness_keys_are_what_the_patterns_made():
    odd = [chr(c) for c in [*range(0, 0x30), *range(0x7F, 0xC0), 0x1680, *range(0x2000, 0x2030), 0x205F, 0x3000,
                            *range(0xFF00, 0xFF70), 0x0301, 0x0308, 0x3099]]
    texts = NAMES + odd + [a + b + c for a in odd[::7] for b in ["x", "神户", " ", "Ｋ"] for c in odd[::11]]
    texts += ["ＫＯＢＥ　市", " a\u3000 b ", "\x1c兵庫\x1f", "e\u0301", "Hyōgo-ken", "City of Kobe", "kobe-shi"]
    # the words the English prefix and suffixes are made of, in every order, joined every way: what the
    # short cuts (a last word that is no suffix's, a start that is no prefix) must not get wrong
    words = ["city", "of", "province", "ken", "to", "gun", "special self governing", "metropolitan", "kobe", "x",
             "兵库", "县", "é", "(", "·"]
    texts += [f"{a}{j}{b}{k}{c}" for a in words for b in words for c in words[::3] for j in (" ", "-", "")
              for k in (" ", "  ", "\t", ".")]
    for text in texts:
        assert names.plain_str(text) == names._SPACES.sub(" ", text.translate(names._WIDE)).strip(), repr(text)
        key = names._script_key(names.plain_str(text))
        assert names._likeness_key(key) == _old_likeness_key(key), repr(text)


def test_a_name_looked_up_again_after_a_new_candidate_finds_it_too(tmp_path):
    from twindesk.domain.transfer.understanding.references import Candidate, NameIndex

    workspace.open_workspace(tmp_path / "t.db", take_backups=False)
    try:
        index = NameIndex("partner")
        index.add(Candidate("partner", ("兵库县", "Hyogo", ""), "JP", line=2))
        assert [c.line for c in index.find("兵庫県", None)[0]] == [2]
        assert index.find("兵庫県", "CN") == ([], False, [index.find("兵庫県", None)[0][0]])
        index.add(Candidate("partner", ("兵庫縣", "", ""), "CN", line=3))  # remembered answers are forgotten
        assert [c.line for c in index.find("兵庫県", None)[0]] == [2, 3]
        assert [c.line for c in index.find("兵庫県", "CN")[0]] == [3]
    finally:
        workspace.close()


def test_the_row_numbers_are_what_the_row_pattern_finds():
    from twindesk.exchange.staff_lists.formulas import _ROW, _row_numbers

    parts = [b'<row r="1" spans="1:3">', b'<x:row r="22">', b'<row  ht="15" r="3">', b'<t>arrow r="99"</t>',
             b'<row>', b'<rowBreaks r="7">', b'<c r="A5">', b'text:row r="8"', b'<row r="123456789">', b"<row/>"]
    for data in [a + b + c for a in parts for b in parts for c in parts]:
        assert _row_numbers(data) == _ROW.findall(data), data


def test_cells_are_read_as_plain_says(tmp_path):
    from datetime import datetime

    from twindesk.exchange.staff_lists.sources import plain, read_source

    wb = Workbook()
    ws = wb.active
    ws.append(["名称", "人口", "面积", "空", "日期", "是"])
    ws.append(["神户", 1500000, 557.02, None, datetime(2026, 11, 29), True])
    ws.append([" ", 2.0**53, -0.0, None, 7, False])
    wb.save(tmp_path / "p.xlsx")
    import python_calamine

    raw = python_calamine.CalamineWorkbook.from_path(str(tmp_path / "p.xlsx")).get_sheet_by_index(0).to_python()
    rows = read_source(tmp_path / "p.xlsx").sheets[0].rows
    assert [values for _line, values in rows] == [tuple(plain(v) for v in row) for row in raw]
    assert [[type(v) for v in values] for _line, values in rows] == [[type(plain(v)) for v in row] for row in raw]
    assert rows[1][1][:4] == ("神户", 1500000, 557.02, None) and type(rows[1][1][1]) is int
