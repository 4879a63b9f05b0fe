"""A failing statement on the server names the SQL, never the values: they hold case data,
and errors end up in the server's log."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from sst_server.db import make_engine
from tests.server.serving import database


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_an_error_hides_the_values_it_was_given(backend: str, tmp_path: Path) -> None:
    urls = database(backend, tmp_path)
    engine = make_engine(next(urls))
    try:
        with pytest.raises(DBAPIError) as raised, engine.begin() as conn:
            conn.execute(text("SELECT * FROM nowhere WHERE x = :v"), {"v": "Elsa Testsson"})
        assert "nowhere" in str(raised.value) and "Elsa" not in str(raised.value)
    finally:
        engine.dispose()
        next(urls, None)
