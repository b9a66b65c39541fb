"""Word lists that carry meaning for commitments and statements: verbs, hedges, categories.

These are general English (how commitments, hedges and speech acts are worded in news
copy), not the wording of any one article; each list says what it decides.
"""

from __future__ import annotations

# Verbs that make a commitment and the status they give when not negated or hedged.
COMMIT_VERBS = {
    "pledge": "committed", "commit": "committed", "promise": "committed", "vow": "committed",
    "agree": "committed", "sign": "committed", "guarantee": "committed", "earmark": "committed",
    "allocate": "committed", "approve": "committed", "ratify": "committed", "adopt": "committed",
    "endorse": "committed", "finalise": "committed", "finalize": "committed", "conclude": "committed",
    "announce": "committed", "confirm": "committed", "reaffirm": "committed", "unveil": "committed",
    "set": "committed", "lead": "committed", "undertake": "committed", "resolve": "committed",
    "offer": "proposed", "propose": "proposed", "plan": "proposed", "outline": "proposed",
    "envision": "proposed", "envisage": "proposed", "float": "proposed", "table": "proposed",
    "prepare": "proposed", "draft": "proposed", "seek": "proposed",
    "aim": "proposed", "intend": "proposed", "reiterate": "proposed", "put": "proposed",
    "consider": "considering", "weigh": "considering", "explore": "considering", "mull": "considering",
    "contemplate": "considering", "study": "considering", "discuss": "considering",
    "examine": "considering", "negotiate": "considering", "debate": "considering",
    "decide": "committed", "refuse": "ruled_out", "decline": "ruled_out", "rule": "ruled_out",
    "balk": "ruled_out", "withhold": "ruled_out", "veto": "ruled_out", "block": "ruled_out",
}
# Verbs that say what is given or done; a pledge when promised, hedged, negated or reported done.
ACTION_VERBS = {
    "send", "deploy", "provide", "supply", "give", "deliver", "contribute", "fund", "finance", "host",
    "serve", "impose", "lift", "ease", "cut", "reduce", "end", "phase", "halt", "stop", "ban", "join",
    "participate", "station", "dispatch", "train", "rebuild", "help", "guarantee", "protect", "defend",
    "open", "buy", "purchase", "invest", "lend", "donate", "pay", "spend", "increase", "raise", "double",
    "boost", "build", "establish", "create", "mediate", "facilitate", "resume", "release", "withdraw",
    "recognise", "recognize", "extend", "renew", "accept", "allow", "transfer", "ship", "export",
    "import", "sell", "waive", "scrap", "remove", "lower", "slash", "expand", "freeze", "tighten",
    "restore", "grant", "match", "triple", "reopen", "restart", "reinstate", "suspend", "sign", "retire",
    "close", "halve", "shut", "abolish", "unfreeze", "coordinate", "hire", "hold", "move", "distribute",
    "surrender", "share", "chair", "co-chair", "restructure", "forgive", "write",
    "commit", "pledge", "offer", "reach", "meet", "hit", "cap", "limit", "curb",
}
# Verbs that carry a commitment noun's status ("confirmed plans for", "reiterated his offer").
LIGHT_COMMIT_VERBS = {"set", "lead", "announce", "confirm", "reaffirm", "unveil", "reiterate", "seek", "make",
                      "renew", "present", "submit", "outline", "table", "extend", "repeat", "honour", "honor",
                      "fulfil", "fulfill", "keep", "launch", "put", "finalise", "finalize", "sign", "agree"}
# Nouns that carry a commitment's status when a light verb governs them ("confirmed plans for").
COMMIT_NOUNS = {
    "pledge": "committed", "commitment": "committed", "promise": "committed", "deal": "committed",
    "agreement": "committed", "goal": "committed", "target": "committed", "vow": "committed",
    "offer": "proposed", "proposal": "proposed", "plan": "proposed", "plans": "proposed",
    "announcement": "committed", "undertaking": "committed", "decision": "committed",
    "initiative": "proposed", "idea": "proposed", "blueprint": "proposed", "bid": "proposed",
}
HEDGE_MODALS = {"may", "might", "could"}
FUTURE_MARKERS = {"will", "shall", "'ll"}
NEGATIONS = {"not", "n't", "never", "no"}
# Predicates that leave a decision open.
UNDECIDED_WORDS = {"undecided", "unclear", "uncertain", "unsure", "undetermined", "divided", "split", "noncommittal",
                   "reluctant", "hesitant", "wary"}
# Adjectives and nouns of openness: "open to", "ready to consider", "signalled openness".
CONSIDER_WORDS = {"open", "openness", "receptive", "possibility", "option", "options", "negotiation",
                  "discussion", "review", "consideration"}
# "ready to host", "prepared to send": an offer on the table.
READY_WORDS = {"ready", "prepared", "willing", "willingness", "eager", "keen"}

# Category keywords, most specific first; a keyword may be a lemma or a two-word phrase.
CATEGORY_KEYWORDS: list[tuple[str, tuple[str, ...]]] = [
    ("air_support", ("air support", "aerial", "air power", "air cover", "air policing", "fighter jet",
                     "fighter jets", "air patrol", "air assistance", "warplane", "no-fly")),
    ("logistics", ("logistics", "logistical", "logistic", "hub", "transit", "supply line", "airlift",
                   "staging", "transport", "corridor", "port access", "refuelling", "refueling", "depot", "depots",
                   "base", "bases", "basing", "maintenance", "repair", "overflight", "airspace", "facilities",
                   "border crossing", "border crossings", "crossing", "crossings", "convoy", "convoys")),
    ("security_guarantee", ("security guarantee", "guarantee", "guarantees", "assurance", "assurances",
                            "backstop", "article 5", "mutual defence", "mutual defense", "protection",
                            "security support", "security commitment", "defend", "deterrent", "deterrence")),
    ("troops", ("troop", "troops", "soldier", "soldiers", "boots on the ground", "forces", "force",
                "contingent", "contingents", "peacekeeper", "peacekeepers", "peacekeeping", "battalion",
                "brigade", "personnel", "deployment", "deploy", "military participation", "mission",
                "ground troop", "ground troops", "marines", "division", "frigate", "frigates", "warship",
                "warships", "destroyer", "destroyers", "naval", "navy", "submarine", "submarines", "aircraft carrier",
                "minesweeper", "minesweepers", "escort", "patrol", "patrols", "engineers", "deminers", "instructors",
                "police", "gendarmes")),
    ("military_aid", ("weapon", "weapons", "arms", "munition", "munitions", "ammunition", "missile",
                      "missiles", "air defence", "air defense", "military aid", "military assistance",
                      "equipment", "tank", "tanks", "drone", "drones", "artillery",
                      "military", "shell", "shells", "patriot", "interceptor", "interceptors", "f-16", "jets",
                      "training", "train", "coast guard", "coast guards", "rearm", "rearmament")),
    ("sanctions", ("sanction", "sanctions", "embargo", "asset freeze", "freeze", "blacklist", "price cap",
                   "penalty", "penalties", "snapback", "isolation", "economic pressure")),
    ("energy", ("energy", "gas", "oil", "lng", "pipeline", "electricity", "power grid", "nuclear power",
                "fuel", "crude", "barrel", "barrels", "reactor", "uranium", "grid", "bpd", "barrels per day",
                "output", "production", "overproduction", "petroleum", "refinery", "refineries", "oilfield",
                "oilfields", "reserve", "reserves")),
    ("climate", ("emission", "emissions", "climate", "coal", "carbon", "net zero", "net-zero", "warming",
                 "renewable", "renewables", "methane", "greenhouse", "decarbonise", "decarbonize",
                 "deforestation", "solar", "wind power", "fossil")),
    ("trade", ("trade", "tariff", "tariffs", "quota", "quotas", "export", "exports", "import", "imports",
               "market access", "free trade", "customs", "duty", "duties", "investment", "supply chain",
               "rice", "beef", "cars", "steel", "market", "export control", "export controls", "minerals",
               "rare earth", "rare earths", "stockpile", "stockpiles", "restriction", "restrictions",
               "purchases", "goods", "commodity", "commodities")),
    ("funding", ("fund", "funding", "finance", "financing", "loan", "loans", "grant", "grants", "budget",
                 "billion", "million", "dollar", "dollars", "euro", "euros", "$", "€", "£", "money", "gdp",
                 "%", "percent", "per cent", "defence spending", "defense spending", "crowns", "francs", "yen",
                 "yuan", "rupees", "riyals", "dirhams", "pounds", "debt", "bond", "bonds", "relief", "restructuring",
                 "maturities", "write-down", "repayment", "repayments", "credit", "credits")),
    ("diplomacy", ("talk", "talks", "negotiation", "negotiations", "summit", "meeting", "host",
                   "mediate", "mediation", "dialogue", "visit", "envoy", "ambassador", "embassy",
                   "diplomatic", "peace process", "ceasefire", "truce", "recognition", "recognise",
                   "recognize", "normalise", "normalize", "hostage", "hostages", "prisoner", "prisoners", "treaty",
                   "peace treaty", "peace deal", "peace agreement", "demarcate", "demarcation", "commission",
                   "round", "mediator", "relations", "council", "referendum", "election", "border", "document",
                   "accord", "agreement", "deal", "pact", "arbitration", "ruling", "committee", "framework")),
    ("other", ("humanitarian", "food", "medicine", "medical", "shelter", "trucks", "refugee",
               "refugees", "evacuation", "tonnes", "water", "vaccine", "vaccines", "inspector", "inspectors",
               "inspection", "inspections", "monitors", "monitoring", "verification", "observers",
               "disarm", "disarmament", "hostages", "data", "information", "intelligence")),
    # general words of giving: funding only when nothing more specific was said
    ("funding", ("aid", "aid package", "package", "spending", "cost", "costs", "reconstruction", "contribution",
                 "contributions", "contribute", "donate", "donation", "donations", "pay", "payment")),
]

# Speech and stance verbs -> statement kind.
STATEMENT_VERBS = {
    "threaten": "threat", "vow": "threat",
    "warn": "warning", "caution": "warning", "alert": "warning",
    "reject": "rejection", "dismiss": "rejection", "rebuff": "rejection", "deny": "rejection",
    "refuse": "rejection", "oppose": "rejection", "spurn": "rejection", "repudiate": "rejection",
    "accuse": "accusation", "blame": "accusation", "criticise": "accusation", "criticize": "accusation",
    "condemn": "accusation", "denounce": "accusation", "slam": "accusation", "charge": "accusation",
    "fault": "accusation", "decry": "accusation", "lambast": "accusation",
    "welcome": "endorsement", "endorse": "endorsement", "praise": "endorsement", "hail": "endorsement",
    "applaud": "endorsement", "commend": "endorsement", "laud": "endorsement", "back": "endorsement",
    "support": "endorsement", "embrace": "endorsement", "celebrate": "endorsement",
    "urge": "demand", "demand": "demand", "call": "demand", "press": "demand", "ask": "demand",
    "request": "demand", "appeal": "demand", "insist": "claim", "push": "demand", "implore": "demand",
    "claim": "claim", "say": "claim", "argue": "claim", "state": "claim", "assert": "claim",
    "contend": "claim", "maintain": "claim", "suggest": "claim", "boast": "claim", "declare": "claim",
    "emphasize": "claim", "emphasise": "claim", "stress": "claim", "note": "claim", "add": "claim",
    "tell": "claim", "acknowledge": "claim", "concede": "claim", "predict": "claim", "describe": "claim",
    "insists": "demand", "point": "claim", "signal": "claim", "indicate": "claim", "believe": "claim",
    "announce": "claim", "confirm": "claim", "reiterate": "claim", "repeat": "claim", "write": "claim",
    "allege": "accusation", "complain": "accusation", "reply": "claim", "respond": "claim",
    "counter": "rejection", "retort": "claim", "veto": "rejection", "block": "rejection",
    "admit": "claim", "explain": "claim", "recall": "claim",
}
# Nouns a light verb turns into a statement ("issued stark warnings", "made a demand").
STATEMENT_NOUNS = {"warning": "warning", "threat": "threat", "ultimatum": "threat", "demand": "demand",
                   "appeal": "demand", "accusation": "accusation", "rebuke": "accusation",
                   "rejection": "rejection", "call": "demand", "condemnation": "accusation"}
LIGHT_VERBS = {"issue", "make", "deliver", "repeat", "voice", "renew", "send", "level", "lodge", "sound"}
# Content words that make a reported statement a threat ("would become legitimate targets").
THREAT_MARKERS = {"legitimate target", "legitimate targets", "military target", "military targets",
                  "destruction", "destroy", "retaliate", "retaliation", "strike back", "hit back", "respond",
                  "annihilate", "crush", "obliterate", "consequences", "punish", "punishment",
                  "military means", "respond militarily", "pay a price", "wipe", "eliminate",
                  "retaliatory", "countermeasures", "by force"}
# Content that makes a reported claim a warning ("the plan risks a famine").
WARNING_MARKERS = {"risk", "risks", "danger", "dangerous", "catastrophe", "catastrophic",
                   "disaster", "famine", "jeopardise", "jeopardize", "peril", "spiral", "backfire"}
DEMAND_MARKERS = {"must", "should", "have to", "has to", "ought"}
# Evaluations that turn a reported claim about a proposal into a rejection ("called the plan legally void").
REJECTION_MARKERS = {"void", "unacceptable", "illegal", "illegitimate", "impossible", "absurd", "nonsense",
                     "meaningless", "worthless", "provocation", "provocative", "non-starter", "sham", "farce",
                     "dead on arrival", "out of the question", "inadequate"}
KIND_PRIORITY = ["threat", "accusation", "rejection", "demand", "warning", "endorsement", "claim"]

# Verbs that report speech or thought: a clause they govern is what the speaker said, and its
# "would" is the future seen from the past ("Ottawa said it would match the cap").
REPORTING_VERBS = {"say", "tell", "announce", "add", "state", "confirm", "insist", "indicate", "signal", "write",
                   "reiterate", "declare", "claim", "argue", "note", "stress", "explain", "report", "predict",
                   "pledge", "promise", "vow", "warn", "suggest", "believe", "expect", "reply", "respond",
                   "acknowledge", "concede", "emphasise", "emphasize", "assure", "tweet", "post", "disclose",
                   "reveal", "decide", "agree", "hint", "caution", "maintain", "repeat", "make clear"}
# Verbs whose future is no commitment: being, seeming, knowing, happening ("prices will rise").
NON_COMMITMENT_VERBS = {"be", "have", "seem", "appear", "need", "remain", "become", "face", "know", "think",
                        "believe", "expect", "hope", "want", "see", "look", "happen", "mean", "cost", "depend",
                        "rise", "fall", "grow", "drop", "say", "tell", "take", "come", "go", "get", "feel",
                        "prove", "stay", "last", "lose", "suffer", "struggle", "fail", "collapse", "survive",
                        "wonder", "like", "love", "hate", "fear", "worry", "doubt", "count", "matter",
                        "arrive", "attend", "travel", "visit", "speak", "talk", "ask", "respond", "react",
                        "comment", "answer", "add", "note", "expire", "begin", "start", "try", "argue", "warn",
                        "decide", "determine", "judge", "win", "vote", "meet", "push", "press", "urge", "call"}
# Nouns that stand for the actor who adopted them: "the package also bars ...", "the deal leaves in
# place ...", "sanctions will be restored": the commitment is the adopter's.
STAND_IN_NOUNS = {"package", "deal", "agreement", "accord", "plan", "framework", "text", "measure", "measures",
                  "law", "bill", "rule", "rules", "regulation", "regulations", "proposal", "declaration", "pact",
                  "treaty", "arrangement", "scheme", "programme", "program", "mechanism", "cap", "ban", "decree",
                  "directive", "order", "sanctions", "restrictions", "tariffs", "duties", "levy", "deal's",
                  "roadmap", "road map", "compact", "communique", "communiqué", "statement", "resolution"}
