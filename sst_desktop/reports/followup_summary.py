"""The summary sheet: how many individuals and episodes, by district (or school), by gender and
by result, every count through small-cell suppression. Counted from the rows the file holds, so
the summary and the data sheet cannot disagree."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from sst_desktop.reports import followup_labels as sv
from sst_desktop.reports.followup_rows import Row
from sst_desktop.reports.followup_suppress import CountTable, suppress

NOT_ASSESSED = "pågående, ej bedömt eller ingen åtkomst"


@dataclass(frozen=True)
class Summary:
    individuals: int
    episodes: int
    re_referred: int  # individuals with more than one episode
    withheld: int
    tables: list[tuple[str, list[list[str | int]]]]  # (title, rows with headers first)


def summarise(rows: Sequence[Row], *, place_key: str, threshold: int) -> Summary:
    per_individual = Counter(str(r["individual"]) for r in rows)
    tables = [
        _overview(rows, per_individual),
        _by_place(rows, place_key),
        _crossed(rows, place_key, "gender", "Kön per {place} (insatsomgångar)", _genders()),
        _crossed(rows, "programme", "goals_met", "Planens mål uppfyllda per program", _goals()),
    ]
    return Summary(
        individuals=len(per_individual),
        episodes=len(rows),
        re_referred=sum(1 for n in per_individual.values() if n > 1),
        withheld=sum(int(r["withheld"] or 0) for r in rows),
        tables=[(t.title, suppress(t, threshold)) for t in tables],
    )


def _place_word(place_key: str) -> str:
    return "skola" if place_key == "school" else "stadsdel"


def _overview(rows: Sequence[Row], per_individual: Counter[str]) -> CountTable:
    counts = (
        ("Individer (unika elever)", len(per_individual)),
        ("Insatsomgångar", len(rows)),
        ("Individer med mer än en insatsomgång", sum(1 for n in per_individual.values() if n > 1)),
    )
    return CountTable(
        "Översikt",
        "",
        ("Antal",),
        tuple((label, (n,)) for label, n in counts),
        columns_partition=False,
        total_row=False,
    )


def _by_place(rows: Sequence[Row], place_key: str) -> CountTable:
    places = sorted({_place(r, place_key) for r in rows})
    table_rows = []
    for place in places:
        mine = [r for r in rows if _place(r, place_key) == place]
        table_rows.append((place, (len({r["individual"] for r in mine}), len(mine))))
    word = _place_word(place_key)
    return CountTable(
        f"Individer och insatsomgångar per {word}",
        word.capitalize(),
        ("Individer", "Insatsomgångar"),
        tuple(table_rows),
        columns_partition=False,
        totals=(len({r["individual"] for r in rows}), len(rows)),
    )


def _crossed(
    rows: Sequence[Row], row_key: str, column_key: str, title: str, columns: tuple[str, ...]
) -> CountTable:
    counts = Counter((_place(r, row_key), _category(r, column_key)) for r in rows)
    labels = sorted({_place(r, row_key) for r in rows})
    word = _place_word(row_key) if row_key in ("district", "school") else "program"
    return CountTable(
        title.format(place=word),
        word.capitalize(),
        columns,
        tuple((label, tuple(counts[(label, c)] for c in columns)) for label in labels),
    )


def _place(row: Row, key: str) -> str:
    return str(row.get(key) or sv.MISSING)


def _category(row: Row, key: str) -> str:
    value = row.get(key)
    if key == "goals_met":
        return str(value) if value in sv.GOALS_MET.values() else NOT_ASSESSED
    return str(value or sv.MISSING)


def _genders() -> tuple[str, ...]:
    return (*sv.GENDER.values(), sv.MISSING)


def _goals() -> tuple[str, ...]:
    return (*sv.GOALS_MET.values(), NOT_ASSESSED)
