"""Run one function over chunks of a long sequence in forked worker processes, results in order.

Formatting a large bibliography spends its time in three loops whose items do not depend on each other:
sort keys, each work's citation alone (for disambiguation) and bibliography entries. ``map_chunks`` cuts
such a loop into one contiguous chunk per worker and runs the chunks in processes forked from this one,
so that the workers see the parsed style and the items as they are at that moment (nothing is pickled
but the chunk's results). Where fork is unavailable, inside a worker process (no nested pools), for one
job or for short sequences, the function runs here on the whole sequence: the same code path, serially.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")

MIN_CHUNK = 40  # below ~40 items per worker, forking costs more than it saves

_task: Callable[[Any], list] | None = None  # the chunk function, inherited by the forked workers


def available_cores() -> int:
    """The cores this process may run on (its affinity mask where the platform has one)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


def _can_fork() -> bool:
    return (
        "fork" in multiprocessing.get_all_start_methods()
        and multiprocessing.parent_process() is None  # already a worker (e.g. of a batch run): stay serial
    )


def map_chunks(
    function: Callable[[Sequence[Item]], Sequence[Result]], items: Sequence[Item], *, jobs: int | None = None
) -> list[Result]:
    """``function`` maps a chunk of ``items`` to one result per item; returns the results for all items,
    in order. ``jobs`` is the number of processes (None: one per available core)."""
    jobs = available_cores() if jobs is None else jobs
    workers = min(jobs, len(items) // MIN_CHUNK)
    if workers <= 1 or not _can_fork():
        return list(function(items))
    size = -(-len(items) // workers)
    chunks = [items[start:start + size] for start in range(0, len(items), size)]
    global _task
    _task = lambda index: list(function(chunks[index]))  # noqa: E731 — read by _run in the workers
    try:
        with multiprocessing.get_context("fork").Pool(len(chunks)) as pool:
            parts = pool.map(_run, range(len(chunks)), chunksize=1)
    finally:
        _task = None
    return [result for part in parts for result in part]


def _run(index: int) -> list:
    assert _task is not None, "map_chunks sets the task before forking"
    return _task(index)


class ParallelSortKeys:
    """cs:key mixin: the macro sort keys of a long list are computed in worker processes. The root's
    ``citeledger_jobs`` (set by the engine for each run) says how many; variable keys are cheap."""

    def sort_keys(self, items, context):
        compute = super().sort_keys
        if "macro" not in self.attrib:
            return compute(items, context)
        jobs = vars(self.getroottree().getroot()).get("citeledger_jobs", 1)
        return map_chunks(lambda chunk: compute(chunk, context), items, jobs=jobs)
