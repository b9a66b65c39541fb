"""Cross-article identity: each article's actors merged into corpus actors.

Within an article the extraction already merged "President Volodymyr Zelensky", "Zelensky"
and "he". Across articles, three rules decide that two names are one actor:

- the same name once accents, case and punctuation are set aside;
- a spelling variant: transliterations that differ by a doubled letter or an -iy/-yy/-y
  ending (Zelensky, Zelenskyy, Zelenskiy) fold to the same key;
- a surname alone ("Zelensky", when an article never gave the full name) joins the one
  person of the corpus whose full name ends with it; two such people leave it unmerged.

People are only merged with people; countries, organizations and groups with each other.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pandas as pd

_ENDINGS = re.compile(r"(iy|yy|yi|ij|ii)$")
_PREFIX = re.compile(r"^(the)\s+")


def fold_token(token: str) -> str:
    token = re.sub(r"(.)\1+", r"\1", token)  # doubled letters: Zelenskyy -> Zelensky, Gaddafi -> Gadafi
    return _ENDINGS.sub("y", token)  # Zelenskiy -> Zelensky


def name_key(name: str) -> str:
    """Accents, case, punctuation and transliteration differences folded away."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    ascii_name = _PREFIX.sub("", re.sub(r"[^a-z0-9 ]+", " ", ascii_name.replace("'s", "")).strip())
    return " ".join(fold_token(t) for t in ascii_name.split())


def _group(type_: str) -> str:
    return "person" if type_ == "person" else "other"


def _canonical(names: Counter, people: bool) -> str:
    """The spelling most articles use (the plainest on a tie); for people, full names before surnames."""
    return sorted(names, key=lambda n: (-len(n.split()) if people else 0, -names[n], len(n), n))[0]


def link_actors(actors: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(corpus actors, mapping of every (article, actor) to its corpus actor and how it was merged)."""
    import pandas as pd

    keys: dict[tuple[str, str], tuple[str, str]] = {}  # (article, name) -> (group, key)
    how: dict[tuple[str, str], str] = {}
    for row in actors.itertuples():
        keys[(row.article, row.name)] = (_group(row.type), name_key(row.name))
    # surnames: a one-word person key joins the single full-name person key ending with it
    full_by_surname: dict[str, set[str]] = defaultdict(set)
    for group, key in set(keys.values()):
        if group == "person" and " " in key:
            full_by_surname[key.rsplit(" ", 1)[1]].add(key)
    for ref, (group, key) in keys.items():
        if group == "person" and " " not in key and len(full_by_surname.get(key, ())) == 1:
            keys[ref] = (group, next(iter(full_by_surname[key])))
            how[ref] = "surname"
    members: dict[tuple[str, str], list] = defaultdict(list)
    for row in actors.itertuples():
        members[keys[(row.article, row.name)]].append(row)
    canonical_of = {group_key: _canonical(Counter(r.name for r in rows), group_key[0] == "person")
                    for group_key, rows in members.items()}
    clashes = Counter(canonical_of.values())
    corpus_rows, map_rows = [], []
    for group_key, rows in members.items():
        types = Counter(r.type for r in rows)
        type_ = types.most_common(1)[0][0]
        name = canonical_of[group_key]
        # a person and a country with one name ("Georgia") stay apart, and so must their names
        canonical = f"{name} ({type_})" if clashes[name] > 1 else name
        dates = sorted(d for d in (r.published for r in rows) if isinstance(d, str) and d)
        corpus_rows.append({
            "corpus_actor": canonical, "type": type_,
            "articles": len({r.article for r in rows}), "mentions": int(sum(int(r.mentions) for r in rows)),
            "variants": " | ".join(sorted({r.name for r in rows} - {name})),
            "first_seen": dates[0] if dates else None, "last_seen": dates[-1] if dates else None,
        })
        for r in rows:
            merged = how.get((r.article, r.name)) or ("same name" if r.name == name else "spelling variant")
            map_rows.append({"article": r.article, "actor": r.name, "type": r.type, "corpus_actor": canonical,
                             "how": merged})
    corpus = pd.DataFrame(corpus_rows, columns=["corpus_actor", "type", "articles", "mentions", "variants",
                                                "first_seen", "last_seen"])
    corpus = corpus.sort_values(["articles", "mentions", "corpus_actor"], ascending=[False, False, True])
    mapping = pd.DataFrame(map_rows, columns=["article", "actor", "type", "corpus_actor", "how"])
    return corpus.reset_index(drop=True), mapping.sort_values(["corpus_actor", "article"]).reset_index(drop=True)
