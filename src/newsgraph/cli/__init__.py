"""The `newsgraph` command: parses arguments and calls the library.

One module per command group; each has `register(sub)` adding its subcommands.
Exit codes: 0 success; 1 an error (or, for `ingest`/`extract`/`clean`, every input
failed); 2 a usage error; 130 interrupted. Errors print one line on stderr:
`newsgraph: E003 path/file.txt: cannot decode bytes as text (...)`.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import os
import sys
from collections.abc import Sequence

from .. import __version__
from ..errors import NewsgraphError
from .common import DEFAULT_DB, Unavailable

# Command groups (modules of this package), in the order `newsgraph --help` lists them.
GROUPS = ("store_cmds", "facts_cmds", "text_cmds", "evaluate", "serve_cmds", "export_cmds",
          "scale_cmds")


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="newsgraph",
        description="Raw news in, a sourced database of PLOVER political events out.",
    )
    p.add_argument("--version", action="version", version=f"newsgraph {__version__}")
    p.add_argument("--db", default=os.environ.get("NEWSGRAPH_DB", DEFAULT_DB),
                   help="SQLite store (default: $NEWSGRAPH_DB or newsgraph.db)")
    sub = p.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for name in GROUPS:
        importlib.import_module(f"{__name__}.{name}").register(sub)
    return p


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    # Libraries (trafilatura, htmldate) log their own complaints about pages we already
    # report as one E-line; show them only when asked: NEWSGRAPH_LOG=WARNING.
    logging.basicConfig(level=os.environ.get("NEWSGRAPH_LOG", "CRITICAL").upper(),
                        format="newsgraph: log: %(name)s: %(message)s")
    try:
        return args.func(args)
    except NewsgraphError as e:
        print(f"newsgraph: {e.line()}", file=sys.stderr)
        return 1
    except Unavailable as e:
        print(f"newsgraph: `{args.command}` is not available in this build: {e}",
              file=sys.stderr)
        return 1
    except KeyError as e:  # an unknown coder name
        print(f"newsgraph: {e.args[0] if e.args else e}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("newsgraph: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:  # e.g. `newsgraph events | head`
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0
