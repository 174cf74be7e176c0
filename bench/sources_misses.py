# ruff: noqa: T201  (a bench script prints its figures)
"""Why sources are missed or wrong: each gold source quotex misses, each source it makes up.

Usage (from the repository root):

    python bench/sources_misses.py SOURCES_GOLD.jsonl --cache parsed.spacy \
        [--quotes QUOTES_GOLD.jsonl] [--examples 5] [--rows rows.jsonl]

The first run parses the texts into the ``--cache`` DocBin (as ``bench/attribution_loop.py``
does); later runs apply only quotex's components. Sources are judged as ``quotex eval``
judges them (per gender, names agreeing by surname or containment). Each miss gets one
reason, the first that applies:

* ``gender wrong``: a source of that name was found, with another gender (or unknown);
* ``quoted, label X``: a quote names the person, but its speaker is labelled X (an
  organisation or place, or none), so it is not a person source;
* ``PERSON entity, no quote`` / ``X entity, no quote`` / ``no entity, no quote``: the
  person is named (or tagged X, or not tagged at all) but no quote is attributed to them.

``--quotes`` (the PolNeAR quote gold, which holds these articles) splits the last three
by what happened to the person's gold quotes: none in the gold, not found by quotex, or
found and given to someone else (``to pronoun``, ``to none``, ``to other``).
False positives get ``gender wrong``, ``not a gold source`` (named in the gold quotes as
a speaker, or not) likewise.
"""

from __future__ import annotations

import argparse
from collections import Counter, defaultdict
from collections.abc import Sequence
from pathlib import Path

from prepared import gold_result, pipeline_text
from spacy.tokens import DocBin
from speaker_loop import write_rows

from quotex.eval.genders import GENDERS, score_genders
from quotex.eval.gold import load_gold
from quotex.eval.quotes import _gold_quote, _judged, _match, _pred_quote, is_pronoun, names_agree
from quotex.pipeline import DEFAULT_MODEL, QUOTEX_COMPONENTS, load_nlp
from quotex.records import PERSON, DocResult


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("gold", type=Path, help="gold JSONL with sources_gender")
    parser.add_argument("--cache", type=Path, required=True, help="DocBin of the parsed texts")
    parser.add_argument("--quotes", type=Path, help="quote gold JSONL holding the same ids")
    parser.add_argument("--model", default=DEFAULT_MODEL)
    parser.add_argument("--examples", type=int, default=4, help="examples shown per reason")
    parser.add_argument("--rows", type=Path, help="write one JSON line per miss or error")
    return parser.parse_args(argv)


def parsed_docs(golds: list[dict], nlp, cache: Path) -> list:
    if not cache.exists():
        parsed = DocBin(store_user_data=True)
        with nlp.select_pipes(disable=list(QUOTEX_COMPONENTS)):
            for doc in nlp.pipe((pipeline_text(g["text"]) for g in golds), batch_size=16):
                parsed.add(doc)
        parsed.to_disk(cache)
    return list(DocBin().from_disk(cache).get_docs(nlp.vocab))


def _label_of(result: DocResult, quote) -> str | None:
    entities = {e.id: e for e in result.entities}
    entity = entities.get(quote.speaker_entity) if quote.speaker_entity else None
    return entity.label if entity else quote.speaker_label


def _speaker_names(result: DocResult, quote) -> list[str]:
    names = [quote.speaker] if quote.speaker else []
    entity = next((e for e in result.entities if e.id == quote.speaker_entity), None)
    return names + ([entity.name] if entity else [])


def gold_quote_fate(name: str, gold_quotes: list[dict], text: str, result: DocResult) -> str:
    """What became of the gold quotes whose speaker is ``name``."""
    mine = [
        q
        for q in gold_quotes
        if any(names_agree(name, s) for s in (q.get("speaker"), q.get("speaker_resolved")) if s)
    ]
    if not mine:
        return "no gold quote named"
    golds = [_gold_quote(text, q) for q in mine]
    preds = [_pred_quote(text, q) for q in result.quotes]
    matching = _match(golds, preds, 0.5)
    if not matching.found:
        return "gold quote not found"
    fates = []
    for g in sorted(matching.found):
        speaker = _judged(g, golds, preds, matching).quote.speaker
        fates.append(
            "to none" if speaker is None else "to pronoun" if is_pronoun(speaker) else "to other"
        )
    return min(fates, key=["to pronoun", "to other", "to none"].index)


def miss_reason(name: str, gender: str, result: DocResult) -> str:
    for source in result.sources:
        if names_agree(source.name, name) and (source.gender or "unknown") != gender:
            return f"gender wrong ({source.gender or 'unknown'}, {source.gender_evidence})"
    for quote in result.quotes:
        if any(names_agree(s, name) for s in _speaker_names(result, quote)):
            label = _label_of(result, quote)
            if label != PERSON:
                return f"quoted, label {label}"
    entities = [e for e in result.entities if names_agree(e.name, name)]
    if any(e.label == PERSON for e in entities):
        return "PERSON entity, no quote"
    if entities:
        return f"{entities[0].label} entity, no quote"
    return "no entity, no quote"


def false_reason(name: str, gender: str, lists: dict, gold_quotes: list[dict]) -> str:
    for other in GENDERS:
        if other != gender and any(names_agree(name, n) for n in lists.get(other, [])):
            return f"gender wrong (gold {other})"
    speakers = [s for q in gold_quotes for s in (q.get("speaker"), q.get("speaker_resolved")) if s]
    if any(names_agree(name, s) for s in speakers):
        return "not a gold source, but a gold speaker"
    return "not a gold source"


def analyse(gold: dict, result: DocResult, gold_quotes: list[dict] | None) -> list[dict]:
    rows = []
    lists = gold["sources_gender"]
    for gender in GENDERS:
        preds = [s for s in result.sources if (s.gender or "unknown") == gender]
        for name in lists.get(gender, []):
            if any(names_agree(s.name, name) for s in preds):
                continue
            reason = miss_reason(name, gender, result)
            if gold_quotes is not None and "no quote" in reason:
                reason += " / " + gold_quote_fate(name, gold_quotes, gold["text"], result)
            rows.append({"kind": "miss", "doc": gold["id"], "name": name, "gender": gender})
            rows[-1]["reason"] = reason
        for source in preds:
            if any(names_agree(source.name, n) for n in lists.get(gender, [])):
                continue
            reason = false_reason(source.name, gender, lists, gold_quotes or [])
            rows.append(
                {"kind": "false", "doc": gold["id"], "name": source.name, "gender": gender}
                | {"reason": reason, "evidence": source.gender_evidence}
            )
    return rows


def main(argv: Sequence[str] | None = None) -> None:
    args = parse_args(argv)
    golds = list(load_gold(args.gold))
    quote_gold = {g["id"]: g["quotes"] for g in load_gold(args.quotes)} if args.quotes else {}
    nlp = load_nlp(args.model, scope="all")
    rows: list[dict] = []
    totals: dict = {}
    for gold, doc in zip(golds, parsed_docs(golds, nlp, args.cache), strict=True):
        for name in QUOTEX_COMPONENTS:
            doc = nlp.get_pipe(name)(doc)
        result = gold_result(doc, gold)
        for key, score in score_genders(gold, result).items():
            totals[key] = totals[key] + score if key in totals else score
        rows.extend(analyse(gold, result, quote_gold.get(gold["id"]) if args.quotes else None))
    for gender in GENDERS:
        s = totals[f"sources {gender}"]
        print(f"{gender:8} P {s.precision:.3f}  R {s.recall:.3f}  F1 {s.f1:.3f}")
    shares = [totals[f"sources women share, {who}"] for who in ("gold", "quotex")]
    print("women share: gold {:.3f}, quotex {:.3f}".format(*(a.accuracy for a in shares)))
    for kind in ("miss", "false"):
        mine = [r for r in rows if r["kind"] == kind]
        print(f"\n{kind}: {len(mine)}")
        examples = defaultdict(list)
        for r in mine:
            examples[r["reason"]].append(f"{r['name']} ({r['gender']}, {r['doc'][:28]})")
        for reason, count in Counter(r["reason"] for r in mine).most_common():
            print(f"  {count:4}  {reason}")
            for example in examples[reason][: args.examples]:
                print(f"          {example}")
    if args.rows:
        write_rows(args.rows, rows)


if __name__ == "__main__":
    main()
