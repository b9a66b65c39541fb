"""Who said a quotation: invented sentences for each attribution rule, with negative cases."""

from .conftest import rows, tables_for


def quotes_of(text: str) -> set[tuple[str, str]]:
    return rows(tables_for(text).quotes, "quote", "speaker")


def test_the_innermost_speech_verb_holding_the_quote_names_its_speaker():
    text = "Norway said it would sign the accord, and Chile said it would follow \"within weeks\"."
    assert quotes_of(text) == {("within weeks", "Chile")}


def test_a_verb_inside_the_quote_is_not_the_reporter():
    text = ("\"We came to end the dispute,\" Gustavo Petro told reporters in Bogota on Monday. "
            "\"Nobody gained anything, and both countries now admit it.\"")
    speakers = {speaker for _, speaker in quotes_of(text)}
    assert speakers == {"Gustavo Petro"}


def test_quoted_as_saying_names_the_one_quoted():
    text = ("Kenyan President William Ruto arrived in Geneva on Monday. "
            "\"Our delegation will leave if the terms change,\" local radio quoted him as saying.")
    assert quotes_of(text) == {("Our delegation will leave if the terms change", "William Ruto")}


def test_a_mixed_pair_of_quotation_marks_is_still_a_quote():
    text = "\"The talks will resume in March,\u201d said Norwegian Foreign Minister Espen Barth Eide."
    assert quotes_of(text) == {("The talks will resume in March", "Espen Barth Eide")}


def test_scare_quotes_belong_to_the_subject_of_their_clause():
    text = "Chile declined to sign the accord on Monday but said Santiago would \"study carefully\" the final text."
    assert quotes_of(text) == {("study carefully", "Chile")}
    # no actor as the clause's subject: the words stay unattributed rather than borrowing a speaker
    text = "Norway signed the accord on Monday, a text that fishermen later described as \"a betrayal.\""
    assert quotes_of(text) == {("a betrayal.", "")}


def test_the_head_of_an_organization_speaks_for_it_when_unnamed():
    text = "The chief of the World Food Programme described grain stocks on Monday as \"precarious\"."
    assert quotes_of(text) == {("precarious", "World Food Programme")}


def test_a_statement_that_adds_a_quote_is_its_issuer_s():
    text = ("Norway's foreign ministry said in a statement that the accord takes effect in May. "
            "\"Norway thanks Chile for its patient mediation,\" the statement added.")
    assert {speaker for _, speaker in quotes_of(text)} == {"Norway"}


def test_a_description_followed_by_a_name_is_that_person():
    text = ("Chile's foreign minister, Alberto van Klaveren, met his Norwegian counterpart, Espen Barth Eide. "
            "The Norwegian trade minister, Jan Christian Vestre, confirmed the deal. "
            "\"The ships sail before parliament votes,\" he said.")
    assert quotes_of(text) == {("The ships sail before parliament votes", "Jan Christian Vestre")}


def test_the_description_of_the_person_who_was_speaking():
    text = ("President Gabriel Boric welcomed the accord and said he could visit President Lula da Silva "
            "in Brasilia later this year. Tariffs would \"fall quickly\" if Brazil agreed, the president added.")
    assert quotes_of(text) == {("fall quickly", "Gabriel Boric")}


def test_according_to_a_document_and_a_leaders_office():
    text = ("Prime Minister Ana Ruiz's office said the tariffs were \"unjustified\".\n\n"
            "\"This is a dark day for free trade,\" according to a statement from the African Union.")
    assert quotes_of(text) == {("unjustified", "Ana Ruiz"), ("This is a dark day for free trade", "African Union")}


def test_a_quote_a_colon_introduces_belongs_to_the_subject_before_it():
    text = ("Prime Minister Ana Ruiz had a message for the negotiators who will haggle over the next ten days: "
            "\"The eyes of the world are on you.\"")
    assert quotes_of(text) == {("The eyes of the world are on you.", "Ana Ruiz")}
