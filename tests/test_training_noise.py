"""The damage noise.py does to training references: realistic, seeded, and the labels stay with their tokens."""

from __future__ import annotations

import random

from citeledger.references.training import noise

SEQUENCE = [("ROSSI,", "author"), ("Mario,", "author"), ("Storia", "title"), ("di", "title"), ("Venezia,", "title"),
            ("Roma:", "location"), ("Laterza,", "publisher"), ("1990.", "date")]  # fmt: skip


def test_the_same_seed_does_the_same_damage():
    first = [noise.roughen(SEQUENCE, random.Random(seed)) for seed in range(40)]
    again = [noise.roughen(SEQUENCE, random.Random(seed)) for seed in range(40)]
    assert first == again
    assert any(damaged != SEQUENCE for damaged in first)


def test_labels_keep_their_order_and_no_label_is_invented():
    labels = [label for _, label in SEQUENCE]
    for seed in range(200):
        damaged = noise.roughen(SEQUENCE, random.Random(seed))
        kept = [label for _, label in damaged]
        assert len(damaged) <= len(SEQUENCE)
        iterator = iter(labels)
        assert all(label in iterator for label in kept)  # a subsequence: run-together tokens drop one label
        assert all(token for token, _ in damaged)


def test_runs_together_only_after_punctuation_and_the_longer_part_keeps_its_label():
    sequence = [("Rossi,", "author"), ("G.", "author"), ("Storia", "title"), ("veneta", "title")]
    glued = noise._run_together(sequence, random.Random(0), rate=1.0)
    # "Rossi," + "G." then "G." ends in a stop too, so "Storia" joins: the longer part wins the label
    assert glued == [("Rossi,G.Storia", "author"), ("veneta", "title")]
    assert noise._run_together(sequence, random.Random(0), rate=0.0) == sequence


def test_punctuation_damage_touches_only_a_final_stop():
    rng = random.Random(3)
    for _ in range(50):
        assert noise._punctuation("Venezia", rng) == "Venezia"
        damaged = noise._punctuation("Venezia,", rng)
        assert damaged == "Venezia" or (damaged[:-1] == "Venezia" and damaged[-1] in ".,;:")


def test_ocr_damage_swaps_one_confusable_letter():
    rng = random.Random(4)
    changed = 0
    for _ in range(200):
        damaged = noise._ocr("Einaudi", rng)
        assert abs(len(damaged) - len("Einaudi")) <= 1
        changed += damaged != "Einaudi"
    assert changed > 0
    assert noise._ocr("XYZ", rng) == "XYZ"  # nothing confusable


def test_case_damage_lowers_everything_or_raises_names():
    outcomes = set()
    for seed in range(400):
        damaged = noise.roughen(SEQUENCE, random.Random(seed))
        text = " ".join(token for token, _ in damaged)
        if text == text.lower():
            outcomes.add("lower")
        names = [token for token, label in damaged if label == "author"]
        rest = [token for token, label in damaged if label == "title"]
        if all(n == n.upper() for n in names) and any(t != t.upper() for t in rest):
            outcomes.add("names upper")
    assert outcomes == {"lower", "names upper"}
