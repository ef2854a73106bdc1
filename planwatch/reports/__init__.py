"""Reports: the evaluation written out (Word, Excel, PDF, HTML) and the chart and map helpers its figures share."""
