"""Every extracted row points back into the cleaned text: its offsets select what it claims."""

from .conftest import tables_for

TEXT = ("BRUSSELS, May 2 (Dossier) - Norway and Canada pledged $300 million in climate finance on Tuesday, "
        "while Mexico has not decided whether to join.\n"
        'Prime Minister Mark Carney said: " We will not back down " on tariffs.\n'
        "He warned that any retaliation would be met with countermeasures, recalling the 1988 Plaza talks "
        "and the 1985 Plaza Accord, which they called a model.\n")


def test_offsets_select_the_evidence_and_spans():
    tables = tables_for(TEXT)
    text = TEXT.strip()
    for name in ("pledges", "statements"):
        for row in getattr(tables, name).itertuples():
            assert text[row.start:row.end] == row.evidence, name
    for row in tables.quotes.itertuples():
        assert text[row.start:row.end] == row.quote
    for row in tables.mentions.itertuples():
        assert text[row.start:row.end] == row.text
    for row in tables.precedents.itertuples():
        assert row.name in text[row.start:row.end]
    for row in tables.timeline.itertuples():
        assert text[row.start:row.end] == row.expression
    for row in tables.actors.itertuples():
        assert text[row.start:row.end] in row.evidence
    assert len(tables.quotes) == 1 and len(tables.pledges) >= 2


def test_one_actors_hedge_does_not_leak_into_anothers_pledge():
    pledges = tables_for(TEXT).pledges
    status = dict(zip(pledges["actor"], pledges["status"], strict=False))
    assert status["Norway"] == "committed" and status["Canada"] == "committed"
