"""Precedents from the knowledge base and from naming patterns; current events are not precedents."""

from .conftest import tables_for


def test_known_and_unknown_named_events_with_years():
    text = ("Negotiators held up the 1978 Camp David Accords as a model for the talks. "
            "Others recalled how the 2011 Tripoli Accord collapsed within weeks.")
    precedents = tables_for(text).precedents
    found = {(r.year, r.invoked_as) for r in precedents.itertuples()}
    assert (1978, "model") in found
    assert (2011, "cautionary") in found


def test_the_summit_being_reported_is_not_a_precedent():
    text = "Leaders met at the Rome summit on Tuesday. The Rome summit ended without a deal."
    assert tables_for(text).precedents.empty


def test_a_past_summit_is_a_precedent():
    text = "The talks failed, as the Vilnius summit did last year."
    assert "Vilnius summit" in set(tables_for(text).precedents["name"])
