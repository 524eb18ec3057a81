"""The engine's contract: results and diagnostics as data, never a traceback; safe XML; style lookup."""

from __future__ import annotations

import pytest

from citeledger.render import engine, styles

BOOK = {"id": "Short2007", "type": "book", "title": "Pol Pot", "author": [{"family": "Short", "given": "Philip"}],
        "issued": {"date-parts": [[2007]]}, "publisher": "Denoël"}


def _apa() -> engine.Style:
    return engine.load_style(styles.resolve_style("apa"))


def test_formats_text_html_markdown() -> None:
    style = _apa()
    text = engine.format_items([BOOK], style).entries[0].text
    html = engine.format_items([BOOK], style, fmt="html").entries[0].text
    markdown = engine.format_items([BOOK], style, fmt="markdown").entries[0].text
    assert text == "Short, P. (2007). Pol Pot. Denoël."
    assert html == "Short, P. (2007). <i>Pol Pot</i>. Denoël."
    assert markdown == "Short, P. (2007). *Pol Pot*. Denoël."


def test_ids_keep_their_case_and_citations_take_locators() -> None:
    result = engine.format_items([BOOK], _apa(), cites=[[engine.Cite("Short2007", "81, 93")]])
    assert result.entries[0].id == "Short2007"
    assert result.citations == ("(Short, 2007, pp. 81, 93)",)


def test_only_cited() -> None:
    other = dict(BOOK, id="other", title="Other")
    result = engine.format_items([BOOK, other], _apa(), cites=[[engine.Cite("other")]], only_cited=True)
    assert [e.id for e in result.entries] == ["other"]


def test_unknown_cite_id_is_a_diagnostic() -> None:
    result = engine.format_items([BOOK], _apa(), cites=[[engine.Cite("nobody")]])
    assert "nobody?" in result.citations[0]
    assert [d.code for d in result.diagnostics] == ["CL502"]


def test_malformed_item_is_reported_and_the_rest_formatted() -> None:
    bad = {"id": "bad", "type": "book", "author": "not a list", "issued": {"date-parts": [["x"]]}}
    result = engine.format_items([bad, BOOK], _apa())
    assert [e.id for e in result.entries] == ["Short2007"]
    assert any(d.code == "CL502" and d.subject == "bad" for d in result.diagnostics)


def test_unknown_output_format_is_unusable_input() -> None:
    with pytest.raises(engine.UnusableInputError):
        engine.format_items([BOOK], _apa(), fmt="rtf")


def test_missing_style_file_is_cl501(tmp_path) -> None:
    with pytest.raises(engine.StyleError) as caught:
        engine.load_style(tmp_path / "nope.csl")
    assert caught.value.diagnostic.code == "CL501"


@pytest.mark.parametrize("data", [b"<style", b"<html/>", b"\x00\xff", b'<style xmlns="http://purl.org/net/xbiblio/csl"/>'])
def test_broken_style_is_cl502(data: bytes) -> None:
    with pytest.raises(engine.StyleError) as caught:
        engine.load_style_data(data)
    assert caught.value.diagnostic.code == "CL502"


def test_external_entities_are_not_resolved(tmp_path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOPSECRET")
    data = (
        f'<?xml version="1.0"?><!DOCTYPE style [<!ENTITY x SYSTEM "file://{secret}">]>'
        '<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">'
        '<citation><layout><text value="&x;"/></layout></citation></style>'
    ).encode()
    try:
        style = engine.load_style_data(data)
    except engine.StyleError:
        return  # refusing the entity outright is fine too
    result = engine.format_items([BOOK], style, cites=[[engine.Cite("Short2007")]])
    assert "TOPSECRET" not in "".join(result.citations)


def test_a_path_that_is_not_a_style_is_cl502() -> None:
    with pytest.raises(engine.StyleError) as caught:
        engine.load_style(styles.resolve_style("/etc/hostname"))
    assert caught.value.diagnostic.code == "CL502"


def test_style_without_bibliography_formats_citations() -> None:
    data = (b'<style xmlns="http://purl.org/net/xbiblio/csl" class="note" version="1.0">'
            b'<citation><layout><text variable="title"/></layout></citation></style>')
    result = engine.format_items([BOOK], engine.load_style_data(data), cites=[[engine.Cite("Short2007")]])
    assert result.entries == () and result.citations == ("Pol Pot",)
    assert any(d.code == "CL502" and "no bibliography" in d.message for d in result.diagnostics)
    assert not any("engine failed" in d.message for d in result.diagnostics)


@pytest.mark.parametrize(("spec", "stem"), [("apa", "apa"), ("vancouver", "nlm-citation-sequence"),
                                            ("citeledger-house", "citeledger-house"), ("APA", "apa")])
def test_resolve_style(spec: str, stem: str) -> None:
    assert styles.resolve_style(spec).stem == stem


def test_dependent_style_resolves_to_its_parent() -> None:
    dependent = next(i for i in styles.list_styles() if i.origin == "dependent")
    assert styles.resolve_style(dependent.id).parent.name == "styles"


@pytest.mark.parametrize("spec", ["chicgo-author-date", "../../no/such/style", "nope.csl", "a b c"])
def test_unknown_style_is_cl501_with_hint(spec: str) -> None:
    with pytest.raises(engine.StyleError) as caught:
        styles.resolve_style(spec)
    assert caught.value.diagnostic.code == "CL501"
    if spec.startswith("chicgo"):
        assert "chicago-author-date" in caught.value.diagnostic.hint


def test_list_styles_searches_id_and_title() -> None:
    found = styles.list_styles("citeledger")
    assert {i.id for i in found} >= {"citeledger-house", "citeledger-cite-this"}
    assert all(i.origin == "project" for i in found[:2])
    apa = next(i for i in styles.list_styles("apa 7th") if i.id == "apa")
    assert apa.style_class == "in-text" and apa.title == "APA Style 7th edition"
    assert styles.list_styles("no such style anywhere") == []


def test_a_repeated_id_formats_the_first_item():
    from citeledger.render.engine import format_items, load_style
    from citeledger.render.styles import resolve_style

    items = [{"id": "k", "type": "book", "title": "First Title"}, {"id": "k", "type": "book", "title": "Second Title"}]
    formatted = format_items(items, load_style(resolve_style("apa")))
    assert len(formatted.entries) == 1
    assert "First Title" in formatted.entries[0].text
    assert any("repeats an id" in d.message for d in formatted.diagnostics)
