"""Actors: titles, surname merging, descriptions, metonymy, groups, headings, venues."""

from .conftest import rows, tables_for

TEXT = """Trade Talks Resume in Geneva
Japanese Prime Minister Shigeru Ishiba met German Chancellor Friedrich Merz in Geneva on Monday.
Ishiba said Tokyo would cut tariffs on European cars. The Japanese premier added that rice was not on the table.
Berlin welcomed the offer. Merz said he would brief the European Commission.
Gulf and Central Asian states have asked to join the talks.
"""


def test_people_get_full_names_roles_and_countries():
    actors = tables_for(TEXT).actors.set_index("name")
    assert actors.loc["Shigeru Ishiba", "type"] == "person"
    assert actors.loc["Shigeru Ishiba", "role"] == "Prime Minister"
    assert actors.loc["Shigeru Ishiba", "country"] == "Japan"
    assert actors.loc["Friedrich Merz", "country"] == "Germany"
    assert "Ishiba" not in actors.index and "Merz" not in actors.index


def test_descriptions_and_pronouns_resolve_to_the_person():
    mentions = tables_for(TEXT).mentions
    assert ("Shigeru Ishiba", "The Japanese premier") in rows(mentions, "actor", "text")
    assert ("Friedrich Merz", "he") in rows(mentions, "actor", "text")


def test_capitals_stand_for_governments_but_venues_are_not_actors():
    tables = tables_for(TEXT)
    names = set(tables.actors["name"])
    assert {"Japan", "Germany"} <= names
    assert ("Japan", "Tokyo") in rows(tables.mentions, "actor", "text")
    assert "Switzerland" not in names  # Geneva is where they met, not who acted


def test_coordinated_regional_groups_are_two_groups():
    actors = tables_for(TEXT).actors
    assert ("Gulf states", "group") in rows(actors, "name", "type")
    assert ("Central Asian states", "group") in rows(actors, "name", "type")


def test_headings_are_not_entities():
    mentions = tables_for(TEXT).mentions
    assert not any(mentions["start"] < len("Trade Talks Resume in Geneva"))


def test_seat_of_government_stands_for_the_state():
    tables = tables_for("The Kremlin rejected the proposal on Sunday. Downing Street said it was disappointed.")
    assert {"Russia", "United Kingdom"} <= set(tables.actors["name"])
