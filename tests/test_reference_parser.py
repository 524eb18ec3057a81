"""The parser as a whole: templates abstain on partial consumption, bad input never crashes or
hangs, `citeledger parse` splits its input and reports what it could not parse."""

from __future__ import annotations

import json
import time
from dataclasses import replace

import pytest
from click.testing import CliRunner

from citeledger.article import parse_article
from citeledger.cli import cli
from citeledger.references import parse_reference, parse_references
from citeledger.references.extract import ExtractResult, parse_reference_text, render_result, split_reference_text
from citeledger.references.parser import collapse_offsets
from citeledger.references.templates.house import match_house_article, match_house_book, match_house_chapter

HOUSE_BOOK = "DUPONT, Jean, 1998 (2nd ed.), La ville, Lyon: Fayard."


def test_house_book_template_consumes_everything():
    segments = match_house_book(HOUSE_BOOK)
    found = {s.label: HOUSE_BOOK[s.start : s.end] for s in segments}
    assert found == {"author": "DUPONT, Jean", "date": "1998", "edition": "(2nd ed.)", "title": "La ville",
                     "location": "Lyon", "publisher": "Fayard"}  # fmt: skip


@pytest.mark.parametrize(
    "text",
    [
        "DUPONT, Jean, 1998, La ville, Lyon: Fayard. Reprinted 2004 with a new preface.",  # text after the publisher
        "Dupont, Jean, 1998, La ville, Lyon: Fayard.",  # family name not in capitals: not the house style
        "DUPONT, Jean, La ville, Lyon: Fayard.",  # no year slot
        "DUPONT, Jean, 1998, La ville, Lyon, Fayard.",  # no "Place: Publisher"
        "DUPONT, Jean, 1998, La ville, 1234 Lyon: Fayard.",  # a place with digits
    ],
)
def test_house_templates_abstain_on_partial_consumption(text):
    assert match_house_book(text) is None
    assert match_house_chapter(text) is None
    assert match_house_article(text) is None


def test_rules_alone_report_an_unknown_style_as_unparsed():
    reference, diagnostics, labelling = parse_reference("Dupont J (1998) La ville. Fayard, Lyon", method="rules")
    assert labelling.method == "none"
    assert [d.code for d in diagnostics] == ["CL102"]
    assert reference.fields == {}


@pytest.mark.parametrize("text", ["", "   ", "\x00\x01\x02 \ufffd\ufffd", ")" * 100, "1999"])
def test_bad_input_gives_a_diagnostic_not_a_crash(text):
    reference, diagnostics, _ = parse_reference(text)
    assert reference.raw == text
    assert any(d.code in ("CL102", "CL103") for d in diagnostics)


def test_fifty_thousand_character_reference_is_bounded():
    text = "DUPONT, Jean, 1998, " + "La ville, " * 5000 + "Lyon: Fayard."
    started = time.perf_counter()
    reference, diagnostics, _ = parse_reference(text)
    assert time.perf_counter() - started < 2.0
    assert any("too long" in d.message for d in diagnostics)
    assert reference.raw == text


def test_hundred_thousand_character_line_is_fast():
    text = "(" * 50000 + "a" + ")" * 50000
    started = time.perf_counter()
    parse_reference(text)
    assert time.perf_counter() - started < 1.0


def test_split_one_per_line_or_by_blank_lines():
    assert [t for t, _ in split_reference_text("A, 2001, T, P: Q.\nB, 2002, U, P: Q.\n")] == [
        "A, 2001, T, P: Q.", "B, 2002, U, P: Q."]
    pasted = "A, 2001, T,\n  P: Q.\n\nB, 2002, U, P: Q.\n"
    items = split_reference_text(pasted)
    assert [t for t, _ in items] == ["A, 2001, T, P: Q.", "B, 2002, U, P: Q."]
    assert items[1][1].line == 4


def test_no_reference_at_all_is_reported():
    result = parse_reference_text("\n\n")
    assert result.references == [] and [d.code for d in result.diagnostics] == ["CL102"]


def test_parse_command_keys_and_output():
    runner = CliRunner()
    result = runner.invoke(cli, ["parse", "DUPONT, Jean, 1998, La ville, Lyon: Fayard.",
                                 "DUPONT, Jean, 1998, Le port, Lyon: Fayard."])  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "@book{dupont1998a," in result.stdout and "@book{dupont1998b," in result.stdout
    assert "address = {Lyon}" in result.stdout


def test_parse_command_reads_stdin_and_explains():
    result = CliRunner().invoke(cli, ["parse", "-", "--explain"], input="DUPONT, Jean, 1998, La ville, : Fayard.\n")
    assert result.exit_code == 0
    assert "template:house-book" in result.stdout
    assert "publisher" in result.stdout and "Fayard" in result.stdout
    assert "CL103" in result.stderr


def test_parse_command_strict_fails_on_warnings():
    result = CliRunner().invoke(cli, ["parse", "--strict", "DUPONT, Jean, 1998, La ville, : Fayard."])
    assert result.exit_code == 1


def test_extract_missing_file_exits_2(tmp_path):
    assert CliRunner().invoke(cli, ["extract", str(tmp_path / "nope.txt")]).exit_code == 2


def test_extract_article_without_references_exits_1(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("A title\n\nOnly prose here, nothing listed.\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["extract", str(article)])
    assert result.exit_code == 1
    assert "CL101" in result.stderr


COMMON = [
    ("Smith, J. A., & Jones, B. (2001). The history of things. Journal of Things, 12(3), 45–67.", "apa-article",
     {"title": "The history of things", "container-title": "Journal of Things", "volume": "12", "issue": "3",
      "page": "45-67"}),
    ("Smith, J. A. (2001). The history of things (2nd ed.). Verso.", "apa-book",
     {"title": "The history of things", "edition": "2", "publisher": "Verso"}),
    ("Smith, John, and Ann Lee. 2001. “The History of Things.” Journal of Things 12 (3): 45–67.", "chicago-ad-article",
     {"title": "The History of Things", "container-title": "Journal of Things", "volume": "12", "issue": "3",
      "page": "45-67"}),
    ("Smith, John. The History of Things. London: Verso, 2001.", "chicago-nb-book",
     {"title": "The History of Things", "publisher-place": "London", "publisher": "Verso"}),
    ("Smith, John. “The History of Things.” Journal of Things, vol. 12, no. 3, 2001, pp. 45–67.", "mla-article",
     {"title": "The History of Things", "container-title": "Journal of Things", "volume": "12", "issue": "3",
      "page": "45-67"}),
    ("Smith, J. (2001) ‘The history of things’, Journal of Things, 12(3), pp. 45–67.", "harvard-article",
     {"title": "The history of things", "container-title": "Journal of Things", "volume": "12", "issue": "3",
      "page": "45-67"}),
    ("Smith JA, Lee CD. The history of things. J Things. 2001;12(3):45-67.", "vancouver-article",
     {"title": "The history of things", "container-title": "J Things", "volume": "12", "issue": "3",
      "page": "45-67"}),
    ("[3] J. A. Smith and C. Lee, “The history of things,” Journal of Things, vol. 12, no. 3, pp. 45–67, 2001.",
     "ieee-article", {"title": "The history of things", "container-title": "Journal of Things", "volume": "12",
                      "issue": "3", "page": "45-67"}),
]  # fmt: skip


@pytest.mark.parametrize(("text", "template", "fields"), COMMON)
def test_common_style_templates(text, template, fields):
    reference, _, labelling = parse_reference(text, method="rules")
    assert labelling.method == f"template:{template}"
    assert {key: reference.fields[key] for key in fields} == fields
    assert reference.year == 2001 and reference.author[0].family == "Smith"


@pytest.mark.parametrize(
    "text",
    [
        "Smith, J. A. (2001). The history. Of things. Journal of Things, 12(3), 45–67.",  # a full stop in the title
        "Smith, John. “The History of Things.” Journal of Things, vol. 12, no. 3, 2001, pp. 45–67. Extra words here",
        "Smith, J. A. (2001). The history of things. Journal of Things, 12(3).",  # no pages
    ],
)
def test_common_templates_abstain(text):
    assert parse_reference(text, method="rules")[2].method == "none"


def test_wrapped_entry_is_parsed_as_one_line_and_spans_point_into_the_raw_text():
    raw = "DUPONT, Jean, 1998, La ville,\n    Lyon: Fayard."
    reference, _, labelling = parse_reference(raw)
    assert labelling.method == "template:house-book" and reference.raw == raw
    offsets = collapse_offsets(raw)
    publisher = next(s for s in labelling.segments if s.label == "publisher")
    assert raw[offsets[publisher.start] : offsets[publisher.end - 1] + 1] == "Fayard"
    text = "# T\n\n## References\n\nDUPONT, Jean, 1998, La ville,\n    Lyon: Fayard.\n"
    article, _ = parse_article(text)
    items = [(article.text[s.start : s.end], s) for s in article.reference_entries]
    references, _, labellings = parse_references(items)
    out, _ = render_result(ExtractResult([replace(references[0], id="dupont1998")], labellings), "json")
    place = next(f for f in json.loads(out)[0]["fields"] if f["label"] == "location")
    assert text[place["start"] : place["end"]] == "Lyon"
