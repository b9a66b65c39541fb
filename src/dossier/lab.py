"""Where a stage notebook reads and writes: given by the runner, or derived from one parameter in Lab.

`make report` passes every path. Opened in Lab, a notebook only names its article (a file in
data/raw/); it then reads that article's tables from data/processed/<slug>/ and writes into a
scratch folder, build/lab/<slug>/, so trying something in Lab never overwrites real outputs.
Set `output_dir` in the notebook's parameters cell to write somewhere else on purpose.
"""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

from dossier.paths import article_slug
from dossier.settings import current as current_settings


class StagePaths(NamedTuple):
    slug: str
    article_path: str
    processed_dir: str
    output_dir: str


def stage_paths(article: str, slug: str | None = None, article_path: str | None = None,
                processed_dir: str | None = None, output_dir: str | None = None) -> StagePaths:
    """Paths given by the runner win; the rest follow from `article` (a name in data/raw/ or a path)."""
    settings = current_settings()
    path = Path(article_path) if article_path else Path(article)
    if not article_path and not path.is_absolute():
        path = settings.raw_dir / path
    slug = slug or article_slug(path)
    processed = Path(processed_dir) if processed_dir else settings.processed_dir / slug
    output = Path(output_dir) if output_dir else settings.lab_dir / slug
    output.mkdir(parents=True, exist_ok=True)
    return StagePaths(slug, str(path), str(processed), str(output))


def clean_notebook(path: Path) -> bool:
    """Strip outputs, execution counts and run metadata, keeping cells and their tags; True if changed.

    Notebooks are committed without outputs (a test enforces it): Lab saves them with outputs.
    """
    import json

    from dossier.io import write_text

    raw = path.read_text(encoding="utf-8")
    nb = json.loads(raw)
    for cell in nb.get("cells", []):
        if cell.get("cell_type") == "code":
            cell["outputs"] = []
            cell["execution_count"] = None
        tags = cell.get("metadata", {}).get("tags")
        cell["metadata"] = {"tags": tags} if tags else {}
    nb.get("metadata", {}).pop("papermill", None)
    cleaned = json.dumps(nb, indent=1, ensure_ascii=False) + "\n"
    if cleaned == raw:
        return False
    write_text(path, cleaned)
    return True


def main(argv: list[str]) -> int:
    """`python -m dossier.lab clean NOTEBOOK...`: what `make clean-notebooks` runs."""
    if len(argv) < 2 or argv[0] != "clean":
        print("usage: python -m dossier.lab clean NOTEBOOK.ipynb ...")
        return 2
    for name in argv[1:]:
        if clean_notebook(Path(name)):
            print(f"dossier: cleaned {name}")
    return 0


if __name__ == "__main__":
    import sys

    sys.exit(main(sys.argv[1:]))
