"""The statistical labeller: a linear-chain CRF (python-crfsuite) over whitespace tokens.

The model ships with the package (``data/refcrf.crfsuite``, built by ``training/train.py``) and is
loaded once, on first use. Each segment's confidence is the mean marginal probability of its
tokens' labels; the labelling's confidence is the probability of the whole label sequence.
"""

from __future__ import annotations

from functools import cache
from importlib import resources

import pycrfsuite

from citeledger.references.features import sequence_features, tokenize
from citeledger.references.segments import Labelling, Segment, make_segment

MODEL = "refcrf.crfsuite"
MAX_TOKENS = 600  # longer strings are labelled in their first MAX_TOKENS tokens only


@cache
def load_tagger() -> pycrfsuite.Tagger | None:
    """The shipped model, or None when it is missing (the parser then reports CL102)."""
    model = resources.files("citeledger.references").joinpath("data", MODEL)
    if not model.is_file():
        return None
    tagger = pycrfsuite.Tagger()
    with resources.as_file(model) as path:
        tagger.open(str(path))
    return tagger


def _segments(text: str, tokens, labels: list[str], marginals: list[float]) -> list[Segment]:
    segments: list[Segment] = []
    start = 0
    for index in range(1, len(tokens) + 1):
        if index == len(tokens) or labels[index] != labels[start]:
            confidence = sum(marginals[start:index]) / (index - start)
            segment = make_segment(labels[start], text, tokens[start].start, tokens[index - 1].end, confidence)
            if segment:
                segments.append(segment)
            start = index
    return segments


def label(text: str) -> Labelling | None:
    """Takes one reference string; returns its labelling, or None without a model or tokens."""
    tagger = load_tagger()
    tokens = tokenize(text)[:MAX_TOKENS]
    if tagger is None or not tokens:
        return None
    labels = tagger.tag(sequence_features(tokens))
    marginals = [tagger.marginal(tag, index) for index, tag in enumerate(labels)]
    explained = tuple((token.text, tag, p) for token, tag, p in zip(tokens, labels, marginals, strict=True))
    segments = _segments(text, tokens, labels, marginals)
    return Labelling(text, tuple(segments), "crf", tagger.probability(labels), explained)
