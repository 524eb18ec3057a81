"""LaTeX ⇄ Unicode for BibTeX values: the only module that imports pylatexenc.

``decode_latex`` gives the model copy (accents decoded, ``\\&`` → ``&``, case-protecting braces
removed, ``~`` → space, ``--`` → en dash, math ``$…$`` kept verbatim, ``\\url{…}`` bodies kept
byte for byte). URL and DOI fields are verbatim and never go through it.

``encode_latex`` writes Unicode back: ``\\ { } & % $ # _ ~ ^`` escaped, math spans (pandoc's
``tex_math_dollars`` rule) passed through, and with ``ascii=True`` non-ASCII characters as LaTeX
escapes (``é`` → ``{\\'e}``). ``protect_title`` adds the braces a sentence-casing BibTeX style needs.
"""

from __future__ import annotations

import functools
import re

from pylatexenc.latex2text import LatexNodes2Text
from pylatexenc.latexencode import UnicodeToLatexEncoder

_TO_TEXT = LatexNodes2Text(math_mode="verbatim", strict_latex_spaces=True)
# Outside protected groups accents are wrapped whole (`{\'e}`), so BibTeX's case changes treat
# them as one special character; inside a protected group a brace-free form avoids `{{`.
_TO_LATEX = {
    "braces-all": UnicodeToLatexEncoder(non_ascii_only=True, replacement_latex_protection="braces-all",
                                        unknown_char_policy="keep", unknown_char_warning=False),
    "braces-after-macro": UnicodeToLatexEncoder(
        non_ascii_only=True, replacement_latex_protection="braces-after-macro",
        unknown_char_policy="keep", unknown_char_warning=False),
}

_NEEDS_DECODING = re.compile(r"[\\{}~$`]|--|''")
_URL_MACRO = re.compile(r"\\(?:url|path)\s*\{([^{}]*)\}")
_UNESCAPED_PERCENT = re.compile(r"(?<!\\)%")
_PLACEHOLDER = re.compile("\ue000(\\d+)\ue001")
# Text-mode symbols and logos pylatexenc drops or turns into look-alikes (U+02C6 for the caret).
_SYMBOLS = {
    "textasciicircum": "^", "textbraceleft": "{", "textbraceright": "}", "TeX": "TeX", "LaTeX": "LaTeX",
    "LaTeXe": "LaTeX2e", "BibTeX": "BibTeX", "XeTeX": "XeTeX", "XeLaTeX": "XeLaTeX", "LuaTeX": "LuaTeX",
    "LuaLaTeX": "LuaLaTeX", "ConTeXt": "ConTeXt", "AmS": "AMS", "AmSTeX": "AMS-TeX", "METAFONT": "METAFONT",
    "MF": "Metafont", "MP": "MetaPost", "PiCTeX": "PiCTeX", "SliTeX": "SliTeX",
}
_SYMBOL = re.compile(r"\\(" + "|".join(sorted(_SYMBOLS, key=len, reverse=True)) + r")(?![A-Za-z])(?:\s*\{\})?"
                     r"|\\\^\{\}")
_MATH = re.compile(r"\$(?=\S)(?:[^$\\]|\\.)*?(?<=[^\s\\])\$(?!\d)")
_ASCII_ESCAPES = {
    "\\": r"\textbackslash{}", "{": r"\{", "}": r"\}", "&": r"\&", "%": r"\%", "$": r"\$",
    "#": r"\#", "_": r"\_", "~": r"\textasciitilde{}", "^": r"\textasciicircum{}",
}
_ASCII_DASHES = {"\u2013": "--", "\u2014": "---", "\u00a0": "~"}
ENGLISH_LANGIDS = frozenset({
    "", "english", "american", "british", "canadian", "australian", "newzealand", "usenglish",
    "ukenglish", "en", "en-us", "en-gb", "en-ca", "en-au", "en-nz",
})


@functools.lru_cache(maxsize=65536)  # journal names, publishers and macros repeat across entries
def decode_latex(value: str) -> str:
    """LaTeX value (as written in a .bib, delimiters removed) → Unicode text for the model copy.

    Unescaped ``%`` is literal here (BibTeX does not treat it as a comment inside a value)."""
    if not _NEEDS_DECODING.search(value):
        return " ".join(value.split())
    urls: list[str] = []

    def keep(verbatim: str) -> str:
        urls.append(verbatim)
        return f"\ue000{len(urls) - 1}\ue001"

    text = _URL_MACRO.sub(lambda m: keep(m.group(1)), value)
    text = _UNESCAPED_PERCENT.sub(r"\\%", text)
    text = _SYMBOL.sub(lambda m: keep(_SYMBOLS.get(m.group(1) or "textasciicircum", "")), text)
    try:
        text = _TO_TEXT.latex_to_text(text)
    except Exception:  # pylatexenc is lenient, but a decoder bug must not crash a conversion
        text = value
    text = _PLACEHOLDER.sub(lambda m: urls[int(m.group(1))], text)
    return " ".join(text.replace("\u00a0", " ").split())


# BibTeX counts braces even after a backslash, so `\{` without its `\}` would end the value early.
_UNPAIRED_BRACES = {**_ASCII_ESCAPES, "{": r"\textbraceleft{}", "}": r"\textbraceright{}"}


def _encode_plain(text: str, ascii: bool, protection: str, escapes: dict[str, str] = _ASCII_ESCAPES) -> str:
    out = "".join(escapes.get(char, char) for char in text)
    if ascii:
        out = "".join(_ASCII_DASHES.get(char, char) for char in out)
        if not out.isascii():
            out = _TO_LATEX[protection].unicode_to_latex(out)
    return out


def _balanced(text: str) -> bool:
    depth = 0
    for index, char in enumerate(text):
        if char in "{}" and index and text[index - 1] == "\\":
            continue
        depth += {"{": 1, "}": -1}.get(char, 0)
        if depth < 0:
            return False
    return depth == 0


def encode_latex(text: str, ascii: bool = False, *, in_group: bool = False) -> str:
    """Unicode → LaTeX for a braced BibTeX value. Math spans ``$…$`` pass through unchanged.

    ``in_group`` says the result goes inside a protecting brace group (accents then use no braces)."""
    protection = "braces-after-macro" if in_group else "braces-all"
    escapes = _ASCII_ESCAPES if _balanced(text.replace("\\", "")) else _UNPAIRED_BRACES
    pieces: list[str] = []
    cursor = 0
    for match in _MATH.finditer(text):
        if not _balanced(match.group(0)):
            continue  # unbalanced braces would break the entry: escape it as text instead
        pieces.append(_encode_plain(text[cursor : match.start()], ascii, protection, escapes))
        pieces.append(match.group(0))
        cursor = match.end()
    pieces.append(_encode_plain(text[cursor:], ascii, protection, escapes))
    return "".join(pieces)


# ---------------------------------------------------------------------------------------------
# Title protection.

_WORD = re.compile(r"\S+")
_CORE = re.compile(r"^([\"'(\[«“‘]*)(.*?)([\"'.,:;!?)\]»”’]*)$", re.S)


def _needs_protection(core: str, sentence_start: bool) -> bool:
    """A word keeps its capitals when it has a capital after its first letter (``CPK``, ``UN``,
    ``iPhone``, ``McDonald``), or starts with a capital where BibTeX would lower it: anywhere but
    the title's first word and the word after a colon (we take such words for proper nouns)."""
    if not core or "$" in core or "\\" in core:
        return False
    letters = [c for c in core if c.isalpha()]
    if not letters:
        return False
    if any(c.isupper() for c in letters[1:]):
        return True
    return letters[0].isupper() and not sentence_start


def _protected_runs(text: str) -> list[tuple[int, int]]:
    """Character ranges to wrap in braces: consecutive protected words form one run; a run ends at
    a word carrying trailing punctuation, so braces never enclose ``:`` or ``,``."""
    runs: list[tuple[int, int]] = []
    sentence_start = True
    open_run: list[int] | None = None
    for match in _WORD.finditer(text):
        lead, core, trail = _CORE.match(match.group(0)).groups()
        start = match.start() + len(lead)
        end = start + len(core)
        if _needs_protection(core, sentence_start):
            if open_run is not None and not lead:
                open_run[1] = end
            else:
                open_run = [start, end]
                runs.append(open_run)  # type: ignore[arg-type]
            if trail:
                open_run = None
        else:
            open_run = None
        sentence_start = trail.endswith(":") or (not core and sentence_start)
    return [(start, end) for start, end in runs]


def protect_title(text: str, langid: str = "", ascii: bool = False) -> str:
    """Unicode title → LaTeX with case protection for sentence-casing BibTeX styles.

    Non-English titles (``langid`` not an English variant) are protected as a whole: ``{Le
    Portail}``. English titles get one brace group per run of words that must keep their
    capitals (see ``_needs_protection``): ``{CPK} leaders and the {UN}``. Never ``{{…}}``."""
    if not text:
        return ""
    if langid.strip().lower() not in ENGLISH_LANGIDS:
        return "{" + encode_latex(text, ascii, in_group=True) + "}"
    pieces: list[str] = []
    cursor = 0
    for start, end in _protected_runs(text):
        pieces.append(encode_latex(text[cursor:start], ascii))
        pieces.append("{" + encode_latex(text[start:end], ascii, in_group=True) + "}")
        cursor = end
    pieces.append(encode_latex(text[cursor:], ascii))
    return "".join(pieces)
