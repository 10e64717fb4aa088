from __future__ import annotations

import pytest
from _desk import Desk, build_store, start, stop


@pytest.fixture(scope="session")
def desk(tmp_path_factory) -> Desk:
    folder = tmp_path_factory.mktemp("desk")
    d = start(folder, build_store(folder))
    yield d
    stop(d)


@pytest.fixture(scope="session")
def client(desk):
    with desk.client() as c:
        yield c
