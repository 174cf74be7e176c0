"""A corpus report: who is quoted, how much, by gender, by a metadata field and over time.

:class:`Report` is plain data, built by SQL over a SQLite store (:meth:`Report.from_store`,
the ``-o corpus.db`` of ``quotex extract``) so that a large store is summed by SQLite, not
by Python loops over quotes. Results in memory (:meth:`Report.from_results`) are first
written to a temporary store of the same tables, so both ways give the same numbers.

Gender is the gender of *sources*: the people quoted in each document with the gender the
article shows for them (``DocResult.sources``, the store's ``sources`` table), ``unknown``
where quotex found no evidence. "Share of sources" counts a person once per document
that quotes them; "share of quotes" counts their quotes. Organisations have no gender and
count in neither share. The renderers (:mod:`quotex.render.report_html`,
:mod:`quotex.render.report_tables`) only draw a :class:`Report`.
"""

from __future__ import annotations

import contextlib
import sqlite3
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from quotex.corpus_names import corpus_names
from quotex.errors import InputError, OutputError, UsageError
from quotex.records import PERSON, TOGETHER_RULE, DocResult
from quotex.rows import ORGANISATION_KIND, PERSON_KIND

TOP = 15  # speakers, groups of --by and entities shown
MAX_QUOTES_SHOWN = 50  # quotes listed per speaker; the rest are counted
GENDERS: tuple[str, ...] = ("female", "male", "unknown")
UNKNOWN = "unknown"
ALL = "all"  # the one group of the corpus-wide share
NO_VALUE = "(none)"  # a document without the --by field
NO_DATE = "(no date)"  # a document whose --time field is not an ISO date
# An ISO date or date-time: its first seven characters are the month bucket.
ISO_MONTH_GLOB = "[0-9][0-9][0-9][0-9]-[01][0-9]*"

# A quote joined to each source row it counts in, as DocResult.sources counts them (the
# store's quote_sources: its speaker, each person of a joint speaker, co-speakers).
ATTRIBUTED = """
SELECT s.kind, s.name, q.doc_id, q.type, q.text, q.start, d.rowid AS doc_row
FROM quote_sources s
JOIN quotes q ON q.doc_id = s.doc_id AND q.quote_id = s.quote_id
JOIN documents d ON d.id = q.doc_id
"""
# The same for a store written before quote_sources (format 2): by entity, or by name
# where the speaker has no entity, and each person of a joint speaker; co-speakers are
# not joined there.
ATTRIBUTED_FORMAT_2 = f"""
SELECT s.kind, s.name, q.doc_id, q.type, q.text, q.start, d.rowid AS doc_row
FROM sources s
JOIN quotes q ON q.doc_id = s.doc_id AND (
    (s.entity IS NOT NULL AND q.speaker_entity = s.entity)
    OR (s.entity IS NULL AND q.speaker = s.name AND NOT EXISTS (
        SELECT 1 FROM entities e WHERE e.doc_id = q.doc_id AND e.entity_id = q.speaker_entity
    ))
    OR (q.speaker_rule = '{TOGETHER_RULE}' AND q.speaker_entity IS NULL AND instr(
        ', ' || replace(q.speaker, ' and ', ', ') || ',', ', ' || s.name || ','
    ) > 0)
)
JOIN documents d ON d.id = q.doc_id
"""


@dataclass(frozen=True)
class Speaker:
    """A person or organisation over the corpus: quotes, words quoted, documents."""

    name: str
    kind: str
    quotes: int
    words: int
    documents: int
    anchor: str  # the id of their section in the HTML page: speaker-1, org-1, …
    names: tuple[str, ...] = ()  # every name they have in the store (``corpus_names``)


@dataclass(frozen=True)
class GenderShare:
    """Quotes and sources (people quoted, once per document) by gender, for one group."""

    group: str
    quotes: dict[str, int]
    sources: dict[str, int]

    @property
    def total_quotes(self) -> int:
        return sum(self.quotes.values())

    @property
    def total_sources(self) -> int:
        return sum(self.sources.values())


# The corpus-wide share of a corpus that quotes nobody.
NO_PEOPLE = GenderShare(ALL, dict.fromkeys(GENDERS, 0), dict.fromkeys(GENDERS, 0))


@dataclass(frozen=True)
class EntityCount:
    """An entity (by name and label) and its mentions inside and outside quotes."""

    name: str
    label: str
    in_quote: int
    outside: int


@dataclass(frozen=True)
class QuoteLine:
    """One quote of a speaker, with the document it is in."""

    doc_id: str
    type: str
    text: str


@dataclass(frozen=True)
class Report:
    """Everything the corpus report shows; see the module docstring."""

    documents: int
    quotes: int
    people: tuple[Speaker, ...]
    organisations: tuple[Speaker, ...]
    gender: GenderShare
    by_field: str | None = None
    by: tuple[GenderShare, ...] = ()
    time_field: str | None = None
    over_time: tuple[GenderShare, ...] = ()
    entities_in_quotes: tuple[EntityCount, ...] = ()
    entities_outside: tuple[EntityCount, ...] = ()
    speaker_quotes: dict[str, tuple[QuoteLine, ...]] = field(default_factory=dict)

    @classmethod
    def from_store(
        cls, path: str | Path, *, by: str | None = None, time: str | None = None
    ) -> Report:
        """The report of the store at ``path``, aggregated in SQL; ``by`` and ``time`` are
        metadata fields (``outlet``, ``published``). Raises :class:`InputError` for a file
        that is no store, :class:`UsageError` for a field no document has."""
        from quotex.io.store import open_store

        with contextlib.closing(open_store(path)) as db:
            _check_has_sources(db, path)
            db.create_function("quotex_words", 1, _words, deterministic=True)
            return _report(db, by, time)

    @classmethod
    def from_results(
        cls, results: Iterable[DocResult], *, by: str | None = None, time: str | None = None
    ) -> Report:
        """The report of ``results``, through a temporary store (deleted afterwards)."""
        from quotex.io.store import StoreWriter

        with tempfile.TemporaryDirectory(prefix="quotex-report-") as folder:
            path = Path(folder) / "report.db"
            with StoreWriter(path) as writer:
                for result in results:
                    try:
                        writer.write(result)
                    except OutputError:
                        raise InputError(
                            f"document id {result.id!r} appears twice; give every document "
                            "its own id (--id-field)"
                        ) from None
            return cls.from_store(path, by=by, time=time)


def _words(text: str | None) -> int:
    return len(text.split()) if text else 0


def _check_has_sources(db: sqlite3.Connection, path: str | Path) -> None:
    found = db.execute("SELECT 1 FROM sqlite_master WHERE type='table' AND name='sources'")
    if found.fetchone() is None:
        raise InputError(
            f"{path} was written by an older quotex and has no sources table; "
            "extract the corpus into it again with --overwrite"
        )


def _attributed(db: sqlite3.Connection) -> str:
    """The query joining quotes to source rows that the store's tables allow."""
    found = db.execute("SELECT 1 FROM sqlite_master WHERE type='table' AND name='quote_sources'")
    return ATTRIBUTED if found.fetchone() is not None else ATTRIBUTED_FORMAT_2


def _report(db: sqlite3.Connection, by: str | None, time: str | None) -> Report:
    attributed = _attributed(db)
    people = _speakers(db, PERSON_KIND, "speaker", attributed)
    organisations = _speakers(db, ORGANISATION_KIND, "org", attributed)
    by_column = _column(db, by) if by else None
    time_column = _column(db, time) if time else None
    (documents,) = db.execute("SELECT COUNT(*) FROM documents").fetchone()
    (quotes,) = db.execute("SELECT COUNT(*) FROM quotes").fetchone()
    return Report(
        documents=documents,
        quotes=quotes,
        people=people,
        organisations=organisations,
        gender=(*_shares(db, f"'{ALL}'"), NO_PEOPLE)[0],
        by_field=by,
        by=_shares(db, _group_value(by_column))[:TOP] if by_column else (),
        time_field=time,
        over_time=_months(db, time_column) if time_column else (),
        entities_in_quotes=_entities(db, "in_quote"),
        entities_outside=_entities(db, "outside"),
        speaker_quotes={
            s.anchor: _quote_lines(db, s, attributed) for s in (*people, *organisations)
        },
    )


def _speakers(
    db: sqlite3.Connection, kind: str, prefix: str, attributed: str = ATTRIBUTED
) -> tuple[Speaker, ...]:
    """The :data:`TOP` most quoted of ``kind``, with the words of their quotes (the quotes
    that ``attributed`` joins to them). A person named with and without middle names in
    different documents is one speaker (:func:`quotex.corpus_names.corpus_names`): SQL sums
    each name, Python joins the names (one pass over the distinct names)."""
    totals: dict[str, list[int]] = {}
    variants: dict[str, list[str]] = {}
    rows = db.execute(
        "SELECT name, SUM(quotes), COUNT(DISTINCT doc_id) FROM sources WHERE kind = ? "
        "GROUP BY name",
        (kind,),
    ).fetchall()
    named = corpus_names({name: quotes for name, quotes, _ in rows}) if kind == PERSON_KIND else {}
    for name, quotes, documents in rows:
        into = named.get(name, name)
        total = totals.setdefault(into, [0, 0])
        total[0] += quotes
        total[1] += documents
        variants.setdefault(into, []).append(name)
    top = sorted(totals.items(), key=lambda item: (-item[1][0], item[0]))[:TOP]
    names = [name for into, _ in top for name in variants[into]]
    marks = ", ".join("?" * len(names))
    words = dict(
        db.execute(
            f"SELECT name, SUM(quotex_words(text)) FROM ({attributed}) "  # noqa: S608  (marks only)
            f"WHERE kind = ? AND name IN ({marks}) GROUP BY name",
            (kind, *names),
        )
    )
    return tuple(
        Speaker(
            into,
            kind,
            quotes,
            sum(words.get(name) or 0 for name in variants[into]),
            documents,
            f"{prefix}-{n}",
            tuple(variants[into]),
        )
        for n, (into, (quotes, documents)) in enumerate(top, 1)
    )


def _column(db: sqlite3.Connection, field_name: str) -> str:
    """The documents column that holds metadata ``field_name``; a usage error if none."""
    found = db.execute('SELECT "column" FROM fields WHERE field = ?', (field_name,)).fetchone()
    if found is None:
        known = [row[0] for row in db.execute("SELECT field FROM fields ORDER BY field")]
        listed = ", ".join(known) if known else "none"
        raise UsageError(f"no document has the field {field_name!r}; fields: {listed}")
    return found[0]


def _sql_name(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _group_value(column: str) -> str:
    return f"COALESCE(CAST(d.{_sql_name(column)} AS TEXT), '{NO_VALUE}')"


def _shares(db: sqlite3.Connection, group: str) -> tuple[GenderShare, ...]:
    """Gender shares of people quoted, per value of the SQL expression ``group`` over
    ``documents d``, most quoted group first (every group has its three genders)."""
    counts: dict[str, dict[str, list[int]]] = {}
    for value, gender, quotes, sources in db.execute(
        f"SELECT {group} AS grp, COALESCE(s.gender, '{UNKNOWN}'), SUM(s.quotes), COUNT(*) "  # noqa: S608
        "FROM sources s JOIN documents d ON d.id = s.doc_id "
        f"WHERE s.kind = '{PERSON_KIND}' GROUP BY grp, 2"
    ):
        genders = counts.setdefault(value, {g: [0, 0] for g in GENDERS})
        genders.setdefault(gender, [0, 0])
        genders[gender][0] += quotes
        genders[gender][1] += sources
    shares = [
        GenderShare(
            value, {g: n[0] for g, n in genders.items()}, {g: n[1] for g, n in genders.items()}
        )
        for value, genders in counts.items()
    ]
    shares.sort(key=lambda s: (-s.total_quotes, s.group))
    return tuple(shares)


def _months(db: sqlite3.Connection, column: str) -> tuple[GenderShare, ...]:
    """Gender shares per month (``YYYY-MM`` of an ISO date), in time order; documents
    without such a date last, as :data:`NO_DATE`."""
    value = f"CAST(d.{_sql_name(column)} AS TEXT)"
    month = (
        f"CASE WHEN {value} GLOB '{ISO_MONTH_GLOB}' THEN substr({value}, 1, 7) ELSE '{NO_DATE}' END"
    )
    shares = _shares(db, month)
    return tuple(sorted(shares, key=lambda s: (s.group == NO_DATE, s.group)))


def _entities(db: sqlite3.Connection, where: str) -> tuple[EntityCount, ...]:
    """The :data:`TOP` entities (name and label) most mentioned ``in_quote`` or ``outside``;
    a person's names with and without middle names count as one (``corpus_names``)."""
    rows = db.execute(
        "SELECT e.name, e.label, SUM(m.in_quote), SUM(1 - m.in_quote) FROM mentions m "
        "JOIN entities e ON e.doc_id = m.doc_id AND e.entity_id = m.entity_id "
        "GROUP BY e.name, e.label"
    ).fetchall()
    people = {name: inside + outside for name, label, inside, outside in rows if label == PERSON}
    named = corpus_names(people)
    counts: dict[tuple[str, str], list[int]] = {}
    for name, label, inside, outside in rows:
        count = counts.setdefault(
            (named.get(name, name) if label == PERSON else name, label), [0, 0]
        )
        count[0] += inside
        count[1] += outside
    column = 0 if where == "in_quote" else 1
    ranked = sorted(
        (item for item in counts.items() if item[1][column] > 0),
        key=lambda item: (-item[1][column], item[0][0]),
    )
    return tuple(EntityCount(name, label, *count) for (name, label), count in ranked[:TOP])


def _quote_lines(
    db: sqlite3.Connection, speaker: Speaker, attributed: str = ATTRIBUTED
) -> tuple[QuoteLine, ...]:
    names = speaker.names or (speaker.name,)
    marks = ", ".join("?" * len(names))
    rows: Any = db.execute(
        f"SELECT doc_id, type, text FROM ({attributed}) WHERE kind = ? "  # noqa: S608  (marks only)
        f"AND name IN ({marks}) ORDER BY doc_row, start LIMIT ?",
        (speaker.kind, *names, MAX_QUOTES_SHOWN),
    )
    return tuple(QuoteLine(*row) for row in rows)
