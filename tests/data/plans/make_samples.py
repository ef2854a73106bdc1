"""Write the sample plan documents used by tests/documents (run from the repository root).

    .venv/bin/python tests/data/plans/make_samples.py

Three fictional plans, one per layout the reader must handle, plus broken files:

* ``qingxi-2021.docx`` — a county 十四五 outline in Word: real tables (python-docx), a
  merged 类别 cell, bare year columns (2020年 / 2025年), a 单位 column, 〔〕 cumulative
  figures, ">95", "≥90", "<5.5"; a 专栏 drawn as a one-cell table; a chapter without 节.
* ``yunling-2022.pdf`` — a city's environmental plan as PDF (matplotlib, Noto CJK
  embedded as TrueType so the text can be extracted): a ruled indicator table, running
  text wrapped at a fixed width over three pages with page numbers, a boxed 专栏.
* ``baishawan-tabs.txt`` / ``baishawan-spaces.txt`` — the same plain-text plan whose
  table columns are separated by tabs in one and by runs of spaces in the other.
* ``bad/`` — an empty file, binary data named .txt, a truncated .docx, a text plan
  without an indicator table, a PDF with no text (a "scan").

The oversized-file case is made by the test itself (a sparse file), not stored.
"""

from __future__ import annotations

import io
import textwrap
from pathlib import Path

HERE = Path(__file__).resolve().parent
FONT = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"
_FULL = str.maketrans({",": "\uff0c", ":": "\uff1a", ";": "\uff1b", "(": "\uff08", ")": "\uff09"})


def fw(text: str) -> str:
    """Full-width punctuation, as a Chinese word processor types it."""
    return text.translate(_FULL)


# ---------------------------------------------------------------- DOCX: 青溪县

QINGXI_TABLE = [
    ("经济发展", "1", "地区生产总值增长", "%", "6.8", "年均增长6%左右", "预期性"),
    ("经济发展", "2", "常住人口城镇化率", "%", "52.4", "58", "预期性"),
    ("经济发展", "3", "城镇调查失业率", "%", "4.6", "<5.5", "预期性"),
    ("民生福祉", "4", "居民人均可支配收入增长", "%", "7.1", "与经济增长同步", "预期性"),
    ("", "5", "城镇新增就业", "万人", "1.2", "〔6〕", "预期性"),
    ("", "6", "人均预期寿命", "岁", fw("77.6(2019年)"), "78.5", "预期性"),
    ("绿色生态", "7", "单位地区生产总值能源消耗降低", "%", "—", "累计降低13.5%", "约束性"),
    ("", "8", "单位地区生产总值二氧化碳排放降低", "%", "—", "〔18〕", "约束性"),
    ("", "9", "地表水达到或好于Ⅲ类水体比例", "%", "96.7", ">95", "约束性"),
    ("", "10", "城市空气质量优良天数比率", "%", "92.3", "≥90", "约束性"),
    ("", "11", "耕地保有量", "万亩", "45.6", "45.2", "约束性"),
    ("安全保障", "12", "粮食综合生产能力", "万吨", "21.3", "21.3", "约束性"),
]


def make_docx(path: Path) -> None:
    import docx
    from docx.oxml.ns import qn

    document = docx.Document()
    style = document.styles["Normal"]
    style.font.name = "Noto Sans CJK SC"  # creates rPr/rFonts; the east-Asian font must be set apart
    style.element.rPr.rFonts.set(qn("w:eastAsia"), "Noto Sans CJK SC")
    document.add_heading("青溪县国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要", level=0)
    para = document.add_paragraph
    para(
        fw(
            "本纲要根据《中共青溪县委关于制定青溪县国民经济和社会发展第十四个五年规划和二〇三五年远景目标的建议》编制。"
        )
    )
    document.add_heading("第一章 发展基础", level=1)
    para(fw("“十三五”时期,青溪县经济社会发展取得显著成效。"))
    document.add_heading("第一节 发展成就", level=2)
    para(fw("经济实力持续增强。2020年地区生产总值达到320亿元,年均增长6.8%。"))
    para(fw("城乡面貌明显改善。青溪新城建成区面积扩大到18平方公里。"))
    document.add_heading("第二章 主要目标", level=1)
    document.add_heading("第一节 发展目标", level=2)
    para(
        fw(
            "到2025年,全县地区生产总值年均增长6%左右,城乡居民收入稳步增长。展望二〇三五年,基本实现社会主义现代化。"
        )
    )
    para("青溪县“十四五”经济社会发展主要指标")
    _docx_indicator_table(document)
    para(fw("注:〔〕内为五年累计数。"))
    document.add_heading("第三章 加快产业转型升级", level=1)
    para(fw("坚持把发展经济着力点放在实体经济上。"))
    document.add_heading("第一节 壮大特色产业", level=2)
    para(fw("做强新材料产业。依托青溪工业园,建设锂电新材料产业基地。"))
    para(fw("发展现代农业。推进高标准农田建设,打造富硒茶叶品牌。"))
    para(fw("推动服务业提质。建设县域商贸物流中心。"))
    _docx_box(document)
    document.add_heading("第二节 建设数字青溪", level=2)
    para(fw("完善数字基础设施。实现5G网络乡镇全覆盖。"))
    para(fw("到2025年,建成5G基站600个。"))
    document.add_heading("第四章 保障措施", level=1)
    para(fw("加强组织领导。建立规划实施领导小组。"))
    para(fw("强化监测评估。开展规划中期评估和总结评估。"))
    _save_docx(document, path)


FIXED_TIME = (2021, 1, 1, 0, 0, 0)


def _save_docx(document, target) -> None:
    """Save with fixed dates in the properties and the zip, so a rerun gives the same bytes."""
    import datetime
    import zipfile

    stamp = datetime.datetime(*FIXED_TIME)
    props = document.core_properties
    props.author, props.created, props.modified, props.last_printed = "planwatch tests", stamp, stamp, stamp
    buffer = io.BytesIO()
    document.save(buffer)
    frozen = io.BytesIO()
    with zipfile.ZipFile(buffer) as source, zipfile.ZipFile(frozen, "w", zipfile.ZIP_DEFLATED) as out:
        for info in source.infolist():
            out.writestr(zipfile.ZipInfo(info.filename, date_time=FIXED_TIME), source.read(info.filename))
    data = frozen.getvalue()
    if isinstance(target, Path):
        target.write_bytes(data)
    else:
        target.write(data)


def _docx_indicator_table(document) -> None:
    header = ("类别", "序号", "指标", "单位", "2020年", "2025年", "属性")
    table = document.add_table(rows=1 + len(QINGXI_TABLE), cols=len(header))
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, header, strict=True):
        cell.text = text
    for row, values in zip(table.rows[1:], QINGXI_TABLE, strict=True):
        for cell, text in zip(row.cells, values, strict=True):
            cell.text = text
    # 经济发展 spans its three rows as one merged cell, as Word tables usually print it.
    merged = table.cell(1, 0).merge(table.cell(3, 0))
    merged.text = "经济发展"


def _docx_box(document) -> None:
    table = document.add_table(rows=1, cols=1)
    table.style = "Table Grid"
    cell = table.cell(0, 0)
    cell.text = "专栏1 产业发展重点工程"
    cell.add_paragraph(fw("新材料。建设年产2万吨锂电正极材料项目,配套建设青溪工业园污水处理厂。"))
    cell.add_paragraph(fw("现代农业。新建高标准农田5万亩,建设富硒茶叶加工园。"))


# ---------------------------------------------------------------- PDF: 云岭市

YUNLING_TABLE = [
    ("类别", "指标", "2020年基期值", "2025年目标值", "属性"),
    ("环境质量", "细颗粒物(PM2.5)浓度(微克/立方米)", "28", "25", "约束性"),
    ("", "空气质量优良天数比例(%)", "93.2", ">93", "约束性"),
    ("", "地表水达到或好于Ⅲ类水体比例(%)", "90", "92", "约束性"),
    ("绿色低碳", "单位地区生产总值二氧化碳排放降低(%)", "—", "〔19.5〕", "约束性"),
    ("", "非化石能源占一次能源消费比重(%)", "15.2", "20左右", "预期性"),
    ("生态保护", "森林覆盖率(%)", "63.5", "稳中有升", "约束性"),
    ("", "生态保护红线面积(平方公里)", "1200", "1200", "约束性"),
    ("", "新增造林面积(万亩)", "—", "〔12〕", "预期性"),
    ("", "受污染耕地安全利用率(%)", "91", "93以上", "约束性"),
]

YUNLING_PAGES: list[list[tuple[str, str]]] = [
    [
        ("title", "云岭市“十四五”生态环境保护规划"),
        ("para", "前言"),
        (
            "para",
            fw(
                "为持续改善云岭市生态环境质量,依据有关法律法规和上位规划,特制定本规划。规划期为2021—2025年,展望到2035年。"
            ),
        ),
        ("para", "第一章 总体要求"),
        ("para", "第一节 主要目标"),
        ("para", fw("到2025年,全市生态环境质量持续改善,主要污染物排放总量持续减少,生态安全屏障更加牢固。")),
        ("caption", "云岭市“十四五”生态环境保护主要指标"),
        ("table", ""),
        ("para", fw("注:〔〕内为五年累计数。")),
    ],
    [
        ("para", "第二章 深入打好污染防治攻坚战"),
        ("para", "第一节 大气污染防治"),
        (
            "para",
            fw(
                "推进工业污染深度治理。实施钢铁、水泥、焦化行业超低排放改造,开展工业炉窑综合治理,加强挥发性有机物源头替代和全过程管控,推动重点企业完成提标改造。"
            ),
        ),
        (
            "para",
            fw(
                "强化移动源污染防治。推广新能源汽车,加快淘汰国四及以下排放标准营运柴油货车,加强非道路移动机械排放监管。"
            ),
        ),
        ("box", ""),
        ("para", "第二节 水污染防治"),
        (
            "para",
            fw(
                "加强饮用水水源地保护。完成县级及以上饮用水水源地规范化建设,开展乡镇级水源地环境问题排查整治,建立水源地水质预警监测体系,确保饮用水安全。实施水源涵养林建设工程,"
            ),
        ),
    ],
    [
        ("para", fw("提升水源地生态功能。")),
        ("para", fw("推进城镇污水处理提质增效。加快城镇污水管网建设和雨污分流改造,提高污水收集率。")),
        ("para", "第三章 保障措施"),
        ("para", "第一节 组织实施"),
        ("para", fw("各级政府要把规划目标任务纳入年度工作计划,明确责任分工,确保规划落到实处。")),
    ],
]

YUNLING_BOX = [
    "专栏1 大气污染治理重点工程",
    fw("工业治理。云岭钢铁公司超低排放改造,水泥行业"),
    fw("脱硝提标改造。"),
    fw("移动源治理。建设机动车排放检测监管平台,淘汰"),
    fw("老旧柴油货车1200辆。"),
]


class _PdfPage:
    """One A4 page drawn with matplotlib, text placed line by line from the top."""

    WIDTH_CHARS = 30  # printed line width in Chinese characters

    def __init__(self, plt, number: int) -> None:
        self.fig = plt.figure(figsize=(8.27, 11.69))
        self.y = 0.93
        self.number = number

    def line(self, text: str, size: float = 12, x: float = 0.12) -> None:
        self.fig.text(x, self.y, text, fontsize=size, va="top")
        self.y -= 0.026 * size / 12

    def paragraph(self, text: str) -> None:
        for line in textwrap.wrap(text, self.WIDTH_CHARS) or [""]:
            self.line(line)

    def table(self, rows) -> None:
        height = 0.03 * len(rows)
        ax = self.fig.add_axes((0.06, self.y - height, 0.88, height))
        ax.axis("off")
        table = ax.table(
            cellText=[list(r) for r in rows],
            colWidths=[0.13, 0.47, 0.15, 0.15, 0.10],
            cellLoc="center",
            bbox=(0, 0, 1, 1),
        )
        table.auto_set_font_size(False)
        table.set_fontsize(9)
        self.y -= height + 0.02

    def box(self, lines) -> None:
        from matplotlib.patches import Rectangle

        height = 0.03 * len(lines) + 0.01
        self.fig.patches.append(
            Rectangle(
                (0.1, self.y - height), 0.8, height, transform=self.fig.transFigure, fill=False, linewidth=1
            )
        )
        self.y -= 0.012
        for text in lines:
            self.line(text, x=0.13)
        self.y -= 0.02

    def finish(self) -> None:
        self.fig.text(0.5, 0.04, f"— {self.number} —", fontsize=10, ha="center")


def make_pdf(path: Path) -> None:
    import matplotlib

    matplotlib.use("pdf")
    from matplotlib import font_manager
    from matplotlib import pyplot as plt
    from matplotlib.backends.backend_pdf import PdfPages

    font_manager.fontManager.addfont(FONT)
    matplotlib.rcParams.update({"pdf.fonttype": 42, "font.family": "Noto Sans CJK SC"})
    with PdfPages(path, metadata={"CreationDate": None, "Creator": "planwatch tests"}) as pdf:
        for number, content in enumerate(YUNLING_PAGES, start=1):
            page = _PdfPage(plt, number)
            for kind, text in content:
                if kind == "title":
                    page.line(text, size=16)
                elif kind == "table":
                    page.table(YUNLING_TABLE)
                elif kind == "box":
                    page.box(YUNLING_BOX)
                else:
                    page.paragraph(text)
            page.finish()
            pdf.savefig(page.fig)
            plt.close(page.fig)


def make_scanned_pdf(path: Path) -> None:
    """A page with only a drawing and no text, as a scanned plan gives."""
    import matplotlib

    matplotlib.use("pdf")
    from matplotlib import pyplot as plt

    fig = plt.figure(figsize=(8.27, 11.69))
    fig.add_artist(plt.Circle((0.5, 0.5), 0.2, fill=False))
    fig.savefig(path, metadata={"CreationDate": None})
    plt.close(fig)


# ---------------------------------------------------------------- TXT: 白沙湾新区

BAISHAWAN_TABLE = [
    ("类别", "指标", "2020年基期值", "2025年目标值", "属性"),
    ("综合实力", "地区生产总值(亿元)", "120", "200", "预期性"),
    ("", "固定资产投资增长(%)", "12", "年均10左右", "预期性"),
    ("", "规模以上工业企业数(家)", "85", "150以上", "预期性"),
    ("开放创新", "实际利用外资(亿美元)", "0.8", "保持稳定", "预期性"),
    ("", "新增高新技术企业数(家)", "—", "〔60〕", "预期性"),
    ("民生保障", "城镇登记失业率(%)", "3.2", "4.5以内", "预期性"),
    ("", "每千人口执业(助理)医师数(人)", "2.1", "3", "预期性"),
    ("生态环境", "单位地区生产总值能耗降低(%)", "—", "完成省下达任务", "约束性"),
    ("", "建成区绿化覆盖率(%)", "38", "42", "约束性"),
]

BAISHAWAN_TEXT = """白沙湾新区发展规划(2021—2025年)

前言

为推动白沙湾新区高质量发展,特制定本规划。规划期为2021—2025年,展望到2035年。

第一章 发展基础

第一节 现实基础

白沙湾新区设立以来,港口、产业和城市建设齐头并进,地区生产总值由2015年的65亿元增至2020年的120亿元。

第二章 发展目标

第一节 主要指标

到2025年,新区综合实力显著增强,开放型经济新体制基本形成。

{table}
注:〔〕内为五年累计数。

第三章 重点任务

第一节 构建现代产业体系

培育临港产业集群。依托白沙湾港区,发展临港装备制造和粮油加工,建设临港产业园。

发展现代物流业。建设港口物流园和冷链物流中心,培育多式联运企业。

专栏1:重点建设项目
港口。建设白沙湾港区二期码头和疏港公路。
产业园。建设临港产业园标准厂房50万平方米。

第二节 提升城市品质
完善城市功能。推进新区中心片区开发,建设
学校、医院和文体中心,完善城市公共服务
设施配套。
加强生态建设。实施海岸带生态修复,建设
滨海公园和绿道。
"""


def make_txt(path: Path, separator: str) -> None:
    rows = []
    for row in BAISHAWAN_TABLE:
        cells = [fw(c) for c in row]
        if separator != "\t":  # runs of spaces cannot keep an empty leading cell; it is simply left out
            cells = [c for c in cells if c] if not row[0] else cells
        rows.append(separator.join(cells))
    text = fw(BAISHAWAN_TEXT).replace("{table}", "白沙湾新区主要发展指标\n" + "\n".join(rows))
    path.write_text(text, encoding="utf-8")


# ---------------------------------------------------------------- broken files

NO_TABLE_TEXT = """示例县乡村振兴规划

第一章 总体要求

第一节 发展目标

到2025年,乡村振兴取得重要进展。

第二章 重点任务

第一节 发展乡村产业

壮大特色产业。发展茶叶、油茶和中药材产业。
"""


def make_bad(folder: Path) -> None:
    folder.mkdir(exist_ok=True)
    (folder / "empty.txt").write_bytes(b"")
    png_header = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4
    (folder / "not-really-text.txt").write_bytes(png_header)
    buffer = io.BytesIO()
    make_docx_to(buffer)
    (folder / "corrupt.docx").write_bytes(buffer.getvalue()[:2000])
    (folder / "no-indicator-table.txt").write_text(fw(NO_TABLE_TEXT), encoding="utf-8")
    make_scanned_pdf(folder / "scanned.pdf")


def make_docx_to(target) -> None:
    import docx

    document = docx.Document()
    document.add_paragraph("示例")
    _save_docx(document, target)


def main() -> None:
    make_docx(HERE / "qingxi-2021.docx")
    make_pdf(HERE / "yunling-2022.pdf")
    make_txt(HERE / "baishawan-tabs.txt", "\t")
    make_txt(HERE / "baishawan-spaces.txt", "    ")
    make_bad(HERE / "bad")
    print("written:", ", ".join(sorted(p.name for p in HERE.rglob("*") if p.is_file() and p.suffix != ".py")))


if __name__ == "__main__":
    main()
