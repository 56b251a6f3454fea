"""The main window's pages: which there are, in the stack's order, and how each is made and wired when it
is first opened (ui/shell/page_stack.py; docs/architecture.md, "Start-up"). A page's module is imported
here, when the page is built, not when the window is."""

from twindesk.ui.shell import kind_access, window_state
from twindesk.ui.shell import settings as S

# (record kind, or "dashboard"; list name, None for the dashboard)
PAGES = (("dashboard", None), ("partner", "partners"), ("visit", "visits"), ("shipment", "shipments"),
         ("activity", "activities"), ("home_locality", "home_localities"))


def build(window, row: int):
    """Page `row` of `window`; its data loads as it is shown."""
    list_name = PAGES[row][1]
    if list_name is None:
        from twindesk.ui.dashboard.page import DashboardPage

        return DashboardPage(lang=window.lang, quiet_after_days=window.settings.get(S.QUIET_AFTER_DAYS))
    from twindesk.ui.lists import pages

    return pages.LIST_PAGES[list_name](window.lang)


def connect(window, row: int, page) -> None:
    """A page just built joins the window: its requests, and for a list its saved columns."""
    page.openRecord.connect(window.open_record)
    if PAGES[row][1] is None:
        return
    page.deleteRecord.connect(window.delete_record)
    page.selectionChanged.connect(window._update_actions)
    page.exportRequested.connect(window.export_view)
    window_state.restore_columns(window, page)
    kind_access.show_on_page(window, page)  # an editor's home localities: read-only, saying why
