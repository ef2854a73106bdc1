"""The fixed words of the evaluation report in Chinese and English (pure).

Grade words come from the evaluation's vocabulary and phrasebook (``planwatch.evaluation.phrases``),
never retyped here; this table holds only the report's own headings and sentence patterns.
"""

from __future__ import annotations

from planwatch.evaluation.phrases import phrasebook

ZH = {
    "title_final": "{plan}总结评估报告",
    "title_annual": "{plan}{year}年度监测报告",
    "edition_internal": "内部版",
    "edition_public": "公开版",
    "as_of": "评估截至{year}年",
    "generated": "生成于{when}",
    "fingerprint": "数据快照 {print}",
    "overview": "一、总体情况",
    "table": "二、主要指标完成情况表",
    "pillars": "三、分领域指标完成情况",
    "lagging": "四、滞后指标与所需增速",
    "work": "五、重点任务和重大项目推进情况",
    "counties": "{n}、县(市、区)比较",
    "problems": "{n}、存在问题",
    "next_steps": "{n}、下一步建议",
    "appendix": "附录:评估方法、数据来源、目标版本与数据版次",
    "counts_sentence": "纳入评估的{total}项指标中,{parts}。",
    "count_part": "{grade}{n}项",
    "no_data_sentence": "{n}项指标截至{year}年尚无可用数据,本报告不对其评级:{names}。",
    "no_data_none": "全部指标均有可用数据。",
    "awaiting_sentence": "{n}项指标的目标待省下达:{names}。",
    "warning_sentence": "约束性指标预警{n}项:{items}。",
    "warning_item": "{name}({grade},{reason})",
    "warning_none": "约束性指标无预警。",
    "pillar_sentence": "{pillar}类{total}项指标:{parts}。",
    "pillar_no_graded": "{pillar}类{total}项指标均未评级({parts})。",
    "lagging_none": "没有滞后或逆向的指标。",
    "lagging_sentence": "{name}{grade}:完成度{completion},时序进度{time_share};今后每年需增长{required}才能达到目标。",
    "lagging_sentence_norate": "{name}{grade}:{reason}。",
    "problem_item": "{name}:{grade},{reason}。(待补充原因分析)",
    "next_item": "{name}:{action}(待补充具体措施)",
    "next_action_rate": "今后每年需增长{required},建议加大推进力度",
    "next_action": "建议研究针对性措施",
    "problems_intro": "以下为系统根据数据列出的滞后事项,请补充原因分析:",
    "next_intro": "以下为系统预填的建议事项,请补充具体措施:",
    "no_problems": "暂无滞后事项。",
    "col_code": "序号", "col_name": "指标", "col_unit": "单位", "col_pillar": "类别", "col_attribute": "属性",
    "col_baseline": "基期值", "col_target": "目标", "col_latest": "最新值", "col_latest_year": "年份",
    "col_completion": "完成度", "col_time_share": "时序进度", "col_grade": "评价", "col_warning": "预警",
    "col_actual": "实际年均增速", "col_required": "需年均增速", "col_reason": "评价理由", "col_kind": "目标的含义",
    "col_region": "县(市、区)", "col_value": "数值", "col_growth": "年均增速", "col_rank": "排名",
    "col_source": "来源", "col_year": "年份", "col_vintage": "版次", "col_status": "状态", "col_version": "版本",
    "col_origin": "来源", "col_text": "目标原文", "col_value_num": "目标值", "col_target_year": "目标年",
    "col_margin": "高于底线", "col_n": "项数",
    "warning_yes": "预警",
    "chart_observed": "实际值", "chart_baseline": "基期值", "chart_target": "目标值", "chart_path": "目标路径",
    "chart_projection": "预测值", "chart_interval": "80%预测区间",
    "no_chart": "无数据,未作图。",
    "counties_intro": "各县(市、区)以本地区基期年数据为基数;县级目标由规划部门录入,未录入县级目标的总量指标不计算完成度。",
    "counties_none": "尚无县(市、区)数据。",
    "county_table": "{name}({unit},{year}年)",
    "no_county_target": "无县级目标",
    "ranking_growth": "按年均增速排序",
    "map_title": "各县(市、区)评价等级:{name}",
    "methods_title": "评估方法",
    "sources_title": "数据来源",
    "county_sources": "县(市、区)数据的来源与版次见本报告的Excel版(“数据版次”工作表)。",
    "targets_title": "目标版本",
    "vintages_title": "数据版次",
    "methods": [
        "完成度 =(最新值 − 基期值)÷(目标值 − 基期值);时序进度 =(评估年 − 基期年)÷(目标年 − 基期年)。",
        "实际年均增速 =(最新值 ÷ 基期值)^(1 ÷ 年数)− 1;需年均增速 =(目标值 ÷ 最新值)^(1 ÷ 剩余年数)− 1。"
        "增速类目标按各年增速连乘,不作复合增长率计算。",
        "评价等级采用国家“十四五”规划中期评估的用语:提前实现、快于预期、基本符合预期、滞后、逆向;"
        "约束性指标滞后或预计不能完成的列为预警。无数据的指标不评级。",
        "底线类目标(如“不低于”)逐年核对是否守住底线;定性目标(稳中有升、保持稳定、量稳质升)按其用语判断方向;"
        "“按省下达”的目标在省下达具体数值之前不评级。",
    ],
    "settings_line": "{doc}(本报告取值 {value})",
    "public_note": "公开版仅含已发布数据。",
    "internal_note": "内部版含已审核(未发布)数据,不得对外公开。",
    "status_approved": "已审核", "status_published": "已发布",
    "work_tasks": "重点任务{total}项:已完成{completed}项,按计划推进{on_schedule}项,滞后{late}项。",
    "work_projects": "重大项目{total}个,计划投资{planned},已完成投资{done}({share})。",
    "kind_level": "{year}年达到{target}",
    "kind_floor": "不低于{target}",
    "kind_floor_margin": "{year}年{value},高于底线{margin}",
    "kind_floor_breach": "{year}年{value},低于底线{margin}",
    "kind_growth": "年均增长{target}",
    "kind_growth_actual": "实际年均{actual},目标{target}",
    "kind_reduction": "累计降低{target}",
    "kind_qualitative": "{words}",
    "kind_qualitative_detail": "目标为“{words}”;序列{direction}",
    "kind_assigned_value": "按省下达:{target}",
    "kind_assigned_wait": "按省下达(待省下达具体数值)",
    "kind_unspecified": "未设定目标值",
    "kind_cumulative": "期间累计{target}",
    "direction_up": "上升", "direction_down": "下降", "direction_flat": "基本持平", "direction_none": "无数据",
    "quality_by": ",质量评判:{quality}({by})",
    "from_to": "由{y0}年{v0}到{y1}年{v1}",
    "sep": "、", "colon": ":", "semicolon": ";",
}

EN = {
    "title_final": "{plan}: final evaluation report",
    "title_annual": "{plan}: monitoring report {year}",
    "edition_internal": "Internal edition",
    "edition_public": "Public edition",
    "as_of": "As of {year}",
    "generated": "Generated {when}",
    "fingerprint": "Data snapshot {print}",
    "overview": "1. Overview",
    "table": "2. Main indicators",
    "pillars": "3. Indicators by pillar",
    "lagging": "4. Lagging indicators and the growth still needed",
    "work": "5. Tasks and key projects",
    "counties": "{n}. Counties compared",
    "problems": "{n}. Problems",
    "next_steps": "{n}. Next steps",
    "appendix": "Appendix: methods, sources, target versions and data vintages",
    "counts_sentence": "Of the {total} indicators, {parts}.",
    "count_part": "{n} {grade}",
    "no_data_sentence": "{n} indicators have no usable figure as of {year} and are not graded: {names}.",
    "no_data_none": "Every indicator has data.",
    "awaiting_sentence": "{n} indicators await the province's target: {names}.",
    "warning_sentence": "{n} binding indicators raise a warning: {items}.",
    "warning_item": "{name} ({grade}: {reason})",
    "warning_none": "No binding indicator raises a warning.",
    "pillar_sentence": "{pillar}: {total} indicators, {parts}.",
    "pillar_no_graded": "{pillar}: none of the {total} indicators is graded ({parts}).",
    "lagging_none": "No indicator is lagging or moving away.",
    "lagging_sentence": "{name} is {grade}: completion {completion} against a time share of {time_share}; "
                        "it needs {required} a year from now on to reach the target.",
    "lagging_sentence_norate": "{name} is {grade}: {reason}.",
    "problem_item": "{name}: {grade}, {reason}. (Causes to be added.)",
    "next_item": "{name}: {action} (measures to be added)",
    "next_action_rate": "needs {required} a year from now on; step up the effort",
    "next_action": "study targeted measures",
    "problems_intro": "The lagging items the data show; please add the causes:",
    "next_intro": "Suggested items, pre-filled by the system; please add the measures:",
    "no_problems": "No lagging items.",
    "col_code": "No.", "col_name": "Indicator", "col_unit": "Unit", "col_pillar": "Pillar",
    "col_attribute": "Attribute", "col_baseline": "Baseline", "col_target": "Target", "col_latest": "Latest",
    "col_latest_year": "Year", "col_completion": "Completion", "col_time_share": "Time share",
    "col_grade": "Grade", "col_warning": "Warning", "col_actual": "Average growth achieved",
    "col_required": "Growth needed", "col_reason": "Reason", "col_kind": "Target in its own terms",
    "col_region": "County", "col_value": "Value", "col_growth": "Average growth", "col_rank": "Rank",
    "col_source": "Source", "col_year": "Year", "col_vintage": "Vintage", "col_status": "Status",
    "col_version": "Version", "col_origin": "Origin", "col_text": "Target text", "col_value_num": "Target value",
    "col_target_year": "Target year", "col_margin": "Margin over the floor", "col_n": "Count",
    "warning_yes": "Warning",
    "chart_observed": "Observed", "chart_baseline": "Baseline", "chart_target": "Target", "chart_path": "Path",
    "chart_projection": "Projection", "chart_interval": "80% interval",
    "no_chart": "No data, no chart.",
    "counties_intro": "Each county's base is its own base-year figure; county targets are those a planner "
                      "entered; totals without a county target get no completion.",
    "counties_none": "No county figures yet.",
    "county_table": "{name} ({unit}, {year})",
    "no_county_target": "no county target",
    "ranking_growth": "ranked by average growth",
    "map_title": "Grades by county: {name}",
    "methods_title": "Methods",
    "sources_title": "Sources",
    "county_sources": "The counties' sources and vintages are in the Excel edition (sheet “Data vintages”).",
    "targets_title": "Target versions",
    "vintages_title": "Data vintages",
    "methods": [
        "Completion = (latest − baseline) ÷ (target − baseline); time share = (as-of year − base year) ÷ "
        "(target year − base year).",
        "Average growth achieved = (latest ÷ baseline)^(1 ÷ years) − 1; growth needed = (target ÷ latest)^"
        "(1 ÷ years left) − 1. Growth-rate targets are chained year by year, never run through a CAGR.",
        "Grades use the words of the national mid-term evaluation: achieved early, ahead of schedule, on "
        "schedule, lagging, moving away; a binding indicator lagging or projected to miss raises a warning. "
        "Indicators without data are not graded.",
        "Floors are checked in every year; qualitative targets are judged by their words; targets to be "
        "assigned by the province are not graded until the figure is entered.",
    ],
    "settings_line": "{doc} (value used: {value})",
    "public_note": "The public edition holds published figures only.",
    "internal_note": "The internal edition holds approved, unpublished figures: not for release.",
    "status_approved": "approved", "status_published": "published",
    "work_tasks": "{total} tasks: {completed} completed, {on_schedule} on schedule, {late} late.",
    "work_projects": "{total} key projects, planned investment {planned}, done {done} ({share}).",
    "kind_level": "reach {target} by {year}",
    "kind_floor": "at least {target}",
    "kind_floor_margin": "{year}: {value}, {margin} above the floor",
    "kind_floor_breach": "{year}: {value}, {margin} below the floor",
    "kind_growth": "average growth of {target}",
    "kind_growth_actual": "average achieved {actual} against a target of {target}",
    "kind_reduction": "cumulative reduction of {target}",
    "kind_qualitative": "{words}",
    "kind_qualitative_detail": "target “{words}”; the series is {direction}",
    "kind_assigned_value": "assigned by the province: {target}",
    "kind_assigned_wait": "to be assigned by the province (awaiting the figure)",
    "kind_unspecified": "no target value",
    "kind_cumulative": "{target} in total over the period",
    "direction_up": "rising", "direction_down": "falling", "direction_flat": "flat", "direction_none": "without data",
    "quality_by": ", quality judged {quality} ({by})",
    "from_to": "from {v0} in {y0} to {v1} in {y1}",
    "sep": ", ", "colon": ": ", "semicolon": "; ",
}

WORDS = {"zh": ZH, "en": EN}


def words(language: str) -> dict:
    if language not in WORDS:
        raise ValueError(f"报告没有「{language}」语言(可用:zh、en)")
    return WORDS[language]


def grade_word(grade: str | None, language: str) -> str:
    """The grade as the report prints it: the vocabulary's word, or the phrasebook's English."""
    if not grade:
        return "—"
    if language == "zh":
        return grade
    return phrasebook("en").grades.get(grade, grade)
