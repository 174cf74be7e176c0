"""Input and output: read documents from files, folders, JSONL and stdin; write results."""

from quotex.io.readers import (
    Document,
    ReadFailure,
    Skipped,
    Source,
    count_documents,
    iter_documents,
    resolve_inputs,
)
from quotex.io.writers import (
    CsvWriter,
    Format,
    JsonlWriter,
    JsonWriter,
    OutputError,
    View,
    Writer,
    atomic_output,
    make_writer,
    view_dict,
)

__all__ = [
    "CsvWriter",
    "Document",
    "Format",
    "JsonWriter",
    "JsonlWriter",
    "OutputError",
    "ReadFailure",
    "Skipped",
    "Source",
    "View",
    "Writer",
    "atomic_output",
    "count_documents",
    "iter_documents",
    "make_writer",
    "resolve_inputs",
    "view_dict",
]
