"""`sst instruments`: the shipped instrument definitions, their versions and respondents."""

from __future__ import annotations

import argparse
from typing import Any

from sst_desktop.cli.output import Output, table
from sst_desktop.instruments import Definition, shipped_catalogue


def register(sub: Any) -> None:
    parser = sub.add_parser("instruments", help="list the shipped instrument definitions")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace, out: Output) -> int:
    definitions = shipped_catalogue().all()
    out.emit([summary(d) for d in definitions], format_instruments(definitions))
    return 0


def summary(definition: Definition) -> dict[str, Any]:
    return {
        "id": definition.id,
        "version": definition.version,
        "family": definition.family,
        "name": {"sv": definition.name.sv, "en": definition.name.en},
        "scored": definition.scoring.method != "not_scored",
        "respondents": {r.id: r.age.describe() for r in definition.respondents},
    }


def format_instruments(definitions: list[Definition]) -> str:
    rows = [
        [
            d.id,
            str(d.version),
            d.family,
            ", ".join(f"{r.id} {r.age.describe()}" for r in d.respondents),
            d.name.en if d.scoring.method != "not_scored" else f"{d.name.en} (not scored)",
        ]
        for d in definitions
    ]
    return table(rows, ["instrument", "version", "family", "respondents (ages)", "name"])
