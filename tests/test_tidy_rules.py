"""Tidy rules, one table row per rule: input entry → expected output, written out by hand."""

from __future__ import annotations

import pytest

from citeledger.errors import UnusableInputError
from citeledger.io.bibtex import format_entry, parse_bibtex
from citeledger.io.textfile import DecodedText
from citeledger.tidy import DEFAULT_RULES, RULES, encode_tidied, select_rules, tidy_bibtex
from citeledger.tidy.entry import Entry, format_raw_entry
from citeledger.tidy.values import collapse_whitespace, pieces_of

# (rule, input, expected output). Inputs are in the standard layout unless the row is about layout,
# so each row shows what its rule alone changes (``indent`` is off in these runs).
ROWS = [
    ("entry-type-lowercase", "@Article{k,\n  title = {T},\n}", "@article{k,\n  title = {T},\n}"),
    ("field-names-lowercase", "@article{k,\n  Title = {T},\n  YEAR = 2000,\n}",
     "@article{k,\n  title = {T},\n  year = 2000,\n}"),
    ("remove-empty-fields", '@article{k,\n  note = {},\n  title = {T},\n  isbn = " ",\n}',
     "@article{k,\n  title = {T},\n}"),
    ("braces-for-values", '@article{k,\n  title = "A {B} c",\n  year = 2000,\n}',
     "@article{k,\n  title = {A {B} c},\n  year = 2000,\n}"),
    ("escape-specials", "@article{k,\n  title = {R&D at 50% \\& more},\n}",
     "@article{k,\n  title = {R\\&D at 50\\% \\& more},\n}"),
    ("trim-whitespace", "@article{k,\n  title = {  A   long\n    title },\n}",
     "@article{k,\n  title = {A long title},\n}"),
    ("pages-en-dash", "@article{k,\n  pages = {12-34},\n}", "@article{k,\n  pages = {12--34},\n}"),
    ("pages-en-dash", "@article{k,\n  pages = {12 \u2013 34, S1-S5},\n}",
     "@article{k,\n  pages = {12--34, S1--S5},\n}"),
    ("month-macros", "@article{k,\n  month = {January},\n}", "@article{k,\n  month = jan,\n}"),
    ("month-macros", '@article{k,\n  month = "sept.",\n}', "@article{k,\n  month = sep,\n}"),
    ("month-macros", "@article{k,\n  month = Feb,\n}", "@article{k,\n  month = feb,\n}"),
    ("doi-url-clean", "@article{k,\n  doi = {https://doi.org/10.1000/xyz-1},\n}",
     "@article{k,\n  doi = {10.1000/xyz-1},\n}"),
    ("doi-url-clean", "@article{k,\n  doi = {doi:10.1000/abc},\n}", "@article{k,\n  doi = {10.1000/abc},\n}"),
    ("sort-fields", "@article{k,\n  year = 2000,\n  zzz = {u},\n  title = {T},\n  author = {A},\n}",
     "@article{k,\n  author = {A},\n  title = {T},\n  year = 2000,\n  zzz = {u},\n}"),
    ("indent", "@article{k, title={T},\n\tyear=2000}", "@article{k,\n  title = {T},\n  year = 2000,\n}"),
]

# (rule, entry it must leave alone): the limits each rule promises.
UNCHANGED = [
    ("braces-for-values", '@article{k,\n  title = "a } b",\n}'),  # braces do not balance
    ("escape-specials", "@article{k,\n  url = {http://x.org/a&b%20c},\n}"),  # not a prose field
    ("escape-specials", "@article{k,\n  note = {\\url{http://x.org/?a&b}},\n}"),  # inside \url
    ("escape-specials", "@article{k,\n  title = {$a & b$},\n}"),  # math
    ("trim-whitespace", "@article{k,\n  abstract = {One.\n\n  Two.},\n}"),  # a paragraph break
    ("trim-whitespace", "@article{k,\n  url = {http://x.org/a  b},\n}"),  # verbatim field
    ("trim-whitespace", "@article{k,\n  title = {A\u00a0B},\n}"),  # a no-break space is not a space
    ("trim-whitespace", "@article{k,\n  journal = acm # { Trans. } # {on X},\n}"),  # spaces between pieces
    ("pages-en-dash", "@article{k,\n  pages = {107-1--107-15},\n}"),  # already holds --
    ("month-macros", "@article{k,\n  month = {1},\n}"),  # numbers stay
    ("month-macros", "@article{k,\n  month = September,\n}"),  # another macro, maybe user-defined
    ("remove-empty-fields", "@article{k,\n  crossref = {p},\n  title = {},\n}"),  # would unblock inheritance
    ("doi-url-clean", "@article{k,\n  doi = {10.1/x},\n}"),
]


def tidied(text: str, rules: str) -> str:
    return tidy_bibtex(parse_bibtex(text, "t.bib"), rules).text


@pytest.mark.parametrize(("rule", "source", "expected"), ROWS, ids=[f"{r[0]}-{i}" for i, r in enumerate(ROWS)])
def test_rule_row(rule, source, expected):
    assert tidied(source, rule) == expected


@pytest.mark.parametrize(("rule", "source"), UNCHANGED, ids=[f"{r[0]}-{i}" for i, r in enumerate(UNCHANGED)])
def test_rule_leaves_alone(rule, source):
    assert tidied(source, rule) == source


def test_every_rule_has_a_row():
    assert {row[0] for row in ROWS} == set(RULES)


def test_default_set_is_everything_but_sort_fields():
    assert set(DEFAULT_RULES) == set(RULES) - {"sort-fields"}
    assert select_rules("none") == ()
    assert select_rules("all") == tuple(RULES)
    assert select_rules("month-macros,entry-type-lowercase") == ("entry-type-lowercase", "month-macros")
    assert select_rules("default,sort-fields") == tuple(RULES)
    with pytest.raises(UnusableInputError, match="unknown tidy rule `nope`"):
        select_rules("indent,nope")


MESSY = """% kept as is
@String{ acm = "ACM" }
@PREAMBLE{ "\\newcommand{\\x}{y}" }

@Article{Key1,
  Title = "A  Title" # " -- " # acm,
  Journal = acm # { Transactions},
  Month = "March",
  Pages = "1-10",
  Custom-Field = {kept},
  note = {}
}
junk between blocks
@MyType{Key2, Author = {X}, Year = 1999}
@book{broken, title = {unclosed
@misc{Key3,
  title = {fine},
}
"""


def test_default_rules_on_a_messy_file():
    result = tidy_bibtex(parse_bibtex(MESSY, "m.bib"))
    assert result.text == (
        '% kept as is\n@String{ acm = "ACM" }\n@PREAMBLE{ "\\newcommand{\\x}{y}" }\n\n'
        "@article{Key1,\n"
        "  title = {A Title} # { -- } # acm,\n"
        "  journal = acm # { Transactions},\n"
        "  month = mar,\n"
        "  pages = {1--10},\n"
        "  custom-field = {kept},\n"
        "}\n"
        "junk between blocks\n"
        "@mytype{Key2,\n  author = {X},\n  year = 1999,\n}\n"
        "@book{broken, title = {unclosed\n"
        "@misc{Key3,\n  title = {fine},\n}\n"
    )
    assert [c.block.key for c in result.changes] == ["Key1", "Key2"]
    assert [d.code for d in result.diagnostics] == ["CL201"]


def test_tidy_is_idempotent_on_the_messy_file():
    once = tidy_bibtex(parse_bibtex(MESSY, "m.bib"), "all").text
    assert tidy_bibtex(parse_bibtex(once, "m.bib"), "all").text == once


def test_none_is_the_identity():
    result = tidy_bibtex(parse_bibtex(MESSY, "m.bib"), "none")
    assert result.text == MESSY and not result.changes and not result.changed


def test_macros_and_concatenations_survive_as_the_same_pieces():
    source = '@article{k,\n  title = "A" #\n     ieee # {B}  # "C",\n  month = jan # "~1",\n}'
    out = tidied(source, "all")
    assert out == "@article{k,\n  title = {A} # ieee # {B} # {C},\n  month = jan # {~1},\n}"
    assert [kind for kind, _ in pieces_of("{A} # ieee # {B} # {C}")] == ["braced", "macro", "braced", "braced"]


def test_crlf_file_stays_crlf():
    source = "% c\r\n@Article{k,\r\n  Title = {T},\r\n  pages = {1-2}}\r\n\r\n@misc{m,\r\n  title = {x},\r\n}\r\n"
    out = tidied(source, "default")
    assert out == (
        "% c\r\n@article{k,\r\n  title = {T},\r\n  pages = {1--2},\r\n}\r\n\r\n@misc{m,\r\n  title = {x},\r\n}\r\n"
    )
    assert "\n" not in out.replace("\r\n", "")


def test_failed_block_is_kept_verbatim_and_reported():
    source = "@book{a, title = {x}}\n@article{bad, title = {unclosed\n\n@misc{c, note = {y}}\n"
    result = tidy_bibtex(parse_bibtex(source, "f.bib"))
    bad = result.bib.failed[0]
    assert bad.raw in result.text
    assert [d.code for d in result.diagnostics] == ["CL201"]


def test_entries_with_comments_inside_are_never_rewritten():
    source = "@Article{k,\n  Title = {T}, % why this title\n  pages = {1-2}\n}\n%@Book{old,\n%  Title = {x}\n%}\n"
    assert tidied(source, "all") == source


def test_change_diagnostics_point_at_the_block():
    result = tidy_bibtex(parse_bibtex("% c\n\n@Article{k, title = {T}}\n", "p.bib"))
    (diagnostic,) = result.change_diagnostics()
    assert (diagnostic.code, diagnostic.line, diagnostic.col, diagnostic.subject) == ("CL208", 3, 1, "k")
    assert "entry-type-lowercase" in diagnostic.message


def test_layout_matches_io_bibtex_format_entry():
    entry = Entry("book", "k", (("title", "{A {B}}"), ("year", "{2000}")))
    assert format_raw_entry(entry, "\r\n") == format_entry("book", "k", [("title", "A {B}"), ("year", "2000")],
                                                            newline="\r\n")


def test_collapse_whitespace_keeps_control_space_and_paragraphs():
    assert collapse_whitespace("  a \t b\n c  ") == "a b c"
    assert collapse_whitespace("Mr.\\ ") == "Mr.\\ "
    assert collapse_whitespace("one\n\ntwo") == "one\n\ntwo"


def test_encoding_that_cannot_hold_the_text_fails_clearly():
    bib = parse_bibtex("@misc{k, title = {x}}", "a.bib", DecodedText("@misc{k, title = {x}}", "ascii"))
    with pytest.raises(UnusableInputError, match="ascii"):
        encode_tidied(bib, "@misc{k, title = {\u00e9}}")
