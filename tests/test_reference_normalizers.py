"""Table-driven tests of the name re-casing, name lists, dates, editions, numbers, identifiers,
titles and languages (each expected value written by hand)."""

from __future__ import annotations

import pytest

from citeledger.model import Date, Name
from citeledger.references import parse_reference
from citeledger.references.names import parse_name_list
from citeledger.references.normalizers import Draft
from citeledger.references.normalizers.dates import normalize_date
from citeledger.references.normalizers.numbers import normalize_numbers
from citeledger.references.normalizers.publishing import normalize_edition, normalize_place_publisher
from citeledger.references.normalizers.resegment import split_editor_container
from citeledger.references.normalizers.titles import clean_title, guess_language
from citeledger.references.recase import recase_name
from citeledger.references.segments import Labelling, Segment


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("CHANDLER", "Chandler"), ("LE ROY LADURIE", "Le Roy Ladurie"), ("McNAMARA", "McNamara"),
        ("O'BRIEN", "O'Brien"), ("MARIE-ALEXANDRINE", "Marie-Alexandrine"), ("VAN DER BERG", "van der Berg"),
        ("Smith", "Smith"), ("MÜLLER", "Müller"), ("D'ALEMBERT", "D'Alembert"),
    ],
)  # fmt: skip
def test_recase_name(written, expected):
    assert recase_name(written) == expected


def _names(text):
    parsed = parse_name_list(text)
    return {role: [(n.particle, n.family, n.given, n.literal) for n in names] for role, names in parsed.names.items()}


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("DUPONT, Jean", {"author": [("", "Dupont", "Jean", "")]}),
        ("DUPONT, Jean, DURAND, Marie-Claire",
         {"author": [("", "Dupont", "Jean", ""), ("", "Durand", "Marie-Claire", "")]}),
        ("DUPONT Jean and DURAND Marie", {"author": [("", "Dupont", "Jean", ""), ("", "Durand", "Marie", "")]}),
        ("LOPEZ, Ana (trad.)", {"translator": [("", "Lopez", "Ana", "")]}),
        ("LOPEZ, Ana, ROSSI Carla (translation)",
         {"author": [("", "Lopez", "Ana", "")], "translator": [("", "Rossi", "Carla", "")]}),
        ("MOREAU Paul (dir.)", {"editor": [("", "Moreau", "Paul", "")]}),
        ("Smith, J. and Jones, A. (eds.)", {"editor": [("", "Smith", "J.", ""), ("", "Jones", "A.", "")]}),
        ("Weber, M. / Koch, K. (Hrsg.)", {"editor": [("", "Weber", "M.", ""), ("", "Koch", "K.", "")]}),
        ("Smith JA, Lee CD", {"author": [("", "Smith", "J. A.", ""), ("", "Lee", "C. D.", "")]}),
        ("J. Smith and A. B. Jones", {"author": [("", "Smith", "J.", ""), ("", "Jones", "A. B.", "")]}),
        ("Charles de Gaulle", {"author": [("de", "Gaulle", "Charles", "")]}),
        ("World Health Organization", {"author": [("", "", "", "World Health Organization")]}),
        ("LE ROY LADURIE, Emmanuel", {"author": [("", "Le Roy Ladurie", "Emmanuel", "")]}),
        ("TURNER, Brian D.", {"author": [("", "Turner", "Brian D.", "")]}),
    ],
)  # fmt: skip
def test_name_lists(written, expected):
    assert _names(written) == expected


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        # Italian and French lists: "Family (Given)"
        ("Cozzi (Gaetano)", {"author": [("", "Cozzi", "Gaetano", "")]}),
        ("BRAUDEL (F.), Cozzi (Gaetano)", {"author": [("", "Braudel", "F.", ""), ("", "Cozzi", "Gaetano", "")]}),
        ("De Rosa (Gabriele) (a cura di)", {"editor": [("", "De Rosa", "Gabriele", "")]}),
        # names joined by a spaced dash; a hyphen inside a name is no separator
        ("G. COZZI - M. KNAPTON", {"author": [("", "Cozzi", "G.", ""), ("", "Knapton", "M.", "")]}),
        ("Rossi M. – Bianchi P.", {"author": [("", "Rossi", "M.", ""), ("", "Bianchi", "P.", "")]}),
        ("Jean-Paul Sartre", {"author": [("", "Sartre", "Jean-Paul", "")]}),
        # family name then run-together initials
        ("Lane F.C.", {"author": [("", "Lane", "F. C.", "")]}),
        ("LANE F.C.", {"author": [("", "Lane", "F. C.", "")]}),
        ("F.C. Lane", {"author": [("", "Lane", "F. C.", "")]}),
        ("Lane, F.C.", {"author": [("", "Lane", "F. C.", "")]}),
        ("G. Cozzi (a c. di)", {"editor": [("", "Cozzi", "G.", "")]}),
        ("WU Jing", {"author": [("", "Wu", "Jing", "")]}),
    ],
)  # fmt: skip
def test_humanities_name_forms(written, expected):
    assert _names(written) == expected


def test_mixed_name_forms_are_irregular():
    assert parse_name_list("LOPEZ, Ana, ROSSI Carla").irregular
    assert not parse_name_list("LOPEZ, Ana, ROSSI, Carla").irregular


def _draft(**segments):
    text, spans = "", []
    for label, value in segments.items():
        start = len(text)
        text += value + " | "
        spans.append(Segment(label.replace("_", "-"), start, start + len(value)))
    return Draft(Labelling(text, tuple(spans), "test", 1.0))


@pytest.mark.parametrize(
    ("written", "expected"),
    [("1999a", Date(parts=(1999,))), ("(2004),", Date(parts=(2004,))), ("n.d.", Date(literal="n.d.")),
     ("3 February 2008", Date(parts=(2008, 2, 3))), ("1976-1979", Date(parts=(1976,)))],
)  # fmt: skip
def test_dates(written, expected):
    draft = _draft(date=written)
    normalize_date(draft)
    assert draft.dates["issued"] == expected


@pytest.mark.parametrize(
    ("written", "expected"),
    [("(4th ed.)", "4"), ("2nd edn", "2"), ("3e éd.", "3"), ("9. Aufl.", "9"), ("Second edition", "2")],
)
def test_editions(written, expected):
    draft = _draft(edition=written)
    normalize_edition(draft)
    assert draft.fields["edition"] == expected


@pytest.mark.parametrize(
    ("segments", "expected"),
    [
        ({"volume": "35", "issue": "(4):", "pages": "585-597."}, {"volume": "35", "issue": "4", "page": "585-597"}),
        ({"volume": "vol. 47,", "issue": "no. 4,", "pages": "pp. 423–42"},
         {"volume": "47", "issue": "4", "page": "423-42"}),
        ({"volume": "25,", "issue": "n° 3", "pages": "S. 12"}, {"volume": "25", "issue": "3", "page": "12"}),
    ],
)  # fmt: skip
def test_volume_issue_pages(segments, expected):
    draft = _draft(**segments)
    normalize_numbers(draft)
    assert draft.fields == expected


@pytest.mark.parametrize(
    ("segments", "expected"),
    [
        ({"location": "New Haven, Connecticut:", "publisher": "Yale University Press."},
         {"publisher-place": "New Haven, Connecticut", "publisher": "Yale University Press"}),
        ({"publisher": ": B. Barrault."}, {"publisher": "B. Barrault"}),
        ({"publisher": "Smith & Co."}, {"publisher": "Smith & Co."}),
        ({"location": "Mohr, Tübingen"}, {"publisher-place": "Tübingen", "publisher": "Mohr"}),
        ({"publisher": "London: Verso."}, {"publisher-place": "London", "publisher": "Verso"}),
        ({"location": "New Haven, Connecticut"}, {"publisher-place": "New Haven, Connecticut"}),
    ],
)  # fmt: skip
def test_place_publisher(segments, expected):
    draft = _draft(**segments)
    normalize_place_publisher(draft)
    assert draft.fields == expected


@pytest.mark.parametrize(
    ("written", "expected"),
    [("‘Homeric Fictions’,", "Homeric Fictions"), ("A Book.", "A Book"), ("Why?", "Why?"),
     ('Le "Khmer" et nous,', 'Le "Khmer" et nous'), ("Wait...", "Wait...")],
)  # fmt: skip
def test_titles(written, expected):
    assert clean_title(written) == expected


@pytest.mark.parametrize(
    ("title", "language"),
    [("La guerre et la paix au Cambodge", "fr"), ("Die Geschichte der Stadt", "de"), ("The Fall of a City", ""),
     ("Storia della città", "it"), ("Guerra y paz en el siglo", "es"), ("Empire", "")],
)  # fmt: skip
def test_language(title, language):
    assert guess_language(title) == language


@pytest.mark.parametrize(
    ("text", "field", "value"),
    [("SMITH, Jo, 2001, A Title, Paris: Seuil. doi:10.1000/xyz123.", "DOI", "10.1000/xyz123"),
     ("SMITH, Jo, 2001, A Title, Paris: Seuil. ISBN 978-2-02-012345-6", "ISBN", "978-2-02-012345-6"),
     ("SMITH, Jo, 2001, A Title, https://example.org/a.", "URL", "https://example.org/a")],
)  # fmt: skip
def test_identifiers_found_anywhere(text, field, value):
    reference, _, _ = parse_reference(text)
    assert reference.fields[field] == value


def test_house_chapter_and_article():
    chapter, _, labelling = parse_reference(
        "DUPONT, Jean, 1998, La ville, in MOREAU Paul (dir.), Les villes, Lyon: Fayard, p. 12-30."
    )
    assert labelling.method == "template:house-chapter"
    assert chapter.type == "chapter"
    assert chapter.names["editor"] == (Name(family="Moreau", given="Paul"),)
    assert chapter.fields["container-title"] == "Les villes" and chapter.fields["page"] == "12-30"
    article, _, labelling = parse_reference("DUPONT, Jean, 1998, La ville, Revue urbaine, 12 (3): 45-67.")
    assert labelling.method == "template:house-article"
    assert (article.type, article.fields["volume"], article.fields["issue"]) == ("article-journal", "12", "3")


@pytest.mark.parametrize(
    ("editor", "container", "editors"),
    [
        ("Gioco e giustizia, a cura di G. Ortalli", "Gioco e giustizia", "a cura di G. Ortalli"),
        ("Renaissance Cities, ed. J. R. Hall", "Renaissance Cities", "ed. J. R. Hall"),
        ("Stadt und Land, hrsg. von K. Weber", "Stadt und Land", "hrsg. von K. Weber"),
        ("Patronage and Society, edited by F. Kent and P. Simons", "Patronage and Society",
         "edited by F. Kent and P. Simons"),
        ("Weber, M. / Koch, K. (Hrsg.)", None, "Weber, M. / Koch, K. (Hrsg.)"),  # a name list stays whole
        ("Smith, J. and Jones, A., eds.", None, "Smith, J. and Jones, A., eds."),
    ],
)  # fmt: skip
def test_a_container_left_in_the_editor_field_is_split_off(editor, container, editors):
    draft = _draft(editor=editor)
    split_editor_container(draft)
    assert draft.labelling.values("container-title") == ([container] if container else [])
    assert draft.labelling.values("editor") == [editors]


def test_an_existing_container_keeps_the_editor_field_whole():
    draft = _draft(container_title="Studi", editor="Storia, a cura di G. Rossi")
    split_editor_container(draft)
    assert draft.labelling.values("editor") == ["Storia, a cura di G. Rossi"]
