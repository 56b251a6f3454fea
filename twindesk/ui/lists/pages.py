"""The list pages of the main window: which list, which columns, which filters."""

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from twindesk.domain.model import vocabulary as v
from twindesk.ui.common.formatting import display_name, format_value
from twindesk.ui.lists.list_model import Column
from twindesk.ui.lists.list_page import ListPage, PageSpec


def _t(text: str) -> str:
    """A column header; the literals are marked with QT_TRANSLATE_NOOP("Columns", …) for lupdate."""
    return QCoreApplication.translate("Columns", text)


def _col(key: str, header: str, lang: str, vocab=None, kind: str = "", sort_key: str | None = None,
         right: bool = False) -> Column:
    return Column(key, _t(header), lambda row: format_value(row.get(key), lang, vocab, kind),
                  align_right=right, sort_key=sort_key or key, raw=vocab is None and kind != "country",
                  badge=key == "status")


def _partner_col(lang: str) -> Column:
    return Column("partner", _t(QT_TRANSLATE_NOOP("Columns", "Partner")),
                  lambda row: display_name(row.get("partner_zh"), row.get("partner_en"), row.get("partner_native"), lang),
                  sort_key="partner_zh" if lang.startswith("zh") else "partner_en")


def partners_page(lang: str) -> ListPage:
    columns = [
        _col("id", QT_TRANSLATE_NOOP("Columns", "ID"), lang, kind="id", right=True),
        _col("name_zh", QT_TRANSLATE_NOOP("Columns", "Chinese name"), lang),
        _col("name_en", QT_TRANSLATE_NOOP("Columns", "English name"), lang),
        _col("name_native", QT_TRANSLATE_NOOP("Columns", "Native name"), lang),
        _col("kind", QT_TRANSLATE_NOOP("Columns", "Kind"), lang, v.PARTNER_KINDS),
        _col("country", QT_TRANSLATE_NOOP("Columns", "Country"), lang, kind="country"),
        _col("population", QT_TRANSLATE_NOOP("Columns", "Population"), lang, right=True),
        _col("partnerships", QT_TRANSLATE_NOOP("Columns", "Partnerships"), lang, right=True),
    ]
    spec = PageSpec("partners", "partner", _t(QT_TRANSLATE_NOOP("Columns", "Kind")), v.PARTNER_KINDS)
    return ListPage(spec, columns, lang=lang)


def visits_page(lang: str) -> ListPage:
    columns = [
        _col("id", QT_TRANSLATE_NOOP("Columns", "ID"), lang, kind="id", right=True),
        _col("start_on", QT_TRANSLATE_NOOP("Columns", "Start"), lang),
        _col("end_on", QT_TRANSLATE_NOOP("Columns", "End"), lang),
        _col("direction", QT_TRANSLATE_NOOP("Columns", "Direction"), lang, v.VISIT_DIRECTIONS),
        _col("status", QT_TRANSLATE_NOOP("Columns", "Status"), lang, v.VISIT_STATUSES),
        _col("title", QT_TRANSLATE_NOOP("Columns", "Title"), lang),
        _col("partners", QT_TRANSLATE_NOOP("Columns", "Partners"), lang),
        _col("leader", QT_TRANSLATE_NOOP("Columns", "Leader"), lang),
        _col("delegates", QT_TRANSLATE_NOOP("Columns", "Delegates"), lang, right=True),
    ]
    spec = PageSpec("visits", "visit", _t(QT_TRANSLATE_NOOP("Columns", "Status")), v.VISIT_STATUSES, v.VISIT_DIRECTIONS, has_dates=True)
    return ListPage(spec, columns, lang=lang)


def shipments_page(lang: str) -> ListPage:
    columns = [
        _col("id", QT_TRANSLATE_NOOP("Columns", "ID"), lang, kind="id", right=True),
        _col("date", QT_TRANSLATE_NOOP("Columns", "Date"), lang),
        _col("direction", QT_TRANSLATE_NOOP("Columns", "Direction"), lang, v.SHIPMENT_DIRECTIONS),
        _col("status", QT_TRANSLATE_NOOP("Columns", "Status"), lang, v.SHIPMENT_STATUSES),
        _col("kind", QT_TRANSLATE_NOOP("Columns", "Kind"), lang, v.SHIPMENT_KINDS),
        _col("title", QT_TRANSLATE_NOOP("Columns", "Title"), lang),
        _partner_col(lang),
        _col("counterparty", QT_TRANSLATE_NOOP("Columns", "Donor / recipient (other)"), lang),
        _col("occasion", QT_TRANSLATE_NOOP("Columns", "Occasion"), lang),
        _col("tracking_ref", QT_TRANSLATE_NOOP("Columns", "Tracking"), lang),
    ]
    spec = PageSpec("shipments", "shipment", _t(QT_TRANSLATE_NOOP("Columns", "Status")), v.SHIPMENT_STATUSES, v.SHIPMENT_DIRECTIONS, has_dates=True)
    return ListPage(spec, columns, lang=lang)


def activities_page(lang: str) -> ListPage:
    columns = [
        _col("id", QT_TRANSLATE_NOOP("Columns", "ID"), lang, kind="id", right=True),
        _col("held_on", QT_TRANSLATE_NOOP("Columns", "Date"), lang),
        _col("kind", QT_TRANSLATE_NOOP("Columns", "Kind"), lang, v.ACTIVITY_KINDS),
        _col("title", QT_TRANSLATE_NOOP("Columns", "Title"), lang),
        _partner_col(lang),
        _col("place", QT_TRANSLATE_NOOP("Columns", "Place"), lang),
        _col("follow_up_on", QT_TRANSLATE_NOOP("Columns", "Follow-up"), lang),
    ]
    spec = PageSpec("activities", "activity", _t(QT_TRANSLATE_NOOP("Columns", "Kind")), v.ACTIVITY_KINDS, has_dates=True)
    return ListPage(spec, columns, lang=lang)


def localities_page(lang: str) -> ListPage:
    columns = [
        _col("id", QT_TRANSLATE_NOOP("Columns", "ID"), lang, kind="id", right=True),
        _col("name_zh", QT_TRANSLATE_NOOP("Columns", "Chinese name"), lang),
        _col("name_en", QT_TRANSLATE_NOOP("Columns", "English name"), lang),
        _col("kind", QT_TRANSLATE_NOOP("Columns", "Kind"), lang, v.LOCALITY_KINDS),
        _col("sort_order", QT_TRANSLATE_NOOP("Columns", "Order"), lang, right=True),
        _col("partnerships", QT_TRANSLATE_NOOP("Columns", "Partnerships"), lang, right=True),
    ]
    spec = PageSpec("home_localities", "home_locality", _t(QT_TRANSLATE_NOOP("Columns", "Kind")), v.LOCALITY_KINDS)
    return ListPage(spec, columns, lang=lang)


# Each list page by its list name, built by the main window when first opened.
LIST_PAGES = {"partners": partners_page, "visits": visits_page, "shipments": shipments_page,
              "activities": activities_page, "home_localities": localities_page}
