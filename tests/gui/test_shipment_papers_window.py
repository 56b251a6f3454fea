"""The shipment form's "Packing list…" and "Donation certificate…" buttons: each opens the papers'
dialog; Word is chosen by keyboard, the paper is written, offered (to open, not to print), and reads
back with its totals."""

from datetime import date

import pytest
from PySide6.QtCore import Qt

from tests.brief_docx import all_text, open_docx
from twindesk.domain.operations import records
from twindesk.ui.briefing import paper_dialog
from twindesk.ui.records import forms


def _shipment() -> int:
    hyogo = records.save("partner", {"name_zh": "兵库县", "name_en": "Hyogo Prefecture", "kind": "prefecture",
                                     "country": "JP"})
    shipment = records.save("shipment", {"title": "Masks for Hyogo", "direction": "outgoing", "partner": hyogo,
                                         "carrier": "EMS", "tracking_ref": "EE1"})
    for value, currency in (("100", "CNY"), ("250.50", "CNY"), ("3000", "JPY")):
        records.save("shipment_item", {"shipment": shipment, "description": "AT&T <b>masks</b>", "value": value,
                                       "currency": currency, "quantity": "10", "unit": "boxes"})
    return shipment


@pytest.fixture
def opened(monkeypatch, tmp_path):
    """The papers' dialogs the form opens, shown rather than run modally, saving into tmp_path."""
    shown = []

    class Shown(paper_dialog.PaperDialog):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, folder=tmp_path, today=date(2026, 11, 29), **kwargs)
            self.offered = []
            self.offer = lambda parent, path, what, printable=False, **k: self.offered.append((path, what, printable))

        def exec(self):
            shown.append(self)
            self.show()
            return 0

    monkeypatch.setattr(forms, "PaperDialog", Shown)
    return shown


@pytest.mark.parametrize(("button", "lang", "name", "words"), [
    ("packing_list", "en", "Packing list – Masks for Hyogo – 2026-11-29.docx", ("Packing list", "Total (CNY)", "350.50 CNY")),
    ("certificate", "zh_CN", "捐赠证书 – Masks for Hyogo – 2026-11-29.docx", ("捐赠证书", "Certificate of Donation", "盖章 / Seal")),
])
def test_the_form_writes_a_paper_in_word(qtbot, gui_db, tmp_path, opened, button, lang, name, words):
    shipment = _shipment()
    form = forms.dialog_for("shipment", shipment, lang=lang, user="Li Na")
    qtbot.addWidget(form)
    form.show()
    qtbot.waitExposed(form)
    clicked = form.findChild(type(form.buttons.buttons()[0]), button)
    assert clicked is not None and clicked.isEnabled()
    qtbot.mouseClick(clicked, Qt.MouseButton.LeftButton)
    dialog = opened[0]
    qtbot.addWidget(dialog)
    qtbot.waitExposed(dialog)
    assert dialog.save_as.edit.text().endswith(".pdf")
    dialog.edition.setFocus()
    qtbot.keyClick(dialog.edition, Qt.Key.Key_Down)  # PDF -> Word
    assert dialog.chosen_edition() == "docx"
    assert dialog.save_as.edit.text() == str(tmp_path / name)
    qtbot.keyClick(dialog.edition, Qt.Key.Key_Return)  # Enter writes the paper
    qtbot.waitUntil(lambda: bool(dialog.offered), timeout=20_000)
    path, _what, printable = dialog.offered[0]
    assert path == tmp_path / name and path.exists() and not printable
    content = all_text(open_docx(path))
    for word in (*words, "AT&T <b>masks</b>"):
        assert word in content, word


def test_a_new_shipment_has_no_papers_until_it_is_saved(qtbot, gui_db):
    form = forms.dialog_for("shipment", None, lang="en", user="Li Na")
    qtbot.addWidget(form)
    buttons = {b.objectName(): b for b in form.paper_buttons}
    assert set(buttons) == {"packing_list", "certificate"}
    assert not any(b.isEnabled() for b in buttons.values())
