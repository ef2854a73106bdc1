"""An indicator's figures as CSV and XLSX, every visible vintage, with sources and footnotes.

The last column says 示例 for a figure of the example set (never in the public download).
"""

from __future__ import annotations

import csv
import io

from django.http import HttpResponse
from django.utils.translation import gettext as _
from openpyxl import Workbook

from planwatch.web.dashboard.series import visible
from planwatch.web.monitoring.models import Observation
from planwatch.web.plans.models import Indicator


def _header() -> list[str]:
    return [_("指标编号"), _("指标"), _("地区"), _("年份"), _("数值"), _("单位"), _("限定词"), _("版次"),
            _("来源"), _("原文摘录"), _("备注"), _("状态"), _("示例")]


def rows(indicator: Indicator, *, public: bool) -> list[list]:
    """Every visible annual figure, region by region, oldest year and vintage first."""
    observations = (
        visible(Observation.objects.filter(indicator=indicator), public)
        .select_related("region")
        .order_by("region__order", "region__name", "year", "vintage")
    )
    return [
        [indicator.code, indicator.name, o.region.name, o.year, o.value, o.measure_unit or indicator.unit,
         o.qualifier, o.vintage, o.source, o.quote, o.note, o.get_status_display(), _("示例") if o.is_example else ""]
        for o in observations
    ]


def csv_bytes(indicator: Indicator, *, public: bool) -> bytes:
    """UTF-8 with a BOM so that Excel on a Chinese Windows opens it without mojibake."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(_header())
    writer.writerows(rows(indicator, public=public))
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def xlsx_bytes(indicator: Indicator, *, public: bool) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = indicator.code
    sheet.append(_header())
    for row in rows(indicator, public=public):
        sheet.append(row)
    sheet.freeze_panes = "A2"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def response(indicator: Indicator, fmt: str, *, public: bool) -> HttpResponse:
    body = csv_bytes(indicator, public=public) if fmt == "csv" else xlsx_bytes(indicator, public=public)
    reply = HttpResponse(body, content_type=CONTENT_TYPES[fmt])
    reply["Content-Disposition"] = f'attachment; filename="planwatch-{indicator.code}.{fmt}"'
    return reply
