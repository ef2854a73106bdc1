"""Every limit and threshold of data collection, in one registry, each with a default and a reason.

Code reads a value with ``setting("YOY_THRESHOLD")``; a test fails when a name used in
``planwatch/collection`` is missing here or has no documentation. A deployment overrides
values with ``configure(NAME=value)`` at start-up (the web app passes Django's
``PLANWATCH_COLLECTION`` dict), never by editing code.
"""

from __future__ import annotations

from typing import Any

from planwatch.registry import Registry, Setting

_MB = 1024 * 1024

# Default validation rules, as data (the same keys as the monitoring app's ValidationRule rows).
# Indicators are named by code or by name; a rule whose indicators a plan lacks does nothing.
DEFAULT_RULES: list[dict[str, Any]] = [
    {
        "id": "yoy-default",
        "kind": "yoy_change",
        "severity": "warning",
        "indicator": None,
        "threshold": 0.30,
    },
    {
        "id": "outlier-default",
        "kind": "outlier",
        "severity": "warning",
        "indicator": None,
        "threshold": 3.5,
    },
    {
        # 人均GDP(元) = GDP(亿元) × 1e8 ÷ (常住人口(万人) × 1e4) = GDP ÷ 常住人口 × 1e4.
        "id": "gdp-per-capita",
        "kind": "ratio",
        "severity": "warning",
        "indicator": "人均GDP",
        "numerator": "GDP",
        "denominator": "常住人口",
        "factor": 10000.0,
        "threshold": 0.02,
    },
    {
        # 城乡居民人均可支配收入比 = 城镇 ÷ 农村 (both 元); the ratio is printed to two decimals.
        "id": "urban-rural-income-ratio",
        "kind": "ratio",
        "severity": "warning",
        "indicator": "城乡居民人均可支配收入比",
        "numerator": "城镇居民人均可支配收入",
        "denominator": "农村居民人均可支配收入",
        "factor": 1.0,
        "threshold": 0.01,
    },
]

_REGISTRY: tuple[Setting, ...] = (
    Setting("MAX_UPLOAD_BYTES", 5 * _MB,
            "上传文件大小上限(字节)。一个县一年的填报模板不到 100 KB;5 MB 足够大批量 CSV,又挡住误传的大文件。"),
    Setting("BACKGROUND_IMPORT_BYTES", 256 * 1024,
            "网页上传的文件大于此大小(字节)时转为后台导入(显示进度页),不在请求中完成。一个县一年的模板不到 100 KB。"),
    Setting("MAX_UNCOMPRESSED_BYTES", 50 * _MB,
            "xlsx 压缩包内各文件声明的解压后总大小上限。在 openpyxl 打开前检查,挡住压缩炸弹。"),
    Setting("MAX_COMPRESSION_RATIO", 200,
            "xlsx 内单个文件的最大压缩比(解压后 ÷ 压缩后)。正常工作表 XML 为 5–30 倍,炸弹常在千倍以上。"),
    Setting("MIN_RATIO_CHECK_BYTES", 1 * _MB,
            "解压后小于此大小的成员不查压缩比:很小的重复 XML 压缩比可以很高,却无害。"),
    Setting("MAX_ZIP_MEMBERS", 200,
            "xlsx 压缩包内文件个数上限;模板只有十来个,上千个成员是攻击或损坏的迹象。"),
    Setting("MAX_ROWS", 20000,
            "一个文件的数据行上限。全市 21 个地区 × 300 项指标 × 3 年约 19000 行。"),
    Setting("MAX_TEXT_LENGTH", 500,
            "来源、备注等文字字段的长度上限(与观测值的『来源』字段长度一致)。"),
    Setting("MAX_ABS_VALUE", 1e15,
            "可保存数值的绝对值上限(换算到指标单位之后)。最大的实际数字(全国 GDP 约 1.3e6 亿元、"
            "以元计约 1.3e14)仍在其内;1e308 万亿元这类溢出或误填被拒收,而不是存成 inf。"),
    Setting("YOY_THRESHOLD", 0.30,
            "同比变动预警的默认阈值:|本期 ÷ 上年同期 − 1| 超过 30% 需要说明(可按指标另设)。"),
    Setting("YOY_PERCENT_POINTS", 10.0,
            "单位为 % 的指标按百分点比较同比变动:增速 11.6 → 7.5 是 −4.1 个百分点,而非 −35%;超过 10 个百分点预警。"),
    Setting("OUTLIER_THRESHOLD", 3.5,
            "偏离历史预警的稳健 z 值阈值:|0.6745 ×(本期变动 − 历史变动中位数)÷ MAD| > 3.5"
            "(Iglewicz–Hoaglin 建议值)。比较的是逐年变动,因此稳定增长的序列不会因水平升高而报警。"),
    Setting("OUTLIER_MIN_POINTS", 5,
            "偏离历史检查所需的最少历史值个数(即至少 4 个历史变动);更短的序列中位数和 MAD 没有意义。"),
    Setting("RATIO_TOLERANCE", 0.02,
            "指标间比例一致性的默认相对容差:人均GDP 与 GDP ÷ 常住人口 相差 2% 以内视为一致"
            "(统计上人均GDP 用年平均人口,而常住人口是年末数)。"),
    Setting("PERCENT_RANGE", (0.0, 100.0),
            "单位为 % 的指标的取值范围;超出即为错误,除非指标允许(见 PERCENT_FREE_WORDS)。"),
    Setting("PERCENT_FREE_WORDS", ("增速", "增长", "增幅", "降幅", "下降", "降低"),
            "名称含这些字的 % 指标是变化率,可以为负或超过 100,不受 PERCENT_RANGE 限制。"),
    Setting("INDICATOR_SYNONYMS", (("GDP", "地区生产总值"), ("人均GDP", "人均地区生产总值"),
                                   ("城乡居民收入比", "城乡居民人均可支配收入比")),
            "同一指标的常见写法(两个方向都认):规划表写「GDP」,统计公报写「地区生产总值」;文件和规则用哪一种都能找到指标。"),
    Setting("CSV_ENCODINGS", ("utf-8-sig", "gb18030"),
            "CSV 依次尝试的编码:UTF-8(有无 BOM 均可),再试 GB18030(中文版 Excel『另存为 CSV』的默认编码)。"),
    Setting("DEFAULT_RULES", DEFAULT_RULES,
            "默认校验规则(数据):同比变动、偏离历史、人均GDP ≈ GDP ÷ 常住人口、城乡收入比 = 城镇 ÷ 农村。"
            "规划人员在校验规则表中修改,不改代码。"),
)

_SETTINGS = Registry("planwatch.collection.settings", _REGISTRY)
SETTINGS: dict[str, Setting] = _SETTINGS.settings
setting = _SETTINGS.setting
configure = _SETTINGS.configure
reset = _SETTINGS.reset
