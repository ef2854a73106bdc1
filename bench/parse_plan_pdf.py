"""How long reading a 300-page plan PDF takes, against baselines measured in the same run.

    .venv/bin/python bench/parse_plan_pdf.py [pages]

The PDF is made here (not committed) by repeating the pages of the sample city plan
``tests/data/plans/yunling-2022.pdf`` (a ruled indicator table, wrapped running text with page
numbers, a boxed 专栏) until it has ``pages`` pages. Baselines: pdfplumber's text extraction alone
(what the reader used to pay per page before any rule ran) and pypdfium2's text extraction (the
cheapest way to get a page's text). The issue's limit is 5 s for 300 pages.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

import pypdfium2 as pdfium

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "tests" / "data" / "plans" / "yunling-2022.pdf"
LIMIT_SECONDS = 5.0


def make_pdf(target: Path, pages: int) -> None:
    source = pdfium.PdfDocument(str(SAMPLE))
    document = pdfium.PdfDocument.new()
    count = len(source)
    while len(document) < pages:
        document.import_pages(source, list(range(min(count, pages - len(document)))))
    document.save(str(target))


def _timed(action) -> tuple[float, object]:
    start = time.perf_counter()
    result = action()
    return time.perf_counter() - start, result


def _cpu(action) -> float:
    """CPU seconds of this process: on a shared machine the wall time includes other people's work."""
    start = time.process_time()
    action()
    return time.process_time() - start


def pdfplumber_text(path: Path) -> int:
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        return sum(len(page.extract_text() or "") for page in pdf.pages)


def pdfium_text(path: Path) -> int:
    document = pdfium.PdfDocument(str(path))
    total = 0
    for page in document:
        total += len(page.get_textpage().get_text_range())
    return total


def main(pages: int = 300) -> None:
    from planwatch.documents import read_plan

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"plan-{pages}-pages.pdf"
        make_pdf(path, pages)
        read_plan(SAMPLE)  # warm up: imports, word lists, division table
        parse, plan = _timed(lambda: read_plan(path))
        parse_cpu = _cpu(lambda: read_plan(path))
        plumber, _ = _timed(lambda: pdfplumber_text(path))
        pdfium_s, _ = _timed(lambda: pdfium_text(path))
    print(
        f"{pages} pages: {len(plan.indicators)} indicators, {len(plan.chapters)} chapters, {len(plan.boxes)} boxes"
    )
    print(f"read_plan                      {parse:7.2f} s  ({parse / pages * 1000:.1f} ms/page)")
    print(f"read_plan, CPU time            {parse_cpu:7.2f} s")
    print(f"baseline pdfplumber text only  {plumber:7.2f} s  ratio read_plan/baseline {parse / plumber:.2f}")
    print(
        f"baseline pypdfium2 text only   {pdfium_s:7.2f} s  ratio read_plan/baseline {parse / pdfium_s:.1f}"
    )
    print(f"limit {LIMIT_SECONDS:.0f} s: {'met' if parse < LIMIT_SECONDS else 'NOT met'}")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 300)
