"""Rules and use cases without Qt: validation, list queries, derived facts, the demo data."""
