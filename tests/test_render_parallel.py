"""Parallel formatting (render.parallel): chunks run in forked workers, results come back in order, and a
long bibliography formats exactly as it does serially."""

from __future__ import annotations

import os
import random
import signal

import pytest

from citeledger.render import engine, parallel, styles

pytestmark = pytest.mark.skipif(not parallel.can_fork(), reason="forks only on Linux, single-threaded")


def _pids(chunk):
    return [(value, os.getpid()) for value in chunk]




def test_chunks_run_in_processes_and_come_back_in_order() -> None:
    values = list(range(5 * parallel.MIN_CHUNK))
    results = parallel.map_chunks(_pids, values, jobs=3)
    assert [value for value, _ in results] == values
    pids = [pid for _, pid in results]
    assert len(set(pids)) == 3 and set(pids[: len(values) // 3]) == {os.getpid()}  # the first chunk runs here


def test_short_lists_and_one_job_stay_in_this_process() -> None:
    assert {pid for _, pid in parallel.map_chunks(_pids, list(range(parallel.MIN_CHUNK)), jobs=4)} == {os.getpid()}
    assert {pid for _, pid in parallel.map_chunks(_pids, list(range(500)), jobs=1)} == {os.getpid()}


def _nested(chunk):
    return [len({pid for _, pid in parallel.map_chunks(_pids, list(range(500)), jobs=2)})] * len(chunk)


def test_no_forks_inside_a_run() -> None:
    assert set(parallel.map_chunks(_nested, list(range(200)), jobs=2)) == {1}


def _fail_in_child(chunk):
    if os.getpid() != PARENT:
        raise ValueError("bad chunk")
    return list(chunk)


def _die_in_child(chunk):
    if os.getpid() != PARENT:
        os.kill(os.getpid(), signal.SIGKILL)
    return list(chunk)


PARENT = os.getpid()


def test_a_child_error_reaches_the_caller() -> None:
    with pytest.raises(ValueError, match="bad chunk"):
        parallel.map_chunks(_fail_in_child, list(range(200)), jobs=2)


def test_a_killed_child_is_an_error_not_a_hang() -> None:
    with pytest.raises(RuntimeError, match="died"):
        parallel.map_chunks(_die_in_child, list(range(200)), jobs=2)
    assert parallel.map_chunks(_pids, list(range(200)), jobs=2)  # and the next run works


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


def test_groups_of_colliding_works_settle_in_parallel_as_serially(monkeypatch) -> None:
    # 240 works in few names and years collide in many groups; small chunks make the groups run in two processes
    monkeypatch.setattr(parallel, "MIN_CHUNK", 4)
    items = _items(240)
    style = engine.load_style(styles.resolve_style("apa"))
    serial = engine.format_items(items, style, jobs=1)
    assert any("1990a" in entry.text for entry in serial.entries)
    assert engine.format_items(items, style, jobs=2) == serial


def test_a_sort_computes_all_its_macro_keys_in_one_round(monkeypatch) -> None:
    # APA sorts its bibliography on several macros: one round of forks for all of them, not one per key
    forks: list[int] = []
    real_fork = parallel._fork
    monkeypatch.setattr(parallel, "_fork", lambda function, chunk: forks.append(1) or real_fork(function, chunk))
    style = engine.load_style(styles.resolve_style("apa"))
    bibliography_sort = style.root.bibliography.find("{http://purl.org/net/xbiblio/csl}sort")
    assert sum("macro" in key.attrib for key in bibliography_sort) > 2
    during: list[int] = []
    sort = type(bibliography_sort).sort

    def counted(self, items, context):
        before = len(forks)
        try:
            return sort(self, items, context)
        finally:
            during.append(len(forks) - before)

    monkeypatch.setattr(type(bibliography_sort), "sort", counted)
    items = _items(240)
    assert engine.format_items(items, style, jobs=2) == engine.format_items(items, style, jobs=1)
    assert during[0] == 1  # the first sort is the bibliography's, of all 240 works: one child
