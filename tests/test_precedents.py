"""Precedents from the knowledge base and from naming patterns; current events are not precedents."""

from .conftest import tables_for


def test_known_and_unknown_named_events_with_years():
    text = ("Negotiators cited the 1978 Camp David Accords as a model for the talks. "
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


def test_names_keep_their_letters():
    text = "Diplomats recalled the six-week war in 2020. Both sides cited the Camp David Accords as a model."
    names = set(tables_for(text).precedents["name"])
    assert "six-week war in 2020" in names
    assert any(n.endswith("Camp David Accords") for n in names)


def test_a_founding_event_needs_its_year():
    with_year = tables_for("Officials recalled the nation's accession to the World Trade Organization in 2001.")
    assert "nation's accession to the World Trade Organization" in set(with_year.precedents["name"])
    assert tables_for("The creation of the Trade Council was welcomed.").precedents.empty


def _names(text: str, published: str = "2026-05-01") -> set[str]:
    return set(tables_for(text, published=published).precedents["name"])


def _years(text: str, published: str = "2026-05-01") -> dict[str, int]:
    """Precedent name -> year, for a short article published on `published`."""
    precedents = tables_for(text, published=published).precedents
    return dict(zip(precedents["name"], precedents["year"], strict=True))


def test_a_new_or_another_name_invokes_it():
    precedents = tables_for('Opposition leaders branded the customs pact "a new Comecon," and farmers feared '
                            "another ECOWAS split.").precedents
    assert {"Comecon"} <= set(precedents["name"])
    assert set(precedents[precedents["name"] == "Comecon"]["invoked_as"]) == {"cautionary"}
    assert "ECOWAS" not in set(precedents["name"])  # "another ECOWAS split": the name only modifies


def test_a_new_office_or_body_is_no_invocation():
    text = ("The party called for a new Labour government. Another EU summit is planned for June. "
            "Voters may face a second Trump administration.")
    assert tables_for(text).precedents.empty


def test_a_past_time_followed_by_when_names_the_event_then():
    text = ("Older traders still recall March 2011, when a tanker strike between Lagos and Accra halted fuel "
            "deliveries. She pointed to 2014, when Brazil banned soybean imports from Peru for a month.")
    precedents = tables_for(text, published="2026-05-01").precedents
    assert dict(zip(precedents["name"], precedents["year"], strict=True)) == {
        "tanker strike between Lagos and Accra in March 2011": 2011,
        "Brazil banned soybean imports from Peru in 2014": 2014}
    for row in precedents.itertuples():  # the span runs from the time to the end of what happened
        assert row.evidence.startswith(text[row.start:row.end]) or text[row.start:row.end] in row.evidence


def test_a_when_clause_of_the_sentence_or_the_future_is_no_precedent():
    text = ("In 2019, when he took office, prices rose. Ministers fear 2031, when the deal expires. "
            "This week, when the talks opened, delegates clashed.")
    assert tables_for(text, published="2026-05-01").precedents.empty


def test_a_name_glossed_as_a_scheme_set_up_in_a_past_year():
    text = ("Delegates cited Harvest Bridge, the grain-sharing scheme launched in 2019, as a warning. "
            "Ruto, the president elected in 2022, spoke. Kenya, the country that signed the deal in 2020, objected. "
            "The Green Pact, the plan agreed in 2026, starts now.")
    precedents = tables_for(text, published="2026-05-01").precedents
    assert dict(zip(precedents["name"], precedents["year"], strict=True)) == {"Harvest Bridge": 2019}


def test_a_year_before_a_hyphenated_compound_and_a_month_after_a_war():
    text = ("She pointed to the 2011 seed-sharing framework as a model for the new annex. "
            "The army retook the valley in a two-day offensive in September 2019.")
    names = _names(text)
    assert {"2011 seed-sharing framework", "two-day offensive in September 2019"} <= names
    assert _names("Rebels launched a two-day offensive in April 2026, officials said.") == set()


def test_one_event_named_twice_is_one_row():
    text = ("Iran concluded the Joint Comprehensive Plan of Action with world powers in 2015. "
            "Critics said Washington broke the 2015 deal. "
            "Mediators cited the 1978 Camp David Accords as a template for a U.S.-backed deal.")
    names = _names(text)
    assert "2015 deal" not in names and "U.S.-backed deal" not in names
    assert "Joint Comprehensive Plan of Action" in names


def test_a_deal_counted_back_loosely_is_the_dated_deal():
    text = ("Officials cited the 2015 accord. The new text copies the pact agreed in the capital more "
            "than ten years ago.")
    assert _names(text, published="2026-05-01") == {"2015 accord"}


def test_an_agreement_reached_at_a_past_date_is_a_precedent():
    text = ("Analysts point instead to the understanding reached in Brasilia in March 2019. "
            "The current pause echoes a truce struck in Lima in May last year. "
            "Officials cited the Andean Grain Initiative, the deal signed in Quito in July 2022.")
    years = _years(text, published="2026-05-01")
    assert years["understanding reached in Brasilia in March 2019"] == 2019
    assert years["truce struck in Lima in May last year"] == 2025
    assert not any(n.startswith("deal signed in Quito") for n in years)  # a gloss of a named event


def test_an_agreement_reached_this_year_is_the_news_not_a_precedent():
    text = "The accord reached in Geneva in March 2026 takes effect next week."
    assert tables_for(text, published="2026-05-01").precedents.empty


def test_a_past_action_counted_back_in_years_is_an_event():
    text = ("Peru, which began the row when it seized Chilean boats nearly three decades ago, welcomed the deal. "
            "The OAS first imposed a fishing quota four years ago, but it lost its bite.")
    years = _years(text, published="2026-05-01")
    assert years["seized Chilean boats nearly three decades ago"] == 1996
    assert years["OAS first imposed a fishing quota four years ago"] == 2022


def test_recent_actions_and_old_remarks_are_not_events():
    text = ("The minister visited Lima a year ago. Okafor said four years ago that talks would fail. "
            "Prices rose two months ago.")
    assert tables_for(text, published="2026-05-01").precedents.empty


def test_the_event_the_lead_reports_is_not_a_precedent():
    text = ("Member states adopted the Paris Agreement on Wednesday after three years of talks. "
            "Delegates said it would fare better than the 2009 Copenhagen Accord.")
    names = _names(text, published="2015-12-12")
    assert "Paris Agreement" not in names
    assert any("Copenhagen" in n for n in names)


def test_an_event_owned_by_a_past_year_and_a_past_election():
    text = ("She said the text finished work left over from last year's conference in Lusaka. "
            "Nobody wants another deadlock like the one after the 2018 election.")
    years = _years(text, published="2026-05-01")
    assert years["last year's conference in Lusaka"] == 2025
    assert years["2018 election"] == 2018


def test_this_years_election_is_the_news():
    assert _names("Parties began coalition talks after the 2026 election.", published="2026-05-01") == set()


def test_framings_in_the_sentence_decide_how_a_precedent_is_invoked():
    text = ("Negotiators modelled the customs chapter on the 1992 Andean Trade Accord. "
            "Farmers fear a repeat of the 2003 Lima Pact, which was torn up within a year. "
            "Mediators cite the 1999 Quito Agreement as proof that rivals can settle.")
    precedents = tables_for(text, published="2026-05-01").precedents
    invoked = {row.year: row.invoked_as for row in precedents.itertuples()}
    assert invoked == {1992: "model", 2003: "cautionary", 1999: "model"}


def test_a_past_dated_loan_or_conference_with_plain_modifiers_is_a_precedent():
    text = ("The new deal replaces the 2018 IMF loan, which Lima said it could not repay. "
            "Pledges topped those made at the 2016 pledging conference in Montreal.")
    names = set(tables_for(text, published="2024-05-04").precedents["name"])
    assert {"2018 IMF loan", "2016 pledging conference"} <= names
