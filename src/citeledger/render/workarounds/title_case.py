"""``text-case="title"`` as citeproc-js applies it (its ``CSL.Output.Formatters.title``).

citeproc-py capitalizes every lowercase word not in its 26 stop words, after ``:`` and ``.`` too, and
treats a hyphenated word as one. citeproc-js cuts the text at punctuation, quotes and markup (each
hyphen part is a word), capitalizes a lowercase word of two or more letters unless it is one of its
stop words (``after``, ``under``, ``between``…), the first word, and the word after ``: ? !``; it
leaves text in nocase spans, small caps, sub- and superscripts alone, capitalizes a stop word that
ends the title, and gives the letter after an apostrophe or an unmatched quote back its own case.

Part of the workaround table in ``render.workarounds`` (``__init__``), which lists and switches them."""

from __future__ import annotations

import re
from dataclasses import dataclass

# citeproc-js 2.4.63's CSL.SKIP_WORDS that can match a word (entries with spaces, periods, apostrophes
# or hyphens never do: those characters cut words there)
_STOP_WORDS = (
    "a about above across afore after against al along alongside amid amidst among amongst an and anenst"
    " apropos apud around as aside astride at athwart atop barring before behind below beneath beside"
    " besides between beyond but by c ca circa de despite down during et except for forenenst from given"
    " in inside into lest like modulo near next nor notwithstanding of off on onto or out over per plus"
    " pro qua sans since so than the through throughout thruout till to toward towards under underneath"
    " until unto up upon v van versus via von vs with within without yet"
)
STOP_WORDS = frozenset(_STOP_WORDS.split())

_PROTECT_OPEN, _PROTECT_CLOSE = "\ue010", "\ue011"  # around a NoCase part (citeproc-py's nocase span)
_TAG = re.compile(
    "(\u2018|\u2019|\u201c|\u201d| \"| '|\"|'|[-\u2013\u2014/.,;?!:]|\\[|\\]|\\(|\\)"
    r"|<span[^>]*>|</span>|</?(?:i|b|l|u|sc|sub|sup)>)"
)
_PROTECTING = {  # opening tag → closing tag of the spans whose text keeps its case
    _PROTECT_OPEN: _PROTECT_CLOSE, "<sc>": "</sc>", "<sub>": "</sub>", "<sup>": "</sup>",
    '<span class="nocase">': "</span>", '<span class="nodecor">': "</span>",
    '<span style="font-variant:small-caps;">': "</span>", '<span style="font-variant: small-caps;">': "</span>",
}  # fmt: skip
_WORD = re.compile("[^\u00a0 \u2000-\u200b\u205f\u3000]+")
# a quote tag → (the opener it then matches, its closer), as citeproc-js pairs them
_QUOTES = {"\u201c": ("\u201c", "\u201d"), "\u2018": ("\u2018", "\u2019"), ' "': (" '", '"'), " '": (' "', "'")}


@dataclass
class _Piece:
    start: int  # offset in the whole text
    text: str


class _TitleCaser:
    """One text's run: which characters become capitals (``capitals``, offsets in the whole text)."""

    def __init__(self, strings: list[_Piece], tags: list[str]):
        self.strings, self.tags = strings, tags
        self.capitals: set[int] = set()
        self.first, self.after_punctuation = True, False
        self.last_word: tuple[int, str] | None = None
        self.quotes: list[tuple[str, str, int | None]] = []  # (opener matched, closer, index of its tag)

    def run(self) -> set[int]:
        if self.strings[0].text.strip():
            self._words(self.strings[0], self.tags[0] if self.tags else "")
        protected: list[str] = []
        for index, tag in enumerate(self.tags):
            piece = self.strings[index + 1]
            if tag in _PROTECTING:
                protected.append(_PROTECTING[tag])
            elif protected and tag == protected[-1]:
                protected.pop()
            if tag.endswith(("!", "?", ":")):
                self.after_punctuation = True
            if not protected:
                self._words(piece, "")  # citeproc-js checks the following tag for the first string only
            elif piece.text.strip():
                self.last_word = None
            restored = self._quote(tag, index)
            if restored is not None:
                self.capitals.discard(self.strings[restored + 1].start)
                self.last_word = None
            if piece.text.strip():
                self.first = self.after_punctuation = False
        for _, _, index in self.quotes:  # an opening quote never closed
            if index is not None:
                self.capitals.discard(self.strings[index + 1].start)
        if self.last_word and len(self.last_word[1]) > 1 and self.last_word[1].lower() in STOP_WORDS:
            self.capitals.add(self.last_word[0])
        return self.capitals

    def _words(self, piece: _Piece, following_tag: str) -> None:
        if not piece.text.strip():
            return
        words = list(_WORD.finditer(piece.text))
        ends_in_space = not _WORD.fullmatch(piece.text[-1])
        for number, match in enumerate(words):
            word, lower = match.group(), match.group().lower()
            last = number == len(words) - 1 and not ends_in_space
            wanted = len(word) > 1 and lower not in STOP_WORDS
            wanted = wanted or (last and following_tag == "-") or self.first or self.after_punctuation
            # a word with capitals keeps them; a lone Greek letter stays as it is
            if wanted and word == lower and not re.fullmatch("[\u0370-\u03ff]", word):
                self.capitals.add(piece.start + match.start())
            self.first = self.after_punctuation = False
            self.last_word = (piece.start + match.start(), word)

    def _quote(self, tag: str, index: int) -> int | None:
        """The tag's effect on the open quotes: the index of a tag whose next string gets its own first
        letter back (a closing quote or apostrophe that closes nothing, a quote opened inside another)."""
        if tag[:1] in ("\u2018", "\u2019", "\u201c", "\u201d", '"', "'"):
            quote = tag[0]
        elif tag.endswith((' "', " '")):
            quote = tag[-2:]
        else:
            return None
        if quote in _QUOTES:
            if not self.quotes or quote == self.quotes[-1][0]:
                self.quotes.append((*_QUOTES[quote], index))
                return None
            previous = self.quotes.pop()[2]
            self.quotes.append((*_QUOTES[quote], None))
            return previous
        if self.quotes and quote == self.quotes[-1][1]:
            self.quotes.pop()
            return None
        return index


def title_case(parts: list[str], protected: list[bool]) -> list[str]:
    """The parts of one text in title case; ``protected`` parts (nocase) keep theirs."""
    strings, tags, offset = [_Piece(0, "")], [], 0
    for text, keep in zip(parts, protected, strict=True):
        if keep:
            tags.append(_PROTECT_OPEN)
            strings.append(_Piece(offset, text))
            tags.append(_PROTECT_CLOSE)
            strings.append(_Piece(offset + len(text), ""))
        else:
            pieces = _TAG.split(text)
            for index in range(1, len(pieces), 2):  # as citeproc-js: an apostrophe before text belongs to it
                if pieces[index] == "'" and pieces[index + 1]:
                    pieces[index], pieces[index + 1] = "", "'" + pieces[index + 1]
            if not strings[-1].text:
                strings[-1].start = offset
            strings[-1].text += pieces[0]
            position = offset + len(pieces[0])
            for tag, piece in zip(pieces[1::2], pieces[2::2], strict=True):
                tags.append(tag)
                strings.append(_Piece(position + len(tag), piece))
                position += len(tag) + len(piece)
        offset += len(text)
    capitals = _TitleCaser(strings, tags).run()
    result, offset = [], 0
    for text in parts:
        result.append("".join(c.upper() if offset + i in capitals else c for i, c in enumerate(text)))
        offset += len(text)
    return result


class TitleCase:
    """cs:text, cs:label, cs:date-part, cs:name-part mixin: ``text-case="title"`` in English as
    citeproc-js applies it (see the module)."""

    def case(self, text, language=None):
        if self.get("text-case") != "title" or language != "en" or text is None or not str(text):
            return super().case(text, language)
        mixed = type(text).__name__ == "MixedString"
        parts = list(text) if mixed else [text]
        cased = title_case([str(part) for part in parts], [type(part).__name__ == "NoCase" for part in parts])
        rebuilt = [part if new == str(part) else self.cp.String(new) for part, new in zip(parts, cased, strict=True)]
        return type(text)(rebuilt) if mixed else rebuilt[0]
