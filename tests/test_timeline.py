"""Time expressions normalised against the publication date."""

from datetime import date

import pytest

from dossier.timeline import normalise

FRIDAY = date(2025, 9, 5)


@pytest.mark.parametrize(("expression", "future", "expected"), [
    ("Friday", False, ("2025-09-05", "day")),
    ("Thursday", False, ("2025-09-04", "day")),
    ("Tuesday", True, ("2025-09-09", "day")),
    ("last month", False, ("2025-08", "month")),
    ("next year", True, ("2026", "year")),
    ("2027", True, ("2027", "year")),
    ("March 3, 2024", False, ("2024-03-03", "day")),
    ("December", False, ("2024-12", "month")),
    ("two weeks ago", False, ("2025-08-22", "day")),
    ("yesterday", False, ("2025-09-04", "day")),
])
def test_normalise(expression, future, expected):
    assert normalise(expression, FRIDAY, future) == expected


def test_relative_dates_stay_unresolved_without_a_publication_date():
    assert normalise("last month", None, False) == ("", "unresolved")
    assert normalise("2014", None, False) == ("2014", "year")


def test_passive_by_does_not_make_a_date_future():
    from .conftest import tables_for

    timeline = tables_for("The plan was rejected by Germany on Monday.", published="2025-09-05").timeline
    assert list(timeline["date"]) == ["2025-09-01"]
