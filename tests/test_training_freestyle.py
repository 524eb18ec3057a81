"""The freestyle training references: hand-coded humanities conventions, labelled as they are written."""

from __future__ import annotations

import itertools
import random
import re

import pytest

from citeledger.references.segments import LABELS
from citeledger.references.training import freestyle
from citeledger.references.training.labelling import LabelledText


def _references(count: int, seed: int = 7) -> list[list[tuple[str, str]]]:
    rng = random.Random(seed)
    return [freestyle.write_reference(rng) for _ in range(count)]


def test_writer_labels_each_token_by_most_of_its_letters():
    w = LabelledText()
    w.put("Rossi", "author")
    w.put(", ")
    w.put("Storia di Venezia", "title")
    w.put(", ")
    w.put("Roma", "location")
    w.put(" ")
    w.put("1990", "date")
    w.put(".")
    assert w.tokens() == [("Rossi,", "author"), ("Storia", "title"), ("di", "title"), ("Venezia,", "title"),
                          ("Roma", "location"), ("1990.", "date")]  # fmt: skip


def test_a_token_of_separators_only_takes_the_label_around_it_or_other():
    w = LabelledText()
    w.put("«", "container-title")
    w.put("Studi", "container-title")
    w.put(" - ")
    assert w.tokens() == [("«Studi", "container-title"), ("-", "other")]


def test_the_same_seed_writes_the_same_references():
    assert _references(50, seed=3) == _references(50, seed=3)
    assert _references(50, seed=3) != _references(50, seed=4)


def test_references_carry_known_labels_and_the_fields_every_reference_has():
    for sequence in _references(400):
        labels = {label for _, label in sequence}
        assert labels <= set(LABELS)
        assert labels & {"author", "editor"}, sequence
        assert "title" in labels, sequence
        assert all(token.strip() for token, _ in sequence)


def _fields(sequence: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Runs of tokens with one label, as (label, text)."""
    fields: list[tuple[str, str]] = []
    for token, label in sequence:
        if fields and fields[-1][0] == label:
            fields[-1] = (label, f"{fields[-1][1]} {token}")
        else:
            fields.append((label, token))
    return fields


def test_numbers_sit_where_their_labels_say():
    for sequence in _references(400):
        for label, text in _fields(sequence):
            if label in ("date", "pages"):
                assert re.search(r"\d", text), (text, label)
            if label in ("volume", "issue"):
                assert re.search(r"\d|[IVXLC]", text), (text, label)


def test_the_conventions_are_all_drawn():
    """Chapters with a container, articles with volumes, imprints with places and publishers."""
    seen = {label for sequence in _references(400) for _, label in sequence}
    assert {"container-title", "volume", "issue", "pages", "location", "publisher", "editor"} <= seen
    text = " ".join(token for sequence in _references(400) for token, _ in sequence)
    assert "a cura di" in text or "a c. di" in text
    assert "S." in text.split() and "In:" in text.split()


@pytest.mark.parametrize(
    ("form", "pattern"),
    [("FAMILY, Given", r"[^a-zß-ÿ,]+, [^\Wa-z][\w -]+"), ("Family (Given)", r".+ \(.+\)"),
     ("G. Family", r"(?:[A-Z]\. ?)+ .+"), ("Family G.", r".+ (?:[A-Z]\. ?)+"), ("Family G", r"\S.* [A-Z]+")],
)  # fmt: skip
def test_name_forms(form, pattern):
    rng = random.Random(1)
    for _ in range(30):
        assert re.fullmatch(pattern, freestyle._name(rng, "it", form))


def test_short_references_point_back_with_cit_and_pages():
    rng = random.Random(2)
    for _ in range(50):
        sequence = freestyle.write_short_reference(rng)
        tokens = [token for token, _ in sequence]
        labels = [label for _, label in sequence]
        assert labels[0] == "author" and "pages" in labels
        assert any(word in " ".join(tokens) for word in ("cit.", "a.a.O."))


def test_sigla_are_capital_initials():
    rng = random.Random(5)
    for _ in range(50):
        siglum = freestyle._siglum(rng, ["storia", "rivista", "archivio", "studi"])
        assert re.fullmatch(r"[A-Z][A-Zfd]{1,4}", siglum) and siglum[-1].isupper()


@pytest.mark.parametrize("lang", freestyle.LANGS)
def test_dates_inside_titles_hold_a_year_or_a_century(lang):
    rng = random.Random(6)
    for _ in range(30):
        date = freestyle._title_date(rng, lang)
        assert re.search(r"\d|[IVX]{2,}|\b[IVX]e\b", date), date


def test_later_conventions_are_drawn():
    """Imprints in brackets, journals cited by siglum, institutions as publishers, pages right after
    a chapter's editors, a footnote's pointer before the reference."""
    sequences = _references(3000, seed=11)
    texts = [" ".join(token for token, _ in sequence) for sequence in sequences]
    assert any(token.startswith("(") and label == "location" for s in sequences for token, label in s)
    assert any(re.fullmatch(r"[A-Z][A-Zfd]{1,4},?", t) and label == "container-title" for s in sequences
               for t, label in s)  # fmt: skip
    publishers = " ".join(t for s in sequences for t, label in s if label == "publisher")
    assert all(word in publishers for word in ("Istituto", "Presses universitaires", "University Press"))
    assert any(text.startswith(("Cfr.", "Vgl.", "See ", "Cf. ")) for text in texts)
    chapters_paged_early = [s for s in sequences if _editor_then_pages(s)]
    assert chapters_paged_early


def _editor_then_pages(sequence: list[tuple[str, str]]) -> bool:
    labels = [label for label, _ in _fields(sequence) if label != "other"]
    return any(a == "editor" and b == "pages" for a, b in itertools.pairwise(labels))
