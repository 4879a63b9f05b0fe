"""`sst score INSTRUMENT`: score answers read as JSON on standard input, for scripts and checks.

Input ``{"answers": {...}}`` for one form or ``{"sessions": [{"answers": {...}}, ...]}`` for a
series, oldest first. Output (always JSON) ``{"scores", "bands", "signals"}``; for a series
``scores`` and ``bands`` are lists, one per session, and ``"change"`` is added (first to last
session; null when the instrument has no reliable-change rule). Needs no profile and no
passphrase: nothing is read from or written to one.
"""

from __future__ import annotations

import argparse
import json
import sys
from decimal import Decimal
from typing import Any, TextIO

from sst_desktop.cli.output import Output, to_json
from sst_desktop.instruments import SeriesResult, Signal, score_series, shipped_catalogue
from sst_desktop.instruments.errors import INPUT_INVALID, AnswerError
from sst_desktop.instruments.scoring import Score


def register(sub: Any) -> None:
    parser = sub.add_parser(
        "score", help="score an instrument's answers given as JSON on standard input"
    )
    parser.add_argument("instrument", help="instrument id (see `sst instruments`)")
    parser.add_argument("--respondent", help="whose rating: self, parent, teacher, ...")
    parser.add_argument(
        "--age", type=int, help="the student's age in full years on the rating date"
    )
    parser.add_argument(
        "--no-improvement-after",
        type=int,
        metavar="N",
        help="sessions without reliable improvement before the signal (default: the definition's)",
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace, out: Output) -> int:
    result = score_input(
        args.instrument,
        read_input(sys.stdin),
        respondent=args.respondent,
        age=args.age,
        no_improvement_after=args.no_improvement_after,
    )
    text = to_json(result)
    out.emit(result, text)
    return 0


def read_input(stream: TextIO) -> list[dict[str, object]]:
    """The answers of each session, from ``{"answers"}`` or ``{"sessions"}``."""
    try:
        payload = json.loads(stream.read())
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise AnswerError(INPUT_INVALID, problem="not JSON") from exc
    if isinstance(payload, dict) and set(payload) == {"answers"}:
        return [_answers(payload)]
    if isinstance(payload, dict) and set(payload) == {"sessions"}:
        sessions = payload["sessions"]
        if isinstance(sessions, list) and sessions:
            return [_answers(session) for session in sessions]
        raise AnswerError(INPUT_INVALID, problem='"sessions" must be a non-empty list')
    raise AnswerError(INPUT_INVALID, problem='expected an object with "answers" or with "sessions"')


def _answers(session: object) -> dict[str, object]:
    if isinstance(session, dict) and set(session) == {"answers"}:
        answers = session["answers"]
        if isinstance(answers, dict):
            return answers
    raise AnswerError(INPUT_INVALID, problem='each session is {"answers": {...}}')


def score_input(
    instrument: str,
    sessions: list[dict[str, object]],
    *,
    respondent: str | None = None,
    age: int | None = None,
    no_improvement_after: int | None = None,
) -> dict[str, Any]:
    definition = shipped_catalogue().get(instrument)
    result = score_series(
        definition,
        sessions,
        respondent=respondent,
        age=age,
        no_improvement_after=no_improvement_after,
    )
    return format_result(result, series=len(sessions) > 1)


def format_result(result: SeriesResult, *, series: bool) -> dict[str, Any]:
    scores = [{k: _number(v) for k, v in form.scores.items()} for form in result.sessions]
    bands = [dict(form.bands) for form in result.sessions]
    formatted: dict[str, Any] = {
        "instrument": result.instrument,
        "version": result.version,
        "respondent": result.respondent,
        "scores": scores if series else scores[0],
        "bands": bands if series else bands[0],
        "signals": [_signal(s) for s in result.signals],
    }
    if series:
        formatted["change"] = result.change
    return formatted


def _signal(signal: Signal) -> dict[str, Any]:
    return {
        "id": signal.id,
        "kind": signal.kind,
        "session": signal.session,
        "score": signal.score,
        "value": _number(signal.value),
        "explanation": {"sv": signal.explanation.sv, "en": signal.explanation.en},
        "rule": {"sv": signal.rule.sv, "en": signal.rule.en},
    }


def _number(value: Score) -> int | float | None:
    return float(value) if isinstance(value, Decimal) else value
