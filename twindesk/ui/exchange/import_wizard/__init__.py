"""File › Import…: a wizard from the file to the refreshed lists (see wizard.py)."""
