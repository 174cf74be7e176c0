"""Write an aggregate (rows of one table, e.g. speaker totals) as JSON, JSON lines or CSV.

An aggregate is known only once the whole corpus is read and is small, so it is written
in one go rather than streamed; CSV cells get the same formula escaping as
:mod:`quotex.io.writers`.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Sequence
from typing import Any, TextIO

from quotex.io.writers import Format, escape_formula


def write_summary(
    rows: Sequence[dict[str, Any]],
    columns: Sequence[str],
    fmt: Format,
    stream: TextIO,
    *,
    raw_csv: bool = False,
) -> None:
    """Write ``rows`` (dicts with ``columns`` as keys) to ``stream`` in ``fmt``.

    JSON is one array, JSON lines one object a line, CSV a header and one row per dict
    (``None`` as an empty cell). ``Format.TABLE`` raises ``ValueError``: the CLI renders it.
    """
    fmt = Format(fmt)
    if fmt is Format.JSON:
        stream.write(json.dumps([dict(row) for row in rows], ensure_ascii=False, indent=1))
        stream.write("\n")
    elif fmt is Format.JSONL:
        for row in rows:
            stream.write(json.dumps(row, ensure_ascii=False) + "\n")
    elif fmt is Format.CSV:
        writer = csv.writer(stream)
        writer.writerow(columns)
        for row in rows:
            cells = ["" if row.get(name) is None else row.get(name) for name in columns]
            writer.writerow(cells if raw_csv else [escape_formula(c) for c in cells])
    else:
        raise ValueError(f"no writer for format {fmt.value!r}; the CLI renders it")
    stream.flush()
