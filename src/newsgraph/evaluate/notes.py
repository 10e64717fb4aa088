"""Scoring event notes: short labelled snippets (one or two sentences, one PLOVER root each).

The file is YAML: a list of `{type, text}`, or a mapping of named halves to such lists
(`build`, `check`), each scored apart. Each note is coded end to end at the coder's default
threshold, as `extract` codes it. A note's prediction is the type of its most confident event
(the first in text order on a tie), NONE when it gives no event; a missed note counts as NONE,
never as skipped. Reported: the share of notes with any event, accuracy, macro-F1 over the gold
roots, and the share whose events include the gold root.

    newsgraph evaluate notes --gold tests/data/notes.yaml
"""

from __future__ import annotations

from pathlib import Path

import yaml

from ..errors import Errors, NewsgraphError
from ..yaml_fast import safe_load
from .plover import NONE, _article, metrics
from .plover import format_report as plover_table


def read_notes(path: str | Path) -> dict[str, list[tuple[str, str]]]:
    """{half: [(type, text), ...]}; a flat list is one half named `all`."""
    try:
        data = safe_load(Path(path).read_text("utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise NewsgraphError(Errors.E010, path=str(path), detail=str(exc).splitlines()[0]) from exc
    halves = data if isinstance(data, dict) else {"all": data}
    try:
        return {name: [(n["type"], n["text"]) for n in notes] for name, notes in halves.items()}
    except (KeyError, TypeError) as exc:
        raise NewsgraphError(Errors.E010, path=str(path),
                             detail="each note needs `type` and `text`") from exc


def code_notes(texts: list[str], coder: str = "rules") -> list[list[tuple[str, float]]]:
    """(type, confidence) of every event of each note, in text order."""
    from ..annotate import annotate_many
    from ..events import extract

    articles = [_article(t, f"note-{i}") for i, t in enumerate(texts)]
    return [[(e.type, e.confidence) for e in extract(doc, coder=coder)]
            for doc in annotate_many(articles)]


def top_type(events: list[tuple[str, float]]) -> str:
    if not events:
        return NONE
    best = max(c for _, c in events)
    return next(t for t, c in events if c == best)


def score_half(notes: list[tuple[str, str]], coder: str = "rules") -> dict:
    found = code_notes([text for _, text in notes], coder)
    golds = [t for t, _ in notes]
    result = metrics(golds, [top_type(f) for f in found])
    n = len(notes) or 1
    result["with_event"] = sum(bool(f) for f in found) / n
    pairs = list(zip(golds, found, strict=True))
    result["gold_among"] = sum(g in {t for t, _ in f} for g, f in pairs) / n
    result["misses"] = [text for (_, text), f in zip(notes, found, strict=True) if not f]
    return result


def score(path: str | Path, coder: str = "rules") -> dict:
    return {"gold": str(path), "coder": coder,
            "halves": {name: score_half(notes, coder) for name, notes in read_notes(path).items()}}


def format_report(result: dict) -> str:
    lines = [f"notes {result['gold']} (coder {result['coder']})"]
    for name, r in result["halves"].items():
        lines.append(f"\n{name}: n={r['n']}  with an event={r['with_event']:.3f}  "
                     f"gold root among events={r['gold_among']:.3f}")
        lines.append(plover_table({**r, "setting": name, "coder": ""}))
        lines += [f"  no event: {text}" for text in r["misses"]]
    return "\n".join(lines)
