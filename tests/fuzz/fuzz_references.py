"""Coverage-guided fuzz target (atheris) for the reference-string parser: bytes → ``decode_bytes`` →
``parse_reference_text`` (templates, labeller, normalizers, keys) with each method.

Run: ``python tests/fuzz/fuzz_references.py [libFuzzer options] [corpus dir]``; see ``fuzz_bibtex.py``.
"""

from __future__ import annotations

from harness import fuzz, instrumented

with instrumented(__name__):
    from citeledger.errors import UnusableInputError
    from citeledger.io.textfile import decode_bytes
    from citeledger.references import METHODS
    from citeledger.references.extract import parse_reference_text


def check(data: bytes) -> None:
    """Raises when the reference parser misbehaves on ``data``."""
    try:
        text = decode_bytes(data, "fuzz.txt").text
    except UnusableInputError:
        return
    for method in METHODS:
        result = parse_reference_text(text, "fuzz", method)
        for reference in result.references:
            assert text[reference.span.start : reference.span.end].split() == reference.raw.split(), reference
        for labelling in result.labellings:
            for segment in labelling.segments:
                assert 0 <= segment.start < segment.end <= len(labelling.text), segment


if __name__ == "__main__":
    fuzz(check)
