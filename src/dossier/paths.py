"""The project's paths (the folders themselves are settings: `dossier.settings`), plus the slug
rule shared with the Makefile.

Kept free of third-party imports: the Makefile calls `python -m dossier.paths slug ...`
with the system interpreter before the virtual environment exists.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import sys
import unicodedata
from pathlib import Path

from dossier import settings
from dossier.settings import ROOT

# Folders can be moved with environment variables (the Makefile sets them; tests build into a
# temporary folder and swap in notebooks that fail on purpose): they are read, on first use, by
# `dossier.settings`. The old names stay readable here, e.g. `from dossier.paths import DATA_RAW`.
_SETTING_OF = {"DATA_RAW": "raw_dir", "DATA_PROCESSED": "processed_dir", "REPORTS": "reports_dir",
               "NOTEBOOKS": "notebooks_dir", "SHARED": "shared_dir", "MAX_BYTES": "max_article_bytes"}


def __getattr__(name: str) -> object:
    if name in _SETTING_OF:
        return getattr(settings.current(), _SETTING_OF[name])
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


KB_DATA = Path(__file__).resolve().parent / "kb" / "data"
TEMPLATES = Path(__file__).resolve().parent / "report" / "templates"

ARTICLE_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm")
SIDECAR_SUFFIX = ".meta.json"

STAGES = ("01_ingest", "02_actors", "03_commitments", "04_precedents", "05_report")


MAX_SLUG = 80  # long enough to read, short enough for every file-name limit


def base_slug(name: str) -> str:
    """ASCII, lower-case, dash-separated: safe in URLs, Make targets and every filesystem.

    A long name is cut and given a short hash of the whole name, so two long names that share
    their first 80 characters still get distinct slugs.
    """
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")
    if len(slug) > MAX_SLUG:
        digest = hashlib.sha256(name.encode("utf-8", "surrogateescape")).hexdigest()[:8]
        slug = f"{slug[:MAX_SLUG - 9].rstrip('-')}-{digest}"
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


def resolve_article(name: str | Path) -> Path:
    """The article a user means: the path as given, else a bare file name looked up in data/raw/."""
    path = Path(name)
    raw = settings.current().raw_dir
    if str(name) and os.sep not in str(name) and not _exists(path) and _exists(raw / path):
        return raw / path
    return path


def _exists(path: Path) -> bool:
    try:
        path.lstat()
    except (OSError, ValueError):
        return False
    return True


def sidecar_path(path: Path) -> Path | None:
    """`<name>.meta.json` beside an article (None when the name has no extension, or is so long
    that the sidecar's name could not exist on any filesystem)."""
    if not path.suffix:
        return None
    sidecar = path.with_name(path.name[: -len(path.suffix)] + SIDECAR_SUFFIX)
    return sidecar if len(os.fsencode(sidecar.name)) <= 255 else None


# -- file names and special files: untrusted input ---------------------------------------------

_CONTROL_IN_NAME = re.compile(r"[\x00-\x1f\x7f]")


def name_problem(path: Path) -> str | None:
    """What makes a file name unusable (a line break or another control character), else None."""
    if _CONTROL_IN_NAME.search(str(path)):
        return (f"the file name {_shown(path)} contains a line break or another control character: "
                "rename the file.")
    return None


def file_problem(path: Path) -> str | None:
    """Why `path` cannot be read as an article (missing, a folder, a FIFO or device, unreadable), else None."""
    import stat

    problem = name_problem(path)
    if problem:
        return problem
    shown = _shown(path)
    try:
        info = path.stat()  # follows a symlink: what matters is what it points to
    except FileNotFoundError:
        if path.is_symlink():
            return f"{shown} is a broken link: point it at an article file or delete it."
        return f"article {shown} does not exist: check the path (ARTICLE=data/raw/<file>)."
    except PermissionError:
        return f"cannot reach {shown}: permission denied on its folder; make the folder readable."
    except OSError as err:
        return f"cannot read {shown} ({err.strerror or err}): check the path."
    if stat.S_ISDIR(info.st_mode):
        return f"{shown} is a folder, not an article: give one .txt, .md or .html file."
    if not stat.S_ISREG(info.st_mode):
        kind = ("a named pipe (FIFO)" if stat.S_ISFIFO(info.st_mode) else
                "a device" if stat.S_ISCHR(info.st_mode) or stat.S_ISBLK(info.st_mode) else
                "a socket" if stat.S_ISSOCK(info.st_mode) else "a special file")
        return f"{shown} is {kind}, not a regular file: save the article as a .txt, .md or .html file."
    if not os.access(path, os.R_OK):
        return f"{shown} is not readable (permission denied): make it readable (chmod a+r)."
    return None


def escapes_raw(path: Path, folder: Path | None = None) -> Path | None:
    """Where a link in data/raw/ really points when that is outside data/raw/, else None."""
    folder = settings.current().raw_dir if folder is None else folder
    try:
        target = path.resolve()
        inside = target.is_relative_to(folder.resolve())
    except (OSError, RuntimeError):
        return path
    return None if inside else target


def _shown(path: Path | str) -> str:
    """A file name as it is safe to print: control and bidi-override characters made visible."""
    text = str(path).encode("utf-8", "backslashreplace").decode("utf-8")
    text = re.sub(r"[\x00-\x1f\x7f\u202a-\u202e\u2066-\u2069]", lambda m: f"\\u{ord(m.group()):04x}", text)
    return f"'{text}'"


def raw_articles(folder: Path | None = None) -> list[Path]:
    """Article files in a folder that `make reports` builds (sidecars, hidden and skipped files excluded)."""
    folder = settings.current().raw_dir if folder is None else folder
    return [p for p in _candidates(folder) if not _skip_reason(p, folder)]


def skipped_articles(folder: Path | None = None) -> list[str]:
    """One line per file in data/raw/ that `make reports` leaves out, saying why."""
    folder = settings.current().raw_dir if folder is None else folder
    return [reason for p in _candidates(folder) if (reason := _skip_reason(p, folder))]


def _candidates(folder: Path) -> list[Path]:
    try:
        return sorted(p for p in folder.iterdir()
                      if p.suffix.lower() in ARTICLE_SUFFIXES and not p.name.startswith("."))
    except OSError:
        return []


def _skip_reason(path: Path, folder: Path) -> str | None:
    problem = file_problem(path)
    if problem:
        return f"skipped: {problem}"
    if path.is_symlink() and (target := escapes_raw(path, folder)) is not None:
        return (f"skipped {_shown(path)}: it links outside {folder} (to {_shown(target)}); "
                "copy the article into the folder if you mean it.")
    return None


def processed_dir(slug: str) -> Path:
    return settings.current().processed_dir / slug


def report_dir(slug: str) -> Path:
    return settings.current().reports_dir / slug


# -- freshness by content -------------------------------------------------------------------------

def read_bounded(path: Path, limit: int | None = None) -> bytes:
    """At most `limit + 1` bytes of a regular file, whatever `stat` says; never blocks on a FIFO."""
    import stat

    limit = settings.current().max_article_bytes if limit is None else limit
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0))
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise IsADirectoryError(f"{path} is not a regular file")
        chunks, size = [], 0
        while size <= limit:
            chunk = os.read(fd, min(1 << 20, limit + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        return b"".join(chunks)
    finally:
        os.close(fd)


def content_hash(path: Path) -> str:
    """sha256 of what the report is made of: the article's bytes, its sidecar and its real path.

    Freshness follows this, not modification times: an older file copied over the article, or
    the same name from another folder, still gives a new hash and so a rebuilt report.
    """
    digest = hashlib.sha256()
    digest.update(str(path.resolve()).encode("utf-8", "surrogateescape") + b"\0")
    digest.update(read_bounded(path) + b"\0")
    sidecar = sidecar_path(path)
    try:
        if sidecar is not None and sidecar.is_file():
            digest.update(read_bounded(sidecar))
    except OSError:
        digest.update(b"unreadable sidecar")
    return digest.hexdigest()


def write_stamp(article: Path, stamp: Path) -> None:
    """Rewrite the stamp only when the content hash changed: Make then reruns stage 1."""
    value = content_hash(article) + "\n"
    try:
        if stamp.read_text(encoding="utf-8") == value:
            return
    except (OSError, ValueError):
        pass
    stamp.parent.mkdir(parents=True, exist_ok=True)
    tmp = stamp.with_name(f".{stamp.name}.{os.getpid()}.tmp")
    tmp.write_text(value, encoding="utf-8")
    os.replace(tmp, stamp)


# -- one run per article at a time -------------------------------------------------------------------

def run_locked(lock_file: Path, command: list[str], what: str) -> None:
    """Hold an exclusive lock on `lock_file` and become `command` (the lock lives as long as it does).

    A second run of the same article waits here, then finds the first run's outputs up to date.
    """
    import fcntl

    lock_file.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(lock_file, os.O_RDWR | os.O_CREAT, 0o666)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        print(f"dossier: {what} is being built by another run; waiting for it to finish.", file=sys.stderr)
        fcntl.flock(fd, fcntl.LOCK_EX)
    os.set_inheritable(fd, True)
    if os.environ.get("PYTHONPATH") == str(ROOT / "src"):  # set only to run this helper
        del os.environ["PYTHONPATH"]
    os.execvp(command[0], command)


def _make_rules(articles: list[Path]) -> str:
    """Make rules with one phony target per raw article, so `make -j2 reports` runs two at once.

    The name reaches the sub-make single-quoted for the shell with `$` doubled for Make, and
    the Makefile reads ARTICLE with `$(value ...)`: nothing in a name is ever expanded or run.
    """
    lines, targets = [], []
    for path in articles:
        slug = article_slug(path)
        quoted = "'" + str(path).replace("'", "'\\''").replace("$", "$$") + "'"
        targets.append(f"report-{slug}")
        lines.append(f"report-{slug}: | $(STAMP)\n\t+@$(MAKE) --no-print-directory report ARTICLE={quoted}\n")
    return "\n".join([f"ALL_REPORTS := {' '.join(targets)}", ".PHONY: $(ALL_REPORTS)", *lines]) + "\n"


def _stage_rules() -> str:
    """Make variables naming what each stage writes, from the table contract (dossier.schema), so
    the Makefile never lists a table by hand: OUT_<stage> per stage, TABLE_FILES for all tables."""
    from dossier.schema import TABLES, stage_outputs

    lines = [f"OUT_{stage} := {' '.join(stage_outputs(stage))}" for stage in STAGES]
    lines.append(f"TABLE_FILES := {' '.join(spec.file for spec in TABLES.values())}")
    return "\n".join(lines) + "\n"


def _fail(message: str) -> int:
    print(f"dossier: error: {message}", file=sys.stderr)
    return 1


def main(argv: list[str]) -> int:
    """Helpers for the Makefile, run with the system interpreter (no third-party imports)."""
    command, args = (argv[0], argv[1:]) if argv else ("", [])
    if command == "slug" and len(args) == 1:
        print(article_slug(resolve_article(args[0])))
        return 0
    if command == "probe" and len(args) in (1, 2):  # "ok <slug>" or "bad <slug>", one line for $(shell)
        path = resolve_article(args[0])
        slug = article_slug(path) if not name_problem(path) else base_slug(path.name)
        ok = not file_problem(path)
        if ok and len(args) == 2 and args[1]:  # and the content stamp in <processed>/<slug>/
            with contextlib.suppress(OSError):  # unwritable: the stamp rule runs and says so
                write_stamp(path, Path(args[1]) / slug / "source.sha256")
        print(f"{'ok' if ok else 'bad'} {slug}")
        return 0
    if command == "explain" and len(args) == 1:
        problem = file_problem(resolve_article(args[0]))
        return _fail(problem) if problem else 0
    if command == "stamp" and len(args) == 2:
        article = resolve_article(args[0])
        problem = file_problem(article)
        if problem:
            return _fail(problem)
        try:
            write_stamp(article, Path(args[1]))
        except OSError as err:
            return _fail(f"cannot read {_shown(article)} or write {_shown(args[1])} ({err.strerror or err}).")
        return 0
    if command == "lock" and len(args) >= 3 and args[1] == "--":
        try:
            run_locked(Path(args[0]), args[2:], Path(args[0]).parent.name)
        except OSError as err:
            return _fail(f"cannot lock {_shown(args[0])} ({err.strerror or err}): check that the folder is writable.")
    if command == "make-rules" and not args:
        sys.stdout.write(_make_rules(raw_articles()))
        return 0
    if command == "stage-rules" and not args:
        sys.stdout.write(_stage_rules())
        return 0
    if command == "skipped" and not args:
        reasons = skipped_articles()
        for reason in reasons:
            print(f"dossier: {reason}", file=sys.stderr)
        return 1 if reasons else 0
    print("usage: python -m dossier.paths slug|explain PATH | probe PATH [PROCESSED] | stamp PATH STAMP | "
          "lock FILE -- COMMAND... | make-rules | stage-rules | skipped", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
