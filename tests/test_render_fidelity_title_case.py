"""``text-case="title"`` as citeproc-js applies it (``render.workarounds.title_case``)."""

from __future__ import annotations

import pytest

from citeledger.render import engine, styles, workarounds
from citeledger.render.workarounds.title_case import title_case
from format_goldens import load_items

# citeproc-js 2.4.63's CSL.Output.Formatters.title on each text (node, English locale)
CITEPROC_JS = [
    ("village memory after the khmer rouge", "Village Memory after the Khmer Rouge"),
    ("twentieth-century state-of-the-art up-to-date", "Twentieth-Century State-of-the-Art up-to-Date"),
    ("up-to-date stuff", "Up-to-Date Stuff"),
    ("the people’s war: a history of", "The People’s War: A History Of"),
    ("l’histoire and women's work", "L’histoire and Women's Work"),
    ("the 'real' thing", "The 'real' Thing"),
    ("“the great war” and after", "“The Great War” and After"),
    ("a x b", "A x b"),
    ("what is it? a study", "What Is It? A Study"),
    ("α decay of nuclei", "α Decay of Nuclei"),
    ("the <sc>abc</sc> of it", "The <sc>abc</sc> of It"),
    ("DNA and the iPhone under scrutiny", "DNA and the iPhone under Scrutiny"),
]


@pytest.mark.parametrize(("text", "expected"), CITEPROC_JS)
def test_title_case_as_citeproc_js(text: str, expected: str) -> None:
    assert title_case([text], [False]) == [expected]


def test_nocase_parts_keep_their_case() -> None:
    # citeproc-js: "War in <span class="nocase">iPhone</span> Land"
    assert title_case(["war in ", "iPhone", " land"], [False, True, False]) == ["War in ", "iPhone", " Land"]


def test_labels_in_title_case() -> None:
    # citeproc-js 2.4.63, canadian-journal-of-soil-science (random-style fidelity run): the label's last
    # word is a stop word, capitalized at the end of the text ("Translated ByS. Sim", sic)
    kosal = [item for item in load_items("sample") if item["id"] == "kosal1998"]
    path = styles.resolve_style("canadian-journal-of-soil-science")
    assert "Translated ByS. Sim" in engine.format_items(kosal, engine.load_style(path)).entries[0].text
    raw = engine.load_style(path, enabled=workarounds.ALL - {"title-case"})
    assert "Translated byS. Sim" in engine.format_items(kosal, raw).entries[0].text
