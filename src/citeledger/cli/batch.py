"""Batch mode shared by ``check``, ``claims``, ``report`` and ``extract``: many files or a directory.

``expand_paths`` turns the arguments into article files (a directory gives the article files under it);
``run_batch`` runs one command's per-file work over them, ``jobs`` processes at a time, with a progress
bar on a terminal; ``print_summary`` ends with a table. One bad file never stops the batch: its
``UnusableInputError`` (missing, binary, unreadable) becomes a ``failed`` row with exit code 2, and the
batch exits with the worst code of its files.
"""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from functools import partial
from pathlib import Path

import click

from citeledger.errors import UnusableInputError
from citeledger.io.textfile import write_atomic
from citeledger.model import Ledger

ARTICLE_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm", ".xhtml")
STATUS = {0: "ok", 1: "errors", 2: "failed"}


@dataclass(frozen=True)
class FileResult:
    """What one file of a batch gave: its exit code, counts for the summary, findings, and the document
    to write (``output``) for commands that write one. ``message`` says why a file failed."""

    path: str
    code: int
    citations: int | None = None  # None: not counted (a failed file, or a command without a ledger)
    unresolved: int | None = None
    uncited: int | None = None
    diagnostics: tuple = ()
    output: str = ""
    message: str = ""

    @property
    def status(self) -> str:
        return STATUS.get(self.code, "failed")


def ledger_result(path: str, ledger: Ledger, code: int, diagnostics: Sequence = (), output: str = "") -> FileResult:
    """A FileResult with the ledger's counts: citations, unresolved items, never-cited references."""
    return FileResult(path, code, len(ledger.citations), sum(link.key is None for link in ledger.links),
                      sum(not claims for claims in ledger.supports.values()), tuple(diagnostics), output)  # fmt: skip


def is_batch(arguments: Sequence[str]) -> bool:
    """More than one argument, or a directory: the batch path. One file keeps the single-file output."""
    return len(arguments) != 1 or Path(arguments[0]).is_dir()


def expand_paths(arguments: Sequence[str]) -> list[str]:
    """Files as given (missing ones too, to be reported); a directory → its article files, recursively,
    sorted, hidden ones skipped. Duplicates are dropped, first occurrence kept. Nothing to process at all
    (only empty directories) raises UnusableInputError (exit 2)."""
    paths: list[str] = []
    for argument in arguments:
        folder = Path(argument)
        if argument != "-" and folder.is_dir():
            found = (p for p in folder.rglob("*") if p.is_file() and p.suffix.lower() in ARTICLE_SUFFIXES
                     and not any(part.startswith(".") for part in p.relative_to(folder).parts))  # fmt: skip
            paths.extend(str(p) for p in sorted(found))
        else:
            paths.append(argument)
    if not paths:
        suffixes = ", ".join(ARTICLE_SUFFIXES)
        raise UnusableInputError(f"{', '.join(arguments)}: no article files ({suffixes}) found")
    return list(dict.fromkeys(paths))


def _guarded(work: Callable[[str], FileResult], path: str) -> FileResult:
    try:
        return work(path)
    except UnusableInputError as error:
        return FileResult(path, 2, message=str(error))
    except Exception as error:  # a bug on one file must not lose the others' results
        return FileResult(path, 2, message=f"internal error ({type(error).__name__}: {error}); please report it")


class _Silent:
    def update(self, steps: int) -> None:
        pass


@contextlib.contextmanager
def _progress(total: int, quiet: bool, label: str) -> Iterator:
    if quiet or not sys.stderr.isatty():
        yield _Silent()
        return
    with click.progressbar(length=total, label=label, file=sys.stderr, show_pos=True) as bar:
        yield bar


def run_batch(paths: Sequence[str], work: Callable[[str], FileResult], jobs: int = 1, quiet: bool = False,
              label: str = "") -> list[FileResult]:
    """Takes the files, a picklable per-file function (path → FileResult), the number of processes, and
    whether to hide the progress bar; returns one FileResult per file, in the order of ``paths``."""
    guarded = partial(_guarded, work)
    results: list[FileResult] = []
    with _progress(len(paths), quiet, label) as bar:
        if jobs <= 1 or len(paths) <= 1:
            for path in paths:
                results.append(guarded(path))
                bar.update(1)
            return results
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            chunk = max(1, min(16, len(paths) // (jobs * 8)))  # small chunks keep the bar moving
            for result in pool.map(guarded, paths, chunksize=chunk):
                results.append(result)
                bar.update(1)
    return results


def worst_code(results: Sequence[FileResult]) -> int:
    return max((result.code for result in results), default=0)


def _row(cells: Sequence[str], widths: Sequence[int]) -> str:
    return "  ".join(cell.ljust(width) if n in (0, 1) else cell.rjust(width)
                     for n, (cell, width) in enumerate(zip(cells, widths, strict=True))).rstrip()  # fmt: skip


def format_summary(results: Sequence[FileResult]) -> str:
    """The summary table: one row per file (status, citations, unresolved, uncited), then the totals."""
    header = ["file", "status", "citations", "unresolved", "uncited"]
    rows = [[r.path, r.status, *("-" if n is None else str(n) for n in (r.citations, r.unresolved, r.uncited))]
            for r in results]  # fmt: skip
    widths = [max(len(row[n]) for row in [header, *rows]) for n in range(len(header))]
    lines = [_row(header, widths), *(_row(row, widths) for row in rows)]
    counts = {status: sum(r.status == status for r in results) for status in STATUS.values()}
    totals = {name: sum(getattr(r, name) or 0 for r in results) for name in ("citations", "unresolved", "uncited")}
    articles = f"{len(results)} article{'' if len(results) == 1 else 's'}"
    lines.append(f"{articles}: {counts['ok']} ok, {counts['errors']} with errors, "
                 f"{counts['failed']} failed; {totals['citations']} citations, {totals['unresolved']} unresolved, "
                 f"{totals['uncited']} uncited")  # fmt: skip
    return "\n".join(lines)


def print_summary(results: Sequence[FileResult]) -> None:
    """Failures (one line each, with the reason), then the summary table, on stderr."""
    for result in results:
        if result.message:
            reason = result.message.removeprefix(f"{result.path}: ")
            click.echo(f"{result.path}: failed: {reason}", err=True)
    click.echo(format_summary(results), err=True)


def output_names(paths: Sequence[str], suffix: str) -> dict[str, str]:
    """Each input → a distinct output file name (``article.html``; ``article-2.html`` on a clash)."""
    names: dict[str, str] = {}
    taken: set[str] = set()
    for path in paths:
        stem = Path(path).stem or "article"
        name, number = f"{stem}{suffix}", 1
        while name in taken:
            number += 1
            name = f"{stem}-{number}{suffix}"
        taken.add(name)
        names[path] = name
    return names


def write_outputs(results: Sequence[FileResult], directory: str, suffix: str) -> None:
    """Write each successful file's document into ``directory`` (created if needed), atomically;
    UnusableInputError when the directory cannot be made or written."""
    try:
        Path(directory).mkdir(parents=True, exist_ok=True)
    except OSError as error:  # a file of that name, or no permission
        raise UnusableInputError(f"{directory}: cannot write the outputs here ({error.strerror or error})") from None
    names = output_names([r.path for r in results], suffix)
    for result in results:
        if not result.message:
            write_atomic(str(Path(directory) / names[result.path]), result.output.encode("utf-8"))


def batch_options(function: Callable) -> Callable:
    """``--jobs`` and ``--quiet``, shared by the batch commands."""
    function = click.option("-q", "--quiet", is_flag=True, help="No progress bar (it only shows on a terminal).")(
        function)
    return click.option("-j", "--jobs", type=click.IntRange(min=1), default=1, show_default=True, metavar="N",
                        help="Articles processed in parallel (processes) when given several files or a directory.")(
        function)  # fmt: skip
