"""Headings and lead phrases: the marks that give a plan its outline.

Applied to normalised text (``normalize``), so "第 一章" reads as "第一章".
"""

from __future__ import annotations

import re

from planwatch.documents.normalize import CN_NUMERAL_CHARS

_NUMBER = rf"[{CN_NUMERAL_CHARS}0-9]+"
CHAPTER = re.compile(rf"^第({_NUMBER})章\s*(?P<title>[^。]{{0,40}})$")
SECTION = re.compile(rf"^第({_NUMBER})节\s*(?P<title>[^。]{{0,40}})$")
# Unnumbered headings that open no chapter: the text under them is read on, the heading dropped.
PLAIN_HEADING = re.compile(r"^(?:前言|序言|引言|结束语|结语)$")
PART = re.compile(rf"^第({_NUMBER})篇\s*(?P<title>[^。]{{0,40}})$")
# Articles of a plan written as rules: "第一条 规划范围。…".
ARTICLE = re.compile(rf"^第({_NUMBER})条\s*(?P<rest>.*)$", re.S)
# Numbered headings of plans without 第X章: "一、总体要求" (a chapter), "(一)指导思想" (a section);
# a heading may run on into its first sentence ("(一)指导思想。以…").
CN_HEADING = re.compile(
    r"^([一二三四五六七八九十]{1,3})、\s*(?P<title>[^。]{1,40}?)(?:。(?P<rest>.*))?$", re.S
)
CN_SUBHEADING = re.compile(
    r"^[(（]([一二三四五六七八九十]{1,3})[)）]\s*(?P<title>[^。]{1,40}?)(?:。(?P<rest>.*))?$", re.S
)
# Markdown heading marks before a heading: "## 第一章 发展基础".
MARKDOWN_HEADING = re.compile(r"^#{1,6}\s*")

# The longest lead phrase we accept: the longest in the Ganzhou plan is 18 characters
# (高标准建设长征国家文化公园(赣州段)); a first sentence of 30+ characters is prose.
MAX_LEAD_CHARS = 28
LEAD = re.compile(rf"^(?P<title>[^。，,；;：:！？!?|]{{2,{MAX_LEAD_CHARS}}}?)。(?P<rest>.*)$", re.S)
# A 专栏 item title: a short phrase of plain words ("铁路", "脐橙品质品牌提升工程").
ITEM_TITLE = re.compile(r"^(?P<title>[\u4e00-\u9fffA-Za-z0-9()（）]{2,16})。(?P<rest>.*)$", re.S)


def is_heading(text: str) -> bool:
    return any(p.match(text) for p in (CHAPTER, SECTION, PART, PLAIN_HEADING))


def lead_phrase(text: str) -> tuple[str, str] | None:
    """ "打造高能级创新平台。围绕…" → ("打造高能级创新平台", "围绕…"); None for prose."""
    match = LEAD.match(text)
    if match is None:
        return None
    return match.group("title").strip(), match.group("rest").strip()
