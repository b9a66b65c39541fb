"""Statements: which reported speech is a statement, and of which kind (sentences of our own)."""

from .conftest import rows, tables_for


def kinds(text: str) -> set[tuple[str, str]]:
    return rows(tables_for(text).statements, "speaker", "kind")


def test_a_plan_or_an_offer_reported_by_said_is_no_statement():
    text = ("Chilean Foreign Minister Rosa Valdivia spoke on Monday. She said Chile was ready to send two "
            "frigates to the mission. Peru will open a second consulate in Arica, she said. "
            "Valdivia said the government was weighing whether to lift the visa rule.")
    assert tables_for(text).statements.empty


def test_a_procedural_report_is_no_statement():
    text = ("Norwegian envoy Lars Ekdal met the delegations. Ekdal said talks would resume on Friday. "
            "He told reporters the meeting had ended. He said in a statement he had received the letter.")
    assert tables_for(text).statements.empty


def test_an_assessment_reported_by_said_stays_a_claim():
    text = ("Finance Minister Pedro Alcaraz spoke in Lima. "
            "Alcaraz said the reforms had not hurt growth and that the currency was stable.")
    assert kinds(text) == {("Pedro Alcaraz", "claim")}


def test_a_negated_fact_is_a_claim_and_a_negated_action_a_rejection():
    claim = kinds("Chile's foreign ministry spoke. Chile said it had not seen the final text.")
    refusal = kinds("Chile's foreign ministry spoke. Chile said it would not accept any change to the border.")
    going = kinds('Peru spoke next. "We are not going to give up the port," Peru said.')
    assert claim == {("Chile", "claim")}
    assert refusal == {("Chile", "rejection")}
    assert going == {("Peru", "rejection")}


def test_terms_set_on_others_are_a_demand():
    text = "Bolivia said it would only sign the accord if Chile opened a corridor to the sea."
    assert kinds(text) == {("Bolivia", "demand")}


def test_an_obligation_inside_a_subordinate_clause_is_no_demand():
    text = "Argentina said the treaty showed that diplomacy still works when it has to."
    assert kinds(text) == {("Argentina", "claim")}


def test_phrasal_stance_verbs():
    text = ("Hungary voted against the resolution. Austria ruled out any role for its troops. "
            "Portugal threw its weight behind the plan.")
    assert kinds(text) == {("Hungary", "rejection"), ("Austria", "rejection"), ("Portugal", "endorsement")}


def test_refusing_to_sign_is_a_rejection_refusing_to_send_is_a_pledge():
    signed = tables_for("Slovakia refused to sign the joint declaration.")
    sent = tables_for("Slovakia refused to send troops.")
    assert rows(signed.statements, "speaker", "kind") == {("Slovakia", "rejection")}
    assert sent.statements.empty


def test_calling_a_proposal_names_a_rejection_or_an_endorsement():
    text = ('Greece called the proposal “another Versailles.” Cyprus called the talks "a stitch-up." '
            "Malta called it a step in the right direction.")
    assert kinds(text) == {("Greece", "rejection"), ("Cyprus", "rejection"), ("Malta", "endorsement")}


def test_threat_from_readiness_to_use_force():
    text = "Serbia warned that it remains prepared to respond by military means if the talks fail."
    assert kinds(text) == {("Serbia", "threat")}


def test_a_stance_verb_the_parser_hung_inside_the_reported_clause_is_its_own_act():
    text = ("Rebel commander Joseph Kabila spoke in Goma. He insisted that the navy leave the harbour "
            "and threatened to seize the airport by Friday.")
    assert kinds(text) == {("Joseph Kabila", "demand"), ("Joseph Kabila", "threat")}


def test_a_plain_said_coordinated_into_a_warning_stays_part_of_it():
    text = "Egypt warned that outside powers should not interfere and said it would not withdraw its ships."
    assert kinds(text) == {("Egypt", "warning")}


def test_a_passive_accusation_names_no_speaker():
    text = "Rebel militias were accused of looting villages in 2004."
    assert tables_for(text).statements.empty


def test_background_inside_a_relative_clause_is_no_statement():
    text = ("Chile's minister recalled the 1984 treaty, under which Argentina and Chile backed a papal "
            "mediation.")
    assert tables_for(text).statements.empty


def test_an_act_planned_is_not_an_act_made():
    text = "Norway welcomed the deal and said Norway would press for a stronger text next year."
    assert kinds(text) == {("Norway", "endorsement")}


def test_quick_to_praise_is_praise():
    text = "Spanish Prime Minister Carmen Rueda was quick to praise the agreement."
    assert kinds(text) == {("Carmen Rueda", "endorsement")}


def test_asking_not_to_be_named_is_no_demand():
    text = "The ceasefire is holding, a Chilean diplomat said, requesting anonymity."
    assert "demand" not in set(tables_for(text).statements["kind"])


def test_called_for_with_a_clause_is_a_demand():
    text = ("Kenya's foreign ministry said Nairobi supported the plan, but called for African states "
            "to be granted observer status.")
    assert ("Kenya", "demand") in kinds(text)


def test_a_spokesperson_reporting_the_government_act_adds_no_row_of_its_own():
    text = ("Spokeswoman Ana Reyes said the Spanish government fully supports the move and accused Morocco "
            "of stalling.")
    assert kinds(text) == {("Spain", "endorsement"), ("Spain", "accusation")}


def test_thanks_nobody_wants_and_own_needs():
    assert kinds('"Thank you to our partners," Moldova wrote.') == {("Moldova", "endorsement")}
    assert kinds('"Nobody wants another famine," Kenya said.') == {("Kenya", "warning")}
    assert kinds("Somalia said it needed more aid.") == {("Somalia", "demand")}
    assert kinds("Somalia said the aid had arrived late.") == {("Somalia", "claim")}


def test_will_not_tolerate_is_a_threat():
    assert kinds("Colombia said it would not tolerate further incursions.") == {("Colombia", "threat")}


def test_insisted_with_a_subjunctive_is_a_demand():
    assert kinds("Venezuela insisted that any settlement recognise its claim.") == {("Venezuela", "demand")}


def test_resisting_pressure_and_panning_are_rejections():
    text = "Poland resisted pressure from Brussels. Greece panned the deal. Ukraine resisted the advance."
    assert kinds(text) == {("Poland", "rejection"), ("Greece", "rejection")}


def test_a_threat_word_counts_only_under_its_own_modal():
    text = ("Chilean Mining Minister Rosa Valdivia said Chile could now produce more copper, "
            "arguing that the quota punishes those who invested.")
    assert ("Rosa Valdivia", "threat") not in kinds(text)
    text = "Chilean Mining Minister Rosa Valdivia said Chile could punish any buyer that breaks the quota."
    assert kinds(text) == {("Rosa Valdivia", "threat")}


def test_refusing_to_guarantee_safety_is_a_threat():
    text = ("Peru could not guarantee the security of trawlers crossing the line, Peruvian Defence Minister "
            "Pedro Alcaraz told reporters.")
    assert kinds(text) == {("Pedro Alcaraz", "threat")}


def test_time_running_out_and_a_feared_repeat_are_warnings():
    assert kinds("\u201cThe window for a settlement is closing,\u201d said Chilean envoy Rosa Valdivia.") == {
        ("Rosa Valdivia", "warning")}
    assert kinds("Chilean envoy Rosa Valdivia said that leaving Peru alone now would be \u201canother Suez\u201d.") \
        == {("Rosa Valdivia", "warning")}
    # a door closing is no warning, nor is another named thing without a modal
    assert ("Rosa Valdivia", "warning") not in kinds(
        "Chilean envoy Rosa Valdivia said the embassy was closing its consular section on Friday.")
    assert ("Rosa Valdivia", "warning") not in kinds(
        "Chilean envoy Rosa Valdivia said the summit was another Lima meeting with many delegations.")


def test_readiness_held_over_others_conduct_is_a_warning():
    text = ("Chilean Mining Minister Rosa Valdivia said Chile stood ready to cut output again "
            "if traders kept betting against copper.")
    assert kinds(text) == {("Rosa Valdivia", "warning")}


def test_nobody_should_expect_is_a_warning():
    text = ("Chilean envoy Rosa Valdivia spoke in Lima. \u201cNo one should expect us to pay for every "
            "missing shipment,\u201d Valdivia said.")
    assert kinds(text) == {("Rosa Valdivia", "warning")}


def test_a_claim_set_against_praise_is_a_row_of_its_own():
    text = "Chilean envoy Rosa Valdivia welcomed the accord but said it changed nothing as long as the fleets stayed."
    assert kinds(text) == {("Rosa Valdivia", "endorsement"), ("Rosa Valdivia", "claim")}
    text = "Chilean envoy Rosa Valdivia welcomed the accord and said it would help fishermen."
    assert kinds(text) == {("Rosa Valdivia", "endorsement")}


def test_an_unnamed_post_holder_speaks_for_the_body():
    text = "The head of the World Food Programme warned on Monday that grain stocks could run short."
    assert kinds(text) == {("World Food Programme", "warning")}
    # a post-holder of no named body is no speaker
    assert kinds("The head of the delegation warned on Monday that the market could tighten sharply.") == set()


def test_an_act_named_by_a_noun_belongs_to_its_author():
    text = "Peru denies accusations by Chile that it has been sending patrol boats into disputed waters."
    assert ("Chile", "accusation") in kinds(text)
    # an accusation with no author named is nobody's statement
    text = "Peru denies accusations that it has been sending patrol boats into disputed waters."
    assert ("Chile", "accusation") not in kinds(text)


def test_insisting_on_something_is_a_demand():
    assert kinds("Bolivia has insisted on continued Brazilian mediation.") == {("Bolivia", "demand")}
    # insisting that something is so stays a claim
    assert kinds("Bolivia insisted that the border had been quiet.") == {("Bolivia", "claim")}


def test_expressing_gratitude_or_concern_is_a_stance():
    assert kinds("Chile expressed gratitude to Peru for the rescue.") == {("Chile", "endorsement")}
    assert kinds("Chile expressed concern about the build-up of ships.") == {("Chile", "warning")}
    assert kinds("Chile expressed its goods through the port of Arica.") == set()


def test_an_act_done_in_protest_is_a_rejection():
    text = "Peru's foreign minister Rosa Valdivia walked out of the meeting in protest against the vote."
    assert kinds(text) == {("Rosa Valdivia", "rejection")}
    # a protest somebody else holds is not the walker's act
    assert kinds("Rosa Valdivia walked past the crowd at the protest.") == set()


def test_a_second_reported_clause_with_should_is_a_demand():
    text = ("Chilean envoy Rosa Valdivia said that Chile “does not need mediators to settle the matter” and that "
            "the dispute “should be removed from the agenda.”")
    assert kinds(text) == {("Rosa Valdivia", "demand")}


def test_reported_praise_is_an_endorsement():
    assert kinds("Chilean envoy Rosa Valdivia said: \u201cThis is a landmark achievement for the region.\u201d") \
        == {("Rosa Valdivia", "endorsement")}
    assert kinds("Chilean envoy Rosa Valdivia said the accord would benefit both countries.") \
        == {("Rosa Valdivia", "endorsement")}
    # a comparison or a negated rating is no praise
    assert kinds("Chilean envoy Rosa Valdivia said: \u201cA quota is only worth the inspectors behind it.\u201d") \
        == {("Rosa Valdivia", "claim")}
    assert kinds("Chilean envoy Rosa Valdivia said the accord was not a step forward.") \
        != {("Rosa Valdivia", "endorsement")}


def test_a_quote_on_its_own_can_praise_accuse_or_threaten():
    text = ("Chilean envoy Rosa Valdivia spoke after the vote. \u201cThe fleets must stay in port,\u201d she said. "
            "\u201cThe accord can be considered a model for the whole coast.\u201d")
    assert ("Rosa Valdivia", "endorsement") in kinds(text)
    text = ("Chilean envoy Rosa Valdivia spoke after the vote. \u201cThe fleets must stay in port,\u201d she said. "
            "\u201cChile will take all necessary counter-measures.\u201d")
    assert ("Rosa Valdivia", "threat") in kinds(text)


def test_a_vow_held_over_others_conduct_is_a_threat():
    text = "Chilean President Rosa Valdivia has vowed to keep up the pressure on Peru unless it withdraws its boats."
    assert kinds(text) == {("Rosa Valdivia", "threat")}
    # a vow with no condition on anyone is a pledge, not a statement
    assert kinds("Chilean President Rosa Valdivia has vowed to rebuild the harbour.") == set()


def test_warnings_from_a_speaker_named_further_along_the_phrase():
    text = ("Ministers received stark warnings about the state of the fisheries from Chilean envoy Rosa Valdivia "
            "and Peru on Monday.")
    assert kinds(text) == {("Rosa Valdivia", "warning"), ("Peru", "warning")}
    # a "from" beyond a verb names where something comes, not who warned
    text = "Ministers received stark warnings about boats that came from Peru."
    assert kinds(text) == set()


def test_demands_pressed_on_an_occasion_are_demands():
    text = "Bolivia used the change of government to press new demands."
    assert kinds(text) == {("Bolivia", "demand")}
    # pushing goods is no statement
    assert kinds("Bolivia used the new road to push more trucks to the port.") == set()


def test_a_speaker_reporting_others_praise_endorses_nothing():
    text = "Chilean envoy Rosa Valdivia added: the truce was hailed around the world."
    assert ("Rosa Valdivia", "endorsement") not in kinds(text)
    assert kinds("Chilean envoy Rosa Valdivia hailed the truce.") == {("Rosa Valdivia", "endorsement")}


def test_it_is_important_to_is_no_praise():
    text = "Chilean envoy Rosa Valdivia said it was important to guard against false hope."
    assert ("Rosa Valdivia", "endorsement") not in kinds(text)
    assert kinds("Chilean envoy Rosa Valdivia said the accord was an important step.") == {
        ("Rosa Valdivia", "endorsement")}


def test_the_agency_said_refers_back_to_the_one_agency_named():
    text = "The Andean Fisheries Agency met on Monday. The agency said the fleets must leave the bay."
    assert {kind for _, kind in kinds(text)} == {"demand"}
    # no ministry named: "the ministry" is nobody known
    text = "The Andean Fisheries Agency met on Monday. The ministry said the fleets must leave the bay."
    assert kinds(text) == set()


def test_described_as_praise_or_scorn_takes_a_stance():
    text = "Chilean envoy Rosa Valdivia described Peru's offer as \u201cremarkable\u201d."
    assert kinds(text) == {("Rosa Valdivia", "endorsement")}
    text = "Chilean envoy Rosa Valdivia described Peru's offer as a sham."
    assert kinds(text) == {("Rosa Valdivia", "rejection")}
    # naming a thing is no stance
    text = "Chile's Foreign Ministry invited reporters to what it described as a briefing."
    assert kinds(text) == set()


def test_hitting_back_and_questioning_legality_are_stances():
    assert kinds("Chile hit back at Bolivia over the river dispute.") == {("Chile", "accusation")}
    assert kinds("Suriname questioned the legality of the blockade.") == {("Suriname", "rejection")}
    # hitting a target and asking a question are no stance
    assert kinds("Chile's navy hit a reef near the port.") == set()


def test_a_reported_commitment_with_a_misread_verb_is_left_to_the_pledges():
    text = "Portugal will fast-track ratification of the accord, its foreign ministry said."
    assert kinds(text) == set()
    assert kinds("Portugal said the accord was a historic win.") == {("Portugal", "endorsement")}
