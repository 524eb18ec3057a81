"""Coverage-guided fuzz target (atheris) for the BibTeX reader: bytes → ``decode_bytes`` →
``parse_bibtex`` → ``from_bibtex`` and ``tidy_bibtex``.

Run: ``python tests/fuzz/fuzz_bibtex.py [libFuzzer options] [corpus dir]`` (``tests/fuzz/run.py`` runs every
target for a fixed budget). ``check`` is the property; ``tests/fuzz/test_fuzz_corpus.py`` replays the
regression corpus through it without atheris.
"""

from __future__ import annotations

from harness import fuzz, instrumented

with instrumented(__name__, ("citeledger", "bibtexparser")):
    from citeledger.errors import UnusableInputError
    from citeledger.io.bibtex import parse_bibtex, render_bibtex
    from citeledger.io.bibtex_items import from_bibtex
    from citeledger.io.textfile import decode_bytes
    from citeledger.tidy import tidy_bibtex


def check(data: bytes) -> None:
    """Raises (AssertionError or the bug's own exception) when the reader misbehaves on ``data``."""
    try:
        text = decode_bytes(data, "fuzz.bib").text
    except UnusableInputError:
        return  # binary or undecodable input is refused, as documented
    bib = parse_bibtex(text, "fuzz.bib")
    for block in bib.blocks:
        assert text[block.start : block.end] == block.raw, block
    assert render_bibtex(bib) == text
    references, _ = from_bibtex(bib)
    for reference in references:
        assert text[reference.span.start : reference.span.end] == reference.raw
    tidied = tidy_bibtex(bib, "all")
    assert len(parse_bibtex(tidied.text).blocks) >= len(bib.entries)


if __name__ == "__main__":
    fuzz(check)
