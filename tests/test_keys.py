"""Citation keys: surname + year, lowercase ASCII, transliterated, a/b on collision, stable."""

import pytest

from citeledger.keys import assign_keys, check_pattern, format_key, to_ascii
from citeledger.model import Date, Name, Reference


def ref(family="", year=None, title="", literal="", particle="", editor=False, given=""):
    name = Name(family=family, given=given, particle=particle, literal=literal)
    names = {("editor" if editor else "author"): (name,)} if (family or literal) else {}
    dates = {"issued": Date(parts=(year,))} if year else {}
    return Reference("x", "book", {"title": title} if title else {}, names, dates)


@pytest.mark.parametrize(("reference", "key"), [
    (ref("Chandler", 1993), "chandler1993"),
    (ref("Le Roy Ladurie", 1975), "leroyladurie1975"),
    (ref("Lemarchand", 2009), "lemarchand2009"),
    (ref("Des Forges", 1999), "desforges1999"),
    (ref("Berg", 2001, particle="van der"), "vanderberg2001"),
    (ref("Łukasiewicz", 1951), "lukasiewicz1951"),
    (ref("Müller-Straße", 2010), "mullerstrasse2010"),
    (ref("Ø'Brien", 2010), "obrien2010"),
    (ref(literal="Human Rights Watch", year=1999), "humanrightswatch1999"),
    (ref(literal="The World Bank", year=2004), "worldbank2004"),
    (ref(title="The Killing Fields", year=1984), "killing1984"),
    (ref(title="Ieng Sary's Regime", year=1998), "ieng1998"),
    (ref("Picq", editor=True, year=1984), "picq1984"),
    (ref("Short"), "short"),
    (ref(), "ref"),
])
def test_format_key(reference, key):
    assert format_key(reference) == key


def test_pattern_with_title_word_and_initial():
    reference = ref("Chandler", 2000, title="A History of Cambodia", given="David")
    assert format_key(reference, "{family}{year}{title_word}") == "chandler2000history"
    assert format_key(reference, "{family}_{given_initial}{year}") == "chandler_d2000"


def test_unknown_placeholder_is_refused():
    with pytest.raises(ValueError, match="surname"):
        check_pattern("{surname}{year}")


def test_collisions_get_a_and_b_in_input_order():
    references = [ref("Chandler", 2000, "One"), ref("Chandler", 1993), ref("Chandler", 2000, "Two")]
    assert assign_keys(references) == ["chandler2000a", "chandler1993", "chandler2000b"]


def test_keys_are_stable_across_runs():
    references = [ref("Chandler", 2000), ref("Short", 2004), ref("Chandler", 2000)]
    assert assign_keys(references) == assign_keys(list(references)) == ["chandler2000a", "short2004",
                                                                       "chandler2000b"]


def test_taken_keys_are_avoided():
    assert assign_keys([ref("Short", 2004)], taken=["short2004"]) == ["short2004a"]
    assert assign_keys([ref("Short", 2004)], taken=["Short2004", "short2004a"]) == ["short2004b"]


def test_many_collisions_run_past_z():
    keys = assign_keys([ref("Smith", 2000)] * 28)
    assert keys[0] == "smith2000a" and keys[25] == "smith2000z" and keys[26] == "smith2000aa"
    assert len(set(keys)) == 28


def test_to_ascii():
    assert to_ascii("Désirée Ørsted Œuvre") == "Desiree Orsted OEuvre"
