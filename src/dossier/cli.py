"""Command line: `python -m dossier stage NAME ...`, `bench`, `eval`. Errors print as one line."""

from __future__ import annotations

import argparse
import os
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
    session = sub.add_parser("session", help="run a command (make) whose stages share one kernel")
    session.add_argument("argv", nargs=argparse.REMAINDER, metavar="-- command ...")
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
            from dossier.session import request

            handed = request(args.name, args.slug, args.article, args.timeout)
            if handed is not None:  # a session of this Make run executed it in its kernel
                return handed
            from dossier.stages import run_stage

            seconds = run_stage(args.name, slug=args.slug, article=args.article, timeout=args.timeout)
            print(f"dossier: {args.slug}: {args.name} done in {seconds:.1f} s")
        elif args.command == "session":
            from dossier.session import serve

            command = args.argv[1:] if args.argv[:1] == ["--"] else args.argv
            if not command:
                raise DossierError("session needs a command to run, e.g. `dossier session -- make report`.")
            code = serve(command)
            # Everything the session owned is closed; tearing down the modules of a process that
            # imported papermill, nbconvert and WeasyPrint would cost Make another 0.2 s.
            sys.stdout.flush()
            sys.stderr.flush()
            os._exit(code)
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
    except ERRORS_FOR_PEOPLE as err:
        return report_error(err)
    except KeyboardInterrupt:
        print("dossier: interrupted; outputs of the unfinished stage were not kept.", file=sys.stderr)
        return 130
    return 0


# What a command says in one line and exits 1 with, never as a traceback.
ERRORS_FOR_PEOPLE = (DossierError, OSError, RecursionError)


def report_error(err: DossierError | OSError | RecursionError) -> int:
    """Print what went wrong as one line for people; the exit status for it."""
    print(f"dossier: error: {one_line(err)}", file=sys.stderr)
    return 1


def one_line(err: DossierError | OSError | RecursionError) -> str:
    """What went wrong, for people (also what a session answers for a stage it ran)."""
    if isinstance(err, OSError):  # a folder or file the system refused: say which, never a traceback
        where = f" {err.filename}" if err.filename else ""
        return f"cannot use{where} ({err.strerror or err}): check its permissions."
    if isinstance(err, RecursionError):
        return "the input is nested too deeply to read."
    return str(err)
