"""The page of a paper with a frame (Paper.frame == "certificate"): a double border round the page in
place of the running header and footer, as a certificate is printed. The rest is BriefDocument's."""

from reportlab.lib.units import mm

from twindesk.briefing import styles as st
from twindesk.briefing.document import PAGE, BriefDocument

OUTER = 10 * mm  # from the page's edge: inside what every office printer prints
INNER = 11.8 * mm


class FramedDocument(BriefDocument):
    def _header_footer(self, canvas, page: int, pages: int) -> None:
        width, height = PAGE
        canvas.setStrokeColor(st.ACCENT)
        canvas.setLineWidth(2.2)
        canvas.rect(OUTER, OUTER, width - 2 * OUTER, height - 2 * OUTER)
        canvas.setLineWidth(0.6)
        canvas.rect(INNER, INNER, width - 2 * INNER, height - 2 * INNER)
