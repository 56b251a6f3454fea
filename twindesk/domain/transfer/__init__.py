"""Workbook rows out and in: the rows an export writes, checking an import, applying it."""
