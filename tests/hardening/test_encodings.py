"""Encodings and line endings through every command that reads files: UTF-8 with and without a BOM,
UTF-16 LE/BE with and without one, CP1252 and Latin-1 (read with a CL204 warning), invalid bytes, NUL
bytes, and CR, CRLF, LF mixed in one file. Each is decoded (the text comes out right, findings at the
right line:col) or refused with exit 2 and a message -- never a traceback."""

from __future__ import annotations

import codecs
import json

import pytest
from click.testing import CliRunner

from citeledger.cli import cli

# Each line of the article, so that every variant can be built with its own line ends.
ARTICLE_LINES = [
    "Ieng Sary",
    "",
    "3 February, 2008",
    "Chandler David",
    "",
    "Prose of the article (Short, 2007: 81). A claim with no source (Nobody, 1999: 3).",
    "",
    "References",
    "",
    "SHORT, Philip, 2007, Pol Pot. Anatomie d’un cauchemar, Paris: Denoël.",
    "",
    "Cite this item",
    "",
    "Chandler David, Ieng Sary, Mass Violence & Résistance, [online], published on: 3 February, 2008, "
    "ISSN 1961-9898",
]
UNRESOLVED_AT = (6, ARTICLE_LINES[5].index("Nobody") + 1)  # CL301 points at the cited item
BIB_LINES = [
    "% a comment",
    "@book{short2007,",
    "  author = {Short, Philip},",
    "  title = {Pol Pot. Anatomie d’un cauchemar},",
    "  publisher = {Denoël}, address = {Paris},",
    "  year = 2007,",
    "}",
    "@book{short2007,",
    "  title = {Clé en double}, year = 2007}",
]
DUPLICATE_AT = (8, 1)

ENCODINGS = {
    "utf-8": lambda text: text.encode("utf-8"),
    "utf-8-bom": lambda text: codecs.BOM_UTF8 + text.encode("utf-8"),
    "utf-16-le-bom": lambda text: codecs.BOM_UTF16_LE + text.encode("utf-16-le"),
    "utf-16-be-bom": lambda text: codecs.BOM_UTF16_BE + text.encode("utf-16-be"),
    "utf-16-le": lambda text: text.encode("utf-16-le"),
    "utf-16-be": lambda text: text.encode("utf-16-be"),
    "cp1252": lambda text: text.encode("cp1252"),
    "latin-1": lambda text: text.replace("’", "'").encode("latin-1"),
}
LEGACY = {"cp1252", "latin-1"}
# how to read back what tidy wrote: the same codec, the byte-order mark (if any) consumed
CODECS = {"utf-8": "utf-8", "utf-8-bom": "utf-8-sig", "utf-16-le-bom": "utf-16", "utf-16-be-bom": "utf-16",
          "utf-16-le": "utf-16-le", "utf-16-be": "utf-16-be", "cp1252": "cp1252", "latin-1": "latin-1"}
LINE_ENDS = {
    "lf": lambda lines: "\n".join(lines) + "\n",
    "crlf": lambda lines: "\r\n".join(lines) + "\r\n",
    "cr": lambda lines: "\r".join(lines) + "\r",
    "mixed": lambda lines: "".join(line + ("\n", "\r\n", "\r")[n % 3] for n, line in enumerate(lines)),
}


def invoke(*arguments: str):
    result = CliRunner().invoke(cli, list(arguments))
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert "Traceback" not in result.output
    return result


def findings(output: str) -> list[dict]:
    return json.loads(output[output.index("[") : output.rindex("]") + 1])


@pytest.mark.parametrize("ends", list(LINE_ENDS))
@pytest.mark.parametrize("encoding", list(ENCODINGS))
def test_check_finds_the_citation_at_the_same_line_col(tmp_path, encoding, ends):
    path = tmp_path / "article.txt"
    path.write_bytes(ENCODINGS[encoding](LINE_ENDS[ends](ARTICLE_LINES)))
    result = invoke("check", str(path), "--format", "json")
    assert result.exit_code == 1  # the unresolved citation is an error
    records = findings(result.stdout)
    unresolved = [r for r in records if r["code"] == "CL301"]
    assert [(r["line"], r["col"]) for r in unresolved] == [UNRESOLVED_AT]
    assert any(r["code"] == "CL204" for r in records) == (encoding in LEGACY)
    cited = [r for r in records if r["code"] == "CL304"]
    assert cited == []  # short2007 is linked, so the reference list was read right


@pytest.mark.parametrize("ends", ["lf", "cr", "mixed"])
@pytest.mark.parametrize("encoding", list(ENCODINGS))
def test_extract_and_cite_this_decode_the_text(tmp_path, encoding, ends):
    path = tmp_path / "article.txt"
    path.write_bytes(ENCODINGS[encoding](LINE_ENDS[ends](ARTICLE_LINES)))
    extracted = invoke("extract", str(path), "--to", "csl-json")
    assert extracted.exit_code in (0, 1)
    assert "Denoël" in extracted.stdout and "Résistance" in extracted.stdout
    cited = invoke("cite-this", str(path))
    assert cited.exit_code == 0
    assert "Résistance" in cited.stdout and "1961-9898" in cited.stdout


@pytest.mark.parametrize("ends", list(LINE_ENDS))
@pytest.mark.parametrize("encoding", list(ENCODINGS))
def test_bib_commands_decode_and_point_at_the_right_line(tmp_path, encoding, ends):
    path = tmp_path / "refs.bib"
    original = ENCODINGS[encoding](LINE_ENDS[ends](BIB_LINES))
    path.write_bytes(original)
    converted = invoke("convert", str(path), "--to", "csl-json", "-o", str(tmp_path / "refs.json"))
    assert converted.exit_code == 1  # CL202 duplicate key is an error
    assert f"refs.bib:{DUPLICATE_AT[0]}:{DUPLICATE_AT[1]}: CL202" in converted.stderr
    assert "Denoël" in (tmp_path / "refs.json").read_text(encoding="utf-8")
    formatted = invoke("format", str(path), "--style", "apa")
    # The first entry with a repeated key is formatted, as BibTeX and the linker use it.
    assert formatted.exit_code in (0, 1) and "Denoël" in formatted.stdout
    assert "Clé en double" not in formatted.stdout
    checked = invoke("tidy", str(path), "--check")
    assert checked.exit_code == 1
    assert f"refs.bib:{DUPLICATE_AT[0]}:{DUPLICATE_AT[1]}: CL202" in checked.stderr
    tidied = invoke("tidy", str(path), "-o", str(tmp_path / "tidy.bib"))
    assert tidied.exit_code == 1
    written = (tmp_path / "tidy.bib").read_bytes()
    # written back in the encoding (and byte-order mark) it was read in
    assert written[:2] == original[:2]
    assert "Denoël" in written.decode(CODECS[encoding])
    assert path.read_bytes() == original


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("nul-bytes", b"A Title\n\nProse (Smith, 2000).\x00\x00\x00\x00 more\x00\n" * 3),
        ("binary", bytes(range(256)) * 8),
        ("bom-lies", codecs.BOM_UTF8 + "é".encode("latin-1") + b" text"),
        ("utf-16-bom-odd-length", codecs.BOM_UTF16_LE + "References".encode("utf-16-le") + b"\x00"),
    ],
)
@pytest.mark.parametrize(
    "command",
    [["check"], ["extract"], ["cite-this"], ["tidy", "--check"], ["convert", "--to", "csl-json"], ["format"]],
)
def test_undecodable_input_exits_2_with_a_message(tmp_path, name, data, command):
    path = tmp_path / ("input.bib" if command[0] in ("tidy", "convert", "format") else "input.txt")
    path.write_bytes(data)
    result = invoke(command[0], str(path), *command[1:])
    assert result.exit_code == 2, (name, command, result.output[-500:])
    assert str(path) in result.stderr or "input." in result.stderr


def test_invalid_utf8_bytes_are_read_as_cp1252_with_a_warning(tmp_path):
    path = tmp_path / "article.txt"
    path.write_bytes(LINE_ENDS["lf"](ARTICLE_LINES).encode("utf-8").replace(b"Prose", b"Pr\xf3s\x81"))  # same length
    result = invoke("check", str(path), "--format", "json")
    records = findings(result.stdout)
    assert any(r["code"] == "CL204" for r in records)
    assert [(r["line"], r["col"]) for r in records if r["code"] == "CL301"] == [UNRESOLVED_AT]


def test_forced_encoding_that_does_not_fit_exits_2(tmp_path):
    path = tmp_path / "article.txt"
    path.write_bytes("Résistance".encode("utf-16-le"))
    result = invoke("check", str(path), "--encoding", "ascii")
    assert result.exit_code == 2 and "cannot be decoded as ascii" in result.stderr
