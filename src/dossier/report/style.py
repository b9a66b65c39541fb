"""One palette for the report: pledge status, statement kind and actor type colours."""

from dossier.report.labels import STATUS_ORDER

STATUS_COLORS = dict(zip(STATUS_ORDER, ("#1a7f4b", "#3b6fb6", "#a86f00", "#6b6b6b", "#c0392b"), strict=True))
KIND_COLORS = {"threat": "#8e1b1b", "accusation": "#a3471c", "rejection": "#c0392b", "demand": "#6a3d9a",
               "warning": "#a86f00", "endorsement": "#1a7f4b", "claim": "#6b6b6b"}
TYPE_COLORS = {"person": "#4c6a92", "country": "#2f8f83", "organization": "#9a6fb0", "group": "#c98a3c"}
