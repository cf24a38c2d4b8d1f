"""Stage 1 of entity recognition: the capitalised runs of a text, cut into name candidates.

One compiled regex finds runs of capitalised words (joined by spaces, single line breaks and
name connectors such as "of", "for the", "and", "&", "de", "van"), stretches of three or more
ALL-CAPS words (headlines, set aside for :mod:`helpers.entity_headlines`) and names with a
corporate suffix ("Acme Widgets, Inc.", an ORG at once). Each run is then cut after possessives,
at weekdays, months and numbers, and at "and"/"of"/"for" unless the phrase reads as one name
("Trilateral Coordination and Oversight Group", "University of Texas").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from helpers.entity_context import NameContext
from helpers.entity_lexicon import MAX_PERSON_TOKENS
from helpers.entity_spans import (
    APOSTROPHES,
    CONNECTOR_WORDS,
    INTERNAL_POSSESSIVES,
    UPPER,
    Mention,
    NameToken,
    mention_of,
)
from helpers.gazetteer import lexicon, normalise, place_abbreviations

_INITIALS = rf"(?:[{UPPER}]\.)+(?:[{UPPER}](?![\w.]))?"
_NAME_WORD = rf"(?:(?:al|el|ad|ash|as|ar|an|at)-)?[{UPPER}]\w*(?:[{APOSTROPHES}]\w+|[-&]\w+|\.(?:com|net|org)\b)*"
_GAP = r"(?:[ \t]+(?:\n[ \t]*)?|\n[ \t]*)"
_CONNECTOR = r"(?:of|for|and|&|de|du|da|di|del|della|der|den|van|von|la|le|y|bin|ibn)(?:[ \t]+the)?"
_CAPS_WORD = rf"[{UPPER}][{UPPER}{APOSTROPHES}&.\d-]*(?![\w{APOSTROPHES}])"
CORPORATE_SUFFIX = re.compile(
    r",?[ \t]*(?:\n[ \t]*)?(?:Inc|INC|Corp|CORP|Co|CO|Ltd|LTD|LLC|PLC|Plc)\.?(?!\w)"
)
"""A company's legal form after its name ("Acme Widgets, Inc.")."""
_DIGIT = re.compile(r"\d")
_LOWER = re.compile(r"[a-z]")
_ROMAN = re.compile(r"^(?:I{1,3}|IV|V|VI{1,3}|IX|X)$")
_JOINING_WORDS = frozenset({"of", "for", "and", "&", "the"})

Segment = tuple[list[NameToken], bool]
"""The words of one name candidate, and whether it starts a sentence."""


@cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Compile the text scanner and the run tokenizer (abbreviations come from the lexicon)."""
    dotted = sorted(
        {w for w in lexicon()["title"] if w.endswith(".")}
        | {a.lower() for a in place_abbreviations()},
        key=len,
        reverse=True,
    )
    abbreviation = (
        "(?:"
        + "|".join(re.escape(w[0].upper() + w[1:]) for w in dotted)
        + "|Inc\\.|Corp\\.|Co\\.|Ltd\\.|Bros\\.|Jr\\.|Sr\\.|Mt\\.|Ft\\.|St\\.)"
    )
    # The lookahead lets a word without a full stop skip the long list of abbreviations.
    token = rf"(?:(?=[{UPPER}][\w.]*\.){abbreviation}(?!\w)|{_INITIALS}|{_NAME_WORD})"
    scan = re.compile(
        rf"(?=[{UPPER}])(?:(?P<caps>(?<![\w{APOSTROPHES}]){_CAPS_WORD}(?:[ \t,:;\"`()/-]+[{UPPER}\d][{UPPER}{APOSTROPHES}&.\d-]*(?![\w{APOSTROPHES}])){{2,}})"
        rf"|(?P<run>(?<![\w{APOSTROPHES}&]){token}(?:{_GAP}(?:{_CONNECTOR}{_GAP})?{token})*))"
    )
    return scan, re.compile(rf"{token}|[a-z]+|&")


@dataclass
class Candidates:
    """What the scan finds: capitalised runs, ALL-CAPS stretches and corporate names."""

    runs: list[Segment] = field(default_factory=list)
    headlines: list[tuple[int, int]] = field(default_factory=list)
    corporate: list[Mention] = field(default_factory=list)


def find_candidates(context: NameContext) -> Candidates:
    """Scan the text once; record mid-sentence capitalised words in ``context.mid_sentence``."""
    scan, tokenize = _patterns()
    text = context.text
    skip = context.lists.skip
    found = Candidates()
    for match in scan.finditer(text):
        if found.corporate and match.start() < found.corporate[-1].end:
            continue
        if match.lastgroup == "caps":
            found.headlines.append(match.span())
            continue
        suffix = CORPORATE_SUFFIX.match(text, match.end())
        run_text = match.group()
        if not suffix and run_text.lower() in skip and not run_text.isupper():
            continue  # "The", "However", "Monday" on their own: never a name
        if " " in run_text or "\n" in run_text or "\t" in run_text:
            tokens = [
                NameToken(m.start(), m.end(), m.group())
                for m in tokenize.finditer(text, *match.span())
            ]
        else:
            tokens = [NameToken(match.start(), match.end(), run_text)]
        if suffix:
            tokens = _after_last_connector(tokens, skip)
            if tokens and len(tokens) <= MAX_PERSON_TOKENS:
                start = tokens[0].start
                tokens.append(NameToken(suffix.start(), suffix.end(), suffix.group()))
                found.corporate.append(
                    mention_of(text, tokens, "ORG", normalise(text[start : suffix.end()]), False)
                )
                continue
        if not tokens:
            continue
        initial = context.sentence_initial(match.start())
        context.mid_sentence.update(t.text for t in tokens[int(initial) :])
        found.runs.append((tokens, initial))
    return found


def _after_last_connector(tokens: list[NameToken], skip: frozenset[str]) -> list[NameToken]:
    """The words of a company name before its suffix: those after the last connector or
    function word ("the board of | Acme Widgets, Inc.")."""
    cut = max(
        (i + 1 for i, t in enumerate(tokens) if t.bare in CONNECTOR_WORDS or t.bare in skip),
        default=0,
    )
    return tokens[cut:]


class RunSplitter:
    """Cuts a capitalised run into the segments that may each be one name."""

    def __init__(self, context: NameContext) -> None:
        self.context = context
        self.text = context.text
        self.lists = context.lists

    def segments(self, tokens: list[NameToken], initial: bool) -> list[Segment]:
        """Cut a run after possessives and at time words and numbers, then at connectors."""
        time_words = self.lists.words.time
        if len(tokens) == 1:
            token = tokens[0]
            if token.bare in time_words and not token.shouting or _DIGIT.search(token.text):
                return []
            return [(tokens, initial)]
        pieces: list[Segment] = []
        current: list[NameToken] = []
        current_initial = initial
        has_digits = _DIGIT.search(self.text, tokens[0].start, tokens[-1].end) is not None
        for index, token in enumerate(tokens):
            if index and self._heading_ends_before(tokens[index - 1], token):
                pieces.append((current, current_initial))
                current, current_initial = [], True
            if (
                self.lists.is_time_word(token)
                and not self._ends_holiday(tokens, index)
                or has_digits
                and _DIGIT.search(token.text)
            ):
                pieces.append((current, current_initial))
                current, current_initial = [], False
                continue
            current.append(token)
            if (
                token.text[-2:-1] in APOSTROPHES
                and token.text[-1] == "s"
                and token.text.lower() not in INTERNAL_POSSESSIVES
                and index + 1 < len(tokens)
            ):
                pieces.append((current, current_initial))
                current, current_initial = [], False
        pieces.append((current, current_initial))
        segments: list[Segment] = []
        for piece, piece_initial in pieces:
            segments.extend(self.split_connectors(piece, piece_initial))
        return segments

    def _heading_ends_before(self, previous: NameToken, token: NameToken) -> bool:
        """An ALL-CAPS heading line ends between the two words ("REBOUNDS\n Patrick Ewing")."""
        text = self.text
        if not previous.shouting or token.shouting or "\n" not in text[previous.end : token.start]:
            return False
        line_start = text.rfind("\n", 0, previous.start) + 1
        line_end = text.find("\n", previous.end)
        return not _LOWER.search(text, line_start, line_end)

    def _ends_holiday(self, tokens: list[NameToken], index: int) -> bool:
        """True when the time word ``tokens[index]`` ends a holiday's name ("New Year")."""
        holidays = self.lists.words.holiday
        return any(
            " ".join(t.bare for t in tokens[index - size : index + 1]) in holidays
            for size in (1, 2)
            if index >= size
        )

    def split_connectors(self, tokens: list[NameToken], initial: bool) -> list[Segment]:
        """Split at "and", "of", "for", "the" and "&" unless the phrase reads as one name."""
        while tokens and tokens[-1].bare in CONNECTOR_WORDS:
            tokens = tokens[:-1]
        while tokens and (
            tokens[0].bare in _JOINING_WORDS
            or (tokens[0].bare in CONNECTOR_WORDS and not tokens[0].text[0].isupper())
            or (len(tokens) == 1 and tokens[0].bare in CONNECTOR_WORDS)
        ):
            tokens, initial = tokens[1:], False  # but "Van Gundy", "De Klerk" keep their particle
        if not tokens:
            return []
        at = next((i for i, t in enumerate(tokens) if t.bare in _JOINING_WORDS), None)
        lists, text = self.lists, self.text
        if at is None or lists.lookup(text, tokens) is not None:
            return [(tokens, initial)]
        words = lists.words
        after = at + 1
        while after < len(tokens) and tokens[after].bare == "the":
            after += 1
        left, right = tokens[:at], tokens[after:]
        connector, head = tokens[at].bare, (left[-1].bare if left else "")
        if (
            connector in ("of", "for")
            and head in words.title
            and not lists.looks_like_person(right)
        ):
            # "Secretary of State for East Asia and Pacific Affairs James Kelly"
            return [(tokens, initial)]
        if connector == "&":
            keep = True
        elif connector == "and":
            keep = (
                last_bare(right) in words.org_head
                and last_bare(left) not in words.org_head  # "House and Senate": two names
                and not lists.has_known_prefix(text, left)
                and not lists.has_known_prefix(text, right)
                and not any(t.bare in words.title for t in left)
            )
        else:
            keep = (
                head in lists.head
                or head in words.org_prefix
                or head in words.loc_prefix
                or head in words.event_head
                or head in words.title_domain
            )
        if keep:
            rest = self.split_connectors(right, False)
            if not rest:
                return [(left, initial)]
            return [(tokens[:after] + rest[0][0], initial)] + rest[1:]
        return self.split_connectors(left, initial) + self.split_connectors(right, False)


def last_bare(tokens: list[NameToken]) -> str:
    """The last word's bare form, skipping a final Roman numeral ("World War II" → "war")."""
    if len(tokens) > 1 and _ROMAN.match(tokens[-1].text):
        return tokens[-2].bare
    return tokens[-1].bare if tokens else ""
