"""Pages of data collection, one module per screen; each view parses, checks, calls a service, renders."""
