"""Every path the project uses, in one place, plus the slug rule shared with the Makefile.

Kept free of third-party imports: the Makefile calls `python -m dossier.paths slug ...`
with the system interpreter before the virtual environment exists.
"""

from __future__ import annotations

import os
import re
import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DATA_RAW = Path(os.environ.get("DOSSIER_RAW_DIR", ROOT / "data" / "raw"))
# Folders can be moved with environment variables (the Makefile sets them; tests build into a
# temporary folder and swap in notebooks that fail on purpose).
DATA_PROCESSED = Path(os.environ.get("DOSSIER_PROCESSED_DIR", ROOT / "data" / "processed"))
REPORTS = Path(os.environ.get("DOSSIER_REPORTS_DIR", ROOT / "reports"))
NOTEBOOKS = Path(os.environ.get("DOSSIER_NOTEBOOKS_DIR", ROOT / "notebooks"))
SHARED = ROOT.parent / "shared"  # the scorer and gold files, beside the checkout (tests and eval only)
KB_DATA = Path(__file__).resolve().parent / "kb" / "data"
TEMPLATES = Path(__file__).resolve().parent / "report" / "templates"

ARTICLE_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm")
SIDECAR_SUFFIX = ".meta.json"

STAGES = ("01_ingest", "02_actors", "03_commitments", "04_precedents", "05_report")


def base_slug(name: str) -> str:
    """ASCII, lower-case, dash-separated: safe in URLs, Make targets and every filesystem."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")
    return slug or "article"


def article_slug(path: str | Path) -> str:
    """Slug of an article file; siblings that would collide get their extension appended.

    Two files in one folder such as `Report.txt` and `report.md` would otherwise write to the
    same output folder. The first in sorted order keeps the plain slug, so the rule is stable.
    """
    path = Path(path)
    stem = path.name[: -len(path.suffix)] if path.suffix else path.name
    slug = base_slug(stem)
    try:
        siblings = sorted(
            p for p in path.parent.iterdir()
            if p.suffix.lower() in ARTICLE_SUFFIXES and p.name != path.name
            and base_slug(p.name[: -len(p.suffix)]) == slug
        )
    except OSError:
        return slug
    if siblings and siblings[0].name < path.name:
        return f"{slug}-{path.suffix.lstrip('.').lower()}" if path.suffix else f"{slug}-2"
    return slug


def raw_articles(folder: Path = DATA_RAW) -> list[Path]:
    """Article files in a folder (sidecar metadata and hidden files excluded)."""
    return sorted(
        p for p in folder.iterdir()
        if p.is_file() and p.suffix.lower() in ARTICLE_SUFFIXES and not p.name.startswith(".")
    )


def processed_dir(slug: str) -> Path:
    return DATA_PROCESSED / slug


def report_dir(slug: str) -> Path:
    return REPORTS / slug


def _make_rules(articles: list[Path]) -> str:
    """Make rules with one phony target per raw article, so `make -j2 reports` runs two at once."""
    lines, targets = [], []
    for path in articles:
        slug = article_slug(path)
        quoted = "'" + str(path).replace("'", "'\\''").replace("$", "$$") + "'"
        targets.append(f"report-{slug}")
        lines.append(f"report-{slug}: | $(STAMP)\n\t+@$(MAKE) --no-print-directory report ARTICLE={quoted}\n")
    return "\n".join([f"ALL_REPORTS := {' '.join(targets)}", ".PHONY: $(ALL_REPORTS)", *lines]) + "\n"


def main(argv: list[str]) -> int:
    if len(argv) >= 2 and argv[0] == "slug":
        print(article_slug(argv[1]))
        return 0
    if argv == ["make-rules"]:
        sys.stdout.write(_make_rules(raw_articles()))
        return 0
    print("usage: python -m dossier.paths slug PATH | make-rules", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
