"""Disambiguation against citeproc-js, case by case (render.disambiguation and its name and collapse fixes).

Each case is a golden of the disambiguation item set that needs the named fix: it matches with every
fix on and differs with that one off. The goldens as a whole are checked by test_render_golden.py.
"""

from __future__ import annotations

import pytest

from citeledger.render import engine, fidelity, styles, workarounds
from format_goldens import load_cites, load_golden, load_items

# (style, item set, "entries" | "citations", index, the fix it needs, what it shows)
CASES = [
    ("apa", "disambig", "citations", 0, "disambiguate-add-givenname",
     "primary-name-with-initials: another Smith is cited, so (J. Smith, 2000)"),
    ("chicago-author-date", "disambig", "citations", 4, "disambiguate-add-givenname",
     "primary-name: the initials collide, so whole given names (Li Wang 2012; Lei Wang 2012)"),
    ("harvard-leeds-beckett-university", "disambig", "citations", 2, "disambiguate-add-givenname",
     "all-names-with-initials on an inverted name: (Smith, A., 2001; Smith, J., 2000)"),
    ("iso690-author-date-fr", "disambig", "citations", 3, "disambiguate-add-givenname",
     "by-cite on a style that does not initialize: whole given names"),
    ("modern-language-association", "disambig", "citations", 0, "disambiguate-add-givenname",
     "by-cite, then the disambiguate condition: (J. Smith, Rice and Revolution…)"),
    ("harvard-cite-them-right", "disambig", "entries", 16, "disambiguate-add-givenname",
     "the bibliography entry shows the given name the citation needed (Wang, Lei (2012))"),
    ("apa", "disambig", "citations", 8, "disambiguate-add-names",
     "names added up to the whole list: no et al. (Lee, Kim, Park, Choi, & Jung, 2015; …)"),
    ("modern-language-association", "disambig", "entries", 0, "disambiguate-add-names",
     "the bibliography entry shows the names the citation needed"),
    ("annual-reviews-author-date", "disambig", "citations", 11, "year-suffix-collapse",
     "year-suffix-ranged: (Doe 2003a–c)"),
    ("annual-reviews-author-date", "disambig", "citations", 12, "year-suffix-collapse",
     "a run of two is not a range: (Doe 2002, 2003a,b,d)"),
    ("american-meteorological-society", "disambig", "citations", 13, "year-suffix-collapse",
     "suffixes collapse after a cite with a locator: (Doe 2003a, p. 12,b,c)"),
    ("journal-of-animal-physiology-and-animal-nutrition", "disambig", "citations", 3, "year-suffix-collapse",
     "the style's year-suffix text keeps its prefix, joined by the layout delimiter: (Smith, 2005 a;  b)"),
    ("iso690-author-date-fr", "sample", "citations", 7, "cite-collapse",
     "after-collapse-delimiter: the layout's delimiter inside a group (Chandler 1993; 2000)"),
]


def _render(style_id: str, item_set: str, without: str = "") -> engine.Formatted:
    style = engine.load_style(styles.resolve_style(style_id), enabled=workarounds.ALL - {without})
    return engine.format_items(load_items(item_set), style, cites=load_cites(item_set))


def _pick(result: engine.Formatted, kind: str, index: int) -> str:
    return result.entries[index].text if kind == "entries" else result.citations[index]


@pytest.mark.parametrize(("style_id", "item_set", "kind", "index", "fix", "shows"), CASES,
                         ids=[f"{c[0]}-{c[2]}-{c[3]}" for c in CASES])
def test_disambiguation_matches_citeproc_js(style_id, item_set, kind, index, fix, shows) -> None:
    record = load_golden(style_id, item_set, "text")
    golden = record["bibliography"][index] if kind == "entries" else record["citations"][index]
    golden = fidelity.normalize_citeprocjs_entry(golden, "text")
    assert _pick(_render(style_id, item_set), kind, index) == golden, shows
    assert _pick(_render(style_id, item_set, without=fix), kind, index) != golden, f"{fix} is not needed: {shows}"


def test_disambiguation_state_lives_on_the_root() -> None:
    """The engine may render in forked workers: the state that changes a rendering is on the style root."""
    style = engine.load_style(styles.resolve_style("apa"))
    engine.format_items(load_items("disambig"), style)
    names = style.root.citeledger_names_config
    assert names["brown2010a"][0] == 3 and names["lee2015a"][0] == 5  # names shown
    assert names["smithj2000"][1] == (1,) and names["wangli2012"][1] == (0,)  # initials: only Smith needs them
    assert names["taylor2018a"][0] == 1  # identical lists: back to et al. (then year suffixes)
    assert not vars(style.root).get("citeledger_names_probe")


def test_bibliography_alone_is_unchanged_without_collisions() -> None:
    items = [item for item in load_items("disambig") if item["id"] in ("smithj2000", "doe2002")]
    style = engine.load_style(styles.resolve_style("apa"))
    result = engine.format_items(items, style, cites=[[engine.Cite("smithj2000")]])
    assert result.citations == ("(Smith, 2000)",)


# Official styles outside the goldens: (style, item set, citation index, fix, citeproc-js 1.4.61's text as
# recorded by bench/record_citeprocjs.js in the random-style fidelity run).
RANDOM_STYLE_CASES = [
    ("frontiers", "disambig", 3, "year-suffix", "(Smith, 2005a, 2005b)"),  # the year of a localized date
    ("decision-sciences", "disambig", 9, "cite-collapse", "(Taylor, Moore, Hall, & Young, 2018a, 2018b)"),
    ("nehet", "sample", 7, "cite-collapse", "Chandler\u00a01993\u00a0; \u00a02000"),  # a note style
    ("open-window", "disambig", 10, "year-suffix-collapse", "(Doe 2003a,b)"),
    # a note style: ambiguity is judged on the later (short) form of the cite, as in citeproc-js
    ("philosophy-and-public-affairs", "disambig", 5, "disambiguate-add-names",
     "Alice Brown, Brian Green, Carol White, et al., “Mass graves and forensic survey,” Forensic Science"
     " International 199 (2010): 1–9."),
]


@pytest.mark.parametrize(("style_id", "item_set", "index", "fix", "expected"), RANDOM_STYLE_CASES,
                         ids=[c[0] for c in RANDOM_STYLE_CASES])
def test_disambiguation_in_random_style(style_id, item_set, index, fix, expected) -> None:
    def render(enabled):
        style = engine.load_style(styles.official_styles_dir() / f"{style_id}.csl", enabled=enabled)
        return engine.format_items(load_items(item_set), style, cites=load_cites(item_set)).citations[index]

    assert render(workarounds.ALL) == expected
    assert render(workarounds.ALL - {fix}) != expected
