"""SQL is parameterised: in the desk's and the exports' modules an f-string may only splice
fixed fragments (upper-case constants, placeholder lists, the module's own sort keys) into
SQL; values always travel as parameters. And hostile parameters change nothing."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).parents[2] / "src" / "newsgraph"
MODULES = sorted([*(SRC / "api").glob("*.py"), *(SRC / "export").glob("*.py")])
SQL_WORDS = ("SELECT ", "WHERE ", "ORDER BY", " IN (", "INSERT ", "UPDATE ", "DELETE ")


def allowed(node: ast.expr) -> bool:
    text = ast.unparse(node)
    if isinstance(node, ast.Name):
        return node.id.isupper() or node.id == "key"
    if isinstance(node, ast.IfExp):  # one fixed fragment or another
        return allowed(node.body) and allowed(node.orelse)
    # ','.join('?' * len(xs)): a list of placeholders
    return text.startswith("','.join('?' * len(")


@pytest.mark.parametrize("path", MODULES, ids=lambda p: p.name)
def test_fstrings_splice_no_values_into_sql(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if not isinstance(node, ast.JoinedStr):
            continue
        fixed = "".join(v.value for v in node.values if isinstance(v, ast.Constant))
        if not any(w in fixed.upper() for w in SQL_WORDS):
            continue
        bad = [ast.unparse(v.value) for v in node.values
               if isinstance(v, ast.FormattedValue) and not allowed(v.value)]
        assert not bad, f"{path.name}:{node.lineno} splices {bad} into SQL"


@pytest.mark.parametrize("params", [
    {"actor": "RUS' OR '1'='1"}, {"type": "AID) OR (1=1"}, {"since": "2025'--"},
    {"modality": "asserted' OR 1=1 --"},
])
def test_hostile_parameters_match_nothing(client, params):
    r = client.get("/api/v1/events", params=params)
    assert r.status_code in (200, 422)
    if r.status_code == 200:
        assert r.json()["items"] == []


def test_hostile_search_is_plain_words(client):
    for q in ["x' UNION SELECT body FROM articles --", 'drones" OR body MATCH "*', "NEAR(("]:
        r = client.get("/api/v1/search", params={"q": q})
        assert r.status_code == 200, q
