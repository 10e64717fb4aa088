"""Render `newsgraph summary` on the demo store as a terminal screenshot (docs/demo.svg).

Run after `make demo`: `.venv/bin/python scripts/screenshot_demo.py`. Uses rich (already
installed with spaCy's typer) to record the terminal output as SVG.
"""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

from rich.console import Console
from rich.text import Text

ROOT = Path(__file__).parents[1]


def main() -> None:
    db = sys.argv[1] if len(sys.argv) > 1 else str(ROOT / "newsgraph.db")
    out = subprocess.run(
        [sys.executable, "-m", "newsgraph", "--db", db, "summary"],
        capture_output=True, text=True, check=True,
    ).stdout
    console = Console(record=True, width=110, file=io.StringIO())
    console.print(Text("$ make demo", style="bold green"))
    console.print(Text(out.rstrip()))
    console.save_svg(str(ROOT / "docs" / "demo.svg"), title="newsgraph — make demo")


if __name__ == "__main__":
    main()
