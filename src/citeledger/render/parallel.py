"""Run one function over chunks of a long sequence in forked processes, results in order.

Formatting a large bibliography spends its time in three loops whose items do not depend on each other:
sort keys, each work's citation alone (for disambiguation) and bibliography entries. ``map_chunks`` cuts
such a loop into one contiguous chunk per job, forks a child for each chunk but the first, which it runs
itself, and reads the children's results back through pipes. The children see the parsed style and the
items as they are at that moment: nothing is pickled but each chunk's results.

Serial (the same function on the whole sequence, here) for one job, for short sequences, off Linux (fork
is only safe by default there), in a process with other threads, and inside a worker (of ours or of a
``multiprocessing`` pool, e.g. a batch run): no nested forks. A child that fails sends its exception
back; one that dies (a signal, the OOM killer) is reported as a ``RuntimeError`` rather than awaited.
"""

from __future__ import annotations

import multiprocessing
import os
import pickle
import sys
import threading
from collections.abc import Callable, Sequence
from multiprocessing.connection import Connection
from typing import TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")

MIN_CHUNK = 40  # below ~40 items per job, forking costs more than it saves

_running = False  # inside map_chunks (in the parent or a child): nested calls stay serial


def available_cores() -> int:
    """The cores this process may run on (its affinity mask where the platform has one)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


def can_fork() -> bool:
    return (
        sys.platform.startswith("linux")
        and not _running
        and multiprocessing.parent_process() is None
        and threading.active_count() == 1
    )


def map_chunks(
    function: Callable[[Sequence[Item]], Sequence[Result]], items: Sequence[Item], *, jobs: int | None = None
) -> list[Result]:
    """``function`` maps a chunk of ``items`` to one result per item; returns the results for all items,
    in order. ``jobs`` is the number of processes, this one included (None: one per available core)."""
    jobs = available_cores() if jobs is None else jobs
    count = min(jobs, len(items) // MIN_CHUNK)
    if count <= 1 or not can_fork():
        return list(function(items))
    size = -(-len(items) // count)
    chunks = [items[start:start + size] for start in range(0, len(items), size)]
    global _running
    _running = True
    try:
        children = [_fork(function, chunk) for chunk in chunks[1:]]
        try:
            results = list(function(chunks[0]))
        finally:  # every child is read and reaped, whatever happened here
            outcomes = [_collect(*child) for child in children]
    finally:
        _running = False
    for kind, payload in outcomes:
        if kind != "ok":
            raise payload
        results.extend(payload)
    return results


def _fork(function, chunk) -> tuple[int, int]:
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid:
        os.close(write_end)
        return pid, read_end
    os.close(read_end)  # the child: run, send, and leave without running the parent's exit handlers
    status = 0
    try:
        try:
            message = pickle.dumps(("ok", list(function(chunk))), pickle.HIGHEST_PROTOCOL)
        except BaseException as error:  # sent to the parent, which raises it
            message = _pickled_error(error)
        with Connection(write_end, readable=False) as pipe:
            pipe.send_bytes(message)
    except BaseException:  # nothing can be sent: the parent reads no data and reports a dead child
        status = 1
    finally:
        os._exit(status)


def _pickled_error(error: BaseException) -> bytes:
    try:
        return pickle.dumps(("error", error), pickle.HIGHEST_PROTOCOL)
    except Exception:  # an exception that does not pickle travels as its description
        return pickle.dumps(("error", RuntimeError(f"{type(error).__name__}: {error}")))


def _collect(pid: int, read_end: int) -> tuple[str, object]:
    """("ok", results) or ("error", exception) from one child, once it has exited."""
    with Connection(read_end, writable=False) as pipe:
        try:
            data = pipe.recv_bytes()
        except (EOFError, OSError):  # the child died before or while sending
            data = b""
    _, status = os.waitpid(pid, 0)
    if not data:
        return "error", RuntimeError(f"a formatting worker process died (wait status {status})")
    try:
        return pickle.loads(data)  # written by our own child
    except Exception as error:  # e.g. an exception class whose constructor takes other arguments
        return "error", RuntimeError(f"a formatting worker's result could not be read: {error}")


class ParallelSortKeys:
    """cs:key mixin: the macro sort keys of a long list are computed in forked processes. The root's
    ``citeledger_jobs`` (set by the engine for each run) says how many; variable keys are cheap. Keys
    already computed for this very list by its cs:sort (``ParallelSort``) are returned as they are."""

    citeledger_computed = None  # (items, keys), set by ParallelSort for one sort

    def sort_keys(self, items, context):
        computed = self.citeledger_computed
        if computed is not None and computed[0] is items:
            return computed[1]
        compute = super().sort_keys
        if "macro" not in self.attrib:
            return compute(items, context)
        jobs = vars(self.getroottree().getroot()).get("citeledger_jobs", 1)
        return map_chunks(lambda chunk: compute(chunk, context), items, jobs=jobs)


class ParallelSort:
    """cs:sort mixin: all its macro keys of a long list are computed in one round of forked processes
    (rather than one round per key), then the engine sorts on them as usual."""

    def sort(self, items, context):
        keys = [key for key in self.iterchildren() if isinstance(key, ParallelSortKeys) and "macro" in key.attrib]
        jobs = vars(self.getroottree().getroot()).get("citeledger_jobs", 1)
        if len(keys) < 2 or not can_fork():
            return super().sort(items, context)

        def compute(chunk):
            columns = [key.sort_keys(chunk, context) for key in keys]  # nested: serial in a worker
            return list(zip(*columns, strict=True))

        rows = map_chunks(compute, items, jobs=jobs)
        try:
            for index, key in enumerate(keys):
                key.citeledger_computed = (items, [row[index] for row in rows])
            return super().sort(items, context)
        finally:
            for key in keys:
                key.citeledger_computed = None
