"""Command line: ``python -m helpers reproduce`` re-executes every notebook in place."""

from __future__ import annotations

import argparse
import sys

from helpers.notebooks import execute_notebook, notebook_paths


def main(argv: list[str] | None = None) -> int:
    """Parse the command line and run the chosen command; return the exit status."""
    parser = argparse.ArgumentParser(prog="python -m helpers", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    reproduce = commands.add_parser(
        "reproduce", help="re-execute every notebook in place, top to bottom, in a fresh kernel"
    )
    reproduce.add_argument(
        "--only", nargs="*", metavar="NN", help="only the notebooks whose name starts with NN"
    )
    args = parser.parse_args(argv)
    for path in notebook_paths(args.only):
        print(f"executing {path.name}", file=sys.stderr)
        execute_notebook(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
