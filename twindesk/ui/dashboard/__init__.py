"""The landing page: cards of what needs attention, charts, counts."""
