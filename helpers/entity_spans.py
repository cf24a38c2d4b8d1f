"""What the entity stages pass along: a word of a name (:class:`NameToken`), a mention
(:class:`Mention`), and the character classes names are written with."""

from __future__ import annotations

import re
from dataclasses import dataclass

from helpers.gazetteer import normalise


def _char_class(predicate) -> str:
    """Return a regex character-class body matching the BMP characters for which ``predicate`` holds."""
    ranges: list[str] = []
    first = last = -2
    for code in range(0x10000):
        if predicate(chr(code)):
            if code != last + 1:
                if first >= 0:
                    ranges.append(_range(first, last))
                first = code
            last = code
    if first >= 0:
        ranges.append(_range(first, last))
    return "".join(ranges)


def _range(first: int, last: int) -> str:
    return (
        re.escape(chr(first))
        if first == last
        else f"{re.escape(chr(first))}-{re.escape(chr(last))}"
    )


UPPER = _char_class(str.isupper)
"""Regex class body of the upper-case letters (every script)."""
APOSTROPHES = "'\u2019"
POSSESSIVE = re.compile(rf"[{APOSTROPHES}]s$")
ACRONYM = re.compile(rf"^(?:[{UPPER}]\.){{2,}}$|^[{UPPER}][{UPPER}&]+$")
CONNECTOR_WORDS = frozenset(
    {
        "of",
        "for",
        "and",
        "&",
        "the",
        "de",
        "du",
        "da",
        "di",
        "del",
        "della",
        "der",
        "den",
        "van",
        "von",
        "la",
        "le",
        "y",
        "bin",
        "ibn",
    }
)
"""Lower-case words that may join the capitalised words of one name ("Bank of England")."""
INTERNAL_POSSESSIVES = frozenset({"people's", "children's", "women's", "men's"})
"""Possessives that belong inside a name ("Democratic People's Republic")."""


class NameToken:
    """A word of a capitalised run; ``bare`` is its lower-case form without a possessive."""

    __slots__ = ("bare", "end", "shouting", "start", "text")

    def __init__(self, start: int, end: int, text: str) -> None:
        self.start, self.end, self.text = start, end, text
        bare = text.lower()
        if bare[-2:] in ("'s", "\u2019s"):
            bare = bare[:-2]
        self.bare = bare.replace("\u2019", "'") if "\u2019" in bare else bare
        self.shouting = len(text) > 1 and text.isupper()

    def __repr__(self) -> str:
        return f"NameToken({self.start}, {self.end}, {self.text!r})"


@dataclass(slots=True)
class Mention:
    """One named mention: ``text[start:end]``, its label and canonical entity, and the evidence
    the document-level rules use (``hint``, ``sentence_initial``, ``possessive``)."""

    start: int
    end: int
    text: str
    label: str | None
    entity: str
    tokens: list[str]
    hint: str | None = None  # "GPE", "LOC", "title" or "unknown": decided at document level
    title: str | None = None
    affiliation: str | None = None
    sentence_initial: bool = False
    possessive: bool = False
    refers_to: str | None = None  # the country a capital stands for, when used as a metonym


def end_without_possessive(token: NameToken) -> int:
    """The end of ``token`` without a final "'s" (kept in "People's")."""
    if (
        token.text[-2:-1] in APOSTROPHES
        and token.text[-1] == "s"
        and token.text.lower() not in INTERNAL_POSSESSIVES
    ):
        return token.end - 2
    return token.end


def moved(mention: Mention, shift: int) -> Mention:
    """A copy of ``mention`` with its offsets shifted by ``shift`` (``text`` is kept)."""
    m = mention
    return Mention(
        m.start + shift,
        m.end + shift,
        m.text,
        m.label,
        m.entity,
        m.tokens,
        m.hint,
        m.title,
        m.affiliation,
        m.sentence_initial,
        m.possessive,
    )


def word_before(text: str, position: int) -> str:
    """The word that ends right before ``position``, across spaces only ('' if none)."""
    end = position
    while end > 0 and text[end - 1] in " \t\n":
        end -= 1
    start = end
    while start > 0 and (text[start - 1].isalpha() or text[start - 1] in "-'"):
        start -= 1
    return text[start:end]


def surface_of(text: str, tokens: list[NameToken]) -> str:
    """The normalised text of ``tokens`` without a final possessive: the entity name they spell."""
    return normalise(text[tokens[0].start : end_without_possessive(tokens[-1])])


def mention_of(
    text: str,
    tokens: list[NameToken],
    label: str | None,
    entity: str,
    initial: bool,
    hint: str | None = None,
) -> Mention:
    """The mention spanned by ``tokens`` (a final possessive "'s" stays outside it)."""
    start, end = tokens[0].start, end_without_possessive(tokens[-1])
    return Mention(
        start,
        end,
        text[start:end],
        label,
        entity,
        [t.text.replace("\u2019", "'") for t in tokens],
        hint=hint,
        sentence_initial=initial,
        possessive=end < tokens[-1].end,
    )
