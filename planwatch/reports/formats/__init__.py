"""Writers, one module per format: plain data in (a header and rows, a dict, pages), bytes or files out.

Pages, the command line and the API all write through these, so a rule of a format lives once:
``csv`` (UTF-8, a BOM for Excel), ``xlsx`` (one sheet per table, header frozen), ``json`` (NumPy and
pandas values made plain, NaN as null, Chinese unescaped) and ``site`` (a crawled site written as
files that open from disk). CSV and XLSX cells pass through ``reports.tables.spreadsheet_safe``, so
no caller can forget it. The evaluation report's own formats (Word, Excel, PDF, HTML) are the sibling
modules ``reports/docx.py``, ``xlsx.py``, ``pdf.py`` and ``html.py``.

Nothing here imports Django: callers translate their headers and query their rows first.
"""
