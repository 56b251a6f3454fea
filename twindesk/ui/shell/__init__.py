"""The application's shell: start-up, the session over one database, the main window, settings, the crash dialog."""
