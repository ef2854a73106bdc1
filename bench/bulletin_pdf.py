"""Time reading a 30-page bulletin PDF: ``.venv/bin/python bench/bulletin_pdf.py``.

Builds the PDF (not committed) with matplotlib and the Noto CJK font: 30 pages of bulletin paragraphs in
the published style, figures changing per page. Then times, in the same run:
- ours: ``read_bulletin_file`` (pypdfium2 text layer + cleaning + reading);
- baseline: the same reading with the text extracted by pdfplumber (the plan reader's PDF library).
Prints both times and their ratio; the acceptance bound is ours < 2 s.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

PARAGRAPHS = [
    "全年全县地区生产总值{a}万元,按可比价格计算,比上年增长{g}%。其中,第一产业增加值{b}万元,增长4.0%。",
    "年末全县常住人口88.76万人,常住人口城镇化率为52.31%。全县规模以上工业增加值比上年增长9.2%。",
    "全年社会消费品零售总额1436522万元,比上年增长6.5%。城镇居民人均可支配收入40215元,增长4.8%。",
    "农村居民人均可支配收入18626元,增长7.1%。全年粮食总产量26.3万吨,比上年增长1.6%。",
]


def build(path: Path, pages: int = 30) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib.backends.backend_pdf import PdfPages

    plt.rcParams["font.family"] = ["Noto Sans CJK JP", "Noto Sans CJK SC", "DejaVu Sans"]
    plt.rcParams["pdf.fonttype"] = 42
    with PdfPages(path) as pdf:
        for n in range(pages):
            fig = plt.figure(figsize=(8.27, 11.69))
            lines = ["于都县2023年国民经济和社会发展统计公报"] if n == 0 else []
            for k in range(12):
                text = PARAGRAPHS[k % 4].format(a=3586721 + n, g=5.1, b=496358 + k)
                lines += [text[i : i + 38] for i in range(0, len(text), 38)]
            for i, line in enumerate(lines[:48]):
                fig.text(0.08, 0.95 - i * 0.019, line, fontsize=10)
            pdf.savefig(fig)
            plt.close(fig)


def main() -> None:
    from planwatch.documents.bulletin import read_bulletin
    from planwatch.documents.bulletin_sources import bulletin_text, read_bulletin_file

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bulletin-30-pages.pdf"
        build(path)
        start = time.perf_counter()
        ours = read_bulletin_file(path)
        ours_time = time.perf_counter() - start
        start = time.perf_counter()
        bulletin_text(path)
        extract_time = time.perf_counter() - start

        import pdfplumber

        start = time.perf_counter()
        with pdfplumber.open(path) as pdf:
            text = "\n".join(page.extract_text() or "" for page in pdf.pages)
        baseline = read_bulletin(text)
        baseline_time = time.perf_counter() - start
    print(
        f"30-page bulletin PDF: ours (pypdfium2) {ours_time:.3f} s, {len(ours.proposals)} proposals, "
        f"{ours.region_name} {ours.year}"
    )
    print(
        f"  of which text extraction {extract_time:.3f} s, cleaning and reading {ours_time - extract_time:.3f} s"
    )
    print(
        f"baseline (pdfplumber) {baseline_time:.3f} s, {len(baseline.proposals)} proposals; "
        f"ratio baseline/ours {baseline_time / ours_time:.1f}x"
    )
    if ours_time >= 2.0:
        raise SystemExit("slower than 2 s")


if __name__ == "__main__":
    main()
