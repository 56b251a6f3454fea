"""Workbooks in the window: export, export this view, import and its problems list."""
