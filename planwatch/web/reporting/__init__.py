"""Reports from frozen snapshots (issue 15): the stored snapshot, generated files, the county comparison."""
