"""Reports: the evaluation written out (Word, Excel, PDF, HTML) and the chart and map helpers its figures share."""

# The formats a report is written in (one writer module each); the web page, the background task and
# ``planwatch report --format`` offer these and no others.
FORMATS = ("docx", "xlsx", "pdf", "html")
