"""What the main window keeps between runs: geometry, the page on screen, each list's columns (per
language). A list page built later (ui/shell/page_stack.py) gets its columns when it is built; one
never built this time keeps what was saved before."""

from twindesk.ui.shell import settings as S


def restore(window) -> None:
    geometry = window.settings.get(S.GEOMETRY)
    if geometry:
        window.restoreGeometry(geometry)
    else:
        window.resize(1280, 800)
    saved = window.settings.get(S.CURRENT_PAGE)
    row = saved if 0 <= saved < window.nav.count() else 0
    window.nav.blockSignals(True)  # the page is built once the shell has painted (MainWindow.showEvent)
    window.nav.setCurrentRow(row)
    window.nav.blockSignals(False)
    window.stack.setCurrentIndex(row)


def restore_columns(window, page) -> None:
    state = window.settings.column_state(page.spec.list_name, window.lang)
    if state:
        header = page.view.horizontalHeader()
        header.blockSignals(True)  # no query yet; the page queries when shown
        header.restoreState(state)
        header.blockSignals(False)
        page.adopt_sort_indicator()
        page._sized = True  # noqa: SLF001 - the user's widths win over automatic ones


def save(window) -> None:
    window.settings.set(S.GEOMETRY, window.saveGeometry())
    window.settings.set(S.CURRENT_PAGE, window.nav.currentRow())
    for page in window.stack.built_pages():
        if hasattr(page, "spec"):  # a list page (not the dashboard)
            window.settings.set_column_state(page.spec.list_name, window.lang,
                                             page.view.horizontalHeader().saveState())
    window.settings.sync()
