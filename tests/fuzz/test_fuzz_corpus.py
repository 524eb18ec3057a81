"""Replays the fuzz regression corpus (``tests/fuzz/corpus/<target>/``: every input that ever broke a
reader) through each target's property, without atheris, and checks that every target still runs."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
TARGETS = ("bibtex", "article", "references", "citations", "csljson")
CASES = [(target, path) for target in TARGETS for path in sorted((HERE / "corpus" / target).glob("*"))]


def load_target(target: str):
    if str(HERE) not in sys.path:  # the targets import their shared harness as scripts do
        sys.path.insert(0, str(HERE))
    spec = importlib.util.spec_from_file_location(f"fuzz_{target}", HERE / f"fuzz_{target}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize(("target", "path"), CASES, ids=[f"{t}/{p.name}" for t, p in CASES])
def test_regression_input_passes(target, path):
    load_target(target).check(path.read_bytes())


def test_the_corpus_is_not_empty():
    assert CASES, "tests/fuzz/corpus/ lost its regression inputs"


@pytest.mark.parametrize("target", TARGETS)
def test_target_checks_a_seed(target, monkeypatch):
    module = load_target(target)
    module.check(b"")
    module.check(b"\xff\xfe\x00")
    # the property is live: a reader that breaks its contract makes check() fail
    broken = {"bibtex": "parse_bibtex", "article": "parse_article", "references": "parse_reference_text",
              "citations": "extract_citations", "csljson": "parse_csljson"}[target]
    monkeypatch.setattr(module, broken, _raise)
    with pytest.raises(RuntimeError):
        module.check(b"SMITH, John, 2000, A Book, Paris: Plon.\n(Smith, 2000)\n@misc{k, title={x}}\n[{}]")


def _raise(*args, **kwargs):
    raise RuntimeError("a reader bug")
