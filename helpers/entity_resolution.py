"""Stage 3 of entity recognition: the rules that read the whole document.

- an acronym defined in brackets takes its long form's entity ("International Atomic Energy
  Agency's (IAEA)"), wherever the acronym stands;
- a short person name joins the full name it shortens, wherever that stands ("Kelly" → "James
  Kelly"; the nearest full name when two share it), and wins over a place of the same name
  except right after "in", "at"... ("Paris Hilton arrived in Paris"); only full names anchor
  a merge (:class:`PersonAliases`);
- a name typed once keeps its type; a country code counts as the country when the country is
  named; names no list types, and listed cities, are typed by their context
  (:mod:`helpers.entity_evidence`); places and unknown names that play are teams
  (:mod:`helpers.entity_sports`);
- a person's title names the organisation written before it ("Japanese Foreign Ministry
  official Mitoji Yabunaka");
- a national capital standing for its government is a metonym (``refers_to``: "Pyongyang said").

Every rule is one pass over the mentions (with sorted or hashed lookups), so the cost grows
with the text.
"""

from __future__ import annotations

import itertools
import re
from bisect import bisect_left, bisect_right, insort

from helpers.entity_context import NameContext
from helpers.entity_evidence import DECISIVE, PHRASE, ContextEvidence
from helpers.entity_lexicon import lookup_key
from helpers.entity_spans import (
    ACRONYM,
    APOSTROPHES,
    CONNECTOR_WORDS,
    POSSESSIVE,
    Mention,
    NameToken,
    end_without_possessive,
)
from helpers.entity_sports import SportsContext
from helpers.gazetteer import capitals, normalise

LITERAL_PLACE_AFTER = frozenset(
    {
        "in",
        "at",
        "near",
        "outside",
        "inside",
        "around",
        "across",
        "within",
        "into",
        "through",
        "throughout",
        "toward",
        "towards",
        "via",
    }
)
"""After these words a capital city is the place itself, not a metonym for its government."""
_NAME_SUFFIXES = frozenset({"jr.", "sr.", "jr", "sr", "ii", "iii", "iv"})
_ACRONYM_BRACKET = re.compile(rf"^(?:[{APOSTROPHES}]s?)?\s*\($")
_LONG_FORM_WORD = re.compile(rf"[\w&][\w&{APOSTROPHES}-]*")


class PersonAliases:
    """The full person names of a text (two name words or more), by surname and first name.

    A short name joins the full name it shortens, wherever that stands: the nearest one before
    it, else the first one after it. Only full names are anchors, so a short name merged once
    never becomes the anchor of another ("Republican candidate Trump", "a Trump victory").
    """

    def __init__(self) -> None:
        self._by_surname: dict[str, list[tuple[int, str]]] = {}
        self._by_first_name: dict[str, list[tuple[int, str]]] = {}

    def add(self, mention: Mention, first_name: bool = True) -> None:
        """Index ``mention`` if it is a full person name (by its first name too, unless
        ``first_name`` is False: a name found a person by vote only, "Yahoo Finance")."""
        name = [t for t in mention.tokens if t.lower() not in _NAME_SUFFIXES] or mention.tokens
        if len(name) < 2:
            return
        anchor = (mention.start, mention.entity)
        if not any(t in ("of", "from") for t in name):  # "Theodorus of Cyrene": no surname
            insort(self._by_surname.setdefault(POSSESSIVE.sub("", name[-1]), []), anchor)
        if first_name:
            insort(self._by_first_name.setdefault(POSSESSIVE.sub("", name[0]), []), anchor)

    def full_name(
        self, mention: Mention, first_names_too: bool, surface: str | None = None
    ) -> str | None:
        """The full name ``mention`` shortens (its surname; with ``first_names_too`` also its
        first name: "Lee" for "Lee Tae-shik"), or None. ``surface``: its normalised text."""
        surface = surface or normalise(mention.text)
        anchors = self._by_surname.get(surface)
        if anchors is None and first_names_too:
            anchors = self._by_first_name.get(surface)
        return nearest(anchors, mention.start) if anchors else None


class DocumentRules:
    """Applies the document-level rules to the mentions of one text."""

    def __init__(self, context: NameContext) -> None:
        self.context = context
        self.text = context.text
        self.lists = context.lists
        self.evidence = ContextEvidence(context)

    def resolve(self, mentions: list[Mention]) -> list[Mention]:
        """Type, merge and link ``mentions``; drop those that turn out not to be names."""
        mentions.sort(key=lambda m: m.start)
        mentions = AcronymDefinitions(self.text).apply(mentions)
        aliases = PersonAliases()
        known: dict[str, tuple[str, str]] = {}
        surfaces = [normalise(m.text) for m in mentions]
        for m, surface in zip(mentions, surfaces):
            if m.label == "PERSON":
                aliases.add(m)
            elif m.label is not None:
                known.setdefault(surface, (m.label, m.entity))
        countries_named = {m.entity for m in mentions if m.label in ("GPE", "NORP")}
        unknown: dict[str, list[Mention]] = {}
        places: dict[str, list[Mention]] = {}
        people: dict[str, str] = {}  # one-word names typed PERSON by their words → entity
        for m, surface in zip(mentions, surfaces):
            if m.label == "PERSON" and len(m.tokens) == 1:
                m.entity = aliases.full_name(m, True, surface) or m.entity
                people.setdefault(surface, m.entity)
        for m, surface in zip(mentions, surfaces):
            if m.label in ("GPE", "LOC") and len(m.tokens) == 1 and m.title is None:
                full = aliases.full_name(m, False, surface)
                if full is not None and not self._after_place_word(m):
                    m.label, m.entity = "PERSON", full  # "Michael Jordan ... Jordan said"
                continue
            if m.label is not None:
                continue
            full = (
                aliases.full_name(m, m.hint == "unknown", surface) or people.get(surface)
                if (m.hint != "unknown" or not m.sentence_initial or len(m.tokens) == 1)
                and not self._literal_place(m)
                else None
            )
            if full is not None:
                m.label, m.entity = "PERSON", full
            elif surface in known:
                m.label, m.entity = known[surface]
            elif m.hint == "title":
                continue
            elif m.hint in ("GPE", "LOC"):
                places.setdefault(surface, []).append(m)
            else:
                self._type_by_lists(m, surface, countries_named, unknown)
            if m.label is not None and m.label != "PERSON":
                known.setdefault(surface, (m.label, m.entity))
        # Longer names first: "Sergei Kiriyenko", found a person by vote, makes "Kiriyenko" one.
        for group in sorted(unknown.values(), key=lambda group: -len(group[0].tokens)):
            full = (
                aliases.full_name(group[0], True) or people.get(normalise(group[0].text))
                if len(group[0].tokens) == 1
                else None
            )
            if full is not None:
                for m in group:
                    m.label, m.entity = "PERSON", aliases.full_name(m, True) or full
                continue
            self.evidence.vote(group)
            if group[0].label == "PERSON":
                for m in group:
                    aliases.add(m, first_name=False)
        for surface, group in places.items():
            self._type_place(surface, group, aliases)
        self._find_teams(mentions)
        self._title_affiliations(mentions)
        return [m for m in mentions if m.label is not None]

    def _literal_place(self, mention: Mention) -> bool:
        """A listed place right after "in", "at", "near"... ("arrived in Paris")."""
        return mention.hint in ("GPE", "LOC") and self._after_place_word(mention)

    def _after_place_word(self, mention: Mention) -> bool:
        """The mention follows a preposition of place or motion ("in", "at", "to", "from")."""
        before = self.context.word_before(mention.start).lower()
        return before in LITERAL_PLACE_AFTER or before in ("to", "from")

    def _type_place(self, surface: str, group: list[Mention], aliases: PersonAliases) -> None:
        """A city or region the lists know keeps its type unless it is the surname of a full
        name found by vote ("Kamuzu Banda" ... "Banda") or its context says otherwise: a
        descriptor ("Nokia, the Finnish company"), a verb only people do ("Mandela spoke"),
        "said it" (an organisation, but a capital that speaks is a metonym: "Pyongyang said")."""
        for m in group:
            full = None if self._literal_place(m) else aliases.full_name(m, False)
            if full is not None:
                m.label, m.entity = "PERSON", full
        group = [m for m in group if m.label is None]
        if not group:
            return
        clues = [clue for clue in map(self.evidence.clue, group) if clue is not None]
        strongest = max(clues, key=lambda clue: clue.strength, default=None)
        label = group[0].hint
        if strongest is not None and (
            strongest.strength == DECISIVE
            or (
                strongest.strength == PHRASE
                and not (strongest.label == "ORG" and surface in capitals())
            )
        ):
            label = strongest.label
        for m in group:
            m.label = label

    def _find_teams(self, mentions: list[Mention]) -> None:
        """Places and unknown names that play in a match are teams: ORG (see
        :mod:`helpers.entity_sports`); so are their other mentions in sports context."""
        sports = SportsContext(self.context)
        teams: set[str] = set()
        candidates = [m for m in mentions if m.label in ("GPE", "LOC", "MISC")]
        for m in candidates:
            if sports.is_team(m, listed_place=m.label != "MISC"):
                m.label = "ORG"
                teams.add(m.text)
        for m in candidates:
            if (
                m.label != "ORG"
                and m.text in teams
                and sports.in_sports_context(m)
                and self.context.word_before(m.start).lower() not in LITERAL_PLACE_AFTER
            ):
                m.label = "ORG"
        if teams:
            rows = [m for m in mentions if sports.in_table_row(m)]
            if sum(m.label == "ORG" for m in rows) >= 2:
                for m in rows:
                    m.label = "ORG"  # a results table of teams: "Aston Villa 2 Leeds 1"

    def link_metonyms(self, mentions: list[Mention]) -> None:
        """Set ``refers_to`` of every capital city that stands for its country's government."""
        for m in mentions:
            m.refers_to = self._metonym_target(m)

    def _type_by_lists(
        self,
        m: Mention,
        surface: str,
        countries_named: set[str],
        unknown: dict[str, list[Mention]],
    ) -> None:
        """A country code of a country the text names, a country written otherwise, an
        acronym; else ``m`` joins the unknown names."""
        lists = self.lists
        if surface in lists.codes and lists.codes[surface] in countries_named:
            m.label, m.entity = "GPE", lists.codes[surface]
        elif surface in lists.countries:
            m.label, m.entity = "GPE", lists.countries[surface]
        elif surface.capitalize() in lists.countries or (
            len(surface) > 3 and surface.capitalize() in lists.places
        ):
            m.label, m.entity = lookup_key(surface.capitalize()) or ("GPE", surface)
        elif ACRONYM.match(surface):
            m.label = "ORG" if not m.sentence_initial else None
        else:
            unknown.setdefault(surface, []).append(m)

    def _title_affiliations(self, mentions: list[Mention]) -> None:
        """ "Japanese Foreign Ministry official Mitoji Yabunaka": the ORG before the role noun."""
        for before, person in itertools.pairwise(mentions):
            if (
                person.label == "PERSON"
                and person.title
                and person.affiliation is None
                and before.label
            ):
                between = self.text[before.end : person.start]
                if between.split() == [person.title]:
                    person.affiliation = before.entity

    def _metonym_target(self, mention: Mention) -> str | None:
        """The country a capital-city mention stands for, unless it follows a locative word."""
        if mention.label != "GPE":
            return None
        country = capitals().get(normalise(mention.text))
        if country is None:
            return None
        before = self.context.word_before(mention.start).lower()
        return None if before in LITERAL_PLACE_AFTER else country


class AcronymDefinitions:
    """ "International Atomic Energy Agency's (IAEA)": the acronym takes the long form's entity.

    The long form is the run of capitalised words (with "of", "and", "for", "the" inside) right
    before the bracket whose initials spell the acronym; it replaces the mentions found inside it.
    """

    def __init__(self, text: str) -> None:
        self.text = text

    def apply(self, mentions: list[Mention]) -> list[Mention]:
        """``mentions`` (sorted by start) with long forms merged and every acronym typed."""
        text = self.text
        starts = [m.start for m in mentions]
        replaced: set[int] = set()  # indexes of mentions inside a long form
        added: list[tuple[int, Mention]] = []  # (index of the acronym, long form before it)
        defined: dict[str, tuple[str, str]] = {}
        for index, short in enumerate(mentions):
            if not (ACRONYM.match(short.text) and text[short.start - 1 : short.start] == "("):
                continue
            span = self._long_form(short)
            if span is None:
                continue
            first, last = bisect_left(starts, span[0]), bisect_left(starts, span[1])
            inside = [
                i for i in range(first, last) if mentions[i].end <= span[1] and i not in replaced
            ]
            if len(inside) == 1 and (mentions[inside[0]].start, mentions[inside[0]].end) == span:
                long_form = mentions[inside[0]]
            else:
                replaced.update(inside)
                surface = normalise(text[span[0] : span[1]])
                found = lookup_key(surface)
                long_form = Mention(
                    span[0],
                    span[1],
                    text[span[0] : span[1]],
                    found[0] if found else None,
                    found[1] if found else surface,
                    surface.split(),
                )
                added.append((index, long_form))
            long_form.label, long_form.hint = long_form.label or "ORG", None
            defined.setdefault(short.text, (long_form.label, long_form.entity))
        if replaced or added:
            long_forms = dict(added)
            merged: list[Mention] = []
            for i, m in enumerate(mentions):
                if i in long_forms:
                    merged.append(long_forms[i])
                if i not in replaced:
                    merged.append(m)
            mentions = merged
        for m in mentions:
            if m.text in defined:
                m.label, m.entity = defined[m.text]
                m.hint = None
        return mentions

    def _long_form(self, short: Mention) -> tuple[int, int] | None:
        """The span of the words before "(ACRONYM)" whose capitalised initials spell it."""
        text = self.text
        letters = short.text.replace(".", "").replace("&", "").upper()
        bracket = short.start - 1
        window_start = max(0, bracket - 40 * len(letters))
        words = list(_LONG_FORM_WORD.finditer(text, window_start, bracket))
        if not words or not _ACRONYM_BRACKET.match(text[words[-1].end() : short.start]):
            return None
        initials = ""
        for word in reversed(words):
            written = word.group()
            if written.lower() in CONNECTOR_WORDS:
                continue
            if not written[0].isupper():
                return None
            parts = [p for p in written.split("-") if p]
            initials = (
                "".join(p[0] for p in parts) if all(p[0].isupper() for p in parts) else written[0]
            ).upper() + initials
            if initials == letters:
                last = words[-1]
                return word.start(), end_without_possessive(
                    NameToken(last.start(), last.end(), last.group())
                )
            if len(initials) >= len(letters) or not letters.endswith(initials):
                return None
        return None


def nearest(candidates: list[tuple[int, str]], position: int) -> str:
    """The candidate (sorted by start) introduced last before ``position``, else the first one."""
    index = bisect_right(candidates, position, key=lambda candidate: candidate[0])
    return candidates[index - 1][1] if index else candidates[0][1]
