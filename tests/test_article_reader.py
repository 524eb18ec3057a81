"""The article reader: the sample, Markdown and HTML articles, entry splitting, spans, bad input."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from citeledger.article import guess_format, parse_article, read_article
from citeledger.errors import UnusableInputError
from citeledger.model import Date, Name

SHARED = Path(__file__).resolve().parents[2] / "shared"
SAMPLE = SHARED / "seeds" / "000_4a36c623ce564520.txt"


@pytest.fixture
def sample():
    if not SAMPLE.is_file():
        pytest.skip(f"sample article not found at {SAMPLE}")
    return read_article(str(SAMPLE))


def entries(article):
    return [article.text[span.start : span.end] for span in article.reference_entries]


def test_sample_header_and_blocks(sample):
    article, diagnostics = sample
    assert diagnostics == []
    assert article.title == "Ieng Sary"
    assert article.date == Date(parts=(2008, 2, 3))
    assert article.authors == (Name(family="Chandler", given="David"),)
    found = entries(article)
    assert len(found) == 9
    assert found[0] == "CHANDLER, David, 1993, Pol Pot : Frère Numéro Un, : Plon."
    # The KOSAL entry ends with a comma: it must not swallow MARTIN.
    assert found[3].endswith("Area Studies,")
    assert found[4].startswith("MARTIN, Marie-Alexandrine, 1989")
    assert found[-1] == "SHORT, Philip, 2007, Pol Pot. Anatomie d’un cauchemar, : Denoël."
    body = article.text[article.body.start : article.body.end]
    assert body.startswith("Born Kim Trang") and body.endswith("Foreign Ministry, 1998)")
    assert article.reference_entries[0].line == 15


def test_sample_own_entry(sample):
    article, _ = sample
    own = article.own_entry
    assert own.type == "entry-encyclopedia"
    assert own.fields == {"title": "Ieng Sary", "container-title": "Mass Violence & Résistance", "ISSN": "1961-9898"}
    assert own.author == (Name(family="Chandler", given="David"),)
    assert own.dates["issued"] == Date(parts=(2008, 2, 3))
    assert own.dates["accessed"] == Date(parts=(2021, 2, 17))
    assert article.issn == "1961-9898" and article.url == ""
    cite = article.text[article.cite_this_block.start : article.cite_this_block.end]
    assert cite.startswith("Chandler David, Ieng Sary") and cite.endswith("ISSN 1961-9898")
    assert "Back to top" not in cite


MARKDOWN = """# A Short History

*By Jane Q. Doe*

Some prose about things (Smith, 2001) that goes on for a while.

## Bibliography

1. Smith, John. 2001. *A Book*. London: Verso.
2. Jones, Ann, and Bob Lee. 1999. "An Article." *Journal of Things* 12 (3): 45–67.
3. Brown, C. 2010. Another Book,
   with a title on two lines. Paris: Seuil.
"""


def test_markdown_numbered_list_with_hanging_indent():
    article, diagnostics = parse_article(MARKDOWN, "doc.md")
    assert article.format == "markdown" and diagnostics == []
    assert article.title == "A Short History"
    assert article.authors == (Name(family="Doe", given="Jane Q."),)
    found = entries(article)
    assert len(found) == 3
    assert found[0] == "1. Smith, John. 2001. *A Book*. London: Verso."
    assert found[2].endswith("with a title on two lines. Paris: Seuil.")


HTML = """<!DOCTYPE html><html><head><title>x</title><style>p {color: red}</style>
<script>var refs = "References";</script></head><body>
<h1>On Things</h1><p>Text citing (Smith, 2001) &amp; more.</p>
<h2>References</h2><ul>
<li>SMITH, John, 2001, A Book, London: Verso.</li>
<li>JONES, Ann, 1999, Caf&eacute; Society, Paris: Seuil.</li></ul>
</body></html>"""


def test_html_article_spans_point_into_extracted_text():
    article, diagnostics = parse_article(HTML, "page.html")
    assert article.format == "html" and diagnostics == []
    assert "var refs" not in article.text and "color" not in article.text
    assert article.title == "On Things"
    assert entries(article) == [
        "SMITH, John, 2001, A Book, London: Verso.",
        "JONES, Ann, 1999, Café Society, Paris: Seuil.",
    ]


def test_no_reference_list_is_cl101_with_partial_result():
    article, diagnostics = parse_article("A title\n\nJust prose, no list at all. Nothing cited here.\n")
    assert [d.code for d in diagnostics] == ["CL101"]
    assert article.title == "A title" and article.reference_entries == ()


def test_empty_text_is_cl101():
    article, diagnostics = parse_article("")
    assert [d.code for d in diagnostics] == ["CL101"]
    assert article.own_entry is None


def test_unheaded_list_split_at_new_surnames_without_blank_lines():
    text = (
        "Title\n\nProse paragraph that is long enough to be prose.\n\n"
        "DOE, Jane, 2001, Book One,\nROE, Rick, 2002, Book Two, Paris: Seuil.\n"
    )
    article, _ = parse_article(text)
    assert entries(article) == ["DOE, Jane, 2001, Book One,", "ROE, Rick, 2002, Book Two, Paris: Seuil."]


def test_wrapped_line_starting_with_a_capitalised_word_is_not_a_new_entry():
    text = "# T\n\n## References\n\nSmith, J. 2001. A Book. New York: Oxford University\nPress, 2001.\n"
    article, _ = parse_article(text)
    assert len(article.reference_entries) == 1


def test_bracket_numbering_splits():
    text = "# T\n\n## References\n\n[1] A. Smith, A book, 2001.\n[2] B. Jones, Another, 2002.\n"
    assert entries(parse_article(text)[0]) == ["[1] A. Smith, A book, 2001.", "[2] B. Jones, Another, 2002."]


def test_guess_format():
    assert guess_format("x", "a.md") == "markdown"
    assert guess_format("<html><body>x</body></html>") == "html"
    assert guess_format("plain\n\ntext") == "text"


def test_unknown_format_and_binary_file(tmp_path):
    with pytest.raises(UnusableInputError):
        parse_article("x", fmt="pdf")
    junk = tmp_path / "junk.txt"
    junk.write_bytes(bytes(range(256)) * 10)
    with pytest.raises(UnusableInputError):
        read_article(str(junk))


LINE = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=60)


@settings(max_examples=150, deadline=None)
@given(
    st.lists(st.one_of(LINE, st.sampled_from(["", "References", "DOE, J., 2001, T, P: Q.", "  cont."])), max_size=12),
    st.sampled_from(["\n", "\r\n"]),
)
def test_every_span_is_exactly_its_block(lines, newline):
    text = newline.join(lines)
    article, _ = parse_article(text, fmt="text")
    for span in (*article.reference_entries, article.reference_block, article.body, article.cite_this_block):
        if span is None:
            continue
        block = article.text[span.start : span.end]
        assert block == block.strip() and block
        assert span.line == len(re.findall(r"\r\n|\r|\n", article.text[: span.start])) + 1


def test_hundred_thousand_character_line_is_fast():
    import time

    text = "# T\n\n## References\n\n" + "ABCDE, " * 15000 + "\n\n" + "(" * 100000 + "\n"
    started = time.perf_counter()
    parse_article(text)
    assert time.perf_counter() - started < 1.0


def test_a_later_heading_closes_the_reference_list():
    text = "# T\n\n## References\n\n- DOE, Jane, 2001, Book, Paris: Seuil.\n\n## About the author\n\nBy 2020.\n"
    article, _ = parse_article(text)
    assert entries(article) == ["DOE, Jane, 2001, Book, Paris: Seuil."]


def test_own_entry_from_header_needs_more_than_a_title():
    assert parse_article("# Just a title\n\nProse.\n")[0].own_entry is None
    own = parse_article(MARKDOWN, "doc.md")[0].own_entry
    assert own.fields == {"title": "A Short History"}
    assert own.author == (Name(family="Doe", given="Jane Q."),)
