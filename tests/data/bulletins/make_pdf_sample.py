"""Write ``shangyou_2023_pdf.pdf``, the PDF bulletin of tests/documents/test_bulletin_accuracy.py.

    .venv/bin/python tests/data/bulletins/make_pdf_sample.py

A bulletin opening of 上犹县 (a real county, so its region is found) in the published style, figures
written for Planwatch: two A4 pages of text set 36 characters a line (matplotlib, Noto CJK embedded), so
the PDF's text layer breaks lines inside names and numbers as a typeset bulletin does, with a page
number between the pages. Its figures are listed in ``shangyou_2023_pdf.expected.csv``.
"""

from __future__ import annotations

from pathlib import Path

HERE = Path(__file__).resolve().parent
FONT = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"
TITLE = "上犹县2023年国民经济和社会发展统计公报"
ISSUER = "上犹县统计局  国家统计局上犹调查队"
PARAGRAPHS = [
    "一、综合",
    "初步核算,全年全县地区生产总值1 586 421万元,按可比价格计算,比上年增长5.4%。其中,"
    "第一产业增加值214 305万元,增长4.2%;第二产业增加值612 784万元,增长5.9%;第三产业增加值"
    "759 332万元,增长5.3%。三次产业结构为13.5:38.6:47.9。",
    "年末全县常住人口25.83万人,常住人口城镇化率为51.26%,比上年末提高1.12个百分点。",
    "二、工业和建筑业",
    "全年全县规模以上工业增加值比上年增长8.7%。",
    "三、国内贸易",
    "全年社会消费品零售总额523 816万元,比上年增长6.4%。",
    "四、人民生活",
    "全年城镇、农村居民人均可支配收入分别为38 416元和15 927元,分别比上年增长4.7%和7.5%。",
    "全年粮食总产量9.86万吨,比上年增长1.3%。年末森林覆盖率为81.03%。",
]
WIDTH = 36


def lines() -> list[str]:
    out = [TITLE, ISSUER]
    for paragraph in PARAGRAPHS:
        out += [paragraph[i : i + WIDTH] for i in range(0, len(paragraph), WIDTH)]
    return out


def make_pdf(path: Path) -> None:
    import matplotlib

    matplotlib.use("pdf")
    from matplotlib import font_manager
    from matplotlib import pyplot as plt
    from matplotlib.backends.backend_pdf import PdfPages

    font_manager.fontManager.addfont(FONT)
    matplotlib.rcParams.update({"pdf.fonttype": 42, "font.family": "Noto Sans CJK SC"})
    text = lines()
    pages = [text[:12], text[12:]]
    with PdfPages(path) as pdf:
        for number, page in enumerate(pages, start=1):
            fig = plt.figure(figsize=(8.27, 11.69))
            for i, line in enumerate(page):
                fig.text(0.08, 0.94 - i * 0.025, line, fontsize=11, va="top")
            fig.text(0.5, 0.04, f"— {number} —", fontsize=10, ha="center")
            pdf.savefig(fig)
            plt.close(fig)


if __name__ == "__main__":
    make_pdf(HERE / "shangyou_2023_pdf.pdf")
