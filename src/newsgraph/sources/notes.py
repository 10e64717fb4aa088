"""Notes: what a reader skipped on purpose (not errors), said once per input."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass


@dataclass(frozen=True)
class Note:
    path: str
    text: str

    def line(self) -> str:
        return f"note {self.path}: {self.text}"


def skipped(path: str, read: int, counts: Counter[str]) -> Note | None:
    """`12 HTML responses read; 30 other records skipped (request 10, metadata 10, ...)`."""
    if not counts:
        return None
    parts = ", ".join(f"{k} {v}" for k, v in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
    return Note(path, f"{read} HTML responses read; {sum(counts.values())} other records "
                      f"skipped ({parts})")
