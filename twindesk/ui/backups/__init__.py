"""Restoring from a backup, and what a damaged database opens to."""
