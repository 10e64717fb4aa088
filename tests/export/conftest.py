from __future__ import annotations

import sqlite3
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parents[1] / "api"))
from _desk import build_store  # noqa: E402


@pytest.fixture(scope="session")
def store(tmp_path_factory) -> Path:
    return build_store(tmp_path_factory.mktemp("export"))


@pytest.fixture
def conn(store):
    c = sqlite3.connect(f"{store.as_uri()}?mode=ro", uri=True)
    c.row_factory = sqlite3.Row
    yield c
    c.close()
