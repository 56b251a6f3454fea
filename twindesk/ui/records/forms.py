"""The record forms: each record kind's dialog with its sub-record tabs (a visit's partners, delegation,
itinerary and gifts; a shipment's items; a partner's timeline, partnerships and contacts), and
`dialog_for(kind, …)` to open the right one."""

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import (
    QDialogButtonBox,
)

from twindesk.domain.model.vocabulary import DOCUMENT_OWNERS
from twindesk.ui.briefing.brief_dialog import BriefDialog
from twindesk.ui.briefing.paper_dialog import PaperDialog
from twindesk.ui.records import warnings_strip
from twindesk.ui.records.child_panel import ChildPanel
from twindesk.ui.records.documents_panel import DocumentsPanel
from twindesk.ui.records.partner_timeline_panel import TimelinePanel
from twindesk.ui.records.record_dialog import RecordDialog
from twindesk.ui.records.visit_partners_panel import VisitPartnersPanel

# kind -> [(tab title, sub-record kind, columns, reorderable)]
SUB_RECORDS = {
    "visit": [
        (QT_TRANSLATE_NOOP("SubRecordDialog", "Delegation"), "delegate", ["precedence", "name", "title", "organization", "role", "counterpart"], True),
        (QT_TRANSLATE_NOOP("SubRecordDialog", "Itinerary"), "itinerary_item", ["day", "start_time", "end_time", "place", "activity", "counterpart"], False),
        (QT_TRANSLATE_NOOP("SubRecordDialog", "Gifts"), "gift", ["direction", "description", "value", "currency", "giver", "recipient"], False),
        (QT_TRANSLATE_NOOP("SubRecordDialog", "Approval"), "visit_approval", ["authority", "document_number", "approved_on", "delegation_size",
                                                                            "countries", "days", "window_from", "window_to"], False),
    ],
    "shipment": [
        (QT_TRANSLATE_NOOP("SubRecordDialog", "Items"), "shipment_item", ["description", "category", "quantity", "unit", "value", "currency"], False),
    ],
    "partnership": [
        (QT_TRANSLATE_NOOP("SubRecordDialog", "Status history"), "status_change", ["changed_on", "status", "note"], False),
        (QT_TRANSLATE_NOOP("SubRecordDialog", "Agreements"), "agreement", ["kind", "title", "signed_on", "term_years", "expires_on"], False),
        (QT_TRANSLATE_NOOP("SubRecordDialog", "Approvals"), "partnership_approval", ["stage", "authority", "document_number", "decided_on",
                                                                                   "outcome"], False),
    ],
    "partner": [
        (QT_TRANSLATE_NOOP("SubRecordDialog", "Partnerships"), "partnership", ["home_locality", "tier", "status", "status_since", "signed_on",
                                         "established_year"], False),
        (QT_TRANSLATE_NOOP("SubRecordDialog", "Contacts"), "contact", ["honorific", "family_name", "given_name", "title", "organization", "email"], False),
    ],
}


BRIEFED_KINDS = ("visit", "partner")


class SubRecordDialog(RecordDialog):
    def _add_extra_tabs(self) -> None:
        self.brief_button = None
        if self.kind in BRIEFED_KINDS:
            self.brief_button = self.buttons.addButton(self.tr("Briefing pack…"),
                                                       QDialogButtonBox.ButtonRole.ActionRole)
            self.brief_button.setObjectName("brief_button")
            self.brief_button.setEnabled(self.record_id is not None)
            self.brief_button.setToolTip(self.tr("A PDF to print before the meeting"))
            self.brief_button.clicked.connect(self.open_brief)
        self.paper_buttons = []
        if self.kind == "shipment":  # its papers: the packing list and the certificate of donation
            for paper, text, tip in (("packing_list", self.tr("Packing list…"), self.tr("The list that goes with the goods (PDF or Word)")),
                                     ("certificate", self.tr("Donation certificate…"),
                                      self.tr("A certificate of donation in Chinese and English (PDF or Word)"))):
                button = self.buttons.addButton(text, QDialogButtonBox.ButtonRole.ActionRole)
                button.setObjectName(paper)
                button.setToolTip(tip)
                button.setEnabled(self.record_id is not None)
                button.clicked.connect(lambda _=False, p=paper: self.open_paper(p))
                self.paper_buttons.append(button)
        if self.kind == "partner":
            panel = TimelinePanel(self.record_id, self.lang, self.user, self.read_only)
            index = self.tabs.addTab(panel, self.tr("Timeline"))
            self.tabs.setTabEnabled(index, self.record_id is not None)  # activities are entered on their own
            if self.record_id is None:
                self.tabs.setTabToolTip(index, self.tr("The partner's activities show here once it is saved."))
        panels = []
        if self.kind == "visit":
            panels.append((VisitPartnersPanel(self.record_id, self.lang, self.user, self.read_only),
                           self.tr("Partners")))
        for title, kind, columns, reorderable in SUB_RECORDS.get(self.kind, []):
            panels.append((ChildPanel(kind, columns, parent_id=self.record_id, lang=self.lang, user=self.user,
                                      reorderable=reorderable, read_only=self.read_only), self.tr(title)))
        self.documents_panel = None
        if self.kind in DOCUMENT_OWNERS:
            self.documents_panel = DocumentsPanel(self.kind, self.record_id, lang=self.lang, user=self.user,
                                                  read_only=self.read_only)
            panels.append((self.documents_panel, self.tr("Documents")))
        for panel, title in panels:
            index = self.tabs.addTab(panel, title)
            # A new record's parts are typed before its first Save and saved with it (pending_parts.py);
            # a row of such a record (pending itself) gets its own parts once it is saved.
            panel.pendingChanged.connect(lambda: self._set_dirty(True))
            if self.pending:
                self.tabs.setTabEnabled(index, False)
                self.tabs.setTabToolTip(index, self.tr("Save the record first to add these."))
        warnings_strip.attach(self)  # a visit's approval warnings, a pending approval's stage

    def has_sub_records(self) -> bool:
        """A Documents tab alone (an activity's, a contact's) counts only while it holds files to attach:
        the form of a new record with nothing to add stays as it was, closing on Save."""
        return any(w is not self.history_panel and (w is not self.documents_panel or w.pending_files())
                   for w in map(self.tabs.widget, range(1, self.tabs.count())))

    def _enable_sub_records(self) -> None:
        super()._enable_sub_records()
        if self.brief_button is not None:
            self.brief_button.setEnabled(True)
        for button in self.paper_buttons:
            button.setEnabled(True)

    def open_brief(self) -> None:
        """The pack shows what is saved: save what was typed first (or stop if it cannot be saved)."""
        if self.record_id is None or not self.save():
            return
        BriefDialog(self.kind, self.record_id, lang=self.lang, parent=self).exec()

    def open_paper(self, paper: str) -> None:
        """As a brief: the paper shows what is saved."""
        if self.record_id is None or not self.save():
            return
        PaperDialog(paper, self.record_id, lang=self.lang, parent=self).exec()

    def panel(self, kind: str):
        for i in range(self.tabs.count()):
            widget = self.tabs.widget(i)
            if getattr(widget, "kind", None) == kind or widget.objectName() == f"panel_{kind}":
                return widget
        return None


def dialog_for(kind: str, record_id: int | None = None, **kwargs) -> RecordDialog:
    return SubRecordDialog(kind, record_id, **kwargs)
