"""How real news copy states commitments, statements and precedents: one test per error class
(issue 8), on sentences of our own, with the rows each must give."""

from .conftest import rows, tables_for


def test_a_counted_collective_commits_and_later_references_merge_into_it():
    text = ("LIMA, March 3 (Agency) - Some 120 countries agreed on Sunday to halve plastic waste by 2040.\n\n"
            "The nations also agreed to fund recycling plants in poorer states, officials said.")
    tables = tables_for(text)
    assert ("Some 120 countries", "group") in rows(tables.actors, "name", "type")
    assert rows(tables.pledges, "actor", "status") == {("Some 120 countries", "committed")}
    assert len(tables.pledges) == 2


def test_a_collective_named_by_its_adjective_is_its_own_actor():
    tables = tables_for("Wealthy economies will bear the bulk of the bill for the new fund.")
    assert rows(tables.pledges, "actor", "category", "status") == {("Wealthy economies", "funding", "committed")}


def test_a_possessive_or_named_modifier_keeps_its_owner():
    tables = tables_for("Kenya's negotiators agreed to extend the truce. EU leaders will double humanitarian aid.")
    assert rows(tables.pledges, "actor") == {("Kenya",), ("European Union",)}
    assert "group" not in set(tables.actors["type"])


def test_reported_speech_would_is_a_commitment_of_the_speaker():
    text = "Chile said it would match the new export levy, and Peru said it would follow within weeks."
    pledges = tables_for(text).pledges
    assert rows(pledges, "actor", "status") == {("Chile", "committed"), ("Peru", "committed")}
    assert set(pledges["category"]) == {"trade"}


def test_reported_speech_with_a_condition_is_only_proposed():
    pledges = tables_for("Norway said it would waive the duties if Iceland lifted its quota.").pledges
    assert rows(pledges, "actor", "status") == {("Norway", "proposed")}


def test_verbs_no_list_holds_commit_through_the_clause():
    text = ("Vietnam will blacklist the tankers that carry sanctioned crude. "
            "Ghana is set to waive licence fees for solar farms. "
            "Ecuador could extend the fishing moratorium. "
            "Bolivia will not prohibit lithium exports.")
    pledges = tables_for(text).pledges
    status = dict(zip(pledges["actor"], pledges["status"], strict=True))
    assert status == {"Vietnam": "committed", "Ghana": "committed", "Ecuador": "considering",
                      "Bolivia": "ruled_out"}


def test_a_future_of_the_world_is_no_commitment():
    pledges = tables_for("Prices will rise sharply. Analysts suggest Brazil aims to raise tariffs.").pledges
    assert pledges.empty


def test_nominal_commitments_have_owners():
    text = ("Portugal's pledge to host the next round of talks was welcomed. "
            "Japan announced plans for further sanctions on shipping firms.")
    assert rows(tables_for(text).pledges, "actor", "category", "status") == {
        ("Portugal", "diplomacy", "committed"), ("Japan", "sanctions", "proposed")}


def test_stand_in_instruments_and_agentless_clauses_belong_to_the_adopter():
    text = ("The European Union adopted a new sanctions package on Monday.\n\n"
            "The package also bars imports of Russian aluminium.\n\n"
            "Sanctions will be extended to three more banks, the bloc said.")
    pledges = tables_for(text).pledges
    assert set(pledges["actor"]) == {"European Union"}
    evidence = set(pledges["evidence"])
    assert "The package also bars imports of Russian aluminium." in evidence
    assert "Sanctions will be extended to three more banks, the bloc said." in evidence


def test_history_and_threats_are_not_pledges():
    text = ("In 1997 the three powers promised to respect the border. "
            "Iran vowed it would retaliate against any attack.")
    assert tables_for(text, published="2026-03-01").pledges.empty


def test_a_firm_commitment_inside_a_quote_is_its_speakers_pledge_too():
    # real annotators list a speaker's own quoted "we will ..." as a pledge, beside the quote
    tables = tables_for('"We will send engineers next month," said Ana Ruiz, the defence minister of Peru.')
    assert set(tables.pledges["actor"]) <= {"Ana Ruiz", "Peru"} and len(tables.pledges) == 1
    assert rows(tables.quotes, "speaker") == {("Ana Ruiz",)}


def test_speaker_named_after_the_quote_with_an_appositive():
    text = ('"This text is a betrayal of the islands," said Tomas Lind, the chief negotiator for Tuvalu. '
            'Lind called the deal a capitulation.')
    tables = tables_for(text)
    assert ("This text is a betrayal of the islands", "Tomas Lind") in {
        (q.rstrip(","), s) for q, s in rows(tables.quotes, "quote", "speaker")}
    assert ("Tomas Lind", "rejection") in rows(tables.statements, "speaker", "kind")


def test_an_evaluation_that_praises_is_an_endorsement():
    statements = tables_for("Mali called the accord a historic breakthrough.").statements
    assert rows(statements, "speaker", "kind") == {("Mali", "endorsement")}


def test_restating_a_fact_or_a_pledge_is_no_claim():
    text = ("Finance Minister Ruth Okello announced the deal on Tuesday. "
            "Uganda will build two grain silos, Okello said.")
    tables = tables_for(text)
    assert tables.statements.empty
    assert rows(tables.pledges, "actor", "status") == {("Uganda", "committed")}


def test_relative_years_and_invoked_places_are_precedents():
    text = ("The accord borrows from the deal struck in Oslo a decade ago. "
            "Critics warned the summit risked becoming another Munich.")
    precedents = tables_for(text, published="2026-06-01").precedents
    years = dict(zip(precedents["name"], precedents["year"], strict=True))
    assert years.get("deal struck in Oslo a decade ago") == 2016
    assert years.get("Munich") == 1938  # named as the article names it, the event from the knowledge base
    munich = precedents[precedents["name"] == "Munich"]
    assert set(munich["canonical"]) == {"Munich Agreement"}
    assert set(munich["invoked_as"]) == {"cautionary"}


def test_the_next_meeting_is_not_a_precedent():
    text = "Ministers will meet again in Rome next month to review the deal."
    assert tables_for(text, published="2026-06-01").precedents.empty


def test_bylines_credits_and_captions_are_not_actors():
    text = ("By Lena Hart and Omar Diallo\n\n"
            "ACCRA, May 2 (Agency) - Ghana agreed on Friday to cut cocoa export levies.\n\n"
            "FILE PHOTO: Workers load cocoa bags at the port of Tema, Ghana, May 1, 2026. AGENCY/Kofi Mensah\n\n"
            "(Reporting by Lena Hart; Editing by Paul Grey)")
    tables = tables_for(text)
    assert set(tables.actors["name"]) == {"Ghana"}
    assert rows(tables.pledges, "actor", "category") == {("Ghana", "trade")}


def test_an_unnamed_source_is_the_speaker_of_its_quote():
    text = '"Nobody wants another round of this," a senior Western diplomat told reporters, requesting anonymity.'
    tables = tables_for(text)
    assert rows(tables.quotes, "speaker") == {("Senior Western diplomat",)}
    assert ("Senior Western diplomat", "person") in rows(tables.actors, "name", "type")


def test_the_government_is_the_state_of_the_official_speaking():
    text = "Kenyan Finance Minister Ruth Okello said the government would waive import duties on maize."
    pledges = tables_for(text).pledges
    assert rows(pledges, "actor", "category", "status") == {("Kenya", "trade", "committed")}


def test_an_acronym_spelt_out_in_brackets_is_the_same_organization():
    text = ("Angela Merkel of the Christian Democratic Union (CDU) signed the deal.\n\n"
            "Mrs Merkel said the CDU would back the budget.")
    actors = tables_for(text).actors
    assert set(actors["name"]) == {"Angela Merkel", "Christian Democratic Union"}


def test_declining_to_comment_commits_to_nothing():
    tables = tables_for("Peru and Chile, which opposed the levy, declined to comment. Bolivia refused to say more.")
    assert tables.pledges.empty


def test_a_hyphenated_verb_the_tagger_misreads_still_commits():
    pledges = tables_for("Portugal will fast-track ratification of the accord, its foreign ministry said.").pledges
    assert rows(pledges, "actor", "category", "status") == {("Portugal", "diplomacy", "committed")}


def test_a_future_refusal_with_an_object_is_ruled_out():
    pledges = tables_for("Kenya will not back any budget that cuts the school meals programme.").pledges
    assert rows(pledges, "actor", "status") == {("Kenya", "ruled_out")}


def test_an_impersonal_decision_belongs_to_the_body_that_took_it():
    text = ("The African Union agreed on Friday to extend its observer mission in Chad.\n\n"
            "It was also agreed to hold the next summit in Accra in March.")
    pledges = tables_for(text).pledges
    assert rows(pledges, "actor") == {("African Union",)}
    assert len(pledges) == 2


def test_companies_are_actors_when_the_text_says_so():
    text = ("Chipmaker Veltrix said it would open a plant in Gdansk. "
            "Tomas Berg, director of the Baltic Steelworkers union, called the plan welcome. "
            "Orvanto Ltd declined to comment.")
    names = set(tables_for(text).actors["name"])
    assert {"Veltrix", "Baltic Steelworkers", "Orvanto Ltd"} <= names


def test_a_first_name_the_model_left_out_stays_part_of_the_name():
    names = set(tables_for("Peru's chief negotiator, Ana Clara Medina, welcomed the text.").actors["name"])
    assert "Ana Clara Medina" in names and "Clara Medina" not in names


def test_the_government_is_the_state_the_article_is_about_not_one_named_in_passing():
    text = ("Chile's ruling parties signed a coalition pact on Monday.\n\n"
            "The pact includes tolls on heavy trucks, including those from Argentina.\n\n"
            "The government will not raise income taxes before 2030.")
    pledges = tables_for(text).pledges
    assert set(pledges["actor"]) == {"Chile"}


def test_taking_back_people_is_an_undertaking_taking_time_is_not():
    text = ("Portugal vowed that it would not take back migrants registered in Spain. "
            "The review will take months, officials said.")
    assert rows(tables_for(text).pledges, "actor", "status") == {("Portugal", "ruled_out")}


def test_what_happened_at_a_past_date_is_history_not_a_pledge():
    text = "Officials pointed to 2011, when Peru halted copper shipments to Chile for a month."
    assert tables_for(text, published="2026-03-01").pledges.empty


def test_how_a_decision_will_be_carried_out_is_not_itself_a_pledge():
    pledges = tables_for("Kenya has not yet decided how it would pay for the water scheme.").pledges
    assert rows(pledges, "actor", "status") == {("Kenya", "undecided")}


def test_money_deep_inside_a_clause_does_not_make_a_signature_funding():
    text = ("Peru and Chile signed a trade agreement on Monday that officials said would open markets "
            "worth $4 billion.")
    assert set(tables_for(text).pledges["category"]) == {"trade"}


def test_both_sides_are_the_pair_that_acted_together():
    text = ("Peru and Chile signed a fisheries accord on Monday. Bolivia, Brazil and Argentina sent observers.\n\n"
            "Both sides will refrain from new quotas, the text says.")
    pledges = tables_for(text).pledges
    assert rows(pledges[pledges["evidence"].str.startswith("Both")], "actor") == {("Peru",), ("Chile",)}


def test_an_administration_named_after_its_leader_is_a_us_presidency():
    pledges = tables_for("The Carter administration plans to halt exports of advanced chips to Iran.").pledges
    assert rows(pledges, "actor", "category") == {("United States", "trade")}


def test_what_is_shipped_decides_the_category_not_the_shipping():
    pledges = tables_for("Norway will send four more cargoes of gas to Poland this winter.").pledges
    assert set(pledges["category"]) == {"energy"}


def test_a_verb_the_parser_hangs_on_its_subject_still_has_that_subject():
    pledges = tables_for("Norway, which brokered past truces, offered to stage the third round in Oslo.").pledges
    assert rows(pledges, "actor", "status") == {("Norway", "proposed")}


def test_negotiators_from_both_countries_are_the_pair():
    text = ("Peru and Chile traded accusations over fishing rights on Monday.\n\n"
            "Envoys from both countries agreed to meet again within a fortnight.")
    pledges = tables_for(text).pledges
    assert rows(pledges, "actor") == {("Peru",), ("Chile",)}


def test_the_action_and_its_object_decide_the_category_before_words_further_out():
    text = ("Peru offered to fund the reserve of the new grain insurance pool. "
            "Chile will devote 2% of its budget to needs such as troops and tanks.")
    pledges = tables_for(text).pledges
    assert rows(pledges, "actor", "category") == {("Peru", "funding"), ("Chile", "funding")}


def test_conditions_and_demands_on_another_side_are_not_its_pledges():
    text = ("Peru warned it would halt fishing talks if Chile did not free the crews and return the boats. "
            "Bolivia demanded guarantees that Chile would not close the port.")
    assert "Chile" not in set(tables_for(text).pledges["actor"])


def test_a_when_clause_after_a_past_date_anywhere_in_the_sentence_is_history():
    text = ("Memories of the 2019 pact, which unravelled in its first winter when Peru restarted its raids, "
            "still hangs over the talks.")
    assert tables_for(text, published="2026-03-01").pledges.empty


def test_a_bare_plural_refers_to_the_whole_set_not_a_subgroup_named_since():
    text = ("Some 120 countries agreed on Sunday to halve plastic waste by 2040. Several island nations "
            "wanted more.\n\nThe countries also agreed to fund recycling plants.")
    pledges = tables_for(text).pledges
    assert set(pledges["actor"]) == {"Some 120 countries"}


def test_doors_left_open_and_stopping_short():
    text = ("Chile left the door open to joining the fund later this year. "
            "Brazil stopped short of committing to a date for the phase-out of coal.")
    assert rows(tables_for(text).pledges, "actor", "status") == {("Chile", "considering"), ("Brazil", "ruled_out")}


def test_datelines_with_a_region_and_a_double_hyphen_are_not_actors():
    for lead in ("GLASGOW, Scotland -- ", "LYON, France \u2014 ", "ANTALYA, Turkey, Nov 21 (Agency) \u2014 "):
        tables = tables_for(lead + "World leaders promised to protect forests and cut methane emissions by 2030.")
        assert {"Glasgow", "GLASGOW", "LYON", "ANTALYA"}.isdisjoint(set(tables.actors["name"]))
        assert set(tables.pledges["actor"]) == {"World leaders"}


def test_an_offer_to_do_something_no_category_names_is_still_an_offer():
    pledges = tables_for("Peru said it was willing to make concessions on the wording.").pledges
    assert rows(pledges, "actor", "status") == {("Peru", "proposed")}


def test_money_the_agreement_provides_comes_from_its_parties_less_the_receiver():
    text = ("The European Union and Tunisia signed a partnership on energy and migration on Sunday.\n\n"
            "Leaders praised the text.\n\nCritics called it vague.\n\n"
            "Another 900 million euros could be provided to Tunisia in loans over the coming years.")
    pledges = tables_for(text).pledges
    later = pledges[pledges["evidence"].str.startswith("Another")]
    assert rows(later, "actor", "category") == {("European Union", "funding")}


def test_a_grouping_the_article_names_acts_for_its_members():
    text = ("Peru, Chile and Ecuador, a group known as the Pacific Three, agreed on Monday to cap anchovy catches. "
            "Negotiators from Norway and Iceland, the so-called N2, agreed to share quota data.")
    pledges = tables_for(text).pledges
    assert set(pledges["actor"]) <= {"Pacific Three", "N2"} and len(pledges) == 2


def test_british_is_to_future_and_membership_among_committers():
    text = ("The UK is to send 300 more troops to Estonia next year. "
            "Italy is among the countries that have pledged to double aid to Africa.")
    pledges = tables_for(text).pledges
    assert rows(pledges, "actor", "status") == {("United Kingdom", "committed"), ("Italy", "committed")}


def test_a_stray_line_break_inside_a_sentence_is_not_a_paragraph_break():
    text = ("Peru hosted the donor meeting on Monday.\n"
            "Chile pledged $40 million at the\n"
            "conclusion of the conference, officials said.\n"
            "Bolivia offered to send engineers.\n")
    tables = tables_for(text)
    assert any(s.startswith("Chile pledged $40 million at the conclusion") for s in tables.sentences["text"])
    assert ("Chile", "funding") in rows(tables.pledges, "actor", "category")


def test_a_speakers_own_reported_future_counts_even_when_no_category_names_it():
    text = ("Peru and Chile signed a fishing accord on Monday.\n\n"
            "Acme Fisheries said it would abide by the new rules, according to a company statement.")
    pledges = tables_for(text).pledges
    assert "Acme Fisheries" in set(pledges["actor"])


def test_news_agencies_are_sources_not_actors_and_names_drop_a_leading_the():
    text = ("The Ministry of Foreign Affairs of Peru said on Monday the truce would hold. "
            "Reuters adds: the truce was welcomed around the world. Chile told Reuters it agreed.")
    names = set(tables_for(text).actors["name"])
    assert "Reuters" not in names and not any(n.startswith("The ") for n in names)


def test_ultimatums_obligations_laid_on_others_and_events_after_a_past_date_are_not_pledges():
    text = ("Speaking in Lima, he said: \u201cEither the rebels disarm the easy way, or they will be disarmed.\u201d "
            "Peru welcomed the pledge but insisted that Bolivia, not Chile, should choose where the funds go. "
            "She recalled the 2010 earthquake, after which pledged aid was never delivered.")
    assert tables_for(text, published="2026-03-01").pledges.empty


def test_a_name_followed_by_its_organization_is_a_person():
    text = "Asha Verlinden of Oxfam International called the annex \u201ca floor with holes in it.\u201d"
    actors = rows(tables_for(text).actors, "name", "type")
    assert ("Asha Verlinden", "person") in actors


def test_look_alikes_of_the_real_copy_rules_give_nothing():
    text = ("The Union of Concerned Scientists said the plan would fail. "
            "A fishing captain known as Big Olaf said the quota would ruin him. "
            "The European Union pushed back the deadline by a month. Japan's plan did not pan out. "
            "Peru received a phone call from France on Monday. The concern from Brazil is the price of fuel. "
            "The envoy moved to Lima three years ago.")
    tables = tables_for(text, published="2025-05-04")
    names = set(tables.actors["name"])
    assert "Union of Concerned Scientists" in names and "of Concerned Scientists" not in names
    assert "Big Olaf" not in names
    assert not set(tables.statements["speaker"]) & {"European Union", "Japan", "France", "Brazil"}
    assert tables.precedents.empty


def test_hearsay_frames_and_kept_open_borders_do_not_change_firmness():
    text = ("Argentina is understood to be considering a loan of $500 million. "
            "Mexico vowed to keep its border open to asylum seekers. Chile said it was open to talks.")
    assert rows(tables_for(text).pledges, "actor", "status") >= {
        ("Argentina", "considering"), ("Mexico", "committed")}
    assert ("Argentina", "committed") not in rows(tables_for(text).pledges, "actor", "status")


def test_an_instrument_binding_one_party_commits_that_party_only():
    text = ("Bolivia and Paraguay signed a river accord on Monday.\n\n"
            "Officials praised it.\n\nCritics were wary.\n\n"
            "The agreement requires Paraguay to share flow data every month.")
    pledges = tables_for(text).pledges
    later = pledges[pledges["evidence"].str.startswith("The agreement")]
    assert set(later["actor"]) == {"Paraguay"}


def test_money_received_is_no_pledge_and_a_named_pledge_has_its_owner():
    text = ("The Ocean Fund said it secured its $2 billion target on Friday. "
            "The Rockefeller Foundation pledge came to $40 million.")
    pledges = tables_for(text).pledges
    assert "Ocean Fund" not in set(pledges["actor"])
    assert ("Rockefeller Foundation", "funding") in rows(pledges, "actor", "category")


def test_a_speakers_we_in_a_quote_commits_only_when_firm():
    text = ("\u201cOur country will never accept foreign troops on its soil,\u201d Peru's president said.\n\n"
            "\u201cWe are not waiting for the factories,\u201d Chile's defence minister said.\n\n"
            "\u201cWe will be watching every vote,\u201d Bolivia's envoy said.")
    pledges = tables_for(text).pledges
    assert rows(pledges, "actor", "status") == {("Peru", "ruled_out")}
