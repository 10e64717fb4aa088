"""The claim ledger of a fact: its claims in time order, what each denial or
admission answers, each claimant's stance changes, and whether it is contested."""

from __future__ import annotations

from typing import Any

_STANCE_ORDER = {"asserts": 0, "denies": 1, "concedes": 2}


def order(entries: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Time order: the report's date (undated last), then the document, then the
    place in its text; within one sentence an assertion comes before its denial."""
    return sorted(entries, key=lambda c: (
        c["reported"] is None, c["reported"] or "", c["doc"] or "", c["doc_id"],
        c["evidence"]["start"], _STANCE_ORDER.get(c["stance"], 3), c["claimant"] or "",
    ))


def with_answers(entries: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """A denial answers the latest earlier assertion by someone else; an admission
    answers the claimant's own latest denial, else the latest assertion by another."""
    out: list[dict[str, Any]] = []
    for c in order(entries):
        who, answered = c["claimant"], None
        if c["stance"] == "denies":
            answered = _latest(out, "asserts", who, same=False)
        elif c["stance"] == "concedes":
            answered = (_latest(out, "denies", who, same=True)
                        or _latest(out, "asserts", who, same=False))
        out.append({**c, "answers": answered and _ref(answered)})
    return out


def stance_changes(entries: list[dict[str, Any]]) -> list[dict[str, Any]]:
    last: dict[str, dict[str, Any]] = {}
    changes = []
    for c in order(entries):
        who = c["claimant"]
        if who is None:
            continue
        prev = last.get(who)
        if prev is not None and prev["stance"] != c["stance"]:
            changes.append({"claimant": who, "from": prev["stance"], "to": c["stance"],
                            "first_date": prev["reported"], "then_date": c["reported"]})
        last[who] = c
    return changes


def contested(entries: list[dict[str, Any]]) -> bool:
    """One party asserts (or concedes) and another denies."""
    yes = {c["claimant"] for c in entries if c["stance"] in ("asserts", "concedes")}
    no = {c["claimant"] for c in entries if c["stance"] == "denies"}
    return any(a != d for a in yes for d in no)


def _latest(seen: list[dict[str, Any]], stance: str, who: str | None,
            same: bool) -> dict[str, Any] | None:
    """The latest earlier claim with `stance`, by `who` (same) or by someone else."""
    return next((p for p in reversed(seen)
                 if p["stance"] == stance and (p["claimant"] == who) == same), None)


def _ref(c: dict[str, Any]) -> dict[str, Any]:
    return {"claimant": c["claimant"], "stance": c["stance"], "doc_id": c["doc_id"],
            "doc": c["doc"], "reported": c["reported"]}
