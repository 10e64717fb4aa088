"""Derive src/newsgraph/actors/data/places.yaml from PETRARCH's Phoenix country dictionary.

The country blocks of Phoenix.Countries.actors.txt (MIT, Open Event Data Alliance) list, after
each `COUNTRY_ [ISO]` line, the country's alternative names, cities, regions and landmarks.
We keep the place names (not the persons) of the states in states.yaml, drop names shared by
two states, names already in states.yaml and very short ones. The resolver uses a place only
inside an agent phrase ("the Gujarat government", "a court in Istanbul"), never alone.

    python scripts/derive_actors.py ../shared/data/petrarch/Phoenix.Countries.actors.txt
"""

from __future__ import annotations

import re
import sys
from collections import defaultdict
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "src" / "newsgraph" / "actors" / "data"
HEADER = re.compile(r"^([A-Z][A-Z0-9_'.\-]*)_?\s+\[([A-Z]{3})\]\s*$")


def _name(raw: str) -> str:
    raw = raw.split("#")[0].strip().rstrip("_").replace("_", " ").strip()
    return " ".join(w.capitalize() if w.isalpha() else w.title() for w in raw.split())


def blocks(text: str) -> dict[str, set[str]]:
    out: dict[str, set[str]] = defaultdict(set)
    code = None
    for line in text.splitlines():
        m = HEADER.match(line)
        if m:
            code = m.group(2)
            out[code].add(_name(m.group(1)))
            continue
        if code and line.startswith("+"):
            out[code].add(_name(line[1:]))
        elif not line.strip() or not line.startswith("+"):
            code = None
    return out


def main(src: str) -> None:
    states = yaml.safe_load((DATA / "states.yaml").read_text(encoding="utf-8"))["states"]
    ours = {s["iso3"] for s in states}
    known = set()
    for s in states:
        for k in ("name", "official"):
            if s.get(k):
                known.add(s[k].lower())
        for k in ("aliases", "demonyms", "capitals", "metonyms"):
            known.update(str(v).lower() for v in s.get(k) or ())
    found = {c: names for c, names in blocks(Path(src).read_text(encoding="latin-1")).items()
             if c in ours}
    owners: dict[str, set[str]] = defaultdict(set)
    for code, names in found.items():
        for n in names:
            owners[n.lower()].add(code)
    places = {}
    for code in sorted(found):
        keep = sorted(n for n in found[code]
                      if len(n) >= 4 and len(owners[n.lower()]) == 1 and n.lower() not in known
                      and not n.lower().endswith(("ian", "ians", "ese", "ish", "ans")))
        if keep:
            places[code] = keep
    head = (
        "# Places inside each state (cities, regions, landmarks), used only inside agent\n"
        "# phrases (\"the Gujarat government\" -> IND). Derived by scripts/derive_actors.py\n"
        "# from PETRARCH Phoenix.Countries.actors.txt (MIT, (c) 2014 Open Event Data Alliance).\n"
        "# Schema: places: {ISO3: [place names]}; matched case-insensitively, capitalised only.\n"
    )
    body = yaml.safe_dump({"places": places}, allow_unicode=True, width=100, sort_keys=True)
    (DATA / "places.yaml").write_text(head + body, encoding="utf-8")
    print(f"{sum(map(len, places.values()))} places for {len(places)} states")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else str(ROOT.parent / "shared" / "data" / "petrarch"
                                                   / "Phoenix.Countries.actors.txt"))
