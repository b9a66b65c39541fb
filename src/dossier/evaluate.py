"""`make eval`: run extraction on every article that has a gold file and score it.

Gold files live in `../shared/eval/gold/` (the founding article, read-only) and in
`eval/gold/` (our development set); each names its article file relative to its folder.
Tables go to `build/eval/<slug>/` so scoring never disturbs the Make-built outputs.
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

from dossier.errors import DossierError
from dossier.extract import Tables, extract_tables
from dossier.ingest.article import load_article
from dossier.paths import ROOT
from dossier.settings import current as current_settings
from dossier.tables import write_table

TABLES = ("actors", "pledges", "statements", "quotes", "precedents")


def shared_eval() -> Path:
    return current_settings().shared_dir / "eval"


def gold_dirs() -> tuple[Path, ...]:
    """The shared gold (founding article), our development set (tuned on), our held-out set (never tuned on)."""
    return shared_eval() / "gold", ROOT / "eval" / "gold", ROOT / "eval" / "heldout" / "gold"


def gold_articles() -> list[tuple[Path, Path]]:
    """(gold file, article file) pairs; the founding article is read from data/raw/."""
    pairs = []
    raw = current_settings().raw_dir
    for folder in gold_dirs():
        for gold in sorted(folder.glob("*.json")) if folder.is_dir() else []:
            data = json.loads(gold.read_text(encoding="utf-8"))
            local = [p for p in raw.glob(f"{data['article']}.*") if not p.name.endswith(".meta.json")]
            beside = [base / data["article_file"] for base in (gold.parent.parent, gold.parent.parent.parent)]
            found = [p for p in beside if p.exists()]
            pairs.append((gold, local[0] if local else found[0] if found else beside[0]))
    return pairs


def write_tables(tables: Tables, folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for name, df in tables.items():
        write_table(df, folder, name)


def load_scorer():
    """The shared scorer as a module (it is a script beside the gold files, not a package)."""
    path = shared_eval() / "score.py"
    if not path.exists():
        raise DossierError(f"the scorer {path} is missing: `make eval` needs ../shared beside the checkout.")
    spec = importlib.util.spec_from_file_location("dossier_scorer", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def gold_set(gold: Path) -> str:
    """shared (the founding article), dev (tuned on) or heldout (never tuned on)."""
    return "shared" if gold.is_relative_to(shared_eval()) else "heldout" if "heldout" in gold.parts else "dev"


def evaluate(details: bool = False, sets: tuple[str, ...] = ("shared", "dev", "heldout")) -> int:
    scorer = load_scorer()
    results = []
    for gold, article_path in gold_articles():
        if gold_set(gold) not in sets:
            continue
        slug = json.loads(gold.read_text(encoding="utf-8"))["article"]
        out = current_settings().build_dir / "eval" / slug
        write_tables(extract_tables(load_article(article_path, slug=slug)), out)
        result = scorer.score_article(gold, out)
        scorer.show(result, details)
        results.append((gold_set(gold), result))
    print()
    print(f"{'set':<8} {'article':<34} {'score':>6} " + " ".join(f"{t:>10}" for t in TABLES))
    rows = [(group, r["article"], [r["score"], r["actors"]["f1"], r["pledges"]["exact_f1"],
                                   r["statements"]["exact_f1"], r["quotes"]["f1"], r["precedents"]["f1"]])
            for group, r in results]
    for group, article, cells in rows:
        print(f"{group:<8} {article:<34} " + " ".join(f"{c:>6.3f}" if i == 0 else f"{c:>10.3f}"
                                                     for i, c in enumerate(cells)))
    print()
    for group in dict.fromkeys(g for g, _, _ in rows):
        cells = [c for g, _, c in rows if g == group]
        means = [sum(col) / len(cells) for col in zip(*cells, strict=True)]
        label = f"mean of {len(cells)} ({group})"
        print(f"{'':<8} {label:<34} " + " ".join(f"{m:>6.3f}" if i == 0 else f"{m:>10.3f}"
                                                 for i, m in enumerate(means)))
    return 0
