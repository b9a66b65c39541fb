"""Pledges, statements and quotes on hard linguistic cases, with sentences of our own."""

from .conftest import rows, tables_for


def test_negation_and_hedge_in_one_sentence_give_two_rows():
    pledges = tables_for("Spain will not send warships but could host a repair depot for allied ships.").pledges
    assert rows(pledges, "actor", "category", "status") == {
        ("Spain", "troops", "ruled_out"), ("Spain", "logistics", "considering")}


def test_coordinated_subjects_give_one_row_each():
    pledges = tables_for("Norway and Canada pledged $300 million in climate finance on Tuesday.").pledges
    assert rows(pledges, "actor", "status") == {("Norway", "committed"), ("Canada", "committed")}
    assert set(pledges["quantity"]) == {"$300 million"}


def test_firmness_from_verbs_and_hedges():
    text = ("Italy offered to train Libyan coast guards. Greece is weighing a ban on Russian oil tankers. "
            "Hungary refused to back new sanctions. Austria has yet to decide on sending military engineers. "
            "Sweden signalled openness to sharing its air defence systems.")
    pledges = tables_for(text).pledges
    status = dict(zip(pledges["actor"], pledges["status"], strict=True))
    assert status == {"Italy": "proposed", "Greece": "considering", "Hungary": "ruled_out",
                      "Austria": "undecided", "Sweden": "considering"}


def test_pronoun_speaker_and_reported_threat():
    text = ("Iranian Foreign Minister Abbas Araghchi spoke in Muscat. "
            "He warned that any strike on nuclear sites would be met with a crushing response.")
    statements = tables_for(text).statements
    assert ("Abbas Araghchi", "threat") in rows(statements, "speaker", "kind")


def test_statement_kinds_from_verbs():
    text = ("Turkey accused Greece of militarising the islands. Egypt welcomed the truce. "
            "Qatar urged both sides to release the hostages. Israel dismissed the proposal.")
    kinds = rows(tables_for(text).statements, "speaker", "kind")
    assert {("Turkey", "accusation"), ("Egypt", "endorsement"), ("Qatar", "demand"),
            ("Israel", "rejection")} <= kinds


def test_quotes_attributed_before_after_and_by_pronoun():
    text = ('Brazilian President Luiz Inacio Lula da Silva opened the summit. '
            '"The forest cannot wait," Lula said. '
            'Colombia\'s president Gustavo Petro spoke next. He said: "We will end new oil exploration." '
            'Petro called the plan “a lifeline”.')
    quotes = rows(tables_for(text).quotes, "quote", "speaker")
    assert ("The forest cannot wait,", "Luiz Inacio Lula da Silva") in quotes or \
        ("The forest cannot wait", "Luiz Inacio Lula da Silva") in quotes
    assert ("We will end new oil exploration.", "Gustavo Petro") in quotes
    assert ("a lifeline", "Gustavo Petro") in quotes


def test_every_row_is_grounded_in_its_sentence():
    text = "Norway pledged new funds. Sweden refused to send troops, officials said."
    tables = tables_for(text)
    for row in tables.pledges.itertuples():
        assert text[row.start:row.end] == row.evidence


def test_phrasal_participation_and_reluctance():
    pledges = tables_for("Canada will not take part in the mission but may send observers. "
                         "Brazil remains reluctant to join the sanctions regime.").pledges
    assert rows(pledges, "actor", "category", "status") == {
        ("Canada", "troops", "ruled_out"), ("Canada", "other", "considering"), ("Brazil", "sanctions", "undecided")}


def test_a_passive_pledge_belongs_to_its_agent():
    pledges = tables_for("A $500 million loan was pledged by the Asian Development Bank.").pledges
    assert rows(pledges, "actor", "category", "status") == {("Asian Development Bank", "funding", "committed")}


def test_the_verb_that_reports_the_quote_names_its_speaker():
    quotes = tables_for("Ankara called the proposal “dead on arrival,” while Athens urged calm.").quotes
    assert rows(quotes, "quote", "speaker") == {("dead on arrival", "Turkey")}


def test_a_speech_act_without_its_own_subject_belongs_to_the_speaker_above_it():
    text = ("Secretary-General Mark Rutte addressed the summit. He warned that an attack on an ally could come "
            "before 2030 and urged members to raise spending.")
    speakers = set(tables_for(text).statements["speaker"])
    assert speakers == {"Mark Rutte"}


def test_commitments_named_by_nouns_and_talks():
    text = "Kenya's pledge of 1,000 police officers was welcomed. Officials said Ottawa was in talks to supply uranium."
    assert rows(tables_for(text).pledges, "actor", "category", "status") == {
        ("Kenya", "troops", "committed"), ("Canada", "energy", "considering")}
