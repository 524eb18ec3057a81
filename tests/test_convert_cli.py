"""``citeledger convert``: formats by extension or option, stdin/stdout, -o, exit codes, findings."""

import json

import pytest
from click.testing import CliRunner

from citeledger.cli import cli

BIB = """@book{chandler2000,
  author = {Chandler, David},
  title = {A History of Cambodia},
  edition = {4th},
  publisher = {Westview Press},
  address = {Boulder, Colorado},
  year = {2000},
  owner = {someone},
}
"""
ITEMS = [{"id": "picq1984", "type": "book", "author": [{"family": "Picq", "given": "Laurence"}],
          "title": "Au-delà du ciel", "issued": {"date-parts": [[1984]]}, "language": "fr"}]


def run(*args, input=None):
    return CliRunner().invoke(cli, ["convert", *args], input=input, catch_exceptions=False)


@pytest.fixture
def bib_file(tmp_path):
    path = tmp_path / "refs.bib"
    path.write_text(BIB, encoding="utf-8")
    return path


@pytest.fixture
def json_file(tmp_path):
    path = tmp_path / "refs.csl.json"
    path.write_text(json.dumps(ITEMS), encoding="utf-8")
    return path


def test_bib_to_csl_json_on_stdout_reports_what_is_not_carried(bib_file):
    result = run(str(bib_file))
    assert result.exit_code == 0  # CL205 is a warning
    [item] = json.loads(result.stdout)
    assert item["id"] == "chandler2000" and item["edition"] == "4" and item["publisher-place"] == "Boulder, Colorado"
    assert "owner" not in item
    assert "refs.bib:8:1: CL205 warning: `owner` of `chandler2000`" in result.stderr


def test_strict_turns_warnings_into_exit_1(bib_file):
    assert run(str(bib_file), "--strict").exit_code == 1
    assert run(str(bib_file), "--strict", "--ignore", "CL205").exit_code == 0


def test_csl_json_to_biblatex_file(json_file, tmp_path):
    out = tmp_path / "out.bib"
    result = run(str(json_file), "--to", "biblatex", "-o", str(out))
    assert result.exit_code == 0 and result.stdout == ""
    assert out.read_text(encoding="utf-8") == (
        "@book{picq1984,\n  author = {Picq, Laurence},\n  title = {{Au-delà du ciel}},\n  date = {1984},\n"
        "  langid = {french},\n}\n")


def test_output_extension_picks_the_format_and_dialect_option_works(json_file, tmp_path):
    out = tmp_path / "out.bib"
    assert run(str(json_file), "-o", str(out), "--dialect", "bibtex", "--ascii").exit_code == 0
    text = out.read_text(encoding="utf-8")
    assert "year = {1984}" in text and r"Au-del\`a" in text and text.isascii()


def test_stdin_and_stdout(tmp_path):
    result = run("-", "--from", "bibtex", "--to", "csl-json", input=BIB)
    assert json.loads(result.stdout)[0]["title"] == "A History of Cambodia"


def test_diagnostics_as_json(bib_file, tmp_path):
    result = run(str(bib_file), "-o", str(tmp_path / "x.json"), "--format", "json")
    [record] = json.loads(result.stdout)
    assert record["code"] == "CL205" and record["slug"] == "field-not-carried" and record["line"] == 8


def test_key_pattern(bib_file):
    result = run(str(bib_file), "--keys", "{family}{year}{title_word}")
    assert json.loads(result.stdout)[0]["id"] == "chandler2000history"
    assert run(str(bib_file), "--keys", "{nope}").exit_code == 2


@pytest.mark.parametrize(("args", "message"), [
    (["missing.bib"], "no such file"),
    (["refs.txt"], "--from"),
    (["."], "is a directory"),
])
def test_unusable_input_exits_2(tmp_path, monkeypatch, args, message):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "refs.txt").write_text("x", encoding="utf-8")
    result = run(*args)
    assert result.exit_code == 2
    assert message in result.stderr
    assert "Traceback" not in result.stderr


def test_bad_json_exits_2_with_position(tmp_path):
    path = tmp_path / "bad.json"
    path.write_text('[{"id": "a",\n  "type": }]', encoding="utf-8")
    result = run(str(path))
    assert result.exit_code == 2
    assert "bad.json:2:" in result.stderr and "not valid JSON" in result.stderr


def test_latin1_input_is_decoded_with_a_warning(tmp_path):
    path = tmp_path / "latin.bib"
    path.write_bytes("@book{k, title = {Résistance}}".encode("latin-1"))
    result = run(str(path))
    assert json.loads(result.stdout)[0]["title"] == "Résistance"
    assert "CL204" in result.stderr


def test_broken_bibtex_exits_1_and_keeps_the_good_entries(tmp_path):
    path = tmp_path / "broken.bib"
    path.write_text("@book{a, title = {A}}\n@book{b, title = {B},, year = }\n@book{c, title = {C}}\n",
                    encoding="utf-8")
    result = run(str(path))
    ids = [item["id"] for item in json.loads(result.stdout)]
    assert "a" in ids and "c" in ids
    assert result.exit_code == 1 and "CL201" in result.stderr


def test_dialect_conflicting_with_to_is_a_usage_error(bib_file):
    assert run(str(bib_file), "--to", "csl-json", "--dialect", "biblatex").exit_code == 2


def test_help_has_example():
    result = run("--help")
    assert "Example:\n    citeledger convert" in result.stdout
