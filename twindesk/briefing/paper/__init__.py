"""The paper model: what a printed paper says, block by block, independent of the file it is written to.

Sections build it once (`model.py`); `pdf.py` turns it into reportlab flowables, `docx.py` into a Word
document. See docs/architecture.md, "Files".
"""
