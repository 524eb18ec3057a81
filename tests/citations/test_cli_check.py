"""``citeledger check`` and ``citeledger claims``: exit codes, output formats, the ledger schema, bad input."""

import csv
import io
import json
import time
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

from citeledger.cli import cli

REPO = Path(__file__).resolve().parents[2]
SCHEMA = json.loads((REPO / "docs" / "ledger.schema.json").read_text(encoding="utf-8"))

ARTICLE = """A Short Test Article

It rained for years in the north (Smith, 2001: 4). Harvests failed twice (Jones and Lee, 2003).

References

SMITH, Anna, 2001, Rain in the North, London: Verso.

JONES, Paul and LEE, Kim, 2003, Harvests, Paris: Seuil.
"""


def run(*args, stdin=None):
    return CliRunner().invoke(cli, list(args), input=stdin)


@pytest.fixture
def article(tmp_path):
    path = tmp_path / "article.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return str(path)


def test_clean_article_exits_0(article):
    result = run("check", article)
    assert result.exit_code == 0, result.output
    assert "2 citations, 2/2 items linked, 2 references; 0 errors" in result.output


def test_unresolved_citation_exits_1_with_position(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE.replace("(Smith, 2001: 4)", "(Smyth-Jones, 1990: 4)"), encoding="utf-8")
    result = run("check", str(path))
    assert result.exit_code == 1
    assert f"{path}:3:35: CL301 error: no reference matches" in result.output
    assert "hint: nearest references:" in result.output


def test_strict_select_ignore_and_uncited(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE.replace(" Harvests failed twice (Jones and Lee, 2003).", ""), encoding="utf-8")
    assert run("check", str(path)).exit_code == 0  # CL304 is a warning
    assert run("check", str(path), "--strict").exit_code == 1
    assert run("check", str(path), "--strict", "--ignore", "uncited-reference").exit_code == 0
    assert run("check", str(path), "--uncited", "error").exit_code == 1
    assert run("check", str(path), "--uncited", "ignore", "--strict").exit_code == 0
    assert run("check", str(path), "--select", "CL301", "--strict").exit_code == 0
    assert run("check", str(path), "--select", "CL999").exit_code == 2


def test_json_and_sarif(article):
    records = json.loads(run("check", article, "--format", "json", "--uncited", "error").output)
    assert records == []
    sarif = json.loads(run("check", article, "--format", "sarif").output)
    assert sarif["version"] == "2.1.0" and sarif["runs"][0]["results"] == []


def test_claims_json_validates_against_the_schema(article):
    result = run("claims", article, "--to", "json")
    assert result.exit_code == 0
    ledger = json.loads(result.output)
    jsonschema.validate(ledger, SCHEMA)
    assert [source["key"] for claim in ledger["claims"] for source in claim["sources"]] == ["smith2001", "jones2003"]
    assert ledger["claims"][0]["sources"][0]["locator"]["ranges"] == [["4", "4"]]


def test_claims_json_schema_on_hard_cases(tmp_path):
    text = ARTICLE.replace("(Jones and Lee, 2003)", "(Jones, 2003; Nobody, 1999: x-y; see Smith, 2001)")
    path = tmp_path / "a.txt"
    path.write_text(text, encoding="utf-8")
    ledger = json.loads(run("claims", str(path)).output)
    jsonschema.validate(ledger, SCHEMA)
    methods = [item["link"]["method"] for c in ledger["citations"] for item in c["items"]]
    assert methods == ["surname+year", "fuzzy", "unresolved", "surname+year"]


def test_claims_csv_and_markdown(article):
    rows = list(csv.reader(io.StringIO(run("claims", article, "--to", "csv").output)))
    assert rows[0] == ["claim", "line", "col", "text", "key", "locator"]
    assert [row[4:] for row in rows[1:]] == [["smith2001", "4"], ["jones2003", ""]]
    markdown = run("claims", article, "--to", "markdown").output
    assert "- **smith2001** (Smith 2001): claims 1" in markdown


def test_bib_option_and_own_entry_skipped(tmp_path, article):
    bib = tmp_path / "refs.bib"
    bib.write_text("@book{smith2001, author={Smith, Anna}, title={Rain in the North}, year={2001}}\n"
                   "@book{jones2003, author={Jones, Paul and Lee, Kim}, title={Harvests}, year={2003}}\n"
                   "@misc{self, author={Doe, Jane}, title={A Short Test Article}}\n", encoding="utf-8")
    result = run("check", article, "--bib", str(bib), "--strict")
    assert result.exit_code == 0, result.output


# Bad input: no reference list, empty, hostile parentheses, a long line, binary, missing file.

def test_no_reference_list_is_cl101_and_unresolved(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Title\n\nIt rained (Smith, 2001). It failed (Jones, 2003).\n", encoding="utf-8")
    result = run("check", str(path), "--format", "json")
    assert result.exit_code == 1
    codes = [record["code"] for record in json.loads(result.output)]
    assert codes.count("CL101") == 1 and codes.count("CL301") == 2


def test_empty_file(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_text("", encoding="utf-8")
    result = run("check", str(path))
    assert result.exit_code == 1 and "CL101" in result.output
    jsonschema.validate(json.loads(run("claims", str(path)).output), SCHEMA)


@pytest.mark.parametrize(
    "text",
    ["(" * 1_000_000, "(Smith, 2001" * 80_000, "x" * 100_000,
     "Some words about the war, and more words. " * 2300 + "(Smith, 2001)",
     ("Prose, prose and prose (Smith, 2001: 4). " + "x" * 1000) * 100],
    ids=["1MB-open-parens", "unclosed-citations", "100k-line", "100k-line-prose", "100k-line-100-citations"],
)
def test_hostile_input_is_fast(tmp_path, text):
    path = tmp_path / "big.txt"
    path.write_text(text, encoding="utf-8")
    started = time.perf_counter()
    result = run("check", str(path), "--format", "json")
    assert time.perf_counter() - started < 1.0
    assert result.exit_code in (0, 1), result.output


def test_binary_and_missing_files_exit_2(tmp_path, article):
    path = tmp_path / "a.pdf"
    path.write_bytes(bytes(range(256)) * 40)
    assert run("check", str(path)).exit_code == 2
    assert run("claims", str(path)).exit_code == 2
    assert run("check", str(tmp_path / "missing.txt")).exit_code == 2
    (tmp_path / "empty").mkdir()  # a directory is a batch (issue 6); one with no article in it is unusable
    assert run("check", str(tmp_path / "empty")).exit_code == 2
    missing_bib = run("check", article, "--bib", str(tmp_path / "missing.bib"))
    assert missing_bib.exit_code == 2 and "missing.bib: no such file" in missing_bib.output


def test_stdin(article):
    result = run("check", "-", stdin=ARTICLE)
    assert result.exit_code == 0, result.output


def test_check_files_in_parallel_gives_the_same_results(tmp_path):
    from citeledger.pipeline import check_files

    paths = []
    for number in range(4):
        text = ARTICLE if number % 2 == 0 else ARTICLE.replace("(Jones and Lee", "(Nobody")
        path = tmp_path / f"a{number}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(str(path))
    assert check_files(paths, jobs=2) == check_files(paths, jobs=1)
    # the odd articles cite a work that is not listed (CL301) and leave one that is uncited (CL304)
    assert [found for _, found in check_files(paths)] == [0, 2, 0, 2]
