"""Write the sample plans of other forms used by tests/documents/test_form_samples.py.

    .venv/bin/python tests/data/plans/make_form_samples.py

A fictional 十五五 outline of 定西市 (a real city, so its region and counties are found), with the
same main-indicator table twice:

* ``forms/dingxi-15th.pdf`` — a ruled table drawn line by line (matplotlib, Noto CJK embedded), 类别
  cells merged over two rows (no rule between them), the title 专栏1 主要指标 printed above it, a
  footnote giving the year of a starred baseline, and a chapter of running text naming counties;
* ``forms/dingxi-15th.docx`` — the table in Word, 专栏1 主要指标 as its merged first row, merged 类别
  cells, 约束性 in bold.
"""

from __future__ import annotations

from pathlib import Path

HERE = Path(__file__).resolve().parent / "forms"
FONT = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"
TITLE = "定西市国民经济和社会发展第十五个五年规划纲要"
HEADER = ("类别", "指标", "2025年基期", "2030年目标", "年均/累计", "属性")
ROWS = [
    ("经济发展", "1.地区生产总值增长(%)", "5.5", "—", ">5", "预期性"),
    ("", "2.常住人口城镇化率(%)", "58.2*", "65", "—", "预期性"),
    ("民生福祉", "3.九年义务教育巩固率(%)", "96", "98", "—", "约束性"),
    ("", "其中:小学/初中", "99/93", "100/97", "—", "约束性"),
    ("绿色生态", "4.单位地区生产总值能源消耗降低(%)", "〔13.1〕", "—", "〔12〕", "约束性"),
    ("", "5.劳动年龄人口平均受教育年限", "11.4年", "12.3年以上", "—", "预期性"),
]
NOTE = "注:〔 〕内为5年累计数。带*的为2024年数据。"
CHAPTER = [
    "第一章 发展基础",
    "第一节 发展成就",
    "产业基础持续夯实。安定区马铃薯产业集群加快发展,临洮县和渭源县中药材种植面积稳步扩大。",
]


def make_pdf(path: Path) -> None:
    import matplotlib

    matplotlib.use("pdf")
    from matplotlib import font_manager
    from matplotlib import pyplot as plt
    from matplotlib.backends.backend_pdf import PdfPages
    from matplotlib.lines import Line2D

    font_manager.fontManager.addfont(FONT)
    matplotlib.rcParams.update({"pdf.fonttype": 42, "font.family": "Noto Sans CJK SC"})
    fig = plt.figure(figsize=(8.27, 11.69))
    fig.text(0.1, 0.95, TITLE, fontsize=14, va="top")
    fig.text(0.1, 0.90, "专栏1 主要指标", fontsize=11, va="top")
    widths = [0.11, 0.33, 0.11, 0.12, 0.11, 0.08]
    xs = [0.07]
    for width in widths:
        xs.append(xs[-1] + width)
    top, height = 0.87, 0.03
    rows = [HEADER, *ROWS]
    ys = [top - i * height for i in range(len(rows) + 1)]

    def rule(x0, y0, x1, y1):
        fig.add_artist(Line2D([x0, x1], [y0, y1], transform=fig.transFigure, color="black", linewidth=0.8))

    for index, y in enumerate(ys):
        merged_above = 0 < index < len(ys) - 1 and index >= 2 and rows[index][0] == ""
        rule(xs[1] if merged_above else xs[0], y, xs[-1], y)
    for x in xs:
        rule(x, ys[0], x, ys[-1])
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            if text:
                fig.text(xs[c] + 0.005, ys[r] - height / 2, text, fontsize=8, va="center")
    fig.text(0.07, ys[-1] - 0.02, NOTE, fontsize=9, va="top")
    y = ys[-1] - 0.07
    for line in CHAPTER:
        fig.text(0.1, y, line, fontsize=10, va="top")
        y -= 0.03
    with PdfPages(path, metadata={"CreationDate": None, "Creator": "planwatch tests"}) as pdf:
        pdf.savefig(fig)
    plt.close(fig)


def make_docx(path: Path) -> None:
    import docx

    document = docx.Document()
    document.add_paragraph(TITLE)
    table = document.add_table(rows=len(ROWS) + 2, cols=len(HEADER))
    table.style = "Table Grid"
    title = table.cell(0, 0).merge(table.cell(0, len(HEADER) - 1))
    title.text = "专栏1 主要指标"
    for c, text in enumerate(HEADER):
        table.cell(1, c).text = text
    for r, row in enumerate(ROWS, start=2):
        for c, text in enumerate(row):
            if c == 0 and not text:
                continue
            cell = table.cell(r, c)
            if c == len(HEADER) - 1 and text == "约束性":
                cell.paragraphs[0].add_run(text).bold = True
            else:
                cell.text = text
    for r, row in enumerate(ROWS, start=2):
        if row[0] == "":
            table.cell(r - 1, 0).merge(table.cell(r, 0)).text = ROWS[r - 3][0]
    document.add_paragraph(NOTE)
    for line in CHAPTER:
        document.add_paragraph(line)
    import datetime

    document.core_properties.created = datetime.datetime(2025, 1, 1)
    document.save(str(path))


def main() -> None:
    HERE.mkdir(exist_ok=True)
    make_pdf(HERE / "dingxi-15th.pdf")
    make_docx(HERE / "dingxi-15th.docx")


if __name__ == "__main__":
    main()
