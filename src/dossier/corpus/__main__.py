"""`python -m dossier.corpus run|report|bench`: what `make corpus` and `make bench-corpus` call.

Errors are for people: one line, exit 1; Ctrl-C keeps the finished batches, exit 130.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from dossier.cli import ERRORS_FOR_PEOPLE, report_error


def _shown(path: Path) -> str:
    """A path as the user would type it: relative to where they are, when it is below it."""
    try:
        return str(path.resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m dossier.corpus", description="Dossier corpus mode.")
    sub = parser.add_subparsers(dest="command", required=True)
    run = sub.add_parser("run", help="extract a corpus (folder or .jsonl) and build its report")
    run.add_argument("corpus")
    run.add_argument("--name", default=None, help="output folder name (default: from the corpus path)")
    run.add_argument("--scheduler", default=None, help="address of a running Dask scheduler")
    run.add_argument("--workers", type=int, default=None, help="local cluster size (default: one per core)")
    run.add_argument("--no-report", action="store_true", help="tables only")
    bench = sub.add_parser("bench", help="articles per minute on a generated corpus, against a parse-only baseline")
    bench.add_argument("--articles", type=int, default=320)
    args = parser.parse_args(argv)
    try:
        if args.command == "run":
            from dossier.corpus.build import build_report
            from dossier.corpus.run import run_corpus

            summary = run_corpus(args.corpus, name=args.name, scheduler=args.scheduler, workers=args.workers)
            failed = f", {summary.failed} failed (see the errors table)" if summary.failed else ""
            lost = f", {summary.lost} batches lost (run again to retry them)" if summary.lost else ""
            print(f"dossier: corpus '{summary.name}': {summary.extracted} extracted{failed}{lost}; "
                  f"tables in {_shown(summary.root)}/", file=sys.stderr)
            if not args.no_report:
                out = _shown(build_report(summary.name))
                print(f"dossier: corpus report ready: {out}/report.html and {out}/report.pdf", file=sys.stderr)
        elif args.command == "bench":
            from dossier.corpus.bench import bench

            bench(args.articles)
    except ERRORS_FOR_PEOPLE as err:  # one line for people, as `python -m dossier` says it
        return report_error(err)
    except KeyboardInterrupt:
        print("dossier: interrupted.", file=sys.stderr)
        return 130
    return 0


if __name__ == "__main__":
    sys.exit(main())
