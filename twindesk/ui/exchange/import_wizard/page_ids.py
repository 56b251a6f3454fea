"""The wizard's pages by number (QWizard ids), and the origins of a sheet's mapping the window adds to
the engine's (automatic, remembered, given)."""

FILE, SHEETS, COLUMNS, PREVIEW, RESULT = range(5)
FROM_FILE, CHANGED = "from file", "changed"
