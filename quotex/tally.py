"""Who is quoted and how much: speaker totals over one or many documents.

:class:`SpeakerTally` takes :class:`~quotex.records.DocResult` records one at a time and
keeps only counts, so a corpus of any size is summed in one pass;
:func:`summarize_speakers` is the one-call form. Speakers are people, organisations,
places and groups (the label of the speaker's entity, else ``speaker_label``); quotes
without one ("figures showed", "the report said" with no author named) are counted under
``None`` so that shares add up to one.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from quotex.corpus_names import corpus_names
from quotex.records import PERSON, QUOTE_TYPES, SOURCE_LABELS, DocResult

SPEAKER_COLUMNS: tuple[str, ...] = (
    "speaker",
    "label",
    "documents",
    "direct",
    "mixed",
    "indirect",
    "quotes",
    "share",
)
SHARE_DIGITS = 4


@dataclass(frozen=True)
class SpeakerRow:
    """One speaker's totals. ``speaker`` is ``None`` for quotes nobody was found for."""

    speaker: str | None
    label: str | None
    documents: int
    by_type: dict[str, int]
    share: float
    first_quote: str = field(default="", compare=False)

    @property
    def quotes(self) -> int:
        return sum(self.by_type.values())

    def to_dict(self) -> dict[str, Any]:
        """The output record; keys in :data:`SPEAKER_COLUMNS` order."""
        return {
            "speaker": self.speaker,
            "label": self.label,
            "documents": self.documents,
            **{kind: self.by_type.get(kind, 0) for kind in QUOTE_TYPES},
            "quotes": self.quotes,
            "share": round(self.share, SHARE_DIGITS),
        }


@dataclass
class _Totals:
    documents: int = 0
    by_type: Counter[str] = field(default_factory=Counter)
    labels: Counter[str] = field(default_factory=Counter)
    first_quote: str = ""


class SpeakerTally:
    """Running speaker totals; ``add()`` each result, then read ``rows()``."""

    def __init__(self) -> None:
        self._totals: dict[str | None, _Totals] = {}
        self.quotes = 0
        self.documents = 0

    def add(self, result: DocResult) -> None:
        """Count the quotes of one document."""
        self.documents += 1
        labels = {entity.id: entity.label for entity in result.entities}
        seen: set[str | None] = set()
        for quote in sorted(result.quotes, key=lambda q: q.start):
            label = labels.get(quote.speaker_entity) or quote.speaker_label
            # people and organisations are counted; a noun ("figures said") is nobody
            name = quote.speaker if label in SOURCE_LABELS else None
            totals = self._totals.setdefault(name, _Totals())
            if name not in seen:
                seen.add(name)
                totals.documents += 1
            totals.by_type[quote.type] += 1
            if name is not None:
                totals.labels[label] += 1
            if not totals.first_quote:
                totals.first_quote = quote.text
            self.quotes += 1

    def rows(self) -> list[SpeakerRow]:
        """Speakers by number of quotes (most first), then by name; unknown last. A person
        named with and without middle names in different documents is one row
        (:func:`quotex.corpus_names.corpus_names`)."""
        rows = [
            SpeakerRow(
                speaker=name,
                label=totals.labels.most_common(1)[0][0] if totals.labels else None,
                documents=totals.documents,
                by_type={kind: totals.by_type[kind] for kind in QUOTE_TYPES},
                share=sum(totals.by_type.values()) / self.quotes,
                first_quote=totals.first_quote,
            )
            for name, totals in self._merged().items()
        ]
        return sorted(rows, key=lambda r: (r.speaker is None, -r.quotes, r.speaker or ""))

    def _merged(self) -> dict[str | None, _Totals]:
        people = {
            name: sum(totals.by_type.values())
            for name, totals in self._totals.items()
            if name is not None and totals.labels.most_common(1)[0][0] == PERSON
        }
        named = corpus_names(people)
        merged: dict[str | None, _Totals] = {}
        for name, totals in self._totals.items():
            into = named.get(name, name) if name is not None else None
            if into not in merged:
                merged[into] = _Totals(first_quote=self._totals[into].first_quote)
            whole = merged[into]
            whole.documents += totals.documents
            whole.by_type.update(totals.by_type)
            whole.labels.update(totals.labels)
        return merged


def summarize_speakers(results: Iterable[DocResult]) -> list[SpeakerRow]:
    """Speaker totals over ``results`` (see :meth:`SpeakerTally.rows`)."""
    tally = SpeakerTally()
    for result in results:
        tally.add(result)
    return tally.rows()
