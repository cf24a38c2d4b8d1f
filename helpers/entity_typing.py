"""Stage 2 of entity recognition: the mentions in one name candidate, typed by their own words.

Titles and affiliations are split off first (:mod:`helpers.entity_titles`: "US | Assistant
Secretary of State ... | James Kelly", "German | Claudia Pechstein"); modifiers give up the
place or name they contain ("Paris-based", "Patrick Ewing-oriented"); a title of a place names
the place ("King of Athens"); an organisation name directly followed by a person's name is two
names ("Refugee Council | Enver Solomon"); the rest is typed by country names and codes,
demonyms, places, holidays, first names, organisation/place head words and acronyms. A name the
words do not type is left with ``label=None`` and a ``hint`` for the document-level stage.
"""

from __future__ import annotations

import re

from helpers.entity_candidates import RunSplitter, Segment, last_bare
from helpers.entity_context import NameContext
from helpers.entity_spans import ACRONYM, Mention, NameToken, mention_of, moved, surface_of
from helpers.entity_titles import TitledNames

SINGLE_WORD_ORGS = frozenset(
    {"congress", "senate", "parliament", "cabinet", "pentagon", "kremlin", "treasury", "house"}
)
"""Institutions named by one word."""
_COMPOUND_MODIFIER = re.compile(
    r"-(?:based|backed|led|owned|run|controlled|born|made|style|awaited|era|premier|time"
    r"|oriented|related|linked|inspired|sponsored|allied|dominated|like)$"
)
"""A first word like "Iranian-backed" or "Long-awaited" modifies the name after it."""
_ACTOR_MODIFIER = re.compile(r"-(?:based|backed|led|owned|run|controlled)$")
"""Modifiers whose first part names someone who acts ("Hezbollah-backed")."""
_ING_FORM = re.compile(r"^[A-Z][a-z]+ing$")
SCORE_AFTER = re.compile(r"[ \t]+\d")
"""A number right after a name: a score in a results line ("Arsenal 2")."""


def type_runs(context: NameContext, runs: list[Segment]) -> list[Mention]:
    """The mentions of every capitalised run, typed by their words where they can be.

    Typing reads the run's words, whether it starts a sentence, the role noun before it and
    whether a number follows it; a run that repeats with the same four is typed once.
    """
    splitter, typer, text = RunSplitter(context), SegmentTyper(context), context.text
    mentions: list[Mention] = []
    typed_runs: dict[tuple[str, bool, str | None, bool], tuple[int, list[Mention]]] = {}
    for tokens, initial in runs:
        start, end = tokens[0].start, tokens[-1].end
        key = (
            text[start:end],
            initial,
            context.title_before(start),
            SCORE_AFTER.match(text, end) is not None,
        )
        typed = typed_runs.get(key)
        if typed is not None:
            shift = start - typed[0]
            mentions.extend(moved(m, shift) for m in typed[1])
            continue
        found = [
            mention
            for segment, segment_initial in splitter.segments(tokens, initial)
            for mention in typer.classify(segment, segment_initial)
        ]
        mentions.extend(found)
        typed_runs[key] = (start, [moved(m, 0) for m in found])
    return mentions


class SegmentTyper:
    """Types the mentions of one candidate segment from its words and the name lists."""

    def __init__(self, context: NameContext) -> None:
        self.context = context
        self.text = context.text
        self.lists = context.lists
        self.titles = TitledNames(context, self.classify)

    def classify(self, tokens: list[NameToken], initial: bool) -> list[Mention]:
        """The mentions of one segment, typed when its words say the type."""
        lists, text, context = self.lists, self.text, self.context
        if tokens and self._is_holiday(tokens):
            return [mention_of(text, tokens, "EVENT", surface_of(text, tokens), initial)]
        while tokens and self._skipped(tokens[0], tokens):
            tokens, initial = tokens[1:], False
        while tokens and self._skipped(tokens[-1], tokens):
            tokens = tokens[:-1]
        if not tokens:
            return []
        if "-" in tokens[-1].text and _COMPOUND_MODIFIER.search(tokens[-1].text):
            return self._before_modifier(tokens, initial)
        if (
            len(tokens) > 1
            and (
                ("-" in tokens[0].text and _COMPOUND_MODIFIER.search(tokens[0].text))
                or (
                    initial
                    and _ING_FORM.search(tokens[0].text)
                    and tokens[0].bare not in lists.surnames
                )
                or (
                    initial
                    and context.is_common_word(tokens[0], strict=False)
                    and tokens[1].bare not in lists.skip  # "Reporters Without Borders"
                )
            )
            and lists.lookup(text, tokens) is None
        ):
            place = self._modifier_place(tokens[0])
            rest = self.classify(tokens[1:], False)  # "Echoing Annan", "Iranian-backed Hezbollah"
            return [*place, *rest]
        known = lists.lookup(text, tokens)
        if known:
            mention = mention_of(text, tokens, known[0], known[1], initial)
            if (
                len(tokens) == 1
                and known[0] in ("GPE", "LOC")
                and known[1] not in lists.country_set
            ):
                common = tokens[0].bare in context.lower_vocabulary
                mention.label, mention.hint = None, "title" if common else known[0]
            return [mention]
        split = self.titles.split_affiliation(tokens, initial)
        if split is not None:
            return split
        place = self._place_of_title(tokens)
        if place is not None:
            return place
        people = self.titles.with_title(tokens, None)
        if people is not None:
            return people
        split = self._split_after_org_head(tokens, initial)
        if split is not None:
            return split
        if len(tokens) == 1 and tokens[0].bare in SINGLE_WORD_ORGS:
            return [mention_of(text, tokens, "ORG", surface_of(text, tokens), initial)]
        if len(tokens) == 1 and (
            tokens[0].bare in lists.titleish or tokens[0].bare in lists.words.generic
        ):
            return [mention_of(text, tokens, None, surface_of(text, tokens), initial, "title")]
        label = self._label_by_form(tokens)
        if (
            label is None
            and initial
            and len(tokens) == 1
            and context.is_common_word(tokens[0])
            and not SCORE_AFTER.match(text, tokens[0].end)  # "Raith 5 1 1 3 4"
        ):
            return []
        mention = mention_of(
            text, tokens, label, surface_of(text, tokens), initial, None if label else "unknown"
        )
        title = (
            context.title_before(tokens[0].start)
            if label in (None, "PERSON") and not tokens[0].shouting  # "official INA news agency"
            else None
        )
        if title:
            mention.label, mention.title, mention.hint = "PERSON", title, None
        return [mention]

    def _place_of_title(self, tokens: list[NameToken]) -> list[Mention] | None:
        """ "King of Athens", "Mayor of London": a title is no name; the place is one."""
        if tokens[0].bare not in self.lists.titleish:
            return None
        at = next((i for i, t in enumerate(tokens) if t.bare == "of"), 0)
        if not at or not all(t.bare in self.lists.titleish for t in tokens[:at]):
            return None
        rest = tokens[at + 1 :]
        if rest and rest[0].bare == "the":
            rest = rest[1:]  # "Emperor of the United States"
        return self.classify(rest, False) if self.lists.lookup(self.text, rest) else None

    def _skipped(self, token: NameToken, tokens: list[NameToken]) -> bool:
        """A function or time word at the edge of a name ("The", "Monday"), not shouted; an
        abbreviation is a name word when others go with it ("Sun City")."""
        lists = self.lists
        if token.shouting or token.bare not in lists.skip:
            return False
        return token.bare in lists.words.function or lists.is_time_word(token) or len(tokens) == 1

    def _before_modifier(self, tokens: list[NameToken], initial: bool) -> list[Mention]:
        """ "Paris-based", "New York-based", "Hezbollah-backed": the name before the modifier
        (IE-ER and OntoNotes mark it), unless it is a nationality ("Iranian-backed")."""
        last = tokens[-1]
        head = last.text[: _COMPOUND_MODIFIER.search(last.text).start()]
        name = [*tokens[:-1], NameToken(last.start, last.start + len(head), head)] if head else []
        found = self.lists.lookup(self.text, name) if name else None
        if not name or (found and found[0] == "NORP"):
            return []
        if (
            found is None
            and not _ACTOR_MODIFIER.search(last.text)
            and not self.lists.looks_like_person(name)
        ):
            return []  # "Long-awaited"; but "Patrick Ewing-oriented"
        return self.classify(name, initial)

    def _modifier_place(self, token: NameToken) -> list[Mention]:
        """The place named in a modifier before a name ("Paris-based group X"), if any."""
        match = _COMPOUND_MODIFIER.search(token.text)
        if match is None or match.start() == 0:
            return []
        head = NameToken(token.start, token.start + match.start(), token.text[: match.start()])
        found = self.lists.lookup(self.text, [head])
        if found is None or found[0] == "NORP":
            return []
        return self.classify([head], False)

    def _is_holiday(self, tokens: list[NameToken]) -> bool:
        """ "Chinese New Year", "Valentine's Day": a holiday whose name ends in a time word."""
        holidays = self.lists.words.holiday
        if len(tokens) < 2 or tokens[-1].bare not in self.lists.holiday_ends:
            return False
        return " ".join(t.text.lower().replace("\u2019", "'") for t in tokens) in holidays

    def _split_after_org_head(self, tokens: list[NameToken], initial: bool) -> list[Mention] | None:
        """ "Refugee Council Enver Solomon": an organisation name (two words or more, ending in
        an organisation head word) directly followed by a person's name, as in captions."""
        lists = self.lists
        if len(tokens) < 4 or not any(t.bare in lists.words.org_head for t in tokens[1:-2]):
            return None
        for at in range(2, len(tokens) - 1):
            name = tokens[at:]
            if (
                tokens[at - 1].bare in lists.words.org_head
                and len(name) <= 3
                and (name[0].bare in lists.first_names or name[-1].bare in lists.surnames)
                and not any(t.bare in lists.head or t.bare in lists.titleish for t in name)
                and not any(t.shouting for t in name)
            ):
                organisation = mention_of(
                    self.text, tokens[:at], "ORG", surface_of(self.text, tokens[:at]), initial
                )
                person = mention_of(self.text, name, "PERSON", surface_of(self.text, name), False)
                return [organisation, person]
        return None

    def _label_by_form(self, tokens: list[NameToken]) -> str | None:
        """Type a segment by its head words, acronyms and name evidence; None when unknown."""
        lists = self.lists
        words = lists.words
        last, first, many = last_bare(tokens), tokens[0].bare, len(tokens) > 1
        if any(t.text == "&" for t in tokens):
            return "ORG"
        if last in words.org_head and (many or last in SINGLE_WORD_ORGS):
            return "ORG"
        if many and first in words.org_prefix and tokens[1].bare in ("of", "for"):
            return "ORG"
        if many and (last in words.loc_head or first in words.loc_prefix):
            return "LOC"
        if many and last in words.gpe_head:
            return "GPE"
        if many and last in words.fac_head:
            return "FAC"
        if many and last in words.event_head:
            return "EVENT"
        if many and last in words.misc_head:
            return "MISC"  # "Dow Jones Industrial Average", "Nobel Prize"
        if lists.looks_like_person(tokens):
            return "PERSON"
        if not many and ACRONYM.match(tokens[0].text):
            word = tokens[0].text
            if (
                word in lists.codes
                or (len(word) > 3 and word.capitalize() in lists.places)  # "ROME", not "INA"
                or word.capitalize() in lists.countries
            ):
                return None  # decided at document level
            return "ORG"
        return None
