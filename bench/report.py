"""Benchmark: the full Ganzhou final report — 36 indicators, a chart each, every section, 18 counties —
in all four formats (DOCX, XLSX, PDF, HTML).

The plan is the shipped document read by the plan reader; the figures are generated (a steady
series for the city and each of the 18 county-level units, 2020–2025), so every indicator has a
chart, a county table and a ranking. No database: the snapshot is built in memory, as the web layer
would store it. The baseline, measured in the same run, is the evaluation alone (``Snapshot.evaluate``);
the ratio says what the report costs beyond grading the figures.

Run: ``.venv/bin/python bench/report.py`` (``--out DIR`` keeps the four files).
Budget (issue 15): all four formats together under 15 s.
"""

from __future__ import annotations

import argparse
import csv
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from planwatch.data import DATA_DIR, GANZHOU_PLAN  # noqa: E402
from planwatch.documents import read_plan  # noqa: E402
from planwatch.evaluation import DEFAULT_SETTINGS  # noqa: E402
from planwatch.reports.snapshot import Snapshot, plan_header, settings_json  # noqa: E402

BUDGET_S = 15.0
YEARS = range(2020, 2026)


def _counties() -> tuple[str, list[str]]:
    rows = list(csv.DictReader((DATA_DIR / "regions" / "ganzhou.csv").open(encoding="utf-8")))
    city = next(r["name"] for r in rows if r["kind"] == "city")
    return city, [r["name"] for r in rows if r["kind"] in ("district", "county", "county_city")]


def _spec(plan, indicator) -> dict:
    t = indicator.target
    kind = getattr(t.kind, "value", t.kind)
    return {
        "indicator": indicator.code,
        "name": indicator.name,
        "unit": indicator.unit,
        "pillar": indicator.pillar,
        "attribute": getattr(indicator.attribute, "value", indicator.attribute),
        "direction": getattr(indicator.direction, "value", indicator.direction),
        "kind": kind,
        "target_value": t.value,
        "target_year": t.year or plan.target_year,
        "target_text": t.text,
        "qualifier": t.qualifier,
        "strict": bool(t.strict),
        "baseline": indicator.baseline,
        "base_year": indicator.baseline_year or plan.base_year,
        "target_version": 1,
        "target_origin": "plan",
        "baseline_text": indicator.baseline_text,
    }


def build_snapshot() -> Snapshot:
    plan = read_plan(GANZHOU_PLAN)
    city, counties = _counties()
    specs = [_spec(plan, i) for i in plan.indicators]
    observations = []
    for n, spec in enumerate(specs):
        base = spec["baseline"] or 100.0
        rate = spec["kind"] in ("annual_growth", "cumulative_reduction")
        for r, region in enumerate([city, *counties]):
            scale = 1.0 if r == 0 or rate or "%" in spec["unit"] else 0.05 + 0.01 * r
            for k, year in enumerate(YEARS):
                growth = 1 + 0.01 * ((n + r) % 7) * k
                value = base * (1 + 0.02 * ((r % 5) - 2) / 10) * (1.0 if rate else growth) * scale
                observations.append(
                    {
                        "indicator": spec["indicator"],
                        "region": region,
                        "year": year,
                        "value": round(value, 3),
                        "vintage": 1,
                        "qualifier": "",
                        "source": f"{region}{year}年统计公报",
                        "status": "published",
                    }
                )
    return Snapshot(
        plan=plan_header(plan, version=1),
        kind="final",
        as_of=2025,
        edition="public",
        plan_region=city,
        counties=counties,
        specs=specs,
        observations=observations,
        settings=settings_json(DEFAULT_SETTINGS),
        taken_at="2026-01-15T09:00:00+08:00",
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=None, help="folder to keep the four files in")
    args = parser.parse_args(argv)
    out = args.out or Path(tempfile.mkdtemp(prefix="planwatch-report-"))
    out.mkdir(parents=True, exist_ok=True)

    from planwatch.reports import docx, html, pdf, xlsx
    from planwatch.reports.content import build_report
    from planwatch.reports.figures import draw_figures

    snapshot = build_snapshot()
    print(
        f"{len(snapshot.specs)} indicators, {len(snapshot.counties)} counties, "
        f"{len(snapshot.observations)} observations"
    )
    t0 = time.perf_counter()
    snapshot.evaluate()
    baseline = time.perf_counter() - t0
    print(f"baseline: evaluation alone        {baseline:7.2f} s")

    start, cpu = time.perf_counter(), time.process_time()
    report = build_report(snapshot, frame=snapshot.evaluate())
    content = time.perf_counter() - start
    t = time.perf_counter()
    figures = draw_figures(report, str(DATA_DIR / "maps" / "ganzhou-counties.geojson"))
    charts = time.perf_counter() - t
    print(f"content (evaluation + sections)    {content:7.2f} s")
    print(f"figures ({len(figures.indicators)} charts + county map)   {charts:7.2f} s")
    timings = {}
    files = {}
    for name, write in (("docx", docx.write_docx), ("xlsx", xlsx.write_xlsx), ("html", html.write_html)):
        t = time.perf_counter()
        files[name] = write(report, figures)
        timings[name] = time.perf_counter() - t
    t = time.perf_counter()
    files["pdf"] = pdf.write_pdf(report, figures, files["html"])
    timings["pdf"] = time.perf_counter() - t
    total, cpu = time.perf_counter() - start, time.process_time() - cpu
    for name in ("docx", "xlsx", "pdf", "html"):
        (out / f"report.{name}").write_bytes(files[name])
        print(f"{name:5s} {timings[name]:7.2f} s   {len(files[name]) / 1024:8.0f} KiB")
    print(f"total, all four formats (content and figures shared): {total:.2f} s (budget {BUDGET_S:.0f} s)")
    print(f"CPU time of this process: {cpu:.2f} s (wall time above includes waiting for a shared CPU)")
    print(f"ratio total/baseline: {total / baseline:.1f}")
    print(f"files in {out}")
    return 0 if total < BUDGET_S else 1


if __name__ == "__main__":
    raise SystemExit(main())
