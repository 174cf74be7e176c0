"""Rich tables for the terminal: quotes, entities, speakers and evaluation scores.

Nothing here prints; the CLI hands these to its console. Every text that comes from a
document, a gold file or the model goes into a :func:`~quotex.render.safe.user_text`,
never through markup.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from rich import box
from rich.table import Table
from rich.text import Text

from quotex.records import QUOTE_TYPES, DocResult
from quotex.render.highlight import NO_LABEL, UNKNOWN_SPEAKER
from quotex.render.safe import user_text
from quotex.tally import SpeakerRow

TYPE_STYLES = {"direct": "green", "mixed": "yellow", "indirect": "cyan"}
QUOTE_PREVIEW = 160
BAR_WIDTH = 10
BAR_BLOCKS = " ▏▎▍▌▋▊▉█"


def _clip(text: str, limit: int = QUOTE_PREVIEW) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def quotes_table(result: DocResult) -> Table:
    """One row per quote: type, speaker (with the mention as written), cue, text."""
    table = Table(
        title=user_text(f"{result.id}: {len(result.quotes)} quotes", inline=True),
        expand=True,
        show_lines=False,
    )
    table.add_column("#", justify="right", no_wrap=True)
    table.add_column("type", no_wrap=True)
    table.add_column("speaker", ratio=2)
    table.add_column("cue", no_wrap=True)
    table.add_column("quote", ratio=5)
    for quote in result.quotes:
        speaker = user_text(quote.speaker or "–", "bold" if quote.speaker else "dim")
        mention = quote.speaker_mention
        # show the mention as written when it says something the name does not: "he"
        if mention is not None and quote.speaker and quote.speaker not in mention.text:
            speaker.append_text(user_text(f" ({mention.text})", "dim"))
        table.add_row(
            quote.id[1:],
            user_text(quote.type, TYPE_STYLES.get(quote.type, "")),
            speaker,
            user_text(quote.cue.text if quote.cue else "–"),
            user_text(_clip(quote.text)),
        )
    return table


def entities_table(result: DocResult) -> Table:
    """One row per entity: name, label, mention count, the forms it was written in."""
    title = user_text(f"{result.id}: {len(result.entities)} entities", inline=True)
    table = Table(title=title, expand=True)
    table.add_column("name", ratio=1)
    table.add_column("label", no_wrap=True)
    table.add_column("mentions", justify="right", no_wrap=True)
    table.add_column("in quotes", justify="right", no_wrap=True)
    table.add_column("written as", ratio=2)
    for entity in result.entities:
        forms = list(dict.fromkeys(m.text for m in entity.mentions))
        table.add_row(
            user_text(entity.name, "bold"),
            user_text(entity.label),
            str(len(entity.mentions)),
            str(sum(m.in_quote for m in entity.mentions)),
            user_text(" | ".join(forms)),
        )
    return table


def sources_table(result: DocResult) -> Table:
    """One row per source: the people quoted with their gender and its evidence, then the
    organisations, each with its number of quotes."""
    people, organisations = result.sources, result.organisations
    counts = f"{_count(len(people), 'person', 'people')} and " + _count(
        len(organisations), "organisation", "organisations"
    )
    title = user_text(f"{result.id}: {counts} quoted", inline=True)
    table = Table(title=title, expand=True)
    table.add_column("name", ratio=1)
    table.add_column("kind", no_wrap=True)
    table.add_column("gender", no_wrap=True)
    table.add_column("evidence", no_wrap=True)
    table.add_column("quotes", justify="right", no_wrap=True)
    for source in people:
        table.add_row(
            user_text(source.name, "bold"),
            "person",
            user_text(source.gender or "unknown"),
            user_text(source.gender_evidence or "none"),
            str(source.quotes),
        )
    for source in organisations:
        table.add_row(user_text(source.name, "bold"), "organisation", "", "", str(source.quotes))
    return table


def _count(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def _fmt(value: float | None) -> str:
    return "–" if value is None else f"{value:.2f}"


GROUP_NAMES = {"direct+mixed": "d+m", "indirect": "indirect", "all": "all"}


def _score_cells(score: dict[str, Any]) -> list[str]:
    return [
        str(score["gold"]),
        str(score["predicted"]),
        _fmt(score["precision"]),
        _fmt(score["recall"]),
        _fmt(score["f1"]),
    ]


def eval_table(report: dict[str, Any]) -> Table:
    """Precision, recall and F1 by quote group, speaker and cue accuracy, entity scores."""
    table = Table(title=f"quotex eval: {report['documents']} documents")
    table.add_column("measure", no_wrap=True)
    for name in ("gold", "pred", "P", "R", "F1", "strict"):
        table.add_column(name, justify="right", no_wrap=True)
    quotes = report.get("quotes")
    if quotes:
        for group, score in quotes["lenient"].items():
            name = f"quotes {GROUP_NAMES.get(group, group)}"
            strict = _fmt(quotes["strict"][group]["f1"])
            table.add_row(user_text(name), *_score_cells(score), strict)
        for kind in ("speaker", "cue"):
            for group, acc in quotes[kind].items():
                name = f"{kind} {GROUP_NAMES.get(group, group)}"
                table.add_row(
                    user_text(name), str(acc["total"]), "", "", "", _fmt(acc["accuracy"]), ""
                )
        for source, acc in quotes.get("speaker_sources", {}).items():
            name = f"speaker d+m, source {source}"
            table.add_row(user_text(name), str(acc["total"]), "", "", "", _fmt(acc["accuracy"]), "")
        for band, cal in quotes.get("calibration", {}).items():
            # P column: the mean confidence given; F1 column: the accuracy measured
            name = f"confidence {band} (mean / right)"
            table.add_row(
                user_text(name),
                str(cal["total"]),
                "",
                _fmt(cal["mean_confidence"]),
                "",
                _fmt(cal["accuracy"]),
                "",
            )
    for name, score in (report.get("genders") or {}).items():
        if "share" in name:  # the share of women: F1 column
            table.add_row(
                user_text(name), str(score["total"]), "", "", "", _fmt(score["accuracy"]), ""
            )
        else:
            table.add_row(user_text(name), *_score_cells(score), "")
    entities = report.get("entities")
    if entities:
        rows = [(name, entities[name]) for name in ("span", "typed")]
        rows += list(entities["by_label"].items())
        for name, score in rows:
            table.add_row(user_text(f"entities {name}"), *_score_cells(score), "")
    return table


def speaker_cell(row: SpeakerRow, colours: dict[str, str] | None = None) -> Text:
    """A speaker's name, bold (dim for quotes without one), in its colour if given."""
    name = row.speaker or UNKNOWN_SPEAKER
    colour = (colours or {}).get(name, "")
    return user_text(name, f"bold {colour}" if row.speaker else f"dim {colour}")


def plural(number: int, noun: str) -> str:
    """``1 quote``, ``2 quotes``."""
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"


def share_bar(share: float, width: int = BAR_WIDTH) -> Text:
    """A horizontal bar ``width`` cells long at 100 %, in eighths of a cell."""
    eighths = round(max(0.0, min(share, 1.0)) * width * 8)
    full, rest = divmod(eighths, 8)
    bar = "█" * full + (BAR_BLOCKS[rest] if rest else "")
    return Text(bar.ljust(width), style="cyan")


def speakers_table(rows: Sequence[SpeakerRow], documents: int) -> Table:
    """Speakers over a corpus: label, documents, quotes by type, share with a bar."""
    total = sum(row.quotes for row in rows)
    title = ", ".join(
        [plural(len(rows), "speaker"), plural(total, "quote"), plural(documents, "document")]
    )
    table = Table(
        title=Text(title), box=box.SIMPLE_HEAD, expand=False, pad_edge=False, collapse_padding=True
    )
    table.add_column("speaker", min_width=16)
    table.add_column("label", no_wrap=True)
    table.add_column("docs", justify="right", no_wrap=True)
    for kind in QUOTE_TYPES:
        table.add_column(kind, justify="right", no_wrap=True)
    table.add_column("share", no_wrap=True)
    for row in rows:
        table.add_row(
            speaker_cell(row),
            user_text(row.label or NO_LABEL),
            str(row.documents),
            *(str(row.by_type[kind]) for kind in QUOTE_TYPES),
            Text(f"{row.share:6.1%} ").append_text(share_bar(row.share)),
        )
    return table
