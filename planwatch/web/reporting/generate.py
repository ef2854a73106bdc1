"""Writing report files from a snapshot, with progress: shared by the command line and the background task.

``render(snapshot, formats, language, progress)`` evaluates once, draws the figures once and writes each
format asked for; ``progress(done, total, step)`` is called as it goes (a Rich bar on the command
line, the ``ReportFile`` row's progress on the web).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from planwatch.data import DATA_DIR
from planwatch.reports import FORMATS
from planwatch.reports.content import build_report
from planwatch.reports.figures import draw_figures
from planwatch.reports.snapshot import Snapshot

MAP_FILE = DATA_DIR / "maps" / "ganzhou-counties.geojson"
Progress = Callable[[int, int, str], None]


def _quiet(done: int, total: int, step: str) -> None:
    return None


def render(
    snapshot: Snapshot, formats: Sequence[str], language: str = "zh", progress: Progress = _quiet
) -> dict[str, bytes]:
    from planwatch.reports import docx, html, pdf, xlsx

    unknown = [f for f in formats if f not in FORMATS]
    if unknown:
        raise ValueError(f"不支持的格式:{'、'.join(unknown)}(可用:{'、'.join(FORMATS)})")
    steps = 2 + len(formats)
    progress(0, steps, "评估")
    report = build_report(snapshot, language)
    progress(1, steps, "作图")
    figures = draw_figures(report, str(MAP_FILE) if MAP_FILE.exists() else None)
    progress(2, steps, "作图")
    out: dict[str, bytes] = {}
    writers = {"docx": docx.write_docx, "xlsx": xlsx.write_xlsx, "html": html.write_html}
    for index, name in enumerate(formats, start=3):
        progress(index - 1, steps, name.upper())
        if name == "pdf":
            out[name] = pdf.write_pdf(report, figures, out.get("html"))
        else:
            out[name] = writers[name](report, figures)
        progress(index, steps, name.upper())
    return out


def filename(snapshot: Snapshot, fmt: str, language: str = "zh") -> str:
    """赣州市2025总结评估报告-内部版.docx, and for an English report Ganzhou-2025-final-evaluation-internal.docx:
    a file in English is named in English (it was 赣州市2025总结评估报告-内部版-en.docx)."""
    if language == "en":
        kind = "final-evaluation" if snapshot.kind == "final" else "annual-monitoring"
        edition = "public" if snapshot.public else "internal"
        return f"{_region_in_english(snapshot.plan_region)}-{snapshot.as_of}-{kind}-{edition}.{fmt}"
    kind = "总结评估报告" if snapshot.kind == "final" else "年度监测报告"
    edition = "公开版" if snapshot.public else "内部版"
    return f"{snapshot.plan_region}{snapshot.as_of}{kind}-{edition}.{fmt}"


def _region_in_english(name: str) -> str:
    """The region's key in the reference data, capitalised (赣州市 → Ganzhou); "Plan" for a region without one."""
    from planwatch.web.places.models import Region

    key = Region.objects.filter(name=name).values_list("key", flat=True).first()
    return key.capitalize() if key else "Plan"
