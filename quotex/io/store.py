"""A SQLite store of results that grows in transactions and can be resumed.

``quotex extract corpus.jsonl -o corpus.db`` writes these tables (:data:`SCHEMA`):

* ``documents``: ``id`` (primary key), ``text`` (the text as read, so ``quotex show`` can
  draw the article from the store; ``NULL`` when the Dask engine ran), then one column per
  metadata field, added with ``ALTER TABLE`` as fields appear (named as in
  :func:`quotex.rows.meta_column`; a field that differs from an earlier one only in case
  gets ``_2``, since SQLite column names ignore case; the ``fields`` table maps each
  field to its column);
* ``quotes``: one row per quote, the output contract flattened (``speaker_mention``,
  ``speaker_mention_start``, ``speaker_mention_end``, ``cue``, ``cue_start``,
  ``cue_end``), primary key ``(doc_id, quote_id)``;
* ``entities`` (``doc_id``, ``entity_id``, ``name``, ``label``) and ``mentions``
  (``doc_id``, ``entity_id``, ``text``, ``start``, ``end``, ``in_quote``);
* ``sources``: who is quoted in each document (``DocResult.sources`` and
  ``.organisations``): ``doc_id``, ``kind`` (``person`` or ``organisation``), ``name``,
  ``entity``, ``gender``, ``gender_evidence`` (``NULL`` for organisations), ``quotes``;
* ``quote_sources``: each quote with every source row it counts in (``doc_id``,
  ``quote_id``, ``kind``, ``name``): its speaker, or each person of a joint speaker, and
  the people named with the speaker ("McCarthy and Scalise said": both);

plus ``store_info`` (what wrote the store: the model, scope and ``--where``, checked when
a run resumes) and indexes on ``quotes(speaker)``, ``quotes(doc_id)`` and
``entities(name)``. Foreign keys tie quotes and entities to their document and mentions
to their entity.

:class:`StoreWriter` writes in WAL mode, one transaction per ``batch`` documents; each
document goes in under a savepoint, so a document is either whole in the store or not
there at all, whatever stops the run. A reader (``sqlite3 corpus.db``) can query while a
run goes on and sees the batches committed so far. :func:`stored_ids` lists the documents
a resumed run skips. :func:`read_results` and :func:`read_article` read results back.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator, Mapping
from pathlib import Path
from types import TracebackType
from typing import Any, Self

from quotex.errors import OutputError, UsageError
from quotex.records import DocResult, Entity, EntityMention, Mention, Quote
from quotex.rows import meta_column, meta_value, quote_source_cells, source_cells

STORE_SUFFIXES: tuple[str, ...] = (".db", ".sqlite", ".sqlite3")
STORE_FORMAT = "3"  # store_info's format: bumped when the tables change (2: sources;
# 3: quote_sources)
DEFAULT_STORE_BATCH = 32
# SQLite keeps these beside the store in WAL mode; --overwrite removes them with it.
SIDE_FILES: tuple[str, ...] = ("-wal", "-shm", "-journal")
BUSY_TIMEOUT_S = 10.0
# What a resumed run must share with the run that made the store.
SETTINGS: tuple[str, ...] = ("model", "scope", "where")

SCHEMA = """
CREATE TABLE store_info (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE fields (field TEXT PRIMARY KEY, "column" TEXT NOT NULL UNIQUE);
CREATE TABLE documents (id TEXT PRIMARY KEY, text TEXT);
CREATE TABLE quotes (
    doc_id TEXT NOT NULL REFERENCES documents(id),
    quote_id TEXT NOT NULL,
    type TEXT NOT NULL,
    text TEXT NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    speaker TEXT,
    speaker_entity TEXT,
    speaker_label TEXT,
    speaker_rule TEXT,
    confidence REAL,
    speaker_mention TEXT,
    speaker_mention_start INTEGER,
    speaker_mention_end INTEGER,
    cue TEXT,
    cue_start INTEGER,
    cue_end INTEGER,
    PRIMARY KEY (doc_id, quote_id)
);
CREATE TABLE entities (
    doc_id TEXT NOT NULL REFERENCES documents(id),
    entity_id TEXT NOT NULL,
    name TEXT NOT NULL,
    label TEXT NOT NULL,
    gender TEXT,
    gender_evidence TEXT,
    PRIMARY KEY (doc_id, entity_id)
);
CREATE TABLE mentions (
    doc_id TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    text TEXT NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    in_quote INTEGER NOT NULL,
    FOREIGN KEY (doc_id, entity_id) REFERENCES entities(doc_id, entity_id)
);
CREATE TABLE sources (
    doc_id TEXT NOT NULL REFERENCES documents(id),
    kind TEXT NOT NULL,
    name TEXT NOT NULL,
    entity TEXT,
    gender TEXT,
    gender_evidence TEXT,
    quotes INTEGER NOT NULL
);
CREATE TABLE quote_sources (
    doc_id TEXT NOT NULL,
    quote_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    name TEXT NOT NULL,
    FOREIGN KEY (doc_id, quote_id) REFERENCES quotes(doc_id, quote_id)
);
CREATE INDEX quotes_speaker ON quotes(speaker);
CREATE INDEX quote_sources_name ON quote_sources(kind, name);
CREATE INDEX sources_doc_id ON sources(doc_id);
CREATE INDEX quotes_doc_id ON quotes(doc_id);
CREATE INDEX entities_name ON entities(name);
CREATE INDEX mentions_entity ON mentions(doc_id, entity_id);
"""
INSERT_QUOTE = "INSERT INTO quotes VALUES (" + ", ".join("?" * 17) + ")"
INSERT_ENTITY = "INSERT INTO entities VALUES (?, ?, ?, ?, ?, ?)"
INSERT_MENTION = "INSERT INTO mentions VALUES (?, ?, ?, ?, ?, ?)"
INSERT_SOURCE = "INSERT INTO sources VALUES (?, ?, ?, ?, ?, ?, ?)"
INSERT_QUOTE_SOURCE = "INSERT INTO quote_sources VALUES (?, ?, ?, ?)"


def is_store_path(path: str | Path | None) -> bool:
    """Whether ``path`` names a SQLite store by its extension (``.db``, ``.sqlite``, …)."""
    return path is not None and Path(path).suffix.lower() in STORE_SUFFIXES


def _quote(name: str) -> str:
    """``name`` as an SQL identifier, whatever it holds."""
    return '"' + name.replace('"', '""') + '"'


class StoreWriter:
    """Write results into the SQLite store at ``path``; ``write()`` each, then ``close()``.

    ``resume`` opens an existing store (refused when it was written with other
    ``settings``) and adds to it; otherwise a store already at ``path`` is refused with
    :class:`UsageError` unless ``overwrite``, which deletes it first. ``settings`` (model,
    scope, where) are recorded in ``store_info``. Leaving the ``with`` body by an exception
    keeps every document written so far (committed), so a later run can resume.
    """

    def __init__(
        self,
        path: str | Path,
        *,
        resume: bool = False,
        overwrite: bool = False,
        settings: Mapping[str, str] | None = None,
        batch: int = DEFAULT_STORE_BATCH,
    ) -> None:
        self.path = Path(path)
        self.file = _store_file(self.path)  # a symbolic link's target, as for other outputs
        self.batch = max(1, batch)
        self.count = 0
        self.closed = False
        exists = self.file.exists()
        if exists and not resume and not overwrite:
            raise UsageError(
                f"{path} already exists; pass --resume to add the documents it lacks, "
                "or --overwrite to start it again"
            )
        if exists and overwrite and not resume:
            _remove_store(self.file)
            exists = False
        self.db = _connect(self.file)
        try:
            if exists:
                _check_settings(self.db, self.path, settings or {})
            else:
                self._create(settings or {})
            self._columns = self._stored_columns()
        except BaseException:
            self.db.close()
            raise
        self._pending = 0

    def _create(self, settings: Mapping[str, str]) -> None:
        from quotex import __version__

        info = {"format": STORE_FORMAT, "quotex": __version__, **settings}
        self.db.execute("BEGIN")
        for statement in SCHEMA.split(";"):
            if statement.strip():
                self.db.execute(statement)
        self.db.executemany("INSERT INTO store_info VALUES (?, ?)", info.items())
        self.db.execute("COMMIT")

    def _stored_columns(self) -> dict[str, str]:
        return dict(self.db.execute('SELECT field, "column" FROM fields'))

    def stored_ids(self) -> set[str]:
        """The ids of the documents already in the store."""
        return {row[0] for row in self.db.execute("SELECT id FROM documents")}

    def write(self, result: DocResult, text: str | None = None) -> None:
        """Store one document whole (``text`` is what it was extracted from, if known)."""
        if self.closed:
            raise ValueError("write() on a closed writer")
        db = self.db
        if not db.in_transaction:
            db.execute("BEGIN")
        db.execute("SAVEPOINT document")
        try:
            self._insert(result, text)
        except BaseException as exc:
            db.execute("ROLLBACK TO document")
            db.execute("RELEASE document")
            self._columns = self._stored_columns()  # a column added under it is gone too
            if isinstance(exc, sqlite3.Error):
                raise OutputError(f"cannot write {self.path} ({exc})") from None
            raise
        db.execute("RELEASE document")
        self.count += 1
        self._pending += 1
        if self._pending >= self.batch:
            self.commit()

    def _insert(self, result: DocResult, text: str | None) -> None:
        db = self.db
        meta = {self._column(key): _sql(meta_value(v)) for key, v in (result.meta or {}).items()}
        names = ", ".join(_quote(name) for name in ("id", "text", *meta))
        marks = ", ".join("?" * (2 + len(meta)))
        try:
            db.execute(
                f"INSERT INTO documents ({names}) VALUES ({marks})",  # noqa: S608  (quoted names)
                (result.id, text, *meta.values()),
            )
        except sqlite3.IntegrityError:
            raise OutputError(
                f"document id {result.id!r} is already in {self.path}; "
                "give every document its own id (--id-field)"
            ) from None
        db.executemany(INSERT_QUOTE, (_quote_values(result.id, q) for q in result.quotes))
        db.executemany(
            INSERT_ENTITY,
            (
                (result.id, e.id, e.name, e.label, e.gender, e.gender_evidence)
                for e in result.entities
            ),
        )
        db.executemany(
            INSERT_MENTION,
            (
                (result.id, e.id, m.text, m.start, m.end, int(m.in_quote))
                for e in result.entities
                for m in e.mentions
            ),
        )
        db.executemany(
            INSERT_SOURCE,
            (
                (result.id, row["kind"], row["name"], row["entity"], row["gender"])
                + (row["gender_evidence"], row["quotes"])
                for row in source_cells(result)
            ),
        )
        db.executemany(
            INSERT_QUOTE_SOURCE,
            (
                (result.id, row["quote_id"], row["kind"], row["name"])
                for row in quote_source_cells(result)
            ),
        )

    def _column(self, field: str) -> str:
        """The documents column of metadata ``field``, added on first sight."""
        column = self._columns.get(field)
        if column is not None:
            return column
        taken = {name.lower() for name in self._columns.values()} | {"id", "text"}
        column = base = meta_column(field)
        number = 1
        while column.lower() in taken:
            number += 1
            column = f"{base}_{number}"
        self.db.execute(f"ALTER TABLE documents ADD COLUMN {_quote(column)}")
        self.db.execute("INSERT INTO fields VALUES (?, ?)", (field, column))
        self._columns[field] = column
        return column

    def commit(self) -> None:
        """Make the documents written so far visible and durable."""
        if self.db.in_transaction:
            self.db.execute("COMMIT")
        self._pending = 0

    def close(self) -> None:
        """Commit and close the store. Safe to repeat."""
        if not self.closed:
            self.closed = True
            self.commit()
            self.db.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        # Every document written is whole (a savepoint each): keep them for --resume.
        self.close()


def preflight(
    path: str | Path, *, resume: bool, overwrite: bool, settings: Mapping[str, str]
) -> set[str]:
    """Check, before any work, that a run may write the store at ``path``; return the ids
    it already holds (none unless ``resume``). Nothing is created or changed."""
    target = _store_file(Path(path))
    if not target.exists():
        return set()
    if not resume:
        if overwrite:
            return set()
        raise UsageError(
            f"{path} already exists; pass --resume to add the documents it lacks, "
            "or --overwrite to start it again"
        )
    try:
        db = sqlite3.connect(f"{target.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.DatabaseError as exc:
        raise OutputError(f"cannot open {path} ({exc}); choose another -o path") from None
    try:
        _check_settings(db, target, settings)
        return {row[0] for row in db.execute("SELECT id FROM documents")}
    finally:
        db.close()


def _quote_values(doc_id: str, q: Quote) -> tuple[Any, ...]:
    mention, cue = q.speaker_mention, q.cue
    return (
        doc_id,
        q.id,
        q.type,
        q.text,
        q.start,
        q.end,
        q.speaker,
        q.speaker_entity,
        q.speaker_label,
        q.speaker_rule,
        q.confidence,
        *(_mention_values(mention)),
        *(_mention_values(cue)),
    )


def _sql(value: Any) -> Any:
    """A metadata cell SQLite takes: an integer beyond 64 bits as its text."""
    if isinstance(value, int) and not -(2**63) <= value < 2**63:
        return str(value)
    return value


def _mention_values(mention: Mention | None) -> tuple[Any, Any, Any]:
    if mention is None:
        return (None, None, None)
    return (mention.text, mention.start, mention.end)


def _store_file(path: Path) -> Path:
    """The file a store at ``path`` is: a link's target; never a device, FIFO or folder."""
    from quotex.io.targets import output_target

    target = output_target(path)
    if not target.atomic:  # a device, FIFO or /dev/stdout: never a store
        raise OutputError(f"{path} is not a regular file; give a SQLite store a file name")
    if not target.path.parent.is_dir():
        raise OutputError(f"output folder does not exist: {target.path.parent}; create it first")
    return target.path


def _connect(path: Path) -> sqlite3.Connection:
    """A connection in WAL mode with foreign keys on; :class:`OutputError` if it fails."""
    try:
        db = sqlite3.connect(path, timeout=BUSY_TIMEOUT_S, isolation_level=None)
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("PRAGMA foreign_keys=ON")
        db.execute("PRAGMA synchronous=NORMAL")  # WAL: durable at each checkpoint, fast
    except sqlite3.DatabaseError as exc:
        raise OutputError(
            f"cannot open {path} as a SQLite store ({exc}); choose another -o path"
        ) from None
    return db


def _check_settings(db: sqlite3.Connection, path: Path, settings: Mapping[str, str]) -> None:
    """Refuse to resume a store that is not quotex's or was written with other settings."""
    try:
        info = dict(db.execute("SELECT key, value FROM store_info"))
    except sqlite3.DatabaseError:
        raise OutputError(
            f"{path} is not a quotex store; choose another -o path or pass --overwrite"
        ) from None
    if info.get("format") != STORE_FORMAT:
        raise OutputError(
            f"{path} is a store of another quotex version (format {info.get('format')}); "
            "pass --overwrite to start it again"
        )
    for key in SETTINGS:
        if key in settings and key in info and info[key] != settings[key]:
            raise UsageError(
                f"{path} was written with --{key} {info[key]}, not {settings[key]}; "
                f"resume with --{key} {info[key]} or pass --overwrite"
            )


def _remove_store(path: Path) -> None:
    for suffix in ("", *SIDE_FILES):
        with contextlib.suppress(FileNotFoundError):
            Path(str(path) + suffix).unlink()


# --- reading -----------------------------------------------------------------------------


def open_store(path: str | Path) -> sqlite3.Connection:
    """A read-only connection to the store at ``path``; :class:`InputError` if it is none."""
    from quotex.errors import InputError

    if not Path(path).is_file():
        raise InputError(f"no such store: {path}; check the path")
    try:
        db = sqlite3.connect(f"{Path(path).resolve().as_uri()}?mode=ro", uri=True)
        db.execute("SELECT 1 FROM store_info LIMIT 1")
    except sqlite3.DatabaseError:
        raise InputError(f"{path} is not a quotex store (made with -o FILE.db)") from None
    return db


def read_results(path: str | Path, ids: list[str] | None = None) -> Iterator[DocResult]:
    """The results in the store at ``path``, in the order they were stored (only ``ids``,
    in that order, if given; an unknown id raises :class:`InputError`)."""
    for _, result in read_articles(path, ids):
        yield result


def read_articles(
    path: str | Path, ids: list[str] | None = None
) -> Iterator[tuple[str | None, DocResult]]:
    """``(text, result)`` of the documents in the store, as :func:`read_results`; the text
    is ``None`` where the Dask engine wrote the document."""
    with contextlib.closing(open_store(path)) as db:
        for doc_id in ids if ids is not None else list(_all_ids(db)):
            result = _result(db, doc_id, path)
            (text,) = db.execute("SELECT text FROM documents WHERE id = ?", (doc_id,)).fetchone()
            yield text, result


def read_article(path: str | Path, doc_id: str) -> tuple[str | None, DocResult]:
    """The stored text and result of one document."""
    return next(read_articles(path, [doc_id]))


def _all_ids(db: sqlite3.Connection) -> Iterator[str]:
    yield from (row[0] for row in db.execute("SELECT id FROM documents ORDER BY rowid"))


def _result(db: sqlite3.Connection, doc_id: str, path: str | Path) -> DocResult:
    from quotex.errors import InputError

    row = db.execute("SELECT * FROM documents WHERE id = ?", (doc_id,)).fetchone()
    if row is None:
        raise InputError(
            f"no document {doc_id!r} in {path}; list them with: sqlite3 {path} "
            "'select id from documents'"
        )
    fields = {column: field for field, column in db.execute('SELECT field, "column" FROM fields')}
    names = [d[0] for d in db.execute("SELECT * FROM documents LIMIT 0").description]
    meta = {fields[n]: v for n, v in zip(names, row, strict=True) if n in fields and v is not None}
    quotes = tuple(
        Quote(
            id=r[1],
            type=r[2],
            text=r[3],
            start=r[4],
            end=r[5],
            speaker=r[6],
            speaker_entity=r[7],
            speaker_label=r[8],
            speaker_rule=r[9],
            confidence=r[10],
            speaker_mention=_mention(r[11:14]),
            cue=_mention(r[14:17]),
        )
        for r in db.execute("SELECT * FROM quotes WHERE doc_id = ? ORDER BY rowid", (doc_id,))
    )
    mentions: dict[str, list[EntityMention]] = {}
    for entity_id, text, start, end, in_quote in db.execute(
        'SELECT entity_id, text, start, "end", in_quote FROM mentions WHERE doc_id = ? '
        "ORDER BY rowid",
        (doc_id,),
    ):
        mentions.setdefault(entity_id, []).append(EntityMention(text, start, end, bool(in_quote)))
    entities = tuple(
        Entity(entity_id, name, label, tuple(mentions.get(entity_id, ())), gender, evidence)
        for entity_id, name, label, gender, evidence in db.execute(
            "SELECT entity_id, name, label, gender, gender_evidence FROM entities "
            "WHERE doc_id = ? ORDER BY rowid",
            (doc_id,),
        )
    )
    return DocResult(doc_id, quotes, entities, meta or None)


def _mention(values: tuple[Any, ...]) -> Mention | None:
    text, start, end = values
    return None if text is None else Mention(text, start, end)
