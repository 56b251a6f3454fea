"""The list pages of the main window: which list, which columns, which filters."""

from PySide6.QtCore import QCoreApplication

from twindesk.domain import vocabulary as v
from twindesk.ui.formatting import display_name, format_value
from twindesk.ui.list_model import Column
from twindesk.ui.list_page import ListPage, PageSpec


def _t(text: str) -> str:
    return QCoreApplication.translate("Columns", text)


def _col(key: str, header: str, lang: str, vocab=None, kind: str = "", sort_key: str | None = None,
         right: bool = False) -> Column:
    return Column(key, _t(header), lambda row: format_value(row.get(key), lang, vocab, kind),
                  align_right=right, sort_key=sort_key or key)


def _partner_col(lang: str) -> Column:
    return Column("partner", _t("Partner"),
                  lambda row: display_name(row.get("partner_zh"), row.get("partner_en"), row.get("partner_native"), lang),
                  sort_key="partner_zh" if lang.startswith("zh") else "partner_en")


def partners_page(lang: str) -> ListPage:
    columns = [
        _col("id", "ID", lang, kind="id", right=True),
        _col("name_zh", "Chinese name", lang),
        _col("name_en", "English name", lang),
        _col("name_native", "Native name", lang),
        _col("kind", "Kind", lang, v.PARTNER_KINDS),
        _col("country", "Country", lang, kind="country"),
        _col("population", "Population", lang, right=True),
        _col("partnerships", "Partnerships", lang, right=True),
    ]
    spec = PageSpec("partners", "partner", _t("Kind"), v.PARTNER_KINDS)
    return ListPage(spec, columns, lang=lang)


def visits_page(lang: str) -> ListPage:
    columns = [
        _col("id", "ID", lang, kind="id", right=True),
        _col("start_on", "Start", lang),
        _col("end_on", "End", lang),
        _col("direction", "Direction", lang, v.VISIT_DIRECTIONS),
        _col("status", "Status", lang, v.VISIT_STATUSES),
        _col("title", "Title", lang),
        _col("partners", "Partners", lang),
        _col("leader", "Leader", lang),
        _col("delegates", "Delegates", lang, right=True),
    ]
    spec = PageSpec("visits", "visit", _t("Status"), v.VISIT_STATUSES, v.VISIT_DIRECTIONS, has_dates=True)
    return ListPage(spec, columns, lang=lang)


def shipments_page(lang: str) -> ListPage:
    columns = [
        _col("id", "ID", lang, kind="id", right=True),
        _col("date", "Date", lang),
        _col("direction", "Direction", lang, v.SHIPMENT_DIRECTIONS),
        _col("status", "Status", lang, v.SHIPMENT_STATUSES),
        _col("kind", "Kind", lang, v.SHIPMENT_KINDS),
        _col("title", "Title", lang),
        _partner_col(lang),
        _col("counterparty", "Donor / recipient (other)", lang),
        _col("occasion", "Occasion", lang),
        _col("tracking_ref", "Tracking", lang),
    ]
    spec = PageSpec("shipments", "shipment", _t("Status"), v.SHIPMENT_STATUSES, v.SHIPMENT_DIRECTIONS, has_dates=True)
    return ListPage(spec, columns, lang=lang)


def activities_page(lang: str) -> ListPage:
    columns = [
        _col("id", "ID", lang, kind="id", right=True),
        _col("held_on", "Date", lang),
        _col("kind", "Kind", lang, v.ACTIVITY_KINDS),
        _col("title", "Title", lang),
        _partner_col(lang),
        _col("place", "Place", lang),
        _col("follow_up_on", "Follow-up", lang),
    ]
    spec = PageSpec("activities", "activity", _t("Kind"), v.ACTIVITY_KINDS, has_dates=True)
    return ListPage(spec, columns, lang=lang)


def localities_page(lang: str) -> ListPage:
    columns = [
        _col("id", "ID", lang, kind="id", right=True),
        _col("name_zh", "Chinese name", lang),
        _col("name_en", "English name", lang),
        _col("kind", "Kind", lang, v.LOCALITY_KINDS),
        _col("sort_order", "Order", lang, right=True),
        _col("partnerships", "Partnerships", lang, right=True),
    ]
    spec = PageSpec("home_localities", "home_locality", _t("Kind"), v.LOCALITY_KINDS)
    return ListPage(spec, columns, lang=lang)
