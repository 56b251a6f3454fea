"""Reading: list queries, record details, insights, the dashboard overview and briefing content."""
