"""The speed paths of the formatter (``structure-cache``, the engine's data classes) change nothing:
the same output as without them, on every item set, and they are actually taken."""

from __future__ import annotations

import pytest

from citeledger.render import engine, styles, workarounds
from format_goldens import load_cites, load_items

CSL = "{http://purl.org/net/xbiblio/csl}"
STYLES = ("apa", "chicago-author-date", "modern-language-association", "ieee", "iso690-author-date-fr")


def _format(style_id: str, item_set: str, enabled=workarounds.ALL):
    style = engine.load_style(styles.resolve_style(style_id), enabled=enabled)
    return engine.format_items(load_items(item_set), style, cites=load_cites(item_set), jobs=1)


@pytest.mark.parametrize("item_set", ["sample", "mixed", "disambig"])
@pytest.mark.parametrize("style_id", STYLES)
def test_speed_paths_change_nothing(style_id: str, item_set: str) -> None:
    fast = _format(style_id, item_set)
    slow = _format(style_id, item_set, enabled=workarounds.ALL - {"structure-cache"})
    assert fast.entries and fast.entries == slow.entries
    assert fast.citations == slow.citations


def _chooses(style) -> list:
    return list(style.root.iter(f"{CSL}choose"))


def test_a_choose_of_type_and_variable_tests_is_planned() -> None:
    style = engine.load_style(styles.resolve_style("apa"))
    planned = [choose for choose in _chooses(style) if "render" in vars(choose)]
    assert len(planned) > len(_chooses(style)) // 2
    for choose in planned:  # only branches a plan can test, or cs:else
        for branch in choose:
            assert branch.tag in (f"{CSL}if", f"{CSL}else-if", f"{CSL}else")
            assert set(branch.attrib) <= {"type", "variable", "match", "disambiguate"}
            assert "disambiguate" not in branch.attrib


def test_a_choose_with_other_tests_is_left_to_the_engine() -> None:
    style = engine.load_style(styles.resolve_style("apa"))
    for choose in _chooses(style):
        tests = {name for branch in choose for name in branch.attrib}
        if tests & {"position", "is-numeric", "locator", "is-uncertain-date", "disambiguate"}:
            assert "render" not in vars(choose)


def test_no_plan_without_the_structure_cache() -> None:
    style = engine.load_style(styles.resolve_style("apa"), enabled=workarounds.ALL - {"structure-cache"})
    assert not any("render" in vars(choose) for choose in _chooses(style))


def test_a_missing_variable_is_still_a_missing_variable() -> None:
    # the engine's references read at C speed but must still raise citeproc-py's VariableError, which
    # its groups catch: an item without a title or a date still formats, without "None" or a crash
    item = {"id": "bare", "type": "book", "author": [{"family": "Doe", "given": "Jane"}]}
    style = engine.load_style(styles.resolve_style("apa"))
    result = engine.format_items([item], style, cites=[[engine.Cite("bare")]])
    assert result.entries[0].text.startswith("Doe, J.")
    assert "None" not in result.entries[0].text and "None" not in result.citations[0]
    assert not [d for d in result.diagnostics if d.code == "CL502"]


def test_a_cite_of_an_unknown_id_is_still_reported() -> None:
    style = engine.load_style(styles.resolve_style("apa"))
    items = [{"id": "known", "type": "book", "title": "T", "issued": {"date-parts": [[2000]]}}]
    result = engine.format_items(items, style, cites=[[engine.Cite("known"), engine.Cite("ghost")]])
    assert any(d.code == "CL502" and d.subject == "ghost" for d in result.diagnostics)
    assert "ghost?" in result.citations[0]


def test_citation_and_bibliography_remember_their_options() -> None:
    style = engine.load_style(styles.resolve_style("apa"))
    bibliography = style.root.bibliography
    assert "get_option" in vars(bibliography) and "get_option" in vars(style.root.citation)
    assert bibliography.get_option("et-al-min") == bibliography.get("et-al-min") == "21"
    assert bibliography.get_option("initialize-with") == ". "  # inherited from the cs:style element


@pytest.mark.parametrize("style_id", STYLES)
def test_name_options_read_as_the_engine_reads_them(style_id: str) -> None:
    fast = engine.load_style(styles.resolve_style(style_id))
    slow = engine.load_style(styles.resolve_style(style_id), enabled=workarounds.ALL - {"structure-cache"})
    options = ["form", "delimiter", "and", "et-al-min", "et-al-use-first", "et-al-use-last",
               "initialize-with", "initialize-with-hyphen", "name-as-sort-order", "sort-separator"]
    pairs = list(zip(fast.root.iter(f"{CSL}name"), slow.root.iter(f"{CSL}name"), strict=True))
    assert pairs
    answered = 0
    for fast_name, slow_name in pairs:
        for context in ("citation", "bibliography"):  # a cs:name in a macro answers in its caller's context
            fast_context, slow_context = getattr(fast.root, context), getattr(slow.root, context)
            for option in options:
                for sort_options in (None, {"name-as-sort-order": "all"}, {option: "9"}):
                    answer = _answer(fast_name, option, fast_context, sort_options)
                    assert answer == _answer(slow_name, option, slow_context, sort_options)
                    answered += not isinstance(answer, type)
    assert answered > len(pairs) * len(options)


def _answer(name, option: str, context, sort_options):
    try:
        return name.get_option(option, context.layout, sort_options)
    except Exception as error:  # e.g. no et-al-min anywhere: int(None) in both
        return type(error)


def test_term_texts_follow_the_output_format() -> None:
    # a term is kept per formatter: its "&" is escaped in HTML after a text run with the same loaded style
    data = (
        b'<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0"><info><title>t</title>'
        b'<id>t</id><updated>2026-01-01T00:00:00+00:00</updated></info>'
        b'<locale><terms><term name="in">in &amp; at</term></terms></locale>'
        b'<citation><layout><text variable="title"/></layout></citation>'
        b'<bibliography><layout><text term="in" suffix=" "/><text variable="title"/></layout></bibliography></style>'
    )
    style = engine.load_style_data(data)
    items = [{"id": "a", "type": "book", "title": "Title"}]
    assert engine.format_items(items, style, fmt="text").entries[0].text == "in & at Title"
    html = engine.format_items(items, style, fmt="html").entries[0].text
    assert "&#38;" in html and " & " not in html
    assert html == engine.format_items(items, engine.load_style_data(data), fmt="html").entries[0].text
