"""The wizard's last page: what was written, sheet by sheet, where the backup is (on a server: its own
backups, pg_dump's), and that the mapping is remembered for lists with the same headers. The lists have
refreshed already, from the import's change notice."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWizardPage


class ResultPage(QWizardPage):
    def __init__(self, wizard):
        super().__init__(wizard)
        self.setObjectName("result_page")
        self.setTitle(self.tr("Imported"))
        self.text = QLabel()
        self.text.setObjectName("result_text")
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addStretch(1)

    def initializePage(self) -> None:
        wizard = self.wizard()
        report = wizard.result
        lines = [self.tr("%1 is imported.").replace("%1", wizard.path.name), ""]
        for sheet in report.created:
            lines.append(self.tr("%1: %2 new, %3 changed").replace("%1", sheet)
                         .replace("%2", str(report.created.get(sheet, 0)))
                         .replace("%3", str(report.updated.get(sheet, 0))))
        made = getattr(report, "created_for_references", [])
        if made:
            lines.append(self.tr("Made for the rows that name them: %1").replace(
                "%1", "、".join(c.name for c in made)))
        if report.backup is None:  # a server database: no file is copied, its own backups hold the before
            lines += ["", self.tr("The server's backups (pg_dump) hold the database as it was before.")]
        else:
            lines += ["", self.tr("The database as it was before is saved as %1").replace("%1", str(report.backup))]
        if not wizard.twindesk:
            lines.append(self.tr("The mapping is remembered: a list with the same headers is recognised the same "
                                 "way next time."))
        self.text.setText("\n".join(lines))
