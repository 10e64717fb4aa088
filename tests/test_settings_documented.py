"""Every CLI command and option is documented in README.md (datasette-style)."""

from __future__ import annotations

import argparse
import re
from pathlib import Path

import pytest

from newsgraph.cli import build_parser

README = Path(__file__).parents[1] / "README.md"


def walk(parser: argparse.ArgumentParser, path: tuple[str, ...] = ()):
    """(command path, parser) for the top level and every sub-command, depth first."""
    yield path, parser
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                yield from walk(sub, (*path, name))


COMMANDS = [path for path, _ in walk(build_parser()) if path]
OPTIONS = sorted({
    (" ".join(path) or "(global)", opt)
    for path, parser in walk(build_parser())
    for action in parser._actions
    for opt in action.option_strings
    if opt.startswith("--") and opt != "--help"
})


@pytest.fixture(scope="module")
def readme() -> str:
    return README.read_text(encoding="utf-8") if README.exists() else ""


@pytest.mark.parametrize("path", COMMANDS, ids=" ".join)
def test_command_documented(readme, path):
    assert f"newsgraph {' '.join(path)}" in readme


@pytest.mark.parametrize(("command", "option"), OPTIONS, ids=lambda x: x)
def test_option_documented(readme, command, option):
    assert re.search(rf"(?<![\w-]){re.escape(option)}(?![\w-])", readme), (
        f"{option} of `newsgraph {command}` is not in README.md"
    )
