"""Labelled references written by hand-coded conventions instead of CSL styles: the footnote and
bibliography habits of Italian, German, French, Spanish and English humanities and social sciences
that few CSL styles print (``a cura di``, ``Hrsg. von``, ``In:``, ``Roma-Bari 1990``, ``XII (1990),
n. 3``, ``S. 12-34``, journals in guillemets, place and year without a publisher).

Each reference is built piece by piece, so every character's field is known: no search is needed
to label it. Every convention is drawn from one ``random.Random``, so a seed gives the same corpus.
"""

from __future__ import annotations

import random
import re

from citeledger.references.training import vocab, vocab_europe
from citeledger.references.training.generate import abbreviated_journal
from citeledger.references.training.labelling import LabelledText

LANGS = ("it", "de", "fr", "en", "es")
LANG_WEIGHTS = (30, 25, 15, 22, 8)
KINDS = ("book", "chapter", "article", "edited")
KIND_WEIGHTS = (38, 24, 30, 8)
_FREE = {"it": vocab_europe.IT_WORDS, "de": vocab_europe.DE_WORDS, "es": vocab_europe.ES_WORDS,
         "fr": vocab.FREE_WORDS["fr"], "en": vocab.FREE_WORDS["en"] + " " + vocab_europe.SCIENCE_WORDS}  # fmt: skip
_NAME_POOL = {"it": "it", "de": "de", "fr": "fr", "en": "en", "es": "es"}
_ROLE_AFTER = {"it": (" (a cura di)", " (a c. di)", " (ed.)", " (eds.)", " (cur.)", " (curr.)"),
               "de": (" (Hrsg.)", " (Hg.)", " (Hrsg.)", " (ed.)", " (Eds.)"),
               "fr": (" (dir.)", " (éd.)", " (éds.)", " (ed.)"),
               "en": (" (ed.)", " (eds.)", " (Ed.)", " (Eds.)", ", ed.", ", eds.", " (editor)", " (editors)"),
               "es": (" (ed.)", " (eds.)", " (coord.)", " (dir.)", " (comp.)")}  # fmt: skip
_ROLE_BEFORE = {"it": ("a cura di ", "a c. di ", "a cura di ", "ed. by "),
                "de": ("hrsg. von ", "Hrsg. v. ", "hg. von ", "Hrsg. von "),
                "fr": ("sous la dir. de ", "sous la direction de ", "éd. par ", "dir. "),
                "en": ("ed. by ", "edited by ", "Edited by ", "ed. "),
                "es": ("ed. de ", "edición de ", "coord. por ")}  # fmt: skip
_TRANSLATED = {"it": ("trad. it. di ", "trad. di ", "tr. it. "), "de": ("übers. von ", "aus dem Englischen von "),
               "fr": ("trad. par ", "traduit par ", "trad. de l'anglais par "), "en": ("trans. ", "translated by "),
               "es": ("trad. de ", "traducción de ")}  # fmt: skip
_IN = {"it": ("in ", "in ", "In ", "in: "), "de": ("In: ", "in: ", "In ", "in "), "fr": ("dans ", "in ", "In "),
       "en": ("In ", "in ", "In: "), "es": ("en ", "En ", "in ")}  # fmt: skip
_PAGES = {"it": ("pp. ", "p. ", "pp. ", "pp "), "de": ("S. ", "S. ", "pp. ", "S."), "fr": ("p. ", "pp. ", "p. "),
          "en": ("pp. ", "p. ", "pp. ", ""), "es": ("pp. ", "p. ", "págs. ")}  # fmt: skip
_VOLUME = {
    "it": ("vol. ", "vol. ", "voll. ", "t. ", "a. ", ""),
    "de": ("Bd. ", "Jg. ", "Vol. ", "Band ", ""),
    "fr": ("vol. ", "t. ", "tome ", ""),
    "en": ("vol. ", "Vol. ", "v. ", ""),
    "es": ("vol. ", "t. ", ""),
}
_ISSUE = {"it": ("n. ", "fasc. ", "n° ", "no. "), "de": ("H. ", "Heft ", "Nr. ", "No. "), "fr": ("n° ", "no ", "n. "),
          "en": ("no. ", "No. ", "n. "), "es": ("núm. ", "n.º ", "no. ")}  # fmt: skip
_EDITION = {
    "it": ("{n}a ed.", "{n}ª ed.", "nuova ed.", "{n}. ed."),
    "de": ("{n}. Aufl.", "{n}., überarb. Aufl."),
    "fr": ("{n}e éd.", "{n}e édition"),
    "en": ("{n}nd ed.", "{n}nd edn", "rev. ed."),
    "es": ("{n}.ª ed.",),
}
_SERIES = {"it": ("Collana di studi {a}", "Biblioteca di storia {a}", "Studi e testi"),
           "de": ("= Schriften zur {A}", "Beiträge zur {A}", "= Studien zur {A}"),
           "fr": ("Bibliothèque {a}", "Collection {A}"), "en": ("Studies in {A}", "{A} Series", "Lecture Notes in {A}"),
           "es": ("Biblioteca de {a}",)}  # fmt: skip


def _pick(rng: random.Random, options):
    return options[rng.randrange(len(options))]


def _name(rng: random.Random, lang: str, form: str) -> str:
    pool = _NAME_POOL[lang] if rng.random() < 0.8 else _pick(rng, tuple(vocab.FAMILY))
    family = _pick(rng, vocab.FAMILY[pool].split())
    if rng.random() < 0.08:
        other = _pick(rng, vocab.FAMILY[pool].split())
        family = f"{_pick(rng, vocab.PARTICLES)} {family}" if rng.random() < 0.6 else f"{family}-{other}"
    given = _pick(rng, vocab.GIVEN[pool].split())
    if rng.random() < 0.15:
        given += " " + _pick(rng, vocab.GIVEN[pool].split())
    initials = "".join(f"{part[0]}." for part in given.replace("-", " ").split())
    if rng.random() < 0.3:
        initials = " ".join(f"{part[0]}." for part in given.replace("-", " ").split())
    caps, bare = family.upper(), initials.replace(".", "").replace(" ", "")
    forms = {
        "Family, Given": f"{family}, {given}",
        "FAMILY, Given": f"{caps}, {given}",
        "Family, G.": f"{family}, {initials}",
        "G. Family": f"{initials} {family}",
        "Given Family": f"{given} {family}",
        "Family G.": f"{family} {initials}",
        "FAMILY G.": f"{caps} {initials}",
        "Family (Given)": f"{family} ({given})",
        "FAMILY (G.)": f"{caps} ({initials})",
        "G. FAMILY": f"{initials} {caps}",
        "Family": family,
        "Family G": f"{family} {bare}",
        "FAMILY Given": f"{caps} {given}",
        "Given FAMILY": f"{given} {caps}",
    }
    return forms[form]


_FORMS = ("Family, Given", "FAMILY, Given", "Family, G.", "G. Family", "Given Family", "Family G.", "FAMILY G.",
          "Family (Given)", "FAMILY (G.)", "G. FAMILY", "Family G", "FAMILY Given", "Given FAMILY")  # fmt: skip


def _people(w: LabelledText, rng: random.Random, lang: str, label: str, count: int, form: str) -> None:
    """A list of names in one form, with its separators and perhaps ``et al.``; all of it is ``label``."""
    joiners = (", ", "; ", " - ", " / ", "/", ", ")
    last_joiners = {"it": " e ", "de": " und ", "fr": " et ", "en": " and ", "es": " y "}
    sep = _pick(rng, joiners)
    last = _pick(rng, (sep, " & ", last_joiners[lang], " and ", ", and "))
    shown = count if count <= 3 or rng.random() < 0.5 else rng.randint(1, 3)
    if rng.random() < 0.05:
        w.put(_pick(rng, (*vocab.ORGANISATIONS, "Istituto nazionale di statistica", "Statistisches Bundesamt")), label)
        return
    for index in range(shown):
        if index:
            w.put(last if index == shown - 1 and shown == count else sep, label)
        w.put(_name(rng, lang, form if index == 0 or rng.random() < 0.8 else _pick(rng, _FORMS)), label)
    if shown < count:
        w.put(_pick(rng, (" et al.", " et al.", " u.a.", " [et al.]", " et al", ", et al.", " e altri")), label)


def _title_date(rng: random.Random, lang: str) -> str:
    """A date as titles print it: ``nel 1630``, ``del '500``, ``im 18. Jahrhundert``, ``au XVIe siècle``."""
    year = rng.randint(1200, 1990)
    century = rng.randint(12, 19)
    roman = vocab_europe.ROMAN[min(century, len(vocab_europe.ROMAN)) - 1]
    later = vocab_europe.ROMAN[min(century + 1, len(vocab_europe.ROMAN)) - 1]
    return _pick(rng, vocab_europe.TITLE_DATES[lang]).format(
        Y=year, Z=year + rng.randint(1, 80), C=rng.randint(3, 9), N=century, R=roman, S=later
    )


def _title(rng: random.Random, lang: str, low: int = 2, high: int = 14) -> str:
    words = _FREE[lang].split()
    title = " ".join(_pick(rng, words) for _ in range(rng.randint(low, high)))
    if rng.random() < 0.12:
        title += f" ({rng.randint(1300, 1990)}-{rng.randint(1400, 2000)})"
    elif rng.random() < 0.1:
        title += " " + _title_date(rng, lang)
    elif rng.random() < 0.1:
        title += f" {_pick(rng, vocab.REGIONS)}"
    if rng.random() < 0.3:
        title += _pick(rng, (". ", ": ", " - ", ", ")) + " ".join(_pick(rng, words) for _ in range(rng.randint(2, 8)))
    if rng.random() < 0.45:
        return " ".join(word[:1].upper() + word[1:] for word in title.split())
    return title[:1].upper() + title[1:]


def _siglum(rng: random.Random, words: list[str]) -> str:
    """A journal cited by its initials, as classics and history lists do: ``RSI``, ``ZfG``, ``JRS``."""
    letters = [_pick(rng, words)[0].upper() for _ in range(rng.randint(2, 4))]
    if len(letters) > 2 and rng.random() < 0.2:
        letters.insert(1, _pick(rng, ("f", "d")))
    return "".join(letters)


def _journal(rng: random.Random, lang: str) -> str:
    if rng.random() < 0.1:
        return _pick(rng, vocab.JOURNAL_ABBREVIATIONS)
    words = [word for word in _FREE[lang].split() if len(word) > 3] or ["studi"]
    if rng.random() < 0.08:
        return _pick(rng, vocab_europe.ONE_WORD_JOURNALS)
    if rng.random() < 0.06:
        return _siglum(rng, words)
    if rng.random() < 0.15:
        return abbreviated_journal(rng, words)
    first, second = _pick(rng, words), _pick(rng, words)
    city = _pick(rng, vocab_europe.PLACES[lang]).split("/")[0].split("-")[0].lower()
    return _pick(rng, vocab_europe.JOURNALS[lang]).format(A=first.capitalize(), B=second.capitalize(), a=first,
                                                           c=city, L=_pick(rng, "ABCDE"))  # fmt: skip


def _year(rng: random.Random) -> str:
    year = rng.randint(1950, 2020) if rng.random() < 0.75 else rng.randint(1600, 1950)
    if rng.random() < 0.04:  # a work published over several years
        end = year + rng.randint(1, 20)
        return f"{year}{_pick(rng, ('-', '–', '/'))}{end if rng.random() < 0.5 else str(end)[-2:]}"
    return f"{year}{_pick(rng, 'abc')}" if rng.random() < 0.05 else str(year)


def _number(rng: random.Random, roman: bool) -> str:
    return _pick(rng, vocab_europe.ROMAN) if roman else str(rng.randint(1, 120))


def _pages(w: LabelledText, rng: random.Random, lang: str) -> None:
    start = rng.randint(1, 900)
    value = str(start)
    if rng.random() < 0.85:
        value += f"{_pick(rng, ('-', '-', '–', ' - '))}{start + rng.randint(1, 60)}"
    if rng.random() < 0.05:
        value += _pick(rng, (" ff.", " sgg.", " ss."))
    w.put(_pick(rng, _PAGES[lang]) + value, "pages")


_IMPRINTS = (("P", ": ", "U", ", ", "Y"), ("P", ", ", "U", ", ", "Y"), ("P", " ", "Y"), ("P", ": ", "U", " ", "Y"),
             ("U", ", ", "P", " ", "Y"), ("P", ", ", "Y"), ("U", ", ", "Y"), ("P", ": ", "U"), ("P", ", ", "U"),
             ("U", ", ", "P", ", ", "Y"), ("U", ", ", "P"), ("P", ", ", "U", " ", "Y"))  # fmt: skip


def _imprint(w: LabelledText, rng: random.Random, lang: str, year: str | None) -> None:
    """Place, publisher and year in one of the orders humanities lists use (the year only when given)."""
    place_lang = lang if rng.random() < 0.85 else _pick(rng, LANGS)
    place, publisher = _pick(rng, vocab_europe.PLACES[place_lang]), _pick(rng, vocab_europe.PUBLISHERS[place_lang])
    if rng.random() < 0.12:  # an academy, institute or university press: long, with a city in it
        topic = _pick(rng, [word for word in _FREE[place_lang].split() if len(word) > 4] or ["studi"])
        city = _pick(rng, vocab_europe.PLACES[place_lang]).split("/")[0].split("-")[0]
        publisher = _pick(rng, vocab_europe.INSTITUTIONS[place_lang]).format(
            a=topic.lower(), A=topic.capitalize(), b=_pick(rng, _FREE[place_lang].split()), c=city.lower(), C=city
        )
    if rng.random() < 0.12:  # Roma-Bari, Berkeley-Los Angeles, London and New York
        joiner = _pick(rng, ("-", " - ", "/", "-", " e ", " and ", " et ", " und ", " – "))
        place = joiner.join(
            [place] + [_pick(rng, vocab_europe.PLACES[place_lang]) for _ in range(rng.choice((1, 1, 2)))]
        )
    parts = list(_pick(rng, _IMPRINTS))
    if year is None and "Y" in parts:
        parts = parts[:-2]
    values = {"P": (place, "location"), "U": (publisher, "publisher"), "Y": (year, "date")}
    for part in parts:
        w.put(*values[part]) if part in values else w.put(part)


_WITH_YEAR = ("{V} ({Y})", "{V} ({Y}), {I}", "{V} ({Y}), {i}{I}", "{v}{V}, {i}{I}, {Y}", "{V}, {Y}", "{V}/{I} ({Y})",
              "{v}{V} ({Y}), {i}{I}", "{v}{V}, {Y}", "{Y}, {V}", "{i}{I} ({Y})", "{V}, {Y}, {I}", "{Y}, {v}{V}, {i}{I}",
              "{V}({I}), {Y}", "{V}, {i}{I} ({Y})", "{V} ({Y}) {i}{I}", "{v}{V} ({Y})")  # fmt: skip
_WITHOUT_YEAR = ("{V}", "{V}({I})", "{V} ({I})", "{v}{V}, {i}{I}", "{V}, {I}", "{V}/{I}", "{v}{V}", "{V}: {I}",
                 "{i}{I}", "{V}, {i}{I}", "{v}{V}({I})", "{V}.{I}")  # fmt: skip


_SERIES_MARKS = {"it": ("s. {R}, ", "n.s., ", "serie {R}, ", "{R} s., ", "n.s. "),
                 "de": ("N.F. ", "NF ", "Neue Folge "), "fr": ("nouv. sér., ", "n.s., ", "{n}e série, "),
                 "en": ("2nd ser., ", "n.s. ", "new ser., ", "3rd series, "),
                 "es": ("2.ª época, ", "n.s., ")}  # fmt: skip


def _volume_issue(w: LabelledText, rng: random.Random, lang: str, year: str | None) -> None:
    roman = lang in ("it", "fr") and rng.random() < 0.35
    if rng.random() < 0.08:  # the journal's series before its volume: ``s. V, CXX (1983)``, ``n.s. 12``
        w.put(_pick(rng, _SERIES_MARKS[lang]).format(R=_pick(rng, vocab_europe.ROMAN[:8]), n=rng.randint(2, 6)))
    values = {
        "v": (_pick(rng, _VOLUME[lang]), None),
        "V": (_number(rng, roman), "volume"),
        "i": (_pick(rng, _ISSUE[lang]), None),
        "I": (str(rng.randint(1, 12)), "issue"),
        "Y": (year, "date"),
    }
    pattern = _pick(rng, _WITHOUT_YEAR if year is None else _WITH_YEAR)
    for chunk in re.split(r"(\{\w\})", pattern):
        if chunk.startswith("{"):
            w.put(*values[chunk[1]])
        elif chunk:
            w.put(chunk)


def _wrapped(w: LabelledText, rng: random.Random, text: str, label: str, wrappers) -> None:
    left, right = _pick(rng, wrappers)
    w.put(left, label)
    w.put(text, label)
    w.put(right, label)


_TITLE_QUOTES = (("", ""), ("", ""), ("", ""), ("“", "”"), ('"', '"'), ("«", "»"), ("‘", "’"), ("„", "“"))
_JOURNAL_QUOTES = (("", ""), ("", ""), ("«", "»"), ('"', '"'), ("“", "”"))


def _people_block(w: LabelledText, rng: random.Random, lang: str, label: str, form: str) -> None:
    count = rng.choices((1, 2, 3, 4, 6), (55, 25, 10, 5, 5))[0]
    _people(w, rng, lang, label, count, form)
    if label == "editor":
        w.put(_pick(rng, _ROLE_AFTER[lang]), label)


def _container(w: LabelledText, rng: random.Random, lang: str, form: str, sep: str) -> bool:
    """``in`` + editors + book title (editors before or after it, or none); True when the chapter's
    pages follow at once, as Chicago prints them (``In Title, edited by Name, 25-40. Place: …``)."""
    w.put(_pick(rng, _IN[lang]))
    where = _pick(rng, ("before", "before", "after", "after", "none"))
    if where == "before":
        _people_block(w, rng, lang, "editor", form)
        w.put(_pick(rng, (", ", ": ", ", ", " ")))
    _wrapped(w, rng, _title(rng, lang), "container-title", _TITLE_QUOTES[:4])
    if where == "after":
        w.put(", ")
        w.put(_pick(rng, _ROLE_BEFORE[lang]), "editor")
        _people(w, rng, lang, "editor", rng.choice((1, 1, 2)), _pick(rng, ("G. Family", "Given Family", form)))
    if rng.random() < 0.2:
        w.put(", ")
        _pages(w, rng, lang)
        return True
    return False


def _book_extras(w: LabelledText, rng: random.Random, lang: str, sep: str) -> None:
    if rng.random() < 0.1:
        w.put(sep)
        w.put(_pick(rng, _EDITION[lang]).format(n=rng.randint(2, 9)), "edition")
    if rng.random() < 0.08:
        w.put(sep)
        w.put(_pick(rng, _TRANSLATED[lang]), "translator")
        _people(w, rng, lang, "translator", 1, _pick(rng, ("G. Family", "Given Family")))
    if rng.random() < 0.05:
        w.put(sep + f"{rng.randint(2, 12)} " + _pick(rng, ("voll.", "vols.", "Bde.", "vol.", "tomes", "volumes")))
    elif rng.random() < 0.12:
        w.put(sep + _pick(rng, [prefix for prefix in _VOLUME[lang] if prefix]))
        w.put(_number(rng, rng.random() < 0.5), "volume")


def _body(w: LabelledText, rng: random.Random, lang: str, kind: str, form: str, sep: str, year: str | None) -> None:
    if kind == "article":
        w.put(_pick(rng, ("", "", "", "in ", "In: ", "in: ", "In ")))
        _wrapped(w, rng, _journal(rng, lang), "container-title", _JOURNAL_QUOTES)
        w.put(_pick(rng, (", ", " ", ", ", ". ")))
        _volume_issue(w, rng, lang, year)
        if rng.random() < 0.9:
            w.put(_pick(rng, (", ", ": ", " ", ", ", ":")))
            _pages(w, rng, lang)
        return
    paged = False
    if kind == "chapter":
        paged = _container(w, rng, lang, form, sep)
    else:
        _book_extras(w, rng, lang, sep)
    if rng.random() < 0.12:  # English and Italian notes: ``(Oxford, 1987)``, ``(London: Verso, 1990)``
        w.put(" (")
        _imprint(w, rng, lang, year)
        w.put(")")
    else:
        w.put(_pick(rng, (sep, ", ", ". ")))
        _imprint(w, rng, lang, year)
    if rng.random() < 0.1:
        w.put(" (")
        w.put(_pick(rng, _SERIES[lang]).format(A=_journal(rng, lang).split()[-1], a=_title(rng, lang, 1, 1).lower()),
              "collection-title")  # fmt: skip
        if rng.random() < 0.6:
            w.put(" " + str(rng.randint(1, 200)), "collection-title")
        w.put(")")
    if (kind == "chapter" and not paged) or rng.random() < 0.05:
        w.put(_pick(rng, (", ", ", ", ": ", ". ")))
        _pages(w, rng, lang)


def write_reference(rng: random.Random) -> list[tuple[str, str]]:
    """One labelled reference in conventions drawn from ``rng``: ``(token, label)`` pairs."""
    lang = rng.choices(LANGS, LANG_WEIGHTS)[0]
    kind = rng.choices(KINDS, KIND_WEIGHTS)[0]
    form, sep = _pick(rng, _FORMS), _pick(rng, (", ", ", ", ". ", ", ", ": "))
    year, w = _year(rng), LabelledText()
    if rng.random() < 0.04:
        w.put(_pick(rng, ("{n}. ", "[{n}] ", "{n} ")).format(n=rng.randint(1, 150)), "citation-number")
    elif rng.random() < 0.03:  # a footnote's pointer before the reference
        w.put(_pick(rng, ("Cfr. ", "cfr. ", "Vgl. ", "vgl. ", "See ", "Cf. ", "Voir ", "Véase ", "V. anche ")))
    early = rng.random() < 0.4
    lead = "editor" if kind == "edited" else "author"
    if kind != "edited" or rng.random() < 0.7:
        _people_block(w, rng, lang, lead, form)
        if early:
            w.put(" ")
            _wrapped(w, rng, year, "date", (("(", ")"), ("(", ")"), ("", ""), ("[", "]")))
        w.put(_pick(rng, (sep, sep, ": ", ". ", ", ")))
    elif kind == "edited":
        early = False
    _wrapped(w, rng, _title(rng, lang), "title", _TITLE_QUOTES)
    if kind == "edited" and not w.labels.count("editor"):
        w.put(", " + _pick(rng, _ROLE_BEFORE[lang]), "editor")
        _people(w, rng, lang, "editor", rng.choice((1, 1, 2)), _pick(rng, ("G. Family", "Given Family", form)))
    if kind in ("article", "chapter"):
        w.put(_pick(rng, (sep, ", ", ". ")))
    _body(w, rng, lang, "book" if kind == "edited" else kind, form, sep, None if early else year)
    if rng.random() < 0.04:
        w.put(" (")
        w.put(_pick(rng, _NOTES[lang]).format(T=_title(rng, lang, 2, 6), P=_pick(rng, vocab_europe.PLACES[lang]),
                                              Y=_year(rng)), "note")  # fmt: skip
        w.put(")")
    w.put(_pick(rng, (".", ".", "", ".", ";")))
    return w.tokens()


_NOTES = {"it": ("trad. it. {T}, {P} {Y}", "rist. anast. {P} {Y}", "ed. or. {Y}", "1a ed. {Y}"),
          "de": ("Nachdruck {P} {Y}", "Erstausgabe {Y}", "engl. Orig. {Y}"),
          "fr": ("réimpr. {P} {Y}", "trad. fr. {T}, {P} {Y}", "1re éd. {Y}"),
          "en": ("repr. {P} {Y}", "Eng. trans. {T}, {P} {Y}", "first published {Y}", "orig. pub. {Y}"),
          "es": ("reimpr. {P} {Y}", "trad. esp. {T}, {P} {Y}")}  # fmt: skip


def write_short_reference(rng: random.Random) -> list[tuple[str, str]]:
    """A later footnote's short form: ``Rossi, Storia di Venezia cit., p. 12``, ``Weber, op. cit., S. 3``."""
    lang = rng.choices(LANGS, LANG_WEIGHTS)[0]
    w = LabelledText()
    _people(w, rng, lang, "author", rng.choice((1, 1, 2)), _pick(rng, ("G. Family", "Family", "FAMILY G.")))
    w.put(", ")
    if rng.random() < 0.7:
        _wrapped(w, rng, _title(rng, lang, 1, 5), "title", _TITLE_QUOTES)
        w.put(" ")
    w.put(_pick(rng, ("cit.", "op. cit.", "cit.", "a.a.O.", "art. cit.")) + _pick(rng, (", ", ", ", " ")))
    _pages(w, rng, lang)
    w.put(_pick(rng, (".", "")))
    return w.tokens()
