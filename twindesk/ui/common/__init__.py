"""The few things every screen shares: the change-notice bus, long work off the GUI thread, value formatting, Save-as."""
