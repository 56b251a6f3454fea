"""The list pages: one table per list, its model (ids only, rows fetched lazily) and its filters."""
