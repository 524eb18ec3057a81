"""LaTeX ⇄ Unicode for BibTeX values, and title case protection (expected values written by hand)."""

import pytest

from citeledger.io.latex import decode_latex, encode_latex, protect_title


@pytest.mark.parametrize(("latex", "text"), [
    (r"{\'E}mile Durkheim", "Émile Durkheim"),
    (r"Mass Violence \& R{\'e}sistance", "Mass Violence & Résistance"),
    (r"Le Mal {C}ambodgien", "Le Mal Cambodgien"),
    (r"The {CPK} and the {UN}", "The CPK and the UN"),
    (r"50\% of \$5", "50% of $5"),
    (r"pages 81--93", "pages 81–93"),
    (r"D.~E. Knuth", "D. E. Knuth"),
    (r"Stra{\ss}e", "Straße"),
    (r"K{\"o}ln", "Köln"),
    (r"\c{C}a va", "Ça va"),
    (r"a \emph{b} c", "a b c"),
    ("100% sure", "100% sure"),  # an unescaped % is literal inside a .bib value, not a comment
    (r"see \url{http://x.org/a%20b_c}", "see http://x.org/a%20b_c"),
    (r"energy $E=mc^2$ here", "energy $E=mc^2$ here"),
    (r"\textasciicircum{} and \textasciitilde{}", "^ and ~"),
    ("  spread\n   over lines ", "spread over lines"),
    (r"\{braces\}", "{braces}"),
])
def test_decode_latex(latex, text):
    assert decode_latex(latex) == text


@pytest.mark.parametrize(("text", "latex"), [
    ("A & B", r"A \& B"),
    ("50% of it", r"50\% of it"),
    ("$5 and $6", r"\$5 and \$6"),
    ("C# and x_1", r"C\# and x\_1"),
    ("{braces}", r"\{braces\}"),
    ("a\\b", r"a\textbackslash{}b"),
    ("Résistance", "Résistance"),
    ("energy $E=mc^2$ here", "energy $E=mc^2$ here"),
    ("1 ~ 2 ^ 3", r"1 \textasciitilde{} 2 \textasciicircum{} 3"),
])
def test_encode_latex_utf8(text, latex):
    assert encode_latex(text) == latex


@pytest.mark.parametrize(("text", "latex"), [
    ("Résistance", r"R{\'e}sistance"),
    ("Émile", r"{\'E}mile"),
    ("Straße", r"Stra{\ss}e"),
    ("81–93", "81--93"),
    ("A — B", "A --- B"),
    ("Ça & ça", r"{\c{C}}a \& {\c{c}}a"),
])
def test_encode_latex_ascii(text, latex):
    assert encode_latex(text, ascii=True) == latex


@pytest.mark.parametrize("text", [
    "A & B: 50% of $5, C# x_1 {y} a\\b ~ ^",
    "Mass Violence & Résistance — Émile Durkheim",
    "energy $E=mc^2$ in 1905",
])
@pytest.mark.parametrize("ascii", [False, True])
def test_encode_then_decode_is_identity(text, ascii):
    assert decode_latex(encode_latex(text, ascii=ascii)) == text


def test_math_with_unbalanced_braces_is_escaped_not_passed_through():
    # BibTeX counts braces even after a backslash, so unpaired ones are written as named symbols
    assert encode_latex("a $x}{y$ b") == r"a \$x\textbraceright{}\textbraceleft{}y\$ b"
    assert decode_latex(encode_latex("a $x}{y$ b")) == "a $x}{y$ b"


@pytest.mark.parametrize(("latex", "text"), [
    (r"{\LaTeX{} Project Team}", "LaTeX Project Team"),
    (r"The {\TeX}book", "The TeXbook"),
    (r"\BibTeX\ styles", "BibTeX styles"),
])
def test_logos_are_kept(latex, text):
    assert decode_latex(latex) == text


@pytest.mark.parametrize(("title", "langid", "latex"), [
    ("CPK leaders and the UN in Cambodia", "english", "{CPK} leaders and the {UN} in {Cambodia}"),
    ("A history of Cambodia", "", "A history of {Cambodia}"),
    # consecutive capitalised words form one group; a group stops before punctuation
    ("Ieng Sary's Regime: a Diary of the Khmer Rouge Foreign Ministry, 1976-1979", "english",
     "Ieng {Sary's Regime}: a {Diary} of the {Khmer Rouge Foreign Ministry}, 1976-1979"),
    # BibTeX keeps the first letter of the title and of the word after a colon
    ("Pol Pot: Anatomy of a Nightmare", "", "Pol {Pot}: Anatomy of a {Nightmare}"),
    ("The iPhone and DNA-binding", "american", "The {iPhone} and {DNA-binding}"),
    ("Le Mal Cambodgien", "french", "{Le Mal Cambodgien}"),
    ("Cambodge: histoire d'un pays", "French", "{Cambodge: histoire d'un pays}"),
    ("AT&T & co", "english", r"{AT\&T} \& co"),
    ("all lower case", "english", "all lower case"),
    ("", "french", ""),
])
def test_protect_title(title, langid, latex):
    assert protect_title(title, langid) == latex


def test_protect_title_never_nests_braces():
    for title, langid in [("Études sur l'École", "french"), ("Émile Durkheim and the UN", "english")]:
        assert "{{" not in protect_title(title, langid, ascii=True)
    assert protect_title("Études", "french", ascii=True) == r"{\'Etudes}"


@pytest.mark.parametrize(("title", "langid"), [
    ("Ieng Sary's Regime: a Diary of the Khmer Rouge Foreign Ministry", "english"),
    ("Le Mal Cambodgien", "french"),
    ("AT&T, 50% and the UN", "english"),
])
def test_protected_title_decodes_back(title, langid):
    assert decode_latex(protect_title(title, langid)) == title
