"""Who changed what: the Recent changes dialog (a record's own history is a tab of its form)."""
