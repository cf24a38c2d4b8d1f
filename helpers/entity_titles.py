"""Names that come with a title or an affiliation: the person, the title, the country or group.

"US Assistant Secretary of State for East Asia and Pacific Affairs James Kelly" is a GPE
("US"), a title and a PERSON ("James Kelly", affiliation "United States"); "Japanese Foreign
Ministry official Mitoji Yabunaka" a title ("official") after an ORG; "German Claudia
Pechstein" a NORP and a PERSON; but "Japanese Foreign Ministry" is one ORG (CoNLL-2003 and
OntoNotes: a nationality inside an organisation's name belongs to it).
"""

from __future__ import annotations

from collections.abc import Callable

from helpers.entity_candidates import last_bare
from helpers.entity_context import NameContext
from helpers.entity_lexicon import MAX_PERSON_TOKENS
from helpers.entity_spans import Mention, NameToken, mention_of, surface_of
from helpers.gazetteer import normalise

Classify = Callable[[list[NameToken], bool], list[Mention]]


class TitledNames:
    """Splits a candidate into affiliation, title and person (see the module docstring);
    ``classify`` types the parts that are names of their own."""

    def __init__(self, context: NameContext, classify: Classify) -> None:
        self.context = context
        self.text = context.text
        self.lists = context.lists
        self.classify = classify

    def split_affiliation(self, tokens: list[NameToken], initial: bool) -> list[Mention] | None:
        """ "US Assistant Secretary ... James Kelly", "Japanese Foreign Ministry", "US State Department",
        "German Claudia Pechstein" (NORP + PERSON)."""
        lists, text = self.lists, self.text
        if tokens[0].bare not in lists.nation_first_words:
            return None
        words = lists.words
        for size in range(min(3, len(tokens) - 1), 0, -1):
            lead = lists.lookup(text, tokens[:size])
            if (
                lead is None
                or lead[0] not in ("GPE", "NORP")
                or (lead[0] == "GPE" and lead[1] not in lists.country_set)
            ):
                continue
            rest = tokens[size:]
            if (
                lead[0] == "NORP"
                and last_bare(rest) in words.org_head
                and rest[0].bare not in words.title
            ):
                return [mention_of(text, tokens, "ORG", surface_of(text, tokens), initial)]
            affiliation = mention_of(text, tokens[:size], lead[0], lead[1], initial)
            people = self.with_title(rest, affiliation.entity)
            if people is not None:
                return [affiliation, *people]
            if (
                (lead[0] == "GPE" and last_bare(rest) in words.org_head)
                or lists.looks_like_person(rest)
                or lists.lookup(text, rest) is not None
                or (lead[0] == "NORP" and self._unknown_name(rest))
            ):
                return [affiliation, *self.classify(rest, False)]
            return None
        return None

    def _unknown_name(self, tokens: list[NameToken]) -> bool:
        """Two or three capitalised words that no list knows and the text never writes in lower
        case: after a nationality, a foreign person's name ("Belgian Toon Vandenhove")."""
        lists, vocabulary = self.lists, self.context.lower_vocabulary
        return 2 <= len(tokens) <= 3 and all(
            t.text[0].isupper()
            and not t.shouting
            and t.bare not in vocabulary
            and t.bare not in lists.head
            and t.bare not in lists.titleish
            and t.bare not in lists.words.event_head
            for t in tokens
        )

    def with_title(self, tokens: list[NameToken], affiliation: str | None) -> list[Mention] | None:
        """Split "Deputy Foreign Minister Lee Tae-shik" into a PERSON with its title, if it is one."""
        lists = self.lists
        titleish = lists.titleish
        split = next(
            (
                p
                for p in range(1, len(tokens))
                if tokens[p - 1].bare in titleish
                and tokens[p].bare in lists.first_names
                and tokens[p].bare not in titleish
                and lists.looks_like_person(tokens[p:])
            ),
            None,
        )
        if split is not None:
            return self._titled_person(tokens[:split], tokens[split:], affiliation)
        split = len(tokens)
        while (
            split > 0
            and tokens[split - 1].bare not in titleish
            and tokens[split - 1].bare not in ("of", "for", "and", "the")
        ):
            split -= 1
        if (
            split == 0
            or split == len(tokens)
            or len(tokens) - split > MAX_PERSON_TOKENS
            or tokens[split - 1].bare in ("of", "for", "and", "the")  # "Commissioner for Refugees"
        ):
            return None
        return self._titled_person(tokens[:split], tokens[split:], affiliation)

    def _titled_person(
        self, title_tokens: list[NameToken], name: list[NameToken], affiliation: str | None
    ) -> list[Mention] | None:
        lists, text = self.lists, self.text
        if (
            not any(t.bare in lists.words.title for t in title_tokens)
            or name[-1].bare in lists.head
        ):
            return None
        first = next(i for i, t in enumerate(title_tokens) if t.bare in lists.titleish)
        mentions: list[Mention] = []
        if first > 0:
            mentions.extend(self.classify(title_tokens[:first], False))
            if mentions and affiliation is None:
                affiliation = mentions[-1].entity
        person = mention_of(text, name, "PERSON", surface_of(text, name), False)
        person.title = normalise(text[title_tokens[first].start : title_tokens[-1].end])
        person.affiliation = affiliation
        mentions.append(person)
        return mentions
