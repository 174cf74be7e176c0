"""``quotex eval``: score quotex against a gold corpus and print the scores."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Any

import typer

from quotex.cli.common import CuesOpt, JobsOpt, ModelOpt, ScopeOpt, command, fail, guard
from quotex.cli.console import echo, out
from quotex.errors import ExitCode
from quotex.pipeline import DEFAULT_MODEL, Scope

EVAL_HELP = """Score quotex against a gold corpus (JSONL: id, text, quotes and/or entities).

Prints precision, recall and F1 of quote spans by type, speaker and cue accuracy, and
entity scores when the gold has entities. See the README for the matching rule.

Example: quotex eval gold.jsonl --details
"""
EVAL_FORMATS = ("table", "json")
DETAIL_KINDS = {
    "misses": "miss",
    "false_quotes": "false_quote",
    "speaker_errors": "speaker_error",
    "gender_misses": "gender_miss",
    "gender_false": "gender_false",
}

GoldArg = Annotated[
    Path, typer.Argument(help="Gold JSONL file.", show_default=False, metavar="FILE")
]
EvalFormatOpt = Annotated[
    str, typer.Option("--format", "-f", metavar="table|json", help="table or json.")
]
DetailsOpt = Annotated[
    bool,
    typer.Option(
        "--details",
        help=(
            "List misses, false quotes and speaker errors; with gender gold, the sources"
            " and people missed or wrong."
        ),
    ),
]
LimitOpt = Annotated[
    int | None,
    typer.Option(
        "--limit", min=1, metavar="N", help="Score only the first N documents.", show_default=False
    ),
]


def evaluate(
    gold: Path,
    fmt: str,
    *,
    details: bool,
    model: str,
    limit: int | None,
    jobs: int,
    scope: str = "all",
    cues: str | None = None,
) -> int:
    """Score quotex on ``gold`` and print the report in ``fmt``; nothing fails per document."""
    from quotex.eval.runner import evaluate_file

    report = evaluate_file(
        gold, model=model, scope=scope, cues_file=cues, limit=limit, n_process=jobs
    )
    data = report.to_dict()
    if not details:
        data.pop("details", None)
    if fmt == "json":
        _print_json(data)
    else:
        _print_table(data)
    return 0


def _print_json(data: dict[str, Any]) -> None:
    if sys.stdout.isatty():
        out.print_json(json.dumps(data))
    else:
        sys.stdout.write(json.dumps(data, ensure_ascii=False) + "\n")  # terminal-safe: a pipe


def _print_table(data: dict[str, Any]) -> None:
    """The scores as a table, then each document's errors when ``details`` are present."""
    from quotex.render.tables import eval_table

    out.print(eval_table(data))
    for doc in data.get("details", []):
        if not any(doc[kind] for kind in DETAIL_KINDS):
            continue
        echo(out, "")
        echo(out, str(doc["id"]), style="bold")
        for kind, label in DETAIL_KINDS.items():
            for row in doc[kind]:
                echo(out, f"  {label}: ", end="")
                echo(out, json.dumps(row, ensure_ascii=False))


@command("eval", EVAL_HELP)
def eval_command(
    gold: GoldArg,
    fmt: EvalFormatOpt = "table",
    details: DetailsOpt = False,
    model: ModelOpt = DEFAULT_MODEL,
    scope: ScopeOpt = Scope.ALL,
    cues: CuesOpt = None,
    limit: LimitOpt = None,
    jobs: JobsOpt = 1,
) -> None:
    """Run quotex over a gold corpus and print its scores."""
    if fmt not in EVAL_FORMATS:
        raise fail("--format must be table or json", ExitCode.USAGE)
    guard(
        lambda: evaluate(
            gold,
            fmt,
            details=details,
            model=model,
            limit=limit,
            jobs=jobs,
            scope=scope,
            cues=cues,
        )
    )
