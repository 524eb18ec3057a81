"""The statistical labeller: the shipped model loads and labels, the training corpus and the model
are rebuilt identically from a seed, and the generated labels come from the item's own values."""

from __future__ import annotations

import pytest

from citeledger.references import label_reference, parse_reference
from citeledger.references.labeller import load_tagger
from citeledger.references.normalizers.draft import LOW_CONFIDENCE
from citeledger.references.training.generate import make_items
from citeledger.references.training.labelling import label_rendering
from citeledger.references.training.train import build_model


def test_shipped_model_loads_and_labels_a_reference_no_template_takes():
    assert load_tagger() is not None
    text = "Weber M (1922) Wirtschaft und Gesellschaft. Mohr, Tübingen"
    labelling = label_reference(text)
    assert labelling.method == "crf"
    assert labelling.values("date") == ["(1922)"]
    assert "Weber" in " ".join(labelling.values("author"))
    assert 0.0 < labelling.confidence <= 1.0
    assert len(labelling.tokens) == len(text.split())


def test_low_confidence_fields_are_reported_not_written():
    _, diagnostics, labelling = parse_reference("zzz qqq 77 ;; ## xx-yy ,, (( ]] 5 t")
    doubtful = [s for s in labelling.segments if s.label != "other" and s.confidence < LOW_CONFIDENCE]
    messages = [d.message for d in diagnostics if d.code == "CL102"]
    assert len(messages) >= len(doubtful)
    for segment in doubtful:
        assert any(labelling.text[segment.start : segment.end] in m for m in messages)


def test_label_rendering_finds_each_field():
    item = {"id": "x", "type": "article-journal", "title": "A History of Things", "container-title": "Revue urbaine",
            "author": [{"family": "Dupont", "given": "Jean"}], "issued": {"date-parts": [[1998]]},
            "volume": "12", "issue": "3", "page": "45-67"}  # fmt: skip
    tokens = label_rendering("DUPONT, J. (1998). A history of things. Revue urbaine, 12(3), 45–67.", item)
    assert tokens == [
        ("DUPONT,", "author"), ("J.", "author"), ("(1998).", "date"), ("A", "title"), ("history", "title"),
        ("of", "title"), ("things.", "title"), ("Revue", "container-title"), ("urbaine,", "container-title"),
        ("12", "volume"), ("(3),", "issue"), ("45–67.", "pages"),
    ]  # fmt: skip
    assert label_rendering("Nothing of the kind.", item) is None  # no title found: dropped, not mislabelled


def test_generated_items_depend_only_on_the_seed():
    assert make_items(50, seed=3) == make_items(50, seed=3)
    assert make_items(50, seed=3) != make_items(50, seed=4)


@pytest.mark.slow
def test_model_is_rebuilt_identically(tmp_path):
    first, second = tmp_path / "a.crfsuite", tmp_path / "b.crfsuite"
    stats = build_model(first, count=24, seed=5)
    build_model(second, count=24, seed=5)
    assert stats["sequences"] > 20
    assert first.read_bytes() == second.read_bytes()
