"""What every command module shares: the store connection, error printing, argument types."""

from __future__ import annotations

import argparse
import importlib
import sys
from typing import Any

from ..errors import NewsgraphError

DEFAULT_DB = "newsgraph.db"
FORMATS = ("table", "jsonl", "csv")


class Unavailable(Exception):
    """A command whose module is not part of this build (yet)."""


def need(module: str, *names: str) -> Any:
    """Import `module` lazily (so one missing piece never breaks the whole CLI)."""
    try:
        mod = importlib.import_module(module)
    except ImportError as e:
        raise Unavailable(f"{module} cannot be imported ({e})") from e
    missing = [n for n in names if not hasattr(mod, n)]
    if missing:
        raise Unavailable(f"{module} has no {', '.join(missing)}")
    return mod


class ErrorCount:
    """Prints each error on stderr and counts them."""

    def __init__(self) -> None:
        self.n = 0

    def __call__(self, err: NewsgraphError) -> None:
        self.n += 1
        print(f"newsgraph: {err.line()}", file=sys.stderr, flush=True)


class open_db:
    """A connection to an existing store, closed on exit."""

    def __init__(self, args: argparse.Namespace) -> None:
        self.path = args.db

    def __enter__(self):
        from ..store import connect

        self.conn = connect(self.path, create=False)
        return self.conn

    def __exit__(self, *exc) -> None:
        self.conn.close()


def usage_error(msg: str) -> int:
    print(f"newsgraph: {msg}", file=sys.stderr)
    return 2


def date_arg(value: str) -> str:
    from ..store.query import check_date

    try:
        return check_date(value)
    except ValueError as e:
        raise argparse.ArgumentTypeError(str(e)) from e


def positive(value: str) -> int:
    n = int(value)
    if n < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1: {value}")
    return n


def db_parent() -> argparse.ArgumentParser:
    """`--db` accepted after the command name too."""
    db = argparse.ArgumentParser(add_help=False)
    db.add_argument("--db", default=argparse.SUPPRESS, help="SQLite store")
    return db


def reading(sp: argparse.ArgumentParser) -> None:
    """The input arguments of every command that reads documents. URLs and `--urls FILE`
    go into `args.paths` (as `@urls:FILE`); the fetching options set the readers' policy."""
    from ..sources import DEFAULT_MAX_BYTES

    sp.add_argument("paths", nargs="*", metavar="PATH", action=_Inputs,
                    help="files or folders (.txt .html .htm .jsonl .warc .rss .atom .xml, also "
                         ".gz), http(s) URLs; - reads stdin")
    sp.add_argument("--urls", metavar="FILE", action=_UrlList, default=None,
                    help="also read the URLs listed in FILE, one per line (repeatable)")
    sp.add_argument("--max-bytes", type=positive, default=DEFAULT_MAX_BYTES,
                    help="limit on one document: a file, JSONL line, WARC record, feed entry "
                         f"or fetched page (default {DEFAULT_MAX_BYTES:,})")
    sp.add_argument("--allow-private", nargs=0, action=_Flag, default=False,
                    help="fetch from private, loopback and link-local addresses too")
    sp.add_argument("--no-robots", nargs=0, action=_Flag, default=False,
                    help="fetch pages that robots.txt disallows")


def _apply_policy(ns: argparse.Namespace) -> None:
    from ..sources import configure

    configure(allow_private=bool(getattr(ns, "allow_private", False)),
              robots=not getattr(ns, "no_robots", False))


class _Inputs(argparse.Action):
    """PATH...: with the `--urls` files seen before it (an empty PATH list comes last)."""

    def __call__(self, parser, ns, values, option_string=None) -> None:
        lists = getattr(ns, "urls", None) or []
        if not values and not lists:
            parser.error("give a PATH, a URL or --urls FILE")
        setattr(ns, self.dest, [*values, *lists])
        _apply_policy(ns)


class _UrlList(argparse.Action):
    def __call__(self, parser, ns, values, option_string=None) -> None:
        from ..sources import URL_LIST

        spec = f"{URL_LIST}{values}"
        setattr(ns, self.dest, [*(getattr(ns, self.dest, None) or []), spec])
        if isinstance(getattr(ns, "paths", None), list):  # PATH came first
            ns.paths.append(spec)


class _Flag(argparse.Action):
    def __call__(self, parser, ns, values, option_string=None) -> None:
        setattr(ns, self.dest, True)
        _apply_policy(ns)


def min_confidence(sp: argparse.ArgumentParser) -> None:
    """`--min-confidence` of the commands that code events."""
    sp.add_argument("--min-confidence", type=float, metavar="X",
                    help="keep events at or above this confidence (default: the coder's "
                         "threshold, 0.3; 0 keeps every event, negated and hypothetical too)")
