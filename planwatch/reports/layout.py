"""The report's tables and sections in order, as every writer lays them out (pure).

A ``Table`` is a title, a header and rows of ``Cell``: the printed text, the number behind it (for
Excel, where numbers stay numbers) with its number format, and the grade whose colour the cell takes.
``sections(report)`` yields the report's blocks in order — headings, paragraphs, tables, figures —
so the Word, HTML and PDF writers differ only in how they draw a block, and the Excel writer puts
each top-level section on its own sheet.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from planwatch.evaluation.vocabulary import REVERSE
from planwatch.reports.content import IndicatorRow, Report
from planwatch.reports.formatting import format_percent, format_rate, format_value
from planwatch.reports.words import grade_word

PERCENT = "0.0%"
# Excel's number format for a change in 百分点, by the report's language.
POINTS = {"zh": '+0.00"个百分点";-0.00"个百分点";0.00"个百分点"', "en": '+0.00" pp";-0.00" pp";0.00" pp"'}


@dataclass
class Cell:
    text: str
    number: float | int | None = None
    number_format: str = ""
    grade: str | None = None  # the vocabulary's word: colours the cell

    @property
    def value(self) -> float | int | str | None:
        """What a spreadsheet cell holds: the number when there is one, else the text."""
        return self.number if self.number is not None else (self.text if self.text != "—" else None)


@dataclass
class Table:
    title: str
    header: list[str]
    rows: list[list[Cell]]
    sheet: str = ""  # the Excel sheet this table goes on
    wrap: tuple[int, ...] | None = (
        None  # columns whose text may wrap (None: all); the others stay on one line
    )
    widths: tuple[int, ...] | None = None  # column widths in per cent of the page, for wide tables


@dataclass
class Block:
    kind: str  # heading1 | heading2 | paragraph | table | figure | cover | pagebreak
    text: str = ""
    table: Table | None = None
    figure: str = ""  # key into ReportFigures: "indicator:<code>" or "county_map"
    sheet: str = ""
    extra: dict = field(default_factory=dict)


def _dec(decimals: int) -> str:
    return "0" if decimals == 0 else "0." + "0" * decimals


def _value(value: float | None, unit: str, decimals: int) -> Cell:
    return Cell(format_value(value, unit, decimals), value, _dec(decimals))


def _number(value: float | None, row: IndicatorRow) -> Cell:
    return _value(value, row.value_unit, row.decimals)


def _latest(row: IndicatorRow, *, with_year: bool = False) -> Cell:
    """The latest figure as published: its text and its spreadsheet format at the stated decimals."""
    cell = _value(row.latest_value, row.value_unit, row.latest_decimals)
    cell.text = row.latest_text + (f"({row.latest_year})" if with_year and row.latest_year else "")
    return cell


def _share(value: float | None) -> Cell:
    return Cell(format_percent(value), value, PERCENT)


def _rate(value: float | None) -> Cell:
    return Cell(format_rate(value), value, PERCENT)


def _achieved(row: IndicatorRow) -> Cell:
    """实际年均增速: a rate or share in 百分点 a year (the number stays the points), else a rate."""
    if row.points_per_year is not None:
        return Cell(row.actual_text, row.points_per_year, POINTS[row.language])
    return _rate(row.actual_growth)


def _needed(row: IndicatorRow) -> Cell:
    """需年均增速: a rate or share in 百分点 (the number stays the points, formatted so), else a rate."""
    if row.required_points is not None:
        return Cell(row.required_text, row.required_points, POINTS[row.language])
    return _rate(row.required_growth)


def _header(report: Report, *keys: str) -> list[str]:
    return [report.words[k] for k in keys]


# The progress columns an indicator's own table and the lagging table share, in this order.
PROGRESS_COLUMNS = ("col_completion", "col_time_share", "col_actual", "col_required", "col_grade")


def _progress_cells(row: IndicatorRow) -> list[Cell]:
    return [
        _share(row.completion),
        _share(row.time_share),
        _achieved(row),
        _needed(row),
        Cell(row.grade_label, grade=row.grade),
    ]


def main_table(report: Report, title: str = "") -> Table:
    w = report.words
    header = _header(
        report,
        "col_code",
        "col_name",
        "col_unit",
        "col_attribute",
        "col_baseline",
        "col_target",
        "col_latest",
        "col_latest_year",
        "col_completion",
        "col_time_share",
        "col_grade",
        "col_warning",
    )
    rows = []
    for i, r in enumerate(report.rows, start=1):
        rows.append(
            [
                Cell(str(i), i),
                Cell(r.name),
                Cell(r.unit),
                Cell(r.attribute),
                _number(r.baseline, r),
                Cell(r.target),
                _latest(r),
                Cell(str(r.latest_year) if r.latest_year else "—", r.latest_year),
                _share(r.completion),
                _share(r.time_share),
                Cell(r.grade_label, grade=r.grade),
                Cell(w["warning_yes"] if r.warning else "", grade=REVERSE if r.warning else None),
            ]
        )
    return Table(
        title or w["table"],
        header,
        rows,
        sheet=_sheet(w["table"]),
        widths=(4, 17, 6, 7, 10, 14, 11, 6, 7, 7, 8, 5),
    )


def indicator_table(report: Report, row: IndicatorRow) -> Table:
    """One indicator's own figures under its chart: in the terms of its target kind."""
    header = _header(report, "col_baseline", "col_target", "col_latest", *PROGRESS_COLUMNS)
    cells = [_number(row.baseline, row), Cell(row.target), _latest(row, with_year=True), *_progress_cells(row)]
    return Table(row.name, header, [cells])


def lagging_table(report: Report) -> Table:
    w = report.words
    header = _header(report, "col_name", "col_attribute", "col_latest", *PROGRESS_COLUMNS, "col_reason")
    rows = [
        [Cell(r.name), Cell(r.attribute), _latest(r), *_progress_cells(r), Cell(r.reason)]
        for r in report.lagging
    ]
    return Table(w["lagging"], header, rows, sheet=_sheet(w["lagging"]))


def county_tables(report: Report) -> list[Table]:
    w = report.words
    header = _header(
        report, "col_rank", "col_region", "col_value", "col_growth", "col_completion", "col_grade"
    )
    tables = []
    for ind in report.counties.indicators:
        rows = []
        for cell in ind.ranked("growth"):
            rows.append(
                [
                    Cell(str(cell.rank_growth) if cell.rank_growth else "—", cell.rank_growth),
                    Cell(cell.region),
                    _value(cell.value, ind.value_unit, ind.decimals),
                    _rate(cell.growth),
                    _share(cell.completion),
                    Cell(cell.grade_label, grade=cell.grade),
                ]
            )
        title = w["county_table"].format(name=ind.name, unit=ind.unit or "—", year=ind.year or "—")
        tables.append(Table(f"{title} · {w['ranking_growth']}", header, rows))
    return tables


def county_grade_matrix(report: Report) -> Table:
    """Counties × indicators, each cell the grade word: the comparison at a glance (Excel sheet)."""
    w = report.words
    inds = report.counties.indicators
    header = [w["col_region"], *[i.name for i in inds]]
    rows = []
    for county in report.counties.counties:
        cells = [Cell(county)]
        for ind in inds:
            cell = next(c for c in ind.cells if c.region == county)
            cells.append(Cell(cell.grade_label, grade=cell.grade))
        rows.append(cells)
    return Table(report.heading("counties"), header, rows, sheet=_sheet(report.heading("counties")))


def sources_table(report: Report, *, every_region: bool = False) -> Table:
    """The figures used with vintage, status and source: the plan region's (``every_region``: all, for Excel)."""
    w = report.words
    lines = report.vintages if every_region else report.sources
    header = _header(
        report, "col_name", "col_region", "col_year", "col_value", "col_vintage", "col_status", "col_source"
    )
    rows = [
        [
            Cell(s.indicator),
            Cell(s.region),
            Cell(str(s.year), s.year),
            Cell(f"{s.value:g}", s.value),
            Cell(str(s.vintage), s.vintage),
            Cell(w.get(f"status_{s.status}", s.status)),
            Cell(s.source),
        ]
        for s in lines
    ]
    return Table(
        w["sources_title"] + " / " + w["vintages_title"],
        header,
        rows,
        sheet=_sheet(w["vintages_title"]),
        wrap=(0, 6),
    )


def targets_table(report: Report) -> Table:
    w = report.words
    header = _header(
        report, "col_name", "col_version", "col_text", "col_value_num", "col_target_year", "col_origin"
    )
    rows = [
        [
            Cell(t["name"]),
            Cell(str(t["version"]), t["version"]),
            Cell(t.get("text") or "—"),
            Cell("—" if t.get("value") is None else f"{t['value']:g}", t.get("value")),
            Cell(str(t["year"]), t["year"]),
            Cell(t.get("origin") or ""),
        ]
        for t in report.targets
    ]
    return Table(w["targets_title"], header, rows, sheet=_sheet(w["targets_title"]))


def counts_table(report: Report) -> Table:
    w = report.words
    rows = [[Cell(c.label, grade=c.grade), Cell(str(c.count), c.count)] for c in report.counts]
    return Table(w["overview"], [w["col_grade"], w["col_n"]], rows, sheet=_sheet(w["overview"]))


def _sheet(title: str) -> str:
    """An Excel sheet name: the heading without its number, at most 31 characters, no []:*?/\\."""
    for mark in ("、", ". "):
        if mark in title[:4]:
            title = title.split(mark, 1)[1]
    for bad in "[]:*?/\\":
        title = title.replace(bad, " ")
    return title[:31]


def sections(report: Report) -> Iterator[Block]:
    """The report, block by block, in reading order."""
    w = report.words
    yield Block("cover")
    yield Block("heading1", w["overview"])
    yield from (Block("paragraph", line) for line in report.overview)
    yield Block("paragraph", report.warnings, extra={"warning": True})
    yield from (Block("paragraph", line) for line in report.pillar_sentences)
    yield Block("table", table=counts_table(report))
    yield Block("heading1", w["table"])
    yield Block("table", table=main_table(report))
    yield Block("heading1", w["pillars"])
    for pillar in report.pillars:
        yield Block("heading2", pillar.name)
        yield Block("paragraph", pillar.sentence)
        for row in pillar.rows:
            yield Block("heading3", row.name)
            yield Block("figure", figure=f"indicator:{row.code}", text=w["no_chart"])
            yield Block("table", table=indicator_table(report, row))
            for line in (row.detail, row.reason):
                if line:
                    yield Block("paragraph", line)
    yield Block("heading1", w["lagging"])
    if report.lagging:
        yield from (Block("paragraph", line) for line in report.lagging_sentences)
        yield Block("table", table=lagging_table(report))
    else:
        yield Block("paragraph", w["lagging_none"])
    yield from work_blocks(report)
    yield Block("heading1", report.heading("counties"))
    if report.counties.indicators:
        yield Block("paragraph", w["counties_intro"])
        yield Block("figure", figure="county_map", text="")
        for table in county_tables(report):
            yield Block("heading3", table.title)
            yield Block("table", table=table)
    else:
        yield Block("paragraph", w["counties_none"])
    yield Block("heading1", report.heading("problems"))
    yield Block("paragraph", w["problems_intro"] if report.problems else w["no_problems"])
    yield from (Block("item", line) for line in report.problems)
    yield Block("heading1", report.heading("next_steps"))
    yield Block("paragraph", w["next_intro"] if report.next_steps else w["no_problems"])
    yield from (Block("item", line) for line in report.next_steps)
    yield Block("heading1", w["appendix"])
    yield Block("heading2", w["methods_title"])
    yield from (Block("paragraph", line) for line in [*report.methods, *report.settings])
    yield Block("heading2", w["targets_title"])
    yield Block("table", table=targets_table(report))
    yield Block("heading2", w["sources_title"] + " / " + w["vintages_title"])
    yield Block("table", table=sources_table(report))
    if report.counties.indicators:
        yield Block("paragraph", w["county_sources"])


def work_blocks(report: Report) -> Iterator[Block]:
    """Tasks and key projects: nothing at all unless the snapshot carries work-app data."""
    if report.work is None:
        return
    yield Block("heading1", report.words["work"])
    yield from (Block("paragraph", line) for line in report.work.lines)


def cover_lines(report: Report) -> list[str]:
    w = report.words
    edition = w[f"edition_{report.edition}"]
    note = w[f"{report.edition}_note"]
    return [
        report.region,
        w["as_of"].format(year=report.as_of),
        edition,
        note,
        w["generated"].format(when=report.taken_at[:10]),
        w["fingerprint"].format(print=report.fingerprint),
    ]


def grade_text(grade: str, language: str) -> str:
    return grade_word(grade, language)
