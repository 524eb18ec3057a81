"""The labeller's tokens and features: glued numbers are cut, quotes of every kind are tracked, an
``In`` is told from the ``in`` of a title, the reference's shape is seen from every token, and the
place gazetteer knows the names books print."""

from __future__ import annotations

import json
from importlib import resources

from citeledger.references.features import sequence_features, tokenize
from citeledger.references.gazetteer import is_place
from citeledger.references.segments import LABELS
from citeledger.references.training.corpus import HANDMADE_FILES, load_handmade
from citeledger.references.training.labelling import LabelledText, label_rendering
from citeledger.references.training.train import as_tokens


def _words(text: str) -> list[str]:
    return [token.text for token in tokenize(text)]


def test_numbers_of_different_fields_glued_together_are_cut():
    assert _words("Neural Comput 9:1735-1780") == ["Neural", "Comput", "9:", "1735-1780"]
    assert _words("JAMA 2000;35(4):585-97.") == ["JAMA", "2000;", "35", "(4):", "585-97."]
    assert _words("Frankfurt a.M.:Suhrkamp") == ["Frankfurt", "a.M.:", "Suhrkamp"]


def test_tokens_without_a_field_boundary_are_kept_whole():
    assert _words("doi:10.1145/359545 arXiv:1810.04805 Titel:Untertitel (1999): 12-34") == [
        "doi:10.1145/359545", "arXiv:1810.04805", "Titel:Untertitel", "(1999):", "12-34",
    ]  # fmt: skip


def test_cut_tokens_keep_their_offsets():
    text = "Lancet 1997;349:1498"
    assert [text[t.start : t.end] for t in tokenize(text)] == [t.text for t in tokenize(text)]


def _flagged(text: str, flag: str) -> list[str]:
    tokens = tokenize(text)
    return [token.text for token, row in zip(tokens, sequence_features(tokens), strict=True) if flag in row]


def test_single_straight_quotes_open_and_close_a_title_but_an_elision_does_not():
    text = "Skinner, Q., 'Meaning and Understanding', History and Theory, 8 (1969) del '400"
    assert _flagged(text, "quoted") == ["'Meaning", "and", "Understanding',"]


def test_german_and_french_quotes_are_quotes():
    assert _flagged("Titel „Die Lage“ 1999", "quoted") == ["„Die", "Lage“"]
    assert _flagged("in «Studi veneziani», XII", "quoted") == ["«Studi", "veneziani»,"]


def test_in_inside_a_title_does_not_open_a_container():
    text = "Kantorowicz, E., The King's Two Bodies: A Study in Mediaeval Theology, in: Studi, 12"
    assert _flagged(text, "after_in") == ["Studi,", "12"]
    assert _flagged("Rossi, G., Storia, in «Studi», 3", "after_in") == ["«Studi»,", "3"]


def test_every_token_sees_what_comes_later_in_the_reference():
    text = "Müller, H. (1999): Titel. In: Zeitschrift 28 (3), S. 1-20."
    assert _flagged(text, "later_in")[-1] == "Titel."
    assert "Zeitschrift" in _flagged(text, "later_numbers")
    assert _flagged(text, "has_numbers") == _words(text)
    assert not _flagged("Weber, M., Wirtschaft, Tübingen 1922", "has_numbers")


def test_year_ranges_are_years():
    assert _flagged("Romanin, Storia, Venezia 1853-1861, 10 voll.", "year") == ["1853-1861,"]


def test_places_in_the_language_of_the_book_and_joined_places_are_known():
    for name in ("Venezia", "München", "Firenze", "Wien", "Roma-Bari", "Berlin/New", "Opladen", "Princeton"):
        assert is_place(name), name
    assert not is_place("Storia")


def test_titleless_articles_are_kept_other_renderings_without_a_title_are_dropped():
    article = {"type": "article-journal", "title": "On the quantum", "container-title": "Phys. Rev.",
               "author": [{"family": "Einstein", "given": "A."}], "volume": "47", "page": "777",
               "issued": {"date-parts": [[1935]]}}  # fmt: skip
    labelled = label_rendering("A. Einstein, Phys. Rev. 47, 777 (1935).", article)
    assert labelled == [
        ("A.", "author"), ("Einstein,", "author"), ("Phys.", "container-title"), ("Rev.", "container-title"),
        ("47,", "volume"), ("777", "pages"), ("(1935).", "date"),
    ]  # fmt: skip
    book = {**article, "type": "book", "container-title": ""}
    assert label_rendering("A. Einstein, Phys. Rev. 47, 777 (1935).", book) is None


def test_labelled_text_labels_each_token_by_most_of_its_characters():
    text = LabelledText()
    for label, part in (("author", "Lee,K."), (None, "("), ("date", "2003"), (None, ")."), ("title", "Spatial data")):
        text.put(part, label)
    assert text.tokens() == [("Lee,K.(2003).Spatial", "title"), ("data", "title")]  # 7 letters of title, 4 and 4


def test_training_sequences_are_cut_as_the_labeller_cuts():
    assert as_tokens([("Comput", "container-title"), ("9:1735-1780", "volume")]) == [
        ("Comput", "container-title"), ("9:", "volume"), ("1735-1780", "volume"),
    ]  # fmt: skip


def test_hand_annotated_training_references_exclude_the_development_sets():
    assert not any("dev" in name for name in HANDMADE_FILES)
    sequences = load_handmade()
    assert len(sequences) > 500
    folder = resources.files("citeledger.references.training")
    first = json.loads(folder.joinpath(HANDMADE_FILES[0]).read_text(encoding="utf-8").splitlines()[0])
    assert " ".join(token for token, _ in sequences[0]) == " ".join("".join(text for _, text in first).split())


def test_every_hand_annotated_reference_is_well_formed():
    folder = resources.files("citeledger.references.training")
    names = [*HANDMADE_FILES, "handmade_dev.jsonl", "handmade_dev_real.jsonl"]
    for name in names:
        for number, line in enumerate(folder.joinpath(name).read_text(encoding="utf-8").splitlines(), 1):
            segments = json.loads(line)
            assert segments and all(label in LABELS and text for label, text in segments), (name, number)
