"""Coverage-guided fuzz target (atheris) for the CSL-JSON reader: bytes → ``decode_bytes`` →
``parse_csljson`` → ``to_csljson`` → ``parse_csljson`` (a second read gives the same items).

Run: ``python tests/fuzz/fuzz_csljson.py [libFuzzer options] [corpus dir]``; see ``fuzz_bibtex.py``.
"""

from __future__ import annotations

from harness import fuzz, instrumented

with instrumented(__name__):
    from citeledger.errors import UnusableInputError
    from citeledger.io.csljson import parse_csljson, to_csljson
    from citeledger.io.textfile import decode_bytes


def _comparable(references):
    return [(r.id, r.type, dict(r.fields), dict(r.names), dict(r.dates)) for r in references]


def check(data: bytes) -> None:
    """Raises when the CSL-JSON reader misbehaves on ``data`` (UnusableInputError is its documented refusal)."""
    try:
        references, _ = parse_csljson(decode_bytes(data, "fuzz.json").text, "fuzz.json")
    except UnusableInputError:
        return
    again, _ = parse_csljson(to_csljson(references), "again.json")
    assert _comparable(again) == _comparable(references)


if __name__ == "__main__":
    fuzz(check)
