"""``citeledger format``, ``styles`` and ``cite-this`` through click: output, messages and exit codes."""

from __future__ import annotations

import datetime
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from citeledger.cli import cli
from citeledger.model import Date, Name, Reference
from citeledger.render import cite_this
from citeledger.render.bibliography import parse_cite

REPO = Path(__file__).resolve().parents[1]
SAMPLE_ITEMS = str(REPO / "tests" / "data" / "sample-items.json")


def run(*args: str):
    return CliRunner().invoke(cli, list(args))


def test_format_json_with_citations() -> None:
    result = run("format", SAMPLE_ITEMS, "--style", "apa", "--cite", "short2007:81, 93", "--cite", "picq1984")
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[:2] == ["(Short, 2007, pp. 81, 93)", "(Picq, 1984)"]
    assert "Short, P. (2007). Pol Pot. Anatomie d’un cauchemar. Denoël." in lines


def test_format_bibtex_cited_only_in_the_house_style() -> None:
    result = run("format", str(REPO / "references.bib"), "-s", "citeledger-house", "--cite", "chandler2000",
                 "--cited-only")
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == [
        "(Chandler, 2000)", "",
        "CHANDLER, David, 2000 (4th ed.), A History of Cambodia, Boulder, Colorado: Westview Press.",
    ]


def test_format_html_and_renamed_style() -> None:
    result = run("format", SAMPLE_ITEMS, "--style", "vancouver", "--to", "html")
    assert result.exit_code == 0
    assert result.output.startswith('<div class="csl-bib-body">')
    assert '<div class="csl-left-margin">1.</div>' in result.output


def test_unknown_cite_key_is_reported() -> None:
    result = run("format", SAMPLE_ITEMS, "--cite", "nobody")
    assert result.exit_code == 0  # CL502 is a warning
    assert "CL502" in result.output and "nobody" in result.output


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--style", "chicgo-author-date"), "CL501"),
        (("--style", "/no/such/file.csl"), "CL501"),
        (("--to", "rtf"), "Invalid value"),
    ],
)
def test_bad_usage_exits_2(args, message) -> None:
    result = run("format", SAMPLE_ITEMS, *args)
    assert result.exit_code == 2 and message in result.output
    assert "Traceback" not in result.output


def test_bad_json_exits_2(tmp_path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"items": 3}')
    result = run("format", str(bad))
    assert result.exit_code == 2 and "list of item objects" in result.output


def test_styles_lists_and_searches() -> None:
    result = run("styles", "citeledger")
    assert result.exit_code == 0
    assert result.output.splitlines()[0].startswith("citeledger-")
    assert run("styles", "zzzz-no-such").exit_code == 1


@pytest.mark.parametrize(("spec", "expected"), [
    ("short2007:81, 93", [("short2007", "81, 93", "page")]),
    ("bizot2003:chap. 3", [("bizot2003", "3", "chapter")]),
    ("a:12;b", [("a", "12", "page"), ("b", "", "page")]),
])
def test_parse_cite(spec, expected) -> None:
    assert [(c.id, c.locator, c.label) for c in parse_cite(spec)] == expected


# ---- cite-this ---------------------------------------------------------------------------------

ARTICLE = Reference(
    id="chandler2008", type="entry-encyclopedia",
    fields={"title": "Ieng Sary", "container-title": "Mass Violence & Résistance", "ISSN": "1961-9898"},
    names={"author": (Name(family="Chandler", given="David"),)},
    dates={"issued": Date((2008, 2, 3)), "accessed": Date((2021, 2, 17))},
)
SITE_LINE = ("Chandler David, Ieng Sary, Mass Violence & Résistance, [online], published on: 3 February, 2008, "
             "accessed 17/02/2021, ISSN 1961-9898")


def test_cite_this_reproduces_the_site_line_without_an_empty_slot() -> None:
    result = cite_this.format_cite_this(ARTICLE)
    assert result.text == SITE_LINE and ",," not in result.text
    assert result.diagnostics == []


def test_cite_this_fills_the_url_slot() -> None:
    result = cite_this.format_cite_this(ARTICLE, url="https://example.org/ieng-sary")
    assert result.text == SITE_LINE.replace(", ISSN", ", URL : https://example.org/ieng-sary, ISSN")


def test_cite_this_accessed_defaults_to_today_when_unknown() -> None:
    undated = Reference(**{**ARTICLE.__dict__, "dates": {"issued": Date((2008, 2, 3))}})
    result = cite_this.format_cite_this(undated, today=datetime.date(2026, 11, 28))
    assert "accessed 28/11/2026" in result.text


@pytest.mark.parametrize(("issn", "ok"), [("1961-9898", True), ("0378-5955", True), ("2434-561X", True),
                                          ("1961-9897", False), ("19619898", True), ("1961-98", False)])
def test_issn_check_digit(issn, ok) -> None:
    problem = cite_this.check_issn(issn)
    assert (problem is None) is ok
    if problem:
        assert problem.code == "CL401"


def test_cite_this_reports_a_bad_issn() -> None:
    bad = Reference(**{**ARTICLE.__dict__, "fields": {**ARTICLE.fields, "ISSN": "1961-9897"}})
    assert [d.code for d in cite_this.format_cite_this(bad).diagnostics] == ["CL401"]


@pytest.mark.parametrize(("text", "parts"), [("17/02/2021", (2021, 2, 17)), ("2021-02-17", (2021, 2, 17))])
def test_parse_accessed(text, parts) -> None:
    assert cite_this.parse_accessed(text).parts == parts


def test_cite_this_command_on_an_article(tmp_path) -> None:
    article = tmp_path / "article.txt"
    article.write_text(
        "Ieng Sary\n\n3 February, 2008\nChandler David\n\nA short body of our own (Short, 2007).\n\n"
        "SHORT, Philip, 2007, Pol Pot. Anatomie d’un cauchemar, : Denoël.\n\nCite this item\n\n"
        f"{SITE_LINE.replace(', ISSN', ',, ISSN')}\n", encoding="utf-8")
    result = run("cite-this", str(article), "--url", "https://example.org/x")
    assert result.exit_code == 0, result.output
    assert result.output.strip() == SITE_LINE.replace(", ISSN", ", URL : https://example.org/x, ISSN")
    as_json = run("cite-this", str(article), "--to", "csl-json")
    assert json.loads(as_json.output)[0]["ISSN"] == "1961-9898"
    assert run("cite-this", str(article), "--accessed", "99/99/2020").exit_code == 2
