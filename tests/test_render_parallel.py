"""Parallel formatting (render.parallel): chunks run in forked workers, results come back in order, and a
long bibliography formats exactly as it does serially."""

from __future__ import annotations

import os
import random
import time

import pytest

from citeledger.render import engine, parallel, styles

pytestmark = pytest.mark.skipif(not parallel._can_fork(), reason="needs fork")


def _pids(chunk):
    return [(value, os.getpid()) for value in chunk]


def _slow_pids(chunk):
    time.sleep(0.3)  # long enough that each worker takes one chunk
    return _pids(chunk)


def test_chunks_run_in_workers_and_come_back_in_order() -> None:
    values = list(range(5 * parallel.MIN_CHUNK))
    results = parallel.map_chunks(_slow_pids, values, jobs=2)
    assert [value for value, _ in results] == values
    workers = {pid for _, pid in results}
    assert len(workers) == 2 and os.getpid() not in workers


def test_short_lists_and_one_job_stay_in_this_process() -> None:
    assert {pid for _, pid in parallel.map_chunks(_pids, list(range(parallel.MIN_CHUNK)), jobs=4)} == {os.getpid()}
    assert {pid for _, pid in parallel.map_chunks(_pids, list(range(500)), jobs=1)} == {os.getpid()}


def _nested(chunk):
    return [len({pid for _, pid in parallel.map_chunks(_pids, list(range(500)), jobs=2)})] * len(chunk)


def test_no_pools_inside_workers() -> None:
    assert set(parallel.map_chunks(_nested, list(range(200)), jobs=2)) == {1}


def _fail(chunk):
    raise ValueError("bad chunk")


def test_a_worker_error_reaches_the_caller() -> None:
    with pytest.raises(ValueError, match="bad chunk"):
        parallel.map_chunks(_fail, list(range(200)), jobs=2)


def _items(count: int) -> list[dict]:
    rng = random.Random(11)
    families = ("Chandler", "Kiernan", "Short", "van der Kroef", "Éluard", "Heder")
    items = []
    for number in range(count):
        authors = [{"family": rng.choice(families), "given": rng.choice(("David", "Ben", "Anne"))}
                   for _ in range(rng.choice((1, 2, 4)))]
        item = {"id": f"w{number}", "type": rng.choice(("book", "article-journal")), "author": authors,
                "title": f"Work {rng.randint(1, 60)} on {rng.choice(('war', 'memory', 'justice'))}",
                "issued": {"date-parts": [[rng.randint(1990, 1996)]]}, "publisher": "Plon"}
        items.append(item)
    return items


@pytest.mark.parametrize("style_id", ["apa", "modern-language-association", "ieee"])
def test_parallel_output_is_the_serial_output(style_id: str) -> None:
    # same names and years recur: sorting, year suffixes and MLA's "———" substitution cross chunk borders
    items = _items(240)
    style = engine.load_style(styles.resolve_style(style_id))
    cites = [[engine.Cite("w3", "12")], [engine.Cite("w7"), engine.Cite("w200")]]
    serial = engine.format_items(items, style, cites=cites, jobs=1)
    parallel_run = engine.format_items(items, style, cites=cites, jobs=2)
    assert parallel_run == serial
    assert len(serial.entries) == 240
    if style_id == "modern-language-association":
        assert sum(entry.text.startswith("———") for entry in serial.entries) > 10
