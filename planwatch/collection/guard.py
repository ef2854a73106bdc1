"""Refusing hostile or broken files before any parser touches them.

An upload is only bytes from a stranger. Before openpyxl opens an .xlsx (a zip of XML files)
we check, from the zip's central directory alone: the file's size, that it is a zip at all (a
renamed .csv or .doc is not), that it looks like a workbook, the number of members, the total
declared uncompressed size and each member's compression ratio (a zip bomb: a few KB that
inflate to gigabytes). Declared sizes are enough: Python's ``zipfile`` never returns more bytes
than a member declares (``ZipExtFile`` stops at ``file_size`` and then fails the CRC), so a lying
header cannot smuggle more data past this check into openpyxl.
"""

from __future__ import annotations

import io
import re
import zipfile

from planwatch.collection.problems import ImportProblem, file_problem
from planwatch.collection.settings import setting

_OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # old .xls / .doc compound files
_ZIP_MAGIC = b"PK\x03\x04"
_WORKBOOK_MEMBERS = ("[Content_Types].xml", "xl/workbook.xml")


def megabytes(size: int, decimals: int = 1) -> str:
    return f"{size / 1024 / 1024:.{decimals}f} MB"


def sizes_apart(size: int, limit: int) -> tuple[str, str]:
    """A file's size and the limit it passed, printed so the size reads larger: "5.0 MB, over 5.0 MB"
    tells a clerk whose file is a few bytes too large nothing."""
    for decimals in (1, 2, 3):
        shown = megabytes(size, decimals), megabytes(limit, decimals)
        if shown[0] != shown[1]:
            return shown
    return f"{size:,} B", f"{limit:,} B"


def too_large(name: str, size: int, limit: int) -> str:
    """文件「x.xlsx」大小 5.01 MB,超过上限 5.00 MB — the one wording for every upload path."""
    shown, most = sizes_apart(size, limit)
    return f"文件「{name}」大小 {shown},超过上限 {most}"


def check_size(data: bytes, name: str) -> ImportProblem | None:
    """Empty or too large: refused before anything else is read."""
    if not data:
        return file_problem(f"文件「{name}」是空的", rule="empty")
    limit = setting("MAX_UPLOAD_BYTES")
    if len(data) > limit:
        return file_problem(too_large(name, len(data), limit), rule="size")
    return None


def check_xlsx_container(data: bytes, name: str) -> ImportProblem | None:
    """None when ``data`` is a plausible, bounded .xlsx; else the one reason it is refused."""
    problem = check_size(data, name)
    if problem:
        return problem
    if data.startswith(_OLE2_MAGIC):
        return file_problem(f"文件「{name}」是旧版 Excel(.xls)、设置了打开密码的文件或其他 Office 文件,"
                            f"请在 Excel 中取消密码并「另存为」.xlsx 格式后再上传", rule="format")
    not_excel = file_problem(f"文件「{name}」不是有效的 Excel(.xlsx)文件,请上传由本系统下载的模板", rule="format")
    if not data.startswith(_ZIP_MAGIC):
        return not_excel
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        return not_excel
    names = {m.filename for m in members}
    if not all(member in names for member in _WORKBOOK_MEMBERS):
        return not_excel
    return _check_members(members, name) or _check_doctypes(data, members, name)


_PROLOG_LIMIT = 64 * 1024
_ROOT_START = re.compile(rb"<[A-Za-z_]")
_COMMENT = re.compile(rb"<!--.*?(-->|$)", re.DOTALL)


def _check_doctypes(data: bytes, members: list[zipfile.ZipInfo], name: str) -> ImportProblem | None:
    """No XML part may declare a document type: Excel never writes one, and a DOCTYPE is how an XML
    file pulls in outside files (XXE) or expands a few bytes into gigabytes (billion laughs). Only each
    part's prolog — what comes before its root element — is read."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for member in members:
            if not member.filename.lower().endswith((".xml", ".rels", ".vml")):
                continue
            prolog = _prolog(archive, member)
            if prolog is None or b"<!DOCTYPE" in prolog.upper() or b"<!ENTITY" in prolog.upper():
                return file_problem(f"文件「{name}」的部件 {member.filename} 含有 XML 文档类型声明(DOCTYPE/ENTITY),"
                                    f"Excel 不会生成这种内容,已拒收", rule="xml_doctype")
    return None


def _prolog(archive: zipfile.ZipFile, member: zipfile.ZipInfo) -> bytes | None:
    """The bytes before the root element, comments removed; None when they cannot be read as Excel writes
    them (UTF-16 text, where the search would see no ASCII, or a prolog padded past 64 KB)."""
    with archive.open(member) as stream:
        head = stream.read(_PROLOG_LIMIT)
    if head.startswith((b"\xff\xfe", b"\xfe\xff")) or b"\x00" in head[:64]:
        return None
    visible = _COMMENT.sub(b"", head)
    found = _ROOT_START.search(visible)
    if found:
        return visible[: found.start()]
    return visible if len(head) < _PROLOG_LIMIT else None


def _check_members(members: list[zipfile.ZipInfo], name: str) -> ImportProblem | None:
    if len(members) > setting("MAX_ZIP_MEMBERS"):
        return file_problem(f"文件「{name}」内部包含 {len(members)} 个部件,超过上限 "
                            f"{setting('MAX_ZIP_MEMBERS')},已拒收", rule="zip_bomb")
    bomb = f"文件「{name}」解压后异常巨大,疑似压缩炸弹,已拒收"
    total = sum(m.file_size for m in members)
    if total > setting("MAX_UNCOMPRESSED_BYTES"):
        return file_problem(f"{bomb}(解压后 {megabytes(total)},上限 "
                            f"{megabytes(setting('MAX_UNCOMPRESSED_BYTES'))})", rule="zip_bomb")
    for member in members:
        if member.flag_bits & 0x1:
            return file_problem(f"文件「{name}」已加密,请取消密码保护后再上传", rule="encrypted")
        if member.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            return file_problem(f"文件「{name}」使用了 Excel 不会生成的压缩方式,已拒收", rule="format")
        if member.filename.lower().endswith("vbaproject.bin"):
            return file_problem(f"文件「{name}」含有宏,请另存为不含宏的 .xlsx 后再上传", rule="macro")
        ratio = member.file_size / max(member.compress_size, 1)
        if member.file_size >= setting("MIN_RATIO_CHECK_BYTES") and ratio > setting("MAX_COMPRESSION_RATIO"):
            return file_problem(f"{bomb}(部件 {member.filename} 压缩比 {ratio:.0f} 倍,上限 "
                                f"{setting('MAX_COMPRESSION_RATIO')} 倍)", rule="zip_bomb")
    return None
