"""Words that identify actors and references to them: organization heads, group nouns,
descriptions ("the alliance", "the Russian leader"), forms of state ("the kingdom")."""

# Head words of organization names the model may not know ("Coalition of the Willing").
ORG_HEADS = {"Coalition", "Alliance", "Council", "Union", "Organization", "Organisation", "Committee",
             "Commission", "Agency", "Bank", "Fund", "Ministry", "Party", "Group", "Forces", "Army",
             "Court", "Parliament", "Congress", "Assembly", "Front", "Movement", "Association",
             "Institute", "Department", "Office", "Authority", "Federation", "League", "Corporation",
             "Company", "Inc", "Corp", "Ltd", "Brigade", "Brigades", "Guard", "Service", "Secretariat",
             "Programme", "Program", "Foundation", "Senate", "Cabinet", "Navy", "Initiative", "Forum"}
# Words that make a capitalised phrase a historical event, not an organization.
EVENT_WORDS = {"Memorandum", "Treaty", "Accord", "Accords", "Agreement", "War", "Armistice", "Protocol",
               "Summit", "Conference", "Crisis", "Declaration", "Pact", "Charter", "Convention", "Plan",
               "Deal", "Act", "Annexation", "Invasion", "Revolution", "Spring"}
# Heads of a demonym-led organization name that is part of a state ("the Russian Foreign Ministry").
STATE_BODIES = {"Ministry", "Office", "Government", "Cabinet", "Presidency", "Chancellery", "Embassy",
                "Mission", "Army", "Navy", "Military", "Administration", "Foreign Ministry", "Department"}
# Nouns that make a demonym a reference to a state's government or forces ("Russian officials").
STATE_AGENT_NOUNS = {"official", "officials", "force", "forces", "government", "leaders", "leadership",
                     "diplomat", "diplomats", "negotiator", "negotiators", "troops", "authorities",
                     "military", "delegation", "side", "ministry", "administration", "army", "navy",
                     "regime", "envoys", "counterparts"}
# Nouns that make a regional adjective a group of states ("Baltic states", "Gulf allies"); vaguer
# ones ("European officials", "Western diplomats") name no actor a reader could hold to account.
GROUP_NOUNS = {"states", "countries", "nations", "governments", "allies", "partners", "members", "capitals",
               "economies", "producers", "neighbours", "neighbors", "powers", "democracies", "donors",
               "monarchies", "kingdoms", "republics"}
QUANTIFIED_NOUNS = {"nations", "countries", "states", "governments", "allies", "members", "signatories"}
ORG_DESCRIPTIONS = {
    "alliance": {"alliance"}, "bloc": {"union", "alliance", "forum"}, "union": {"union"},
    "coalition": set(), "council": set(), "commission": set(), "agency": {"agency"},
    "watchdog": {"agency"}, "court": {"court"}, "fund": {"financial"}, "group": {"armed_group"},
    "organisation": set(), "organization": set(), "militia": {"armed_group"}, "movement": {"armed_group"},
    "army": {"armed_group"}, "paramilitary": {"armed_group"}, "paramilitaries": {"armed_group"},
    "rebels": {"armed_group"}, "insurgents": {"armed_group"}, "lobby": set(), "bank": {"financial"},
    "lender": {"financial"}, "regulator": {"agency"}, "cartel": {"igo"}, "body": {"un_body", "igo", "agency"},
    "tribunal": {"court"}, "parliament": {"legislature"}, "legislature": {"legislature"}, "assembly": {"legislature"},
}
# Forms of state named in official names ("Kingdom of Saudi Arabia"): "the kingdom" refers back.
STATE_FORMS = {"kingdom", "republic", "emirate", "emirates", "sultanate", "principality", "federation",
               "confederation", "commonwealth"}
PERSON_DESCRIPTIONS = {"leader", "president", "premier", "prime", "chancellor", "minister", "secretary",
                       "envoy", "spokesperson", "spokesman", "spokeswoman", "king", "queen", "emir",
                       "monarch", "general", "commander", "chief", "diplomat", "negotiator", "prince",
                       "ambassador", "mediator", "official", "sultan", "ayatollah", "commissioner"}
ROLE_SYNONYMS = {"premier": ("premier", "prime minister"), "envoy": ("envoy", "representative", "ambassador"),
                 "chief": ("chief", "head", "director", "secretary-general", "secretary general", "commander"),
                 "minister": ("minister", "secretary"), "diplomat": ("minister", "secretary", "ambassador", "envoy")}
HEAD_ROLES = ("president", "prime minister", "premier", "chancellor", "king", "queen", "emir", "leader",
              "supreme leader", "sultan", "crown prince", "head of state")
# Plural nouns that name a set of agents able to commit or speak ("some 190 nations agreed",
# "donors pledged", "the parties will"): with no actor among their modifiers, they are a
# collective actor of their own.
COLLECTIVE_NOUNS = {"nations", "countries", "states", "governments", "economies", "allies", "partners", "members",
                    "parties", "signatories", "donors", "creditors", "lenders", "bondholders", "investors",
                    "producers", "exporters", "importers", "buyers", "negotiators", "delegates", "delegations",
                    "leaders", "ministers", "lawmakers", "legislators", "senators", "companies", "firms",
                    "banks", "insurers", "shipowners", "carriers", "airlines", "carmakers", "automakers",
                    "manufacturers", "developers", "operators", "utilities", "militias", "rebels", "factions",
                    "unions", "farmers", "employers", "regulators", "provinces", "municipalities", "democracies",
                    "powers", "neighbours", "neighbors", "participants", "mediators", "guarantors", "sides",
                    "groups", "organisations", "organizations", "agencies", "monarchies", "republics",
                    "coalitions", "states parties", "nations parties", "governors", "mayors", "cities",
                    "contributors", "suppliers", "refiners", "traders", "platforms", "labs", "giants", "backers",
                    "supporters"}
# Collectives named by a relation to someone ("Ukraine's backers", "Kyiv's allies"): the possessor is
# who they relate to, not who they belong to.
RELATIONAL_COLLECTIVES = {"allies", "partners", "backers", "supporters", "creditors", "lenders", "donors",
                          "neighbours", "neighbors", "rivals", "critics", "opponents"}
# Collectives that are the same kind of thing: a later bare "the countries" refers back to
# "some 190 nations" or "the parties".
STATE_COLLECTIVES = {"nation", "country", "state", "government", "economy", "party", "signatory", "member",
                     "democracy", "power"}
# Plural names of political parties ("the Greens", "Sweden Democrats", "Christian Democrats").
PARTY_WORDS = {"Democrats", "Republicans", "Greens", "Liberals", "Conservatives", "Moderates", "Socialists",
               "Tories", "Progressives", "Nationalists", "Democrats'", "Centrists", "Labourites"}
# "the government", "the administration": a state's government, named by the context.
BARE_GOVERNMENT = {"government", "administration"}
# "The Biden administration": English news copy names U.S. presidencies this way.
NAMED_ADMINISTRATION_STATE = "United States"
