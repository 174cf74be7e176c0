"""Where ``-o`` writes: a regular file is replaced atomically, anything else is written into.

:func:`output_target` follows the symbolic links of an output path and decides:

* a regular file, or a path with nothing there yet: written *atomically* at the end of
  the link chain (a temporary file in that folder, then ``os.replace``), so a symlink
  stays a link and its target gets the output;
* anything else (a character device such as ``/dev/null``, a FIFO, a terminal, a
  socket), and every path through ``/proc`` or ``/dev/fd`` (``/dev/stdout``, the
  ``/dev/fd/63`` of a process substitution): written *directly*, opened for appending
  as it is, never renamed onto and never truncated: ``-o /dev/null`` must never turn the
  machine's ``/dev/null`` into a file.

:func:`refuse_output_over_inputs` stops a run whose ``-o`` would overwrite one of its
inputs, or land in an input folder where a later run would read it as an article.
"""

from __future__ import annotations

import fnmatch
import os
import stat
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from quotex.errors import OutputError, UsageError
from quotex.io.readers import DEFAULT_GLOBS, Source

# Links through these are the kernel's view of open files: follow them only by opening.
MAGIC_PREFIXES: tuple[str, ...] = ("/proc/", "/dev/fd/")
MAGIC_NAMES = frozenset({"/dev/stdin", "/dev/stdout", "/dev/stderr"})
MAX_LINKS = 40  # as the kernel's limit on nested symlinks (ELOOP)


@dataclass(frozen=True)
class OutputTarget:
    """Where to write: ``path``, atomically (a regular file) or directly (anything else)."""

    path: Path
    atomic: bool


def output_target(path: str | os.PathLike[str]) -> OutputTarget:
    """Classify the output ``path``; raise :class:`OutputError` for a folder or a link loop."""
    given = Path(path)
    chain = _link_chain(given)
    final = chain[-1]
    if any(_is_magic(hop) for hop in chain):
        return OutputTarget(given, atomic=False)
    try:
        mode = os.stat(final).st_mode
    except FileNotFoundError:
        return OutputTarget(final, atomic=True)  # a new file (through a dangling link too)
    except OSError as exc:
        reason = _reason(exc)
        raise OutputError(f"cannot write {given} ({reason}); choose another -o path") from None
    if stat.S_ISDIR(mode):
        raise OutputError(f"output path is a folder: {given}; give a file name")
    if stat.S_ISREG(mode):
        return OutputTarget(final, atomic=True)
    return OutputTarget(given, atomic=False)


def is_regular_or_missing(path: Path) -> bool:
    """Whether ``path`` itself (not following a link) is a regular file or nothing."""
    try:
        return stat.S_ISREG(os.lstat(path).st_mode)
    except FileNotFoundError:
        return True


def _link_chain(given: Path) -> list[Path]:
    """``given`` as an absolute path, then each path its symbolic links lead to, in turn.

    Folders are resolved with ``realpath`` at each step (a ``..`` after a linked folder
    goes where the kernel goes); the last path is not a link, or does not exist.
    """
    current = _with_real_folder(Path.cwd() / given)
    chain = [current]
    for _ in range(MAX_LINKS):
        if _is_magic(current) or not current.is_symlink():
            return chain
        current = _with_real_folder(current.parent / os.readlink(current))
        chain.append(current)
    raise OutputError(f"too many symbolic links in {given}; give the file itself with -o")


def _with_real_folder(path: Path) -> Path:
    if path.name in ("", "..") or path == path.parent:
        return Path(os.path.realpath(path))
    return Path(os.path.realpath(path.parent)) / path.name


def _is_magic(path: Path) -> bool:
    text = path.as_posix()
    return text in MAGIC_NAMES or text.startswith(MAGIC_PREFIXES)


def _reason(exc: OSError) -> str:
    return exc.strerror or str(exc)


# --- an output that is an input --------------------------------------------------------


def refuse_output_over_inputs(
    output: str | None,
    sources: Sequence[Source],
    inputs: Sequence[str],
    glob: Sequence[str] | None = None,
) -> None:
    """Raise :class:`UsageError` if ``output`` is one of the inputs or would be read as one.

    ``output`` is the same file as an input (through links, ``./`` spellings and hard
    links alike: same device and inode), is stdin redirected from that file, or lies in
    an input folder with a name the folder's patterns (``glob``, default
    :data:`~quotex.io.readers.DEFAULT_GLOBS`) pick, so that this run or the next would
    read it as an article. ``None`` and ``-`` (stdout) pass.
    """
    if output in (None, "-"):
        return
    target = Path(output)
    written = _stat(target)
    for source in sources:
        if source.url is not None:  # a web page is nothing on this disk
            continue
        if source.path is None:
            same = written is not None and _same(written, _stdin_stat())
        else:
            same = written is not None and _same(written, _stat(source.path))
        if same:
            name = "stdin" if source.path is None else source.label
            raise UsageError(
                f"-o {output} is the input {name}; writing it would destroy the input, "
                "choose another -o path"
            )
    # The name in its folder (what a folder walk lists) and the file a link leads to.
    places = {_with_real_folder(Path.cwd() / target), Path(os.path.realpath(target))}
    for given in inputs:
        folder = Path(given)
        if given == "-" or not folder.is_dir():
            continue
        real_folder = Path(os.path.realpath(folder))
        inside = [rel for place in places if (rel := _relative_to(place, real_folder))]
        if any(_would_be_read(rel, glob) for rel in inside):
            raise UsageError(
                f"-o {output} is inside the input folder {given} and would be read as input; "
                "write it outside the folder or pass a --glob that leaves it out"
            )


def _stat(path: Path) -> os.stat_result | None:
    try:
        return os.stat(path)
    except OSError:
        return None


def _stdin_stat() -> os.stat_result | None:
    try:
        return os.fstat(0)
    except OSError:
        return None


def _same(one: os.stat_result, other: os.stat_result | None) -> bool:
    if other is None or not stat.S_ISREG(one.st_mode):
        return False  # two uses of /dev/null or of one terminal clash with nothing
    return (one.st_dev, one.st_ino) == (other.st_dev, other.st_ino)


def _relative_to(path: Path, folder: Path) -> Path | None:
    try:
        return path.relative_to(folder)
    except ValueError:
        return None


def _would_be_read(rel: Path, glob: Sequence[str] | None) -> bool:
    """Whether a folder walk picks the file at ``rel`` below the folder (as the reader does:
    hidden files and folders skipped, a pattern with ``/`` matched against the path)."""
    if any(part.startswith(".") for part in rel.parts):
        return False
    raw = [glob] if isinstance(glob, str) else list(glob or DEFAULT_GLOBS)
    patterns = [p.strip() for item in raw for p in item.split(",") if p.strip()]
    posix = rel.as_posix()
    return any(fnmatch.fnmatch(posix if "/" in p else rel.name, p) for p in patterns)
