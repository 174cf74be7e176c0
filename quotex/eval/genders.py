"""Who is quoted, by gender: score the sources and people quotex finds against gold lists.

Gold (``sources_gender`` and/or ``people_gender``, one per document) is
``{"female": [names], "male": [names], "unknown": [names]}``. Predicted sources are the
record's ``sources`` (people quoted); predicted people are its PERSON entities. For each
gender, a predicted name is right when a gold name of that gender agrees with it (same
surname, or one inside the other: :func:`quotex.eval.quotes.names_agree`), and a gold name
is found when a predicted name of that gender agrees with it. The share of women is the
female names over all names, gold and predicted alike (unknown included).

Details (:func:`gender_details`) list, per kind, each gold name no predicted name of its
gender agrees with (``gender_misses``, with the gender quotex gave an agreeing name, or
None where it names no such person) and each predicted name no gold name of its gender
agrees with (``gender_false``, with the gold's gender for it, or None where the gold has no
such person).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from quotex.eval.quotes import names_agree
from quotex.eval.scores import Accuracy, Score
from quotex.records import PERSON, DocResult

GENDERS = ("female", "male", "unknown")
KINDS = ("sources", "people")


def has_gender_gold(gold: dict[str, Any]) -> bool:
    return any(f"{kind}_gender" in gold for kind in KINDS)


def _predicted(result: DocResult, kind: str) -> list[tuple[str, str]]:
    """(name, gender) of each source, or of each PERSON entity."""
    if kind == "sources":
        return [(s.name, s.gender or "unknown") for s in result.sources]
    return [(e.name, e.gender or "unknown") for e in result.entities if e.label == PERSON]


def _scored_kinds(
    gold: dict[str, Any], result: DocResult
) -> Iterator[tuple[str, dict[str, list[str]], list[tuple[str, str]]]]:
    """(kind, the gold's names by gender, quotex's (name, gender)) for each kind the gold
    has lists for."""
    for kind in KINDS:
        lists = gold.get(f"{kind}_gender")
        if lists is not None:
            yield kind, lists, _predicted(result, kind)


def _unmatched(
    lists: dict[str, list[str]], predicted: list[tuple[str, str]]
) -> tuple[list[tuple[str, str]], list[tuple[str, str]], list[tuple[str, str]]]:
    """(gold names with their gender, those no predicted name of that gender agrees with,
    predicted names no gold name of their gender agrees with): the one matching that
    :func:`score_genders` counts and :func:`gender_details` lists."""
    golds = [(name, gender) for gender in GENDERS for name in lists.get(gender, [])]
    misses = [
        (name, gender)
        for name, gender in golds
        if not any(names_agree(p, name) for p, g in predicted if g == gender)
    ]
    false = [
        (name, gender)
        for name, gender in predicted
        if not any(names_agree(name, n) for n, g in golds if g == gender)
    ]
    return golds, misses, false


def score_genders(gold: dict[str, Any], result: DocResult) -> dict[str, Score | Accuracy]:
    """Per kind and gender: P/R/F1 counts; and the share of women, gold and predicted."""
    out: dict[str, Score | Accuracy] = {}
    for kind, lists, predicted in _scored_kinds(gold, result):
        _, misses, false = _unmatched(lists, predicted)
        for gender in GENDERS:
            golds = len(lists.get(gender, []))
            preds = sum(g == gender for _, g in predicted)
            out[f"{kind} {gender}"] = Score(
                gold=golds,
                predicted=preds,
                pred_matched=preds - sum(g == gender for _, g in false),
                gold_matched=golds - sum(g == gender for _, g in misses),
            )
        total = sum(len(lists.get(g, [])) for g in GENDERS)
        out[f"{kind} women share, gold"] = Accuracy(total, len(lists.get("female", [])))
        women = sum(g == "female" for _, g in predicted)
        out[f"{kind} women share, quotex"] = Accuracy(len(predicted), women)
    return out


def _gender_of(name: str, named: list[tuple[str, str]]) -> str | None:
    return next((gender for other, gender in named if names_agree(name, other)), None)


def gender_details(gold: dict[str, Any], result: DocResult) -> dict[str, list[dict]]:
    """The names behind the scores of :func:`score_genders`: ``gender_misses`` (gold
    names not found with their gender) and ``gender_false`` (predicted names the gold does
    not have with that gender), each ``{"kind", "name", "gender", …}``."""
    misses: list[dict] = []
    false: list[dict] = []
    for kind, lists, predicted in _scored_kinds(gold, result):
        golds, missed, wrong = _unmatched(lists, predicted)
        for name, gender in missed:
            row = {"kind": kind, "name": name, "gender": gender}
            misses.append({**row, "quotex": _gender_of(name, predicted)})
        for name, gender in wrong:
            row = {"kind": kind, "name": name, "gender": gender}
            false.append({**row, "gold": _gender_of(name, golds)})
    return {"gender_misses": misses, "gender_false": false}
