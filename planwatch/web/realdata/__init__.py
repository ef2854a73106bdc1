"""The shipped real data in the database: plan-indicator figures (through the monitoring services),
auxiliary and reference series, consistency flags for reviewers, and the clearly labelled example set."""
