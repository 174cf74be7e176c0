"""Score quotex against gold annotations: quotes, speakers, cues and entities.

``gold`` reads gold corpora, ``quotes`` and ``entities`` hold the matching rules (see
their docstrings and the README), ``scores`` the count types, ``scoring`` sums documents
into an :class:`EvalReport`, and ``runner`` runs quotex over a gold file (the worker
behind ``quotex eval``). Only ``runner`` loads spaCy, inside its function; nothing prints.
"""

from quotex.eval.entities import LABEL_MAP, score_entities
from quotex.eval.gold import gold_records, load_gold, with_text
from quotex.eval.quotes import (
    cue_right,
    is_pronoun,
    names_agree,
    score_quotes,
    speaker_right,
    trim_span,
)
from quotex.eval.runner import evaluate_file
from quotex.eval.scores import Accuracy, DocEval, EntityScores, EvalReport, QuoteScores, Score
from quotex.eval.scoring import score_document, score_documents

__all__ = [
    "LABEL_MAP",
    "Accuracy",
    "DocEval",
    "EntityScores",
    "EvalReport",
    "QuoteScores",
    "Score",
    "cue_right",
    "evaluate_file",
    "gold_records",
    "is_pronoun",
    "load_gold",
    "names_agree",
    "score_document",
    "score_documents",
    "score_entities",
    "score_quotes",
    "speaker_right",
    "trim_span",
    "with_text",
]
