"""An indicator's figures as CSV and XLSX, every visible vintage, with sources.

Two sets of columns. Signed-in roles get the working columns (原文摘录, 备注, 状态 and a last column
saying 示例 for a figure of the example set), the notes only where their audience may read them
(``monitoring.audience.Audience.reads_notes``). The public gets the public fields only: the figure, its release
and its source (the address and its citation, 发布机构《文件标题》 or the site, ``dashboard.sources.citation``)
— no internal note, never an example.
This module only queries and translates; the files are written by ``planwatch.reports.formats`` (``csv``,
``xlsx``), which keep formula-like text inert.
"""

from __future__ import annotations

from django.http import HttpResponse
from django.utils.translation import gettext as _

from planwatch.reports.formats import csv as csv_format
from planwatch.reports.formats import xlsx as xlsx_format
from planwatch.web.dashboard.sources import citation, cited
from planwatch.web.monitoring.audience import as_audience, visible
from planwatch.web.monitoring.models import Observation
from planwatch.web.plans.models import Indicator


def _header(public: bool) -> list[str]:
    common = [
        _("指标编号"),
        _("指标"),
        _("地区"),
        _("年份"),
        _("数值"),
        _("单位"),
        _("限定词"),
        _("版次"),
        _("来源"),
    ]
    if public:
        return [*common, _("出处")]
    return [*common, _("原文摘录"), _("备注"), _("状态"), _("示例")]


def rows(indicator: Indicator, *, public: object) -> list[list[object]]:
    """Every visible annual figure, region by region, oldest year and vintage first."""
    audience = as_audience(public)
    observations = (
        visible(Observation.objects.filter(indicator=indicator), audience)
        .select_related("region")
        .order_by("region__order", "region__name", "year", "vintage")
    )
    out = []
    for o in observations:
        row = [
            indicator.code,
            indicator.name,
            o.region.name,
            o.year,
            o.value,
            o.measure_unit or indicator.unit,
            o.qualifier,
            o.vintage,
            o.source,
        ]
        if audience.public:
            row.append(citation(*cited(o)))
        else:
            notes = audience.reads_notes(o.unit_id)
            row += [
                o.quote if notes else "",
                o.note if notes else "",
                o.get_status_display(),
                _("示例") if o.is_example else "",
            ]
        out.append(row)
    return out


def csv_bytes(indicator: Indicator, *, public: object) -> bytes:
    """UTF-8 with a BOM so that Excel on a Chinese Windows opens it without mojibake."""
    return csv_format.csv_bytes(_header(bool(public)), rows(indicator, public=public))


def xlsx_bytes(indicator: Indicator, *, public: object) -> bytes:
    return xlsx_format.xlsx_bytes([(indicator.code, _header(bool(public)), rows(indicator, public=public))])


CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": xlsx_format.CONTENT_TYPE,
}


def response(indicator: Indicator, fmt: str, *, public: object) -> HttpResponse:
    body = csv_bytes(indicator, public=public) if fmt == "csv" else xlsx_bytes(indicator, public=public)
    reply = HttpResponse(body, content_type=CONTENT_TYPES[fmt])
    reply["Content-Disposition"] = f'attachment; filename="planwatch-{indicator.code}.{fmt}"'
    return reply
