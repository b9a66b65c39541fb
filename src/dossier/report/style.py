"""One palette and one set of labels for figures, tables and the highlighted article."""

STATUS_ORDER = ["committed", "proposed", "considering", "undecided", "ruled_out"]
STATUS_COLORS = {
    "committed": "#1a7f4b",
    "proposed": "#3b6fb6",
    "considering": "#d99a1e",
    "undecided": "#8c8c8c",
    "ruled_out": "#c0392b",
}
STATUS_LABELS = {"committed": "committed", "proposed": "proposed", "considering": "considering",
                 "undecided": "undecided", "ruled_out": "ruled out"}
TYPE_COLORS = {"person": "#4c6a92", "country": "#2f8f83", "organization": "#9a6fb0", "group": "#c98a3c"}
CATEGORY_LABELS = {
    "troops": "Troops", "air_support": "Air support", "logistics": "Logistics", "military_aid": "Military aid",
    "security_guarantee": "Security guarantee", "sanctions": "Sanctions", "energy": "Energy",
    "funding": "Funding", "trade": "Trade", "diplomacy": "Diplomacy", "climate": "Climate", "other": "Other",
}
