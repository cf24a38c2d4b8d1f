"""ALL-CAPS text (headlines, datelines): only names known from the text or the lists count.

In a stretch of three or more ALL-CAPS words every word is capitalised, so capitals are no
evidence of a name: a word or phrase is a mention only when the text names it elsewhere (in
any case) or it is a country, demonym or place the lists know, or it carries a corporate suffix.
A topic slug opening the line ("RUGBY UNION - ...") is not a name.
"""

from __future__ import annotations

import re

from helpers.entity_candidates import CORPORATE_SUFFIX
from helpers.entity_context import NameContext
from helpers.entity_spans import APOSTROPHES, POSSESSIVE, UPPER, Mention, NameToken, mention_of
from helpers.gazetteer import normalise

_HEADLINE_SLUG = re.compile(rf"[{UPPER}]+(?:[ \t]+[{UPPER}]+)?[ \t]+-[ \t]")
_CAPS_TOKEN = re.compile(rf"[{UPPER}\d][{UPPER}{APOSTROPHES}&.\d-]*")
_MAX_NAME_WORDS = 4


class HeadlineNames:
    """Finds the known names in the ALL-CAPS stretches of one text."""

    def __init__(self, context: NameContext, mentions: list[Mention]) -> None:
        self.context = context
        self.text = context.text
        self.lists = context.lists
        self.known: dict[str, tuple[str, str]] = {}
        """Upper-cased name → (label, entity), from the mentions found so far."""
        self._remember(mentions)

    def find(self, start: int, end: int) -> list[Mention]:
        """The known names in ``text[start:end]`` (they become known in turn)."""
        found = self._stretch(start, end)
        self._remember(found)
        return found

    def _remember(self, mentions: list[Mention]) -> None:
        """Add the upper-cased names of ``mentions`` (and persons' surnames) to ``known``."""
        known = self.known
        for m in mentions:
            known.setdefault(normalise(m.text).upper(), (m.label or "ORG", m.entity))
            if m.label == "PERSON" and len(m.tokens) > 1:
                known.setdefault(m.tokens[-1].upper(), ("PERSON", m.entity))

    def _stretch(self, start: int, end: int) -> list[Mention]:
        text, skip = self.text, self.lists.skip
        if start == 0 or text[start - 1] == "\n":
            slug = _HEADLINE_SLUG.match(text, start, end)
            start = slug.end() if slug else start
        tokens = [
            NameToken(m.start(), m.end(), m.group()) for m in _CAPS_TOKEN.finditer(text, start, end)
        ]
        found: list[Mention] = []
        i = 0
        while i < len(tokens):
            suffix = CORPORATE_SUFFIX.match(text, tokens[i].end) if i + 1 < len(tokens) else None
            if suffix and suffix.end() == tokens[i + 1].end and tokens[i].bare not in skip:
                first = i
                while (
                    first > 0
                    and i - first < 2
                    and tokens[first - 1].bare not in skip
                    and tokens[first - 1].text[0].isalpha()
                    and text[tokens[first - 1].end] == " "
                ):
                    first -= 1
                span = tokens[first : i + 2]
                found.append(
                    mention_of(
                        text, span, "ORG", normalise(text[span[0].start : span[-1].end]), False
                    )
                )
                i += 2
                continue
            for size in range(min(_MAX_NAME_WORDS, len(tokens) - i), 0, -1):
                span = tokens[i : i + size]
                if (
                    not span[0].text[0].isalpha()
                    or self._at_edge(span[0], size)
                    or self._at_edge(span[-1], size)
                ):
                    continue
                surface = POSSESSIVE.sub("", normalise(text[span[0].start : span[-1].end]))
                hit = self.known.get(surface) or self._lookup(surface)
                if hit is not None:
                    found.append(mention_of(text, span, hit[0], hit[1], False))
                    i += size
                    break
            else:
                i += 1
        return found

    def _at_edge(self, token: NameToken, size: int) -> bool:
        """A function or time word cannot start or end a name ("SUN CITY" can: an abbreviation
        inside a longer name)."""
        lists = self.lists
        if token.bare not in lists.skip:
            return False
        return size == 1 or token.bare not in lists.time_abbreviations

    def _lookup(self, upper: str) -> tuple[str, str] | None:
        lists = self.lists
        titled = " ".join(w.capitalize() for w in upper.split())
        if upper in lists.countries or titled in lists.countries:
            return "GPE", lists.countries.get(upper) or lists.countries[titled]
        if titled in lists.demonyms:
            return "NORP", lists.demonyms[titled] or titled
        if titled in lists.places and titled.lower() not in self.context.lower_vocabulary:
            return lists.places[titled], titled
        return None
