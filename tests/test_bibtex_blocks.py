"""The lossless block layer: spans, kinds, values and diagnostics, checked on hand-written BibTeX."""

import pytest

from citeledger.io.bibtex import (
    expand_value,
    field_values,
    format_entry,
    parse_bibtex,
    render_bibtex,
    split_bibtex_name,
    split_name_list,
    split_value,
    string_macros,
)

SOURCE = """% a leading comment
@String{ ieee = "IEEE" }
@PREAMBLE{"\\newcommand{\\x}{y}"}

@Article{Smith2000,
  Author = {Smith, John and {Human Rights Watch}},
  title = "A {Title}" # ", " # ieee,
  month = jan,
  year = 2000
}
stray text between blocks
@book{broken, title = {unclosed
@misc{ok, note = {fine}}
@comment{ nothing }
"""


@pytest.fixture
def bib():
    return parse_bibtex(SOURCE, "t.bib")


def test_blocks_cover_source_and_keep_raw(bib):
    assert [b.kind for b in bib.blocks] == ["string", "preamble", "entry", "failed", "entry", "comment"]
    for block in bib.blocks:
        assert SOURCE[block.start : block.end] == block.raw
    starts = [b.start for b in bib.blocks]
    assert starts == sorted(starts)


def test_entry_keeps_source_case_and_position(bib):
    entry = bib.entries[0]
    assert (entry.entry_type, entry.key) == ("Article", "Smith2000")
    assert (entry.line, entry.col) == (5, 1)
    assert [f.name for f in entry.fields] == ["Author", "title", "month", "year"]
    assert [f.line for f in entry.fields] == [6, 7, 8, 9]


def test_untouched_render_is_identity_and_replacement_is_local(bib):
    assert render_bibtex(bib) == SOURCE
    index = next(i for i, b in enumerate(bib.blocks) if b.key == "ok")
    out = render_bibtex(bib, {index: "@misc{ok, note = {new}}"})
    assert out == SOURCE.replace("@misc{ok, note = {fine}}", "@misc{ok, note = {new}}")


def test_failed_block_is_reported_with_position(bib):
    [failed] = [d for d in bib.diagnostics if d.code == "CL201"]
    assert failed.line == 12
    assert "broken" in failed.message


def test_values_resolve_strings_months_and_concatenation(bib):
    macros = string_macros(bib)
    values, diagnostics = field_values(bib.entries[0], macros)
    assert values == {
        "author": "Smith, John and {Human Rights Watch}",
        "title": "A {Title}, IEEE",
        "month": "1",
        "year": "2000",
    }
    assert diagnostics == []


def test_undefined_macro_is_kept_and_reported():
    bib = parse_bibtex("@misc{k, journal = nosuch # { x}}", "u.bib")
    values, diagnostics = field_values(bib.entries[0], string_macros(bib))
    assert values["journal"] == "nosuch x"
    assert [d.code for d in diagnostics] == ["CL206"]


@pytest.mark.parametrize(
    ("raw", "pieces"),
    [
        ("{a {b} c}", [("braced", "a {b} c")]),
        ('"say {"}hi{"}"', [("quoted", 'say {"}hi{"}')]),
        ("2000", [("number", "2000")]),
        ('jan # " 1"', [("macro", "jan"), ("quoted", " 1")]),
        ("{x}#{y}", [("braced", "x"), ("braced", "y")]),
        ("{a \\} b} # {c}", [("braced", "a \\} b"), ("braced", "c")]),  # `\}` is text, as the splitter sees it
        ('"a \\" b"', [("quoted", 'a \\" b')]),
    ],
)
def test_split_value(raw, pieces):
    assert split_value(raw) == pieces


def test_string_macros_chain_and_ignore_case():
    bib = parse_bibtex('@string{a = "Alpha"}\n@STRING{B = A # " and beta"}\n')
    assert string_macros(bib)["b"] == "Alpha and beta"
    assert expand_value("b", string_macros(bib)) == "Alpha and beta"


def test_entries_with_a_repeated_key_are_kept_and_reported():
    bib = parse_bibtex("@misc{a, title={one}}\n@book{a, title={two}}\n@string{s = {x}}\n@string{s = {y}}\n", "d.bib")
    assert [(b.kind, b.key) for b in bib.blocks] == [("entry", "a"), ("entry", "a"), ("string", "s"), ("string", "s")]
    assert [d.code for d in bib.diagnostics] == ["CL202"]
    assert string_macros(bib)["s"] == "y"  # a later @string redefines the macro, as in BibTeX


def test_duplicate_keys_and_fields_are_reported():
    bib = parse_bibtex("@misc{Key, title={a}, title={b}}\n@misc{key, title={c}}\n", "d.bib")
    codes = sorted(d.code for d in bib.diagnostics)
    assert codes == ["CL202", "CL207"]
    assert field_values(bib.entries[0], {})[0]["title"] == "a"  # the first value wins, as in BibTeX


def test_name_splitting_follows_bibtex_rules():
    assert split_name_list("Heder, Steve and Tittemore, Brian D.") == ["Heder, Steve", "Tittemore, Brian D."]
    assert split_name_list("{Barnes and Noble} and Smith, J.") == ["{Barnes and Noble}", "Smith, J."]
    assert split_bibtex_name("van der Berg, Jan") == (["Jan"], ["van", "der"], ["Berg"], [])
    assert split_bibtex_name("Ludwig van Beethoven") == (["Ludwig"], ["van"], ["Beethoven"], [])
    assert split_bibtex_name("King, Jr, Martin Luther") == (["Martin", "Luther"], [], ["King"], ["Jr"])


def test_format_entry_layout():
    assert format_entry("book", "k", [("title", "T"), ("year", "2000")], newline="\r\n") == (
        "@book{k,\r\n  title = {T},\r\n  year = {2000},\r\n}"
    )


def test_empty_and_garbage_input_never_raise():
    assert parse_bibtex("").blocks == []
    bib = parse_bibtex("@" * 1000 + "{{{{" + "}" * 10)
    assert all(bib.text[b.start : b.end] == b.raw for b in bib.blocks)
