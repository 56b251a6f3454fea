"""Briefing packs in the window: the dialog that builds one, printing it."""
