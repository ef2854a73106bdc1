"""Single rules of the bulletin reader, each with its hand-worked figure."""

from __future__ import annotations

import pytest

from planwatch.documents.bulletin import for_plan, read_bulletin

TITLE = "于都县2023年国民经济和社会发展统计公报\n"


def _one(text: str):
    return {p.indicator: p for p in read_bulletin(TITLE + text).proposals}


def test_county_gdp_in_wan_yuan_becomes_yi_yuan_keeping_the_original():
    """3586721 万元 × 10^4 / 10^8 = 358.6721 亿元."""
    gdp = _one("全年全县地区生产总值3586721万元,增长5.1%。")["地区生产总值"]
    assert (gdp.value, gdp.unit, gdp.original_value, gdp.original_unit, gdp.growth_rate) == (
        358.6721,
        "亿元",
        "3586721",
        "万元",
        5.1,
    )


def test_cargo_in_tonnes_for_a_plan_in_wan_tonnes():
    """4655.3 吨 / 10^4 = 0.46553 万吨."""
    reading = read_bulletin(TITLE + "全年货邮吞吐量4655.3吨,增长12.9%。")
    found, _message = for_plan(reading, [("机场货邮吞吐量", "万吨")])
    assert [(p.plan_indicator, p.value, p.unit) for p in found] == [
        ("机场货邮吞吐量", pytest.approx(0.46553), "万吨")
    ]


def test_dollars_are_never_converted_to_yuan():
    reading = read_bulletin(TITLE + "全年实现出口总额123.5亿美元,增长12.0%。")
    found, message = for_plan(reading, [("出口总额", "亿元")])
    assert found == []
    assert "单位「亿美元」无法换算为「亿元」" in message


def test_no_plan_indicator_gives_empty_list_and_a_clear_message():
    reading = read_bulletin("瑞金市2022年国民经济和社会发展统计公报\n全年粮食种植面积66.21万亩。")
    found, message = for_plan(reading, [("GDP", "亿元")])
    assert found == []
    assert message == "《瑞金市2022年国民经济和社会发展统计公报》中没有找到规划指标的数值(识别出其他指标1项)"


def test_urban_rural_ratio_only_from_two_levels_of_the_same_bulletin():
    """43989 / 18604 = 2.3645 → 2.36; growth rates alone give nothing."""
    both = _one("全年城镇、农村居民人均可支配收入分别为43989元和18604元,分别比上年增长4.6%和7.3%。")
    assert both["城乡居民人均可支配收入比"].value == 2.36 and both["城乡居民人均可支配收入比"].derived
    rates = _one("全市城镇居民和农村居民人均可支配收入分别增长6.1%和8.2%。")
    assert rates == {}


def test_qualifiers_are_kept():
    found = _one("全年城镇新增就业45.3万人左右。新增转移农村劳动力约52.1万人。")
    assert (found["城镇新增就业"].qualifier, found["新增转移农村劳动力"].qualifier) == ("左右", "约")


def test_region_and_year_given_by_the_user_win():
    reading = read_bulletin("全年全县地区生产总值245.61亿元。", region="于都县", year=2023)
    assert (reading.region_name, reading.year, reading.problems) == ("于都县", 2023, ())
    unknown = read_bulletin("全年全县地区生产总值245.61亿元。")
    assert unknown.problems == (
        "未能从标题确定地区,请指定地区(--region)",
        "未能从标题确定年份,请指定年份(--year)",
    )


def test_industry_structure_after_the_change_and_lost_colons_put_back_only_when_unique():
    """8.7 + 43.2 + 48.1 = 100.0, so "8.743.248.1" is 8.7:43.2:48.1; "12.345.6" is left out."""
    changed = _one("三次产业结构由上年的19.7:29.6:50.7调整为18.8:30.4:50.8。")["三次产业结构"]
    assert (changed.original_value, changed.value) == ("18.8:30.4:50.8", None)
    assert (
        _one("三次产业结构为 8.743.248.1,贡献率分别为5.0%。")["三次产业结构"].original_value
        == "8.7:43.2:48.1"
    )
    assert _one("三次产业结构为12.345.6。") == {}


def test_noise_is_cleaned_before_reading():
    from planwatch.documents.bulletin_text import clean_text

    assert (
        clean_text("贛(gàn)州市生產總值４ ６０６.２億元，增長 9 .2 %[2]")
        == "赣州市生产总值4606.2亿元,增长9.2%"
    )
    assert clean_text("地区生产总值(GDP)1,042,331万元") == "地区生产总值(GDP)1042331万元"
    # a caption number and a year stay apart; a footnote definition line is dropped
    assert clean_text("图1 2018-2022年地区生产总值\n[1] 年末常住人口是指……") == "图1 2018-2022年地区生产总值"


def test_a_number_cut_off_before_its_unit_is_proposed_unsure_and_never_given_to_the_plan():
    reading = read_bulletin(TITLE + "年末户籍人口为33.1,其中城镇人口14.2万人。城镇新增就业4.7")
    [cut] = reading.proposals
    assert (cut.indicator, cut.value, cut.original_unit, cut.confident) == ("城镇新增就业", 4.7, "", False)
    found, message = for_plan(reading, [("城镇新增就业", "万人")])
    assert found == [] and "「城镇新增就业」4.7:原文没有单位(节选在此截断)" in message


def test_an_empty_dictionary_reads_no_figure_instead_of_failing():
    """An empty dictionary's pattern is "", which matches at every position and names no entry."""
    from planwatch.documents.bulletin_dictionary import Dictionary
    from planwatch.documents.bulletin_sentence import read_sentence

    assert read_sentence("全年全县地区生产总值3586721万元,增长5.1%。", Dictionary(())) == []


def test_a_line_cut_mid_sentence_before_a_figure_continues_but_a_heading_does_not():
    from planwatch.documents.bulletin_sources import html_text
    from planwatch.documents.bulletin_text import clean_text

    assert (
        clean_text("其中，第一产业增加值\n48.93亿元，增长4.1%。") == "其中,第一产业增加值48.93亿元,增长4.1%。"
    )
    assert (
        clean_text("全年全县地区生产总值286.\n47亿元，增长5.3%。")
        == "全年全县地区生产总值286.47亿元,增长5.3%。"
    )
    # a heading or a finished sentence has no clause left open: the next line stands alone
    assert (
        clean_text("一、综合\n2023年全县地区生产总值286.47亿元。")
        == "一、综合\n2023年全县地区生产总值286.47亿元。"
    )
    assert clean_text("全年粮食总产量39.8万吨。\n2023年末全县常住人口71.36万人。").count("\n") == 1
    # in a web page a line break inside a paragraph is a space, as the browser shows it
    assert html_text("<p>其中，第一产业增加值\n48.93亿元，增长4.1%。</p><p>二、人民生活</p>") == (
        "其中，第一产业增加值 48.93亿元，增长4.1%。\n二、人民生活"
    )


def test_a_pdf_without_a_text_layer_or_not_a_pdf_is_refused_by_name(tmp_path):
    import matplotlib

    matplotlib.use("pdf")
    from matplotlib import pyplot as plt

    from planwatch.documents.bulletin_sources import BulletinFileError, read_bulletin_file

    scan = tmp_path / "扫描件.pdf"
    fig = plt.figure(figsize=(8.27, 11.69))
    fig.add_artist(plt.Rectangle((0.1, 0.1), 0.8, 0.8, fill=False))  # a page with a picture, no text
    fig.savefig(scan)
    plt.close(fig)
    with pytest.raises(BulletinFileError) as refused:
        read_bulletin_file(scan)
    assert str(refused.value) == "PDF 文件 扫描件.pdf 中没有可提取的文字,可能是扫描件"
    broken = tmp_path / "公报.pdf"
    broken.write_bytes(b"<html>not a pdf</html>")
    with pytest.raises(BulletinFileError) as refused:
        read_bulletin_file(broken)
    assert str(refused.value) == "无法读取 PDF 文件 公报.pdf:文件已损坏或不是 PDF"


@pytest.mark.parametrize(
    "heading,code,name,year",
    [
        ("2023年定西市安定区国民经济和社会发展统计公报", "621102", "安定区", 2023),
        ("湖南省2023年国民经济和社会发展统计公报", "430000", "湖南省", 2023),
        ("北京市朝阳区2022年国民经济和社会发展统计公报", "110105", "朝阳区", 2022),
        ("吉林市2023年国民经济和社会发展统计公报", "220200", "吉林市", 2023),
        ("海南省白沙黎族自治县2022年国民经济和社会发展统计公报", "469025", "白沙黎族自治县", 2022),
        ("鄂尔多斯市伊金霍洛旗2023年国民经济和社会发展统计公报", "150627", "伊金霍洛旗", 2023),
        # a title without a place names it in the issuer's line below
        ("2023年国民经济和社会发展统计公报\n广州市统计局 国家统计局广州调查队", "440100", "广州市", 2023),
    ],
)
def test_the_region_may_be_any_division_of_china(heading, code, name, year):
    """Codes as in planwatch/data/regions/china-divisions.csv (GB/T 2260 form)."""
    reading = read_bulletin(heading + "\n全年地区生产总值100亿元。")
    assert (reading.region.code, reading.region_name, reading.year) == (code, name, year)


def test_a_table_growth_cell_printed_with_a_plus_sign_is_read_like_one_without():
    """Rows under "2022年税收及其增长速度", one cell a line: "+6.5" is 6.5, as "-28.3" is -28.3; the reader used
    to stop at the signed cell and lose that row and every row after it."""
    table = (
        "2022年税收及其增长速度\n指标\n指标值(万元)\n比上年增长(%)\n"
        "税收合计\n104606\n+6.5\n第一产业\n195\n-28.3\n第二产业\n58737\n+1.7\n"
    )
    proposals = read_bulletin(TITLE + table).proposals
    rows = {p.indicator: (p.original_value, p.original_unit, p.growth_rate) for p in proposals}
    assert rows["税收收入"] == ("104606", "万元", 6.5)
    assert rows["税收收入(第一产业)"] == ("195", "万元", -28.3)
    assert rows["税收收入(第二产业)"] == ("58737", "万元", 1.7)
