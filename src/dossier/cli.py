"""Command line: `python -m dossier stage NAME ...`, `bench`, `eval`. Errors print as one line."""

from __future__ import annotations

import argparse
import signal
import sys

from dossier.errors import DossierError


def _interrupt(signum: int, _frame: object) -> None:
    """SIGTERM and SIGHUP end a run like Ctrl-C: cleanup runs, the kernel is shut down, and
    nothing unfinished is promoted (the previous good outputs stay)."""
    raise KeyboardInterrupt


def main(argv: list[str] | None = None) -> int:
    for signum in (signal.SIGTERM, signal.SIGHUP):
        signal.signal(signum, _interrupt)
    parser = argparse.ArgumentParser(prog="dossier", description="Dossier pipeline commands.")
    sub = parser.add_subparsers(dest="command", required=True)
    stage = sub.add_parser("stage", help="run one stage notebook for one article")
    stage.add_argument("name")
    stage.add_argument("--slug", required=True)
    stage.add_argument("--article", default="")
    stage.add_argument("--timeout", type=int, default=None)
    check = sub.add_parser("check", help="read an article and report problems, without running the pipeline")
    check.add_argument("article")
    sub.add_parser("bench", help="time every stage on the founding article, then an unchanged rerun")
    ev = sub.add_parser("eval", help="score every article that has a gold file")
    ev.add_argument("--details", action="store_true", help="list every miss and false alarm")
    ev.add_argument("--set", action="append", choices=("shared", "dev", "heldout"), dest="sets",
                    help="score only this set (repeatable; default: all three)")
    args = parser.parse_args(argv)
    try:
        if args.command == "stage":
            from dossier.stages import run_stage

            seconds = run_stage(args.name, slug=args.slug, article=args.article, timeout=args.timeout)
            print(f"dossier: {args.slug}: {args.name} done in {seconds:.1f} s")
        elif args.command == "check":
            from dossier.ingest.article import load_article
            from dossier.paths import resolve_article

            article = load_article(resolve_article(args.article))
            for warning in article.warnings:
                print(f"dossier: warning: {warning}", file=sys.stderr)
        elif args.command == "bench":
            from dossier.bench import bench

            bench()
        elif args.command == "eval":
            from dossier.evaluate import evaluate

            return evaluate(details=args.details, sets=tuple(args.sets or ("shared", "dev", "heldout")))
    except DossierError as err:
        print(f"dossier: error: {err}", file=sys.stderr)
        return 1
    except OSError as err:  # a folder or file the system refused: say which, never a traceback
        where = f" {err.filename}" if err.filename else ""
        print(f"dossier: error: cannot use{where} ({err.strerror or err}): check its permissions.", file=sys.stderr)
        return 1
    except RecursionError:
        print("dossier: error: the input is nested too deeply to read.", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("dossier: interrupted; outputs of the unfinished stage were not kept.", file=sys.stderr)
        return 130
    return 0
