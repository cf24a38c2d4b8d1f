"""Named-entity mentions of a text and per-entity counts, with rules and name lists only (no model).

How a text is read, in one pass of compiled regexes plus a little Python per capitalised run:

1. Runs of capitalised words (joined by spaces, single line breaks and name connectors such as
   "of", "for the", "and", "&", "de", "van") are found; stretches of three or more ALL-CAPS words
   (headlines) are set aside and only matched against names known from the text or the lists.
2. Each run is cut at "and"/"of"/"for" unless the phrase is a name ("Trilateral Coordination and
   Oversight Group", "University of Texas"), after possessives, at weekdays and months; leading
   function words ("The", "However") and sentence-initial common words ("Participants") go.
3. Titles split a run into affiliation + title + person ("US | Assistant Secretary of State for
   East Asia and Pacific Affairs | James Kelly"); the rest is typed by country names and codes,
   demonyms, places, first names, organisation/place head words and acronyms.
4. Document-level rules: an acronym defined in brackets takes its long form's entity ("IAEA");
   a short person name takes the full name used in the text ("Kelly" → "James Kelly") and wins
   over a place of the same name; a name typed once keeps its type; a national capital standing
   for its government is a metonym (``refers_to``).
5. A name no list or head word types needs evidence from its context: a PERSON is seen with a
   first name or surname, a title, a verb of saying or an age, or is the surname of a full name
   in the text; an ORG follows "the" or precedes "shares"/"spokesman" or a score; a place follows
   "in"; a title in quotation marks is a work. Without evidence it is MISC, not a PERSON.
6. ALL-CAPS text (headlines, datelines) keeps only names known from the text or the lists, found
   in their title-case form; a topic slug ("SOCCER - ") is not a name.

Labels: PERSON, ORG, GPE (countries, cities, states), LOC (regions, seas, mountains), FAC
(streets, buildings, airports), NORP (nationalities, religious and political groups), EVENT,
MISC (a name with no evidence of its type: products, works, unknown one-word names).
Conventions (CoNLL-2003/OntoNotes): "Bush" in "Bush administration" is a PERSON; a demonym plus
an organisation is one ORG ("Japanese Foreign Ministry"); a country noun before an organisation or
a title is its own GPE ("US | State Department"); "the" and a possessive "'s" are outside the
span; a title alone is not an entity.
"""

from __future__ import annotations

import itertools
import re
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass, field
from functools import cache, lru_cache

import numpy as np
import pandas as pd

from helpers.document import Document, HasText, as_document
from helpers.frames import INT, STRING, Columns, build_frame, columns_of_rows
from helpers.gazetteer import (
    capitals,
    country_codes,
    country_names,
    demonyms,
    first_names,
    lexicon,
    major_cities,
    normalise,
    place_abbreviations,
    places,
    surnames,
)

LABELS = ("PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "EVENT", "MISC")
LABEL_DTYPE = pd.CategoricalDtype(list(LABELS))
ENTITY_SPEC = {
    "start": INT,
    "end": INT,
    "text": STRING,
    "label": LABEL_DTYPE,
    "entity": STRING,
    "refers_to": STRING,
    "title": STRING,
    "affiliation": STRING,
}
ENTITY_COLUMNS = list(ENTITY_SPEC)
COUNT_SPEC = {"entity": STRING, "label": LABEL_DTYPE, "mentions": INT, "forms": INT}
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
MAX_PERSON_TOKENS = 4
PERSON_CUES = frozenset({"said", "says", "told", "asked", "thanked", "quoted"})
"""Verbs before a name that make an unknown name a person ("said Ismoil")."""
_PERSON_CONTEXT_AFTER = re.compile(
    r"(?:'s)?(?:[ \t]*\n?[ \t]*(?:said|says|told|added|asked|explained|himself|herself)\b"
    r"|,[ \t]*(?:who\b|\d{1,3},))"
)
_OPENING_QUOTES = ("``", '"', "\u201c")
_CLOSING_QUOTE = re.compile("[,.]?(?:''|[\"\u201d])(?![ \t]*(?:said|says|asked|added)\\b)")
"""A name between these quotation marks is the title of a work ("``Iron Mask''"), unless the
quotation is speech ("“Kofi Annan,” said ...")."""
PLACE_CUES = frozenset({"in", "near", "outside", "inside", "throughout"})
"""Prepositions before an unknown name that make it a place ("in Cherating")."""
_ORG_CONTEXT_AFTER = re.compile(
    r"(?:'s)?[ \t]*\n?[ \t]*(?:shares|stock|spokes(?:man|woman|person)|executives?|employees"
    r"|subsidiary|unit|shareholders|investors|chief executive|chairman)\b"
)
"""Nouns after an unknown name that make it an organisation ("Omnicom shares")."""
_COMPOUND_MODIFIER = re.compile(
    r"-(?:based|backed|led|owned|run|controlled|born|made|style|awaited|era|premier|time)$"
)
"""A first word like "Iranian-backed" or "Long-awaited" modifies the name after it."""
_ING_FORM = re.compile(r"^[A-Z][a-z]+ing$")
_JOINING_WORDS = frozenset({"of", "for", "and", "&", "the"})
_SCORE_AFTER = re.compile(r"[ \t]+\d")
SINGLE_WORD_ORGS = frozenset(
    {"congress", "senate", "parliament", "cabinet", "pentagon", "kremlin", "treasury", "house"}
)


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


_UP = _char_class(str.isupper)
_APOS = "'\u2019"
_INITIALS = rf"(?:[{_UP}]\.)+(?:[{_UP}](?![\w.]))?"
_WORD = (
    rf"(?:(?:al|el|ad|ash|as|ar|an|at)-)?[{_UP}]\w*(?:[{_APOS}]\w+|[-&]\w+|\.(?:com|net|org)\b)*"
)
_GAP = r"(?:[ \t]*\n[ \t]*|[ \t]+)"
_CONNECTOR = r"(?:of|for|and|&|de|du|da|di|del|della|der|den|van|von|la|le|y|bin|ibn)(?:[ \t]+the)?"
_CAPS_WORD = rf"[{_UP}][{_UP}{_APOS}&.\d-]*(?![\w{_APOS}])"
_CORPORATE = re.compile(
    r",?[ \t]*\n?[ \t]*(?:Inc|INC|Corp|CORP|Co|CO|Ltd|LTD|LLC|PLC|Plc)\.?(?!\w)"
)
_HEADLINE_SLUG = re.compile(rf"[{_UP}]+(?:[ \t]+[{_UP}]+)?[ \t]+-[ \t]")
_LOWER_WORD = re.compile(rf"(?<![\w{_APOS}-])[a-z][a-z{_APOS}-]*")
_CAPS_TOKEN = re.compile(rf"[{_UP}\d][{_UP}{_APOS}&.\d-]*")
_POSSESSIVE = re.compile(rf"[{_APOS}]s$")
_ACRONYM = re.compile(rf"^(?:[{_UP}]\.){{2,}}$|^[{_UP}][{_UP}&]+$")
_DIGIT = re.compile(r"\d")
_ROMAN = re.compile(r"^(?:I{1,3}|IV|V|VI{1,3}|IX|X)$")
_INITIAL = re.compile(rf"^[{_UP}]\.$")
_ORG_LIKE_WORD = re.compile(r"[a-z]s$|\.(?:com|net|org)$|[a-z][A-Z]")
_ACRONYM_BRACKET = re.compile(rf"^(?:[{_APOS}]s?)?\s*\($")
_LONG_FORM_WORD = re.compile(rf"[\w&][\w&{_APOS}-]*")
_QUOTE_OPENERS = " \t\n\"'`([{\u201c\u2018"
_CONNECTOR_WORDS = frozenset(
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
_NAME_SUFFIXES = frozenset({"jr.", "sr.", "jr", "sr", "ii", "iii", "iv"})
_INTERNAL_POSSESSIVES = frozenset({"people's", "children's", "women's", "men's"})


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
    token = rf"(?:(?=[{_UP}][\w.]*\.){abbreviation}(?!\w)|{_INITIALS}|{_WORD})"
    scan = re.compile(
        rf"(?=[{_UP}])(?:(?P<caps>(?<![\w{_APOS}]){_CAPS_WORD}(?:[ \t,:;\"`()/-]+[{_UP}\d][{_UP}{_APOS}&.\d-]*(?![\w{_APOS}])){{2,}})"
        rf"|(?P<run>(?<![\w{_APOS}&]){token}(?:{_GAP}(?:{_CONNECTOR}{_GAP})?{token})*))"
    )
    return scan, re.compile(rf"{token}|[a-z]+|&")


class _Token:
    """A word of a capitalised run; ``bare`` is its lower-case form without a possessive."""

    __slots__ = ("bare", "end", "shouting", "start", "text")

    def __init__(self, start: int, end: int, text: str) -> None:
        self.start, self.end, self.text = start, end, text
        bare = text.lower()
        if bare[-2:] in ("'s", "\u2019s"):
            bare = bare[:-2]
        self.bare = bare.replace("\u2019", "'") if "\u2019" in bare else bare
        self.shouting = len(text) > 1 and text.isupper()


@dataclass(slots=True)
class Mention:
    start: int
    end: int
    text: str
    label: str | None
    entity: str
    tokens: list[str]
    hint: str | None = None  # "place", "title" or "unknown": decided at document level
    title: str | None = None
    affiliation: str | None = None
    sentence_initial: bool = False
    possessive: bool = False
    refers_to: str | None = None  # the country a capital stands for, when used as a metonym


@dataclass(frozen=True)
class _Words:
    """The lexicon's word classes."""

    function: frozenset[str]
    time: frozenset[str]
    generic: frozenset[str]
    title: frozenset[str]
    title_modifier: frozenset[str]
    title_domain: frozenset[str]
    org_head: frozenset[str]
    org_prefix: frozenset[str]
    loc_head: frozenset[str]
    loc_prefix: frozenset[str]
    gpe_head: frozenset[str]
    fac_head: frozenset[str]
    event_head: frozenset[str]
    skip: frozenset[str] = field(default=frozenset())
    titleish: frozenset[str] = field(default=frozenset())
    head: frozenset[str] = field(default=frozenset())


@cache
def _words() -> _Words:
    classes = lexicon()
    names = [n for n in _Words.__dataclass_fields__ if n not in ("skip", "titleish", "head")]
    words = {name: classes.get(name, frozenset()) for name in names}
    return _Words(
        **words,
        skip=words["function"] | words["time"],
        titleish=words["title"] | words["title_modifier"] | words["title_domain"],
        head=words["org_head"] | words["loc_head"] | words["gpe_head"] | words["fac_head"],
    )


# --- public API -------------------------------------------------------------------------------


def entity_mentions(source: str | Document | HasText) -> list[Mention]:
    """The mentions of a text, article or document, sorted by start; found once per document."""
    document = as_document(source)
    return document.memo("entities", lambda: _find_mentions(document.text))


def _find_mentions(text: str) -> list[Mention]:
    mentions = _Recogniser(text).run()
    for mention in mentions:
        mention.refers_to = _metonym_target(text, mention)
    return mentions


def extract_entities(text: str | Document) -> pd.DataFrame:
    """Return one row per named-entity mention in ``text``, sorted by ``start``.

    ``text`` is a string or a :class:`helpers.document.Document`. Columns: ``start``, ``end``
    (Int64 offsets, ``text[start:end]`` is the mention), ``text``
    (string), ``label`` (category: PERSON, ORG, GPE, LOC, FAC, NORP, EVENT, MISC), ``entity``
    (string, canonical name: country names from GeoNames, a person's fullest name in the text, an
    acronym's long form), ``refers_to`` (string or NA: the country a capital city stands for when
    used as a metonym, e.g. "Pyongyang said"), ``title`` (string or NA: a person's title or role
    noun, "Deputy Foreign Minister"), ``affiliation`` (string or NA: the entity named with the
    title, "South Korea").
    """
    return build_frame(ENTITY_SPEC, entity_columns(text))


def entity_columns(source: str | Document | HasText) -> Columns:
    """The columns of :func:`extract_entities`, as lists."""
    mentions = entity_mentions(source)
    return {
        "start": [m.start for m in mentions],
        "end": [m.end for m in mentions],
        "text": [m.text for m in mentions],
        "label": [m.label for m in mentions],
        "entity": [m.entity for m in mentions],
        "refers_to": [m.refers_to for m in mentions],
        "title": [m.title for m in mentions],
        "affiliation": [m.affiliation for m in mentions],
    }


def entity_counts(article: HasText, merge_metonyms: bool = False) -> pd.DataFrame:
    """Count mentions per real-world entity in ``article.text``.

    Columns: ``entity`` (string), ``label`` (category, the entity's most frequent label),
    ``mentions`` (Int64), ``forms`` (Int64, number of distinct surface forms). Sorted by
    ``mentions`` descending, then ``entity``. With ``merge_metonyms=True`` a capital used for its
    government ("Pyongyang said") is counted under the country; the default keeps it under its
    own name, so every count can be checked by searching the text for the names in the alias table.
    """
    return build_frame(COUNT_SPEC, entity_count_columns(article, merge_metonyms))


def entity_count_columns(article: HasText, merge_metonyms: bool = False) -> Columns:
    """The columns of :func:`entity_counts`, as lists."""
    counts = _count(entity_mentions(article), merge_metonyms)
    return {
        "entity": [c.entity for c in counts],
        "label": [c.label for c in counts],
        "mentions": [c.mentions for c in counts],
        "forms": [len(c.forms) for c in counts],
    }


def alias_table(article: HasText) -> pd.DataFrame:
    """Surface forms merged into each entity: ``entity``, ``label``, ``form``, ``mentions`` (Int64).

    Sorted by entity (in ``entity_counts`` order), then mentions descending, then form. ``label``
    is the label of the form's first mention.
    """
    rows = [
        (count.entity, label, form, n)
        for count in _count(entity_mentions(article), False)
        for form, (n, label) in sorted(count.forms.items(), key=lambda item: (-item[1][0], item[0]))
    ]
    spec = {"entity": STRING, "label": LABEL_DTYPE, "form": STRING, "mentions": INT}
    return build_frame(spec, columns_of_rows(spec, rows))


def entities_per_paragraph(article: HasText, top: int | None = None) -> pd.DataFrame:
    """Mentions of each entity per analysed paragraph: rows = entities (count order), columns = ``para_id``.

    Uses ``article.paragraphs`` (``para_id``, ``start``, ``end``; duplicates have null offsets and
    are skipped). Values are Int64 counts; ``top`` keeps the most mentioned entities only.
    """
    mentions = entity_mentions(article)
    paragraphs = article.paragraphs.dropna(subset=["start", "end"])  # type: ignore[attr-defined]
    counts = _count(mentions, False)
    entities = [c.entity for c in (counts if top is None else counts[:top])]
    para_ids = [int(p) for p in paragraphs["para_id"]]
    starts = [int(s) for s in paragraphs["start"]]
    row_of = {entity: row for row, entity in enumerate(entities)}
    cells = np.zeros((len(entities), len(para_ids)), dtype=np.int64)
    for mention in mentions:
        column = bisect_right(starts, mention.start) - 1
        if mention.entity in row_of and column >= 0:
            cells[row_of[mention.entity], column] += 1
    return pd.DataFrame(
        {para_id: pd.array(cells[:, i], dtype="Int64") for i, para_id in enumerate(para_ids)},
        index=pd.Index(entities, name="entity", dtype="string"),
    ).rename_axis(columns="para_id")


def person_roles(article: HasText) -> pd.DataFrame:
    """Persons with their titles and affiliations as written in the text.

    Columns: ``entity`` (string), ``mentions`` (Int64), ``forms`` (string, surface forms joined by
    "; "), ``title`` (string, titles joined by "; ", NA if none), ``affiliation`` (string, NA if none).
    Sorted by mentions descending, then entity.
    """
    people: dict[str, list[Mention]] = {}
    for mention in entity_mentions(article):
        if mention.label == "PERSON":
            people.setdefault(mention.entity, []).append(mention)
    order = sorted(people, key=lambda entity: (-len(people[entity]), entity))

    def joined(values: list[str | None]) -> str | None:
        return "; ".join(dict.fromkeys(v for v in values if v)) or None

    return build_frame(
        {"entity": STRING, "mentions": INT, "forms": STRING, "title": STRING, "affiliation": STRING},
        {
            "entity": order,
            "mentions": [len(people[e]) for e in order],
            "forms": [joined([normalise(m.text) for m in people[e]]) for e in order],
            "title": [joined([m.title for m in people[e]]) for e in order],
            "affiliation": [joined([m.affiliation for m in people[e]]) for e in order],
        },
    )


def metonym_comparison(article: HasText) -> pd.DataFrame:
    """Mentions per entity counted both ways: ``entity``, ``literal`` (capitals under their own
    name), ``merged`` (capitals used for their government counted under the country), ``change``
    (merged − literal); all Int64. Only entities whose count differs, largest change first."""
    mentions = entity_mentions(article)
    literal = {c.entity: c.mentions for c in _count(mentions, False)}
    merged = {c.entity: c.mentions for c in _count(mentions, True)}
    rows = [
        (entity, literal.get(entity, 0), merged.get(entity, 0))
        for entity in literal.keys() | merged.keys()
        if literal.get(entity, 0) != merged.get(entity, 0)
    ]
    rows.sort(key=lambda row: (-(row[2] - row[1]), row[0]))
    spec = {"entity": STRING, "literal": INT, "merged": INT, "change": INT}
    return build_frame(spec, columns_of_rows(spec, [(*row, row[2] - row[1]) for row in rows]))


# --- counting ---------------------------------------------------------------------------------


@dataclass
class EntityCount:
    """One entity's mentions: its label votes and its surface forms with their counts."""

    entity: str
    mentions: int = 0
    labels: Counter = field(default_factory=Counter)
    forms: dict[str, tuple[int, str]] = field(default_factory=dict)  # form -> (count, label)

    @property
    def label(self) -> str:
        """The most frequent label (ties: the order of :data:`LABELS`)."""
        return min(self.labels, key=lambda label: (-self.labels[label], LABELS.index(label)))


def _count(mentions: list[Mention], merge_metonyms: bool) -> list[EntityCount]:
    """Mentions grouped by entity, most mentioned first, then by name."""
    counts: dict[str, EntityCount] = {}
    for mention in mentions:
        entity, label = mention.entity, mention.label
        if merge_metonyms and mention.refers_to is not None:
            entity, label = mention.refers_to, "GPE"
        count = counts.get(entity) or counts.setdefault(entity, EntityCount(entity))
        count.mentions += 1
        count.labels[label] += 1
        form = normalise(mention.text)
        seen, first_label = count.forms.get(form, (0, label))
        count.forms[form] = (seen + 1, first_label)
    return sorted(counts.values(), key=lambda count: (-count.mentions, count.entity))


def _metonym_target(text: str, mention: Mention) -> str | None:
    """Return the country a capital-city mention stands for, unless it follows a locative word."""
    if mention.label != "GPE":
        return None
    country = capitals().get(normalise(mention.text))
    if country is None:
        return None
    return None if _word_before(text, mention.start).lower() in LITERAL_PLACE_AFTER else country


def _word_before(text: str, position: int) -> str:
    """The word that ends right before ``position``, across spaces only ('' if none)."""
    end = position
    while end > 0 and text[end - 1] in " \t\n":
        end -= 1
    start = end
    while start > 0 and (text[start - 1].isalpha() or text[start - 1] in "-'"):
        start -= 1
    return text[start:end]


# --- the recogniser ---------------------------------------------------------------------------


class _Recogniser:
    """Finds the mentions of one text; see the module docstring for the rules."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.words = _words()
        self.countries = country_names()
        self.country_set = _canonical_countries()
        self.demonyms = demonyms()
        self.places = places()
        self.first_names = first_names()
        self.surnames = surnames()
        self.lower_vocabulary: set[str] = set()
        self.mid_sentence: set[str] = set()

    def run(self) -> list[Mention]:
        scan, tokenize = _patterns()
        text = self.text
        runs: list[tuple[list[_Token], bool]] = []
        caps: list[tuple[int, int]] = []
        corporate: list[Mention] = []
        skip = self.words.skip
        for match in scan.finditer(text):
            if corporate and match.start() < corporate[-1].end:
                continue
            suffix = _CORPORATE.match(text, match.end())
            if match.lastgroup == "caps":
                caps.append(match.span())
                continue
            run_text = match.group()
            if not suffix and run_text.lower() in skip and not run_text.isupper():
                continue  # "The", "However", "Monday" on their own: never a name
            if " " in run_text or "\n" in run_text or "\t" in run_text:
                tokens = [
                    _Token(m.start(), m.end(), m.group())
                    for m in tokenize.finditer(text, *match.span())
                ]
            else:
                tokens = [_Token(match.start(), match.end(), run_text)]
            if suffix:
                cut = max(
                    (
                        i + 1
                        for i, t in enumerate(tokens)
                        if t.bare in _CONNECTOR_WORDS or t.bare in self.words.skip
                    ),
                    default=0,
                )
                if (
                    cut == 0
                    and self._sentence_initial(match.start())
                    and len(tokens) > 1
                    and self._is_common_word(tokens[0], False)
                ):
                    cut = 1
                tokens = tokens[cut:]
            if suffix and tokens and len(tokens) <= MAX_PERSON_TOKENS:
                start = tokens[0].start
                tokens.append(_Token(suffix.start(), suffix.end(), suffix.group()))
                corporate.append(
                    self._mention(tokens, "ORG", normalise(text[start : suffix.end()]), False)
                )
                continue
            if not tokens:
                continue
            initial = self._sentence_initial(match.start())
            self.mid_sentence.update(t.text for t in tokens[int(initial) :])
            runs.append((tokens, initial))
        if not runs and not caps and not corporate:
            return []
        self.lower_vocabulary = set(
            _LOWER_WORD.findall(text.replace("\u2019", "'") if "\u2019" in text else text)
        )
        mentions = corporate
        typed_runs: dict[tuple[str, bool], list[Mention]] = {}
        for tokens, initial in runs:
            start = tokens[0].start
            key = (text[start : tokens[-1].end], initial)
            if key in typed_runs:
                mentions.extend(_moved(m, start) for m in typed_runs[key])
                continue
            found = [
                mention
                for segment, segment_initial in self._segments(tokens, initial)
                for mention in self._classify(segment, segment_initial)
            ]
            mentions.extend(found)
            if found and all(m.label is not None and m.label != "PERSON" for m in found):
                # Typed from the words alone (PERSON, untyped and dropped names also look at
                # their context): a repeat of the same run is typed the same way.
                typed_runs[key] = [_moved(m, -start) for m in found]
        mentions = self._resolve(mentions)
        known: dict[str, tuple[str, str]] = {}
        if caps:
            _remember(known, mentions)
        for start, end in caps:
            found = self._caps_stretch(start, end, known)
            _remember(known, found)
            mentions.extend(found)
        mentions.sort(key=lambda m: m.start)
        return mentions

    # -- runs into segments ----------------------------------------------------------------

    def _sentence_initial(self, position: int) -> bool:
        """True when ``position`` starts a sentence (or a quotation, or a paragraph)."""
        text = self.text
        i = position - 1
        while i >= 0 and text[i] in _QUOTE_OPENERS:
            if text[i] == "\n" and (i == 0 or text[i - 1] == "\n" or text[i + 1] == "\t"):
                return True
            i -= 1
        if i < 0:
            return True
        char = text[i]
        if char.isdigit() and "\n" in text[i:position]:
            return True  # the line after a dateline ("LONDON 1997-03-02") or a table row
        if char in ".!?":
            j = i
            while j > 0 and text[j - 1].isalpha():
                j -= 1
            word = text[j : i + 1].lower()
            return not (word in self.words.title or (i - j == 1 and j > 0 and text[j - 1] == "."))
        return char in ":;\u2014" or text.startswith("--", i - 1)

    def _segments(self, tokens: list[_Token], initial: bool) -> list[tuple[list[_Token], bool]]:
        """Cut a run after possessives and at time words and numbers, then at connectors."""
        if len(tokens) == 1:
            token = tokens[0]
            if token.bare in self.words.time and not token.shouting or _DIGIT.search(token.text):
                return []
            return [(tokens, initial)]
        pieces: list[tuple[list[_Token], bool]] = []
        current: list[_Token] = []
        current_initial = initial
        has_digits = (
            _DIGIT.search(self.text, tokens[0].start, tokens[-1].end) is not None
            if tokens
            else False
        )
        for index, token in enumerate(tokens):
            if (
                token.bare in self.words.time
                and not token.shouting
                or has_digits
                and _DIGIT.search(token.text)
            ):
                pieces.append((current, current_initial))
                current, current_initial = [], False
                continue
            current.append(token)
            if (
                token.text[-2:-1] in _APOS
                and token.text[-1] == "s"
                and token.text.lower() not in _INTERNAL_POSSESSIVES
                and index + 1 < len(tokens)
            ):
                pieces.append((current, current_initial))
                current, current_initial = [], False
        pieces.append((current, current_initial))
        segments: list[tuple[list[_Token], bool]] = []
        for piece, piece_initial in pieces:
            segments.extend(self._split_connectors(piece, piece_initial))
        return segments

    def _split_connectors(
        self, tokens: list[_Token], initial: bool
    ) -> list[tuple[list[_Token], bool]]:
        """Split at "and", "of", "for", "the" and "&" unless the phrase reads as one name."""
        while tokens and tokens[-1].bare in _CONNECTOR_WORDS:
            tokens = tokens[:-1]
        while tokens and (
            tokens[0].bare in _JOINING_WORDS
            or (tokens[0].bare in _CONNECTOR_WORDS and not tokens[0].text[0].isupper())
            or (len(tokens) == 1 and tokens[0].bare in _CONNECTOR_WORDS)
        ):
            tokens, initial = tokens[1:], False  # but "Van Gundy", "De Klerk" keep their particle
        if not tokens:
            return []
        at = next(
            (i for i, t in enumerate(tokens) if t.bare in ("and", "of", "for", "the", "&")), None
        )
        if at is None or self._lookup_name(tokens) is not None:
            return [(tokens, initial)]
        words = self.words
        after = at + 1
        while after < len(tokens) and tokens[after].bare == "the":
            after += 1
        left, right = tokens[:at], tokens[after:]
        connector, head = tokens[at].bare, (left[-1].bare if left else "")
        if (
            connector in ("of", "for")
            and head in words.title
            and not self._looks_like_person(right)
        ):
            return [
                (tokens, initial)
            ]  # "Secretary of State for East Asia and Pacific Affairs James Kelly"
        if connector == "&":
            keep = True
        elif connector == "and":
            keep = (
                _last_bare(right) in words.org_head
                and _last_bare(left) not in words.org_head  # "House and Senate": two names
                and not self._has_known_prefix(left)
                and not self._has_known_prefix(right)
                and not any(t.bare in words.title for t in left)
            )
        else:
            keep = (
                head in words.head
                or head in words.org_prefix
                or head in words.loc_prefix
                or head in words.event_head
                or head in words.title_domain
            )
        if keep:
            rest = self._split_connectors(right, False)
            if not rest:
                return [(left, initial)]
            return [(tokens[:after] + rest[0][0], initial)] + rest[1:]
        return self._split_connectors(left, initial) + self._split_connectors(right, False)

    # -- typing one segment ----------------------------------------------------------------

    def _lookup_name(self, tokens: list[_Token]) -> tuple[str, str] | None:
        """Return ``(label, entity)`` when the tokens are a country, demonym or place name."""
        if not tokens:
            return None
        return _lookup_surface(self.text[tokens[0].start : tokens[-1].end])

    def _has_known_prefix(self, tokens: list[_Token]) -> bool:
        """True when the first one to three tokens are a country, demonym or place name."""
        return any(
            self._lookup_name(tokens[:size]) is not None
            for size in range(1, min(3, len(tokens)) + 1)
        )

    def _looks_like_person(self, tokens: list[_Token]) -> bool:
        """First name + more name words, or a middle initial ("George W. Bush")."""
        if not tokens or len(tokens) > MAX_PERSON_TOKENS or tokens[-1].bare in self.words.head:
            return False
        if len(tokens) > 1 and tokens[0].bare in self.first_names and not tokens[0].shouting:
            return all(t.text[0].isupper() for t in tokens[1:])
        return len(tokens) > 2 and _INITIAL.match(tokens[1].text) is not None

    def _classify(self, tokens: list[_Token], initial: bool) -> list[Mention]:
        skip = self.words.skip
        while tokens and tokens[0].bare in skip and not tokens[0].shouting:
            tokens, initial = tokens[1:], False
        while tokens and tokens[-1].bare in skip and not tokens[-1].shouting:
            tokens = tokens[:-1]
        if not tokens:
            return []
        if (
            len(tokens) > 1
            and (
                _COMPOUND_MODIFIER.search(tokens[0].text)
                or (
                    initial
                    and _ING_FORM.search(tokens[0].text)
                    and tokens[0].bare not in self.surnames
                )
                or (initial and self._is_common_word(tokens[0], strict=False))
            )
            and self._lookup_name(tokens) is None
        ):
            tokens, initial = tokens[1:], False  # "Echoing Annan", "Iranian-backed Hezbollah"
        known = self._lookup_name(tokens)
        if known:
            mention = self._mention(tokens, known[0], known[1], initial)
            if len(tokens) == 1 and known[0] in ("GPE", "LOC") and known[1] not in self.country_set:
                common = tokens[0].bare in self.lower_vocabulary
                mention.label, mention.hint = None, "title" if common else known[0]
            return [mention]
        split = self._split_affiliation(tokens, initial)
        if split is not None:
            return split
        people = self._with_title(tokens, None)
        if people is not None:
            return people
        if len(tokens) == 1 and tokens[0].bare in SINGLE_WORD_ORGS:
            return [self._mention(tokens, "ORG", self._surface(tokens), initial)]
        if len(tokens) == 1 and (
            tokens[0].bare in self.words.titleish or tokens[0].bare in self.words.generic
        ):
            return [self._mention(tokens, None, self._surface(tokens), initial, hint="title")]
        label = self._label_by_form(tokens)
        if (
            label is None
            and initial
            and len(tokens) == 1
            and self._is_common_word(tokens[0])
            and not _SCORE_AFTER.match(self.text, tokens[0].end)  # "Raith 5 1 1 3 4"
        ):
            return []
        mention = self._mention(
            tokens, label, self._surface(tokens), initial, hint=None if label else "unknown"
        )
        title = (
            self._title_before(tokens[0].start)
            if label in (None, "PERSON") and not tokens[0].shouting  # "official INA news agency"
            else None
        )
        if title:
            mention.label, mention.title, mention.hint = "PERSON", title, None
        return [mention]

    def _split_affiliation(self, tokens: list[_Token], initial: bool) -> list[Mention] | None:
        """ "US Assistant Secretary ... James Kelly", "Japanese Foreign Ministry", "US State Department",
        "German Claudia Pechstein" (NORP + PERSON)."""
        words = self.words
        for size in range(min(3, len(tokens) - 1), 0, -1):
            lead = self._lookup_name(tokens[:size])
            if (
                lead is None
                or lead[0] not in ("GPE", "NORP")
                or (lead[0] == "GPE" and lead[1] not in self.country_set)
            ):
                continue
            rest = tokens[size:]
            if (
                lead[0] == "NORP"
                and _last_bare(rest) in words.org_head
                and rest[0].bare not in words.title
            ):
                return [self._mention(tokens, "ORG", self._surface(tokens), initial)]
            affiliation = self._mention(tokens[:size], lead[0], lead[1], initial)
            people = self._with_title(rest, affiliation.entity)
            if people is not None:
                return [affiliation, *people]
            if (
                (lead[0] == "GPE" and _last_bare(rest) in words.org_head)
                or self._looks_like_person(rest)
                or self._lookup_name(rest) is not None
                or (lead[0] == "NORP" and self._unknown_name(rest))
            ):
                return [affiliation, *self._classify(rest, False)]
            return None
        return None

    def _unknown_name(self, tokens: list[_Token]) -> bool:
        """Two or three capitalised words that no list knows and the text never writes in lower
        case: after a nationality, a foreign person's name ("Belgian Toon Vandenhove")."""
        return 2 <= len(tokens) <= 3 and all(
            t.text[0].isupper()
            and not t.shouting
            and t.bare not in self.lower_vocabulary
            and t.bare not in self.words.head
            and t.bare not in self.words.titleish
            and t.bare not in self.words.event_head
            for t in tokens
        )

    def _with_title(self, tokens: list[_Token], affiliation: str | None) -> list[Mention] | None:
        """Split "Deputy Foreign Minister Lee Tae-shik" into a PERSON with its title, if it is one."""
        words = self.words
        split = next(
            (
                p
                for p in range(1, len(tokens))
                if tokens[p - 1].bare in words.titleish
                and tokens[p].bare in self.first_names
                and tokens[p].bare not in words.titleish
                and self._looks_like_person(tokens[p:])
            ),
            None,
        )
        if split is not None:
            return self._titled_person(tokens[:split], tokens[split:], affiliation)
        split = len(tokens)
        while (
            split > 0
            and tokens[split - 1].bare not in words.titleish
            and tokens[split - 1].bare not in ("of", "for", "and", "the")
        ):
            split -= 1
        if split == 0 or split == len(tokens) or len(tokens) - split > MAX_PERSON_TOKENS:
            return None
        return self._titled_person(tokens[:split], tokens[split:], affiliation)

    def _titled_person(
        self, title_tokens: list[_Token], name: list[_Token], affiliation: str | None
    ) -> list[Mention] | None:
        words = self.words
        if not any(t.bare in words.title for t in title_tokens) or name[-1].bare in words.head:
            return None
        first = next(i for i, t in enumerate(title_tokens) if t.bare in words.titleish)
        mentions: list[Mention] = []
        if first > 0:
            mentions.extend(self._classify(title_tokens[:first], False))
            if mentions and affiliation is None:
                affiliation = mentions[-1].entity
        person = self._mention(name, "PERSON", self._surface(name), False)
        person.title = normalise(self.text[title_tokens[first].start : title_tokens[-1].end])
        person.affiliation = affiliation
        mentions.append(person)
        return mentions

    def _label_by_form(self, tokens: list[_Token]) -> str | None:
        """Type a segment by its head words, acronyms and name evidence; None when unknown."""
        words = self.words
        last, first, many = _last_bare(tokens), tokens[0].bare, len(tokens) > 1
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
        if self._looks_like_person(tokens):
            return "PERSON"
        if not many and _ACRONYM.match(tokens[0].text):
            word = tokens[0].text
            if (
                word in country_codes()
                or (len(word) > 3 and word.capitalize() in self.places)  # "ROME", not "INA"
                or word.capitalize() in self.countries
            ):
                return None  # decided at document level
            return "ORG"
        return None

    def _is_common_word(self, token: _Token, strict: bool = True) -> bool:
        """A capitalised word that is probably an ordinary word put first in its sentence.

        ``strict``: also when the word is simply unknown (no list has it, and it is never
        capitalised mid-sentence in the text), as for a one-word run ("Participants of ...").
        """
        bare = token.bare
        if bare in self.words.skip and not token.shouting:
            return True
        if token.shouting or token.text in self.mid_sentence:
            return False
        key = _POSSESSIVE.sub("", normalise(token.text))
        if key in self.places or key in self.countries or key in self.demonyms:
            return False
        if bare in self.lower_vocabulary:
            return True
        return strict and bare not in self.first_names and bare not in self.surnames

    def _title_before(self, position: int) -> str | None:
        """The lower-case role noun right before a name ("official Mitoji Yabunaka"), if any."""
        word = _word_before(self.text, position)
        return word if word.islower() and word in self.words.title else None

    def _surface(self, tokens: list[_Token]) -> str:
        return normalise(self.text[tokens[0].start : _end_without_possessive(tokens[-1])])

    def _mention(
        self,
        tokens: list[_Token],
        label: str | None,
        entity: str,
        initial: bool,
        hint: str | None = None,
    ) -> Mention:
        start, end = tokens[0].start, _end_without_possessive(tokens[-1])
        return Mention(
            start,
            end,
            self.text[start:end],
            label,
            entity,
            [t.text.replace("\u2019", "'") for t in tokens],
            hint=hint,
            sentence_initial=initial,
            possessive=end < tokens[-1].end,
        )

    # -- document-level resolution ---------------------------------------------------------

    def _resolve(self, mentions: list[Mention]) -> list[Mention]:
        mentions.sort(key=lambda m: m.start)
        acronyms = self._acronym_definitions(mentions)
        for m in mentions:
            if m.text in acronyms:
                m.label, m.entity = acronyms[m.text]
                m.hint = None
        person_parts: dict[str, list[tuple[int, str]]] = {}
        known: dict[str, tuple[str, str]] = {}
        for m in mentions:
            if m.label == "PERSON":
                name = [t for t in m.tokens if t.lower() not in _NAME_SUFFIXES] or m.tokens
                parts = [name[-1], name[0]] if len(name) > 1 else [name[0]]
                for part in parts:
                    person_parts.setdefault(_POSSESSIVE.sub("", part), []).append(
                        (m.start, m.entity)
                    )
            elif m.label is not None:
                known.setdefault(normalise(m.text), (m.label, m.entity))
        countries_named = {m.entity for m in mentions if m.label in ("GPE", "NORP")}
        codes = country_codes()
        unknown: dict[str, list[Mention]] = {}
        for m in mentions:
            surface = normalise(m.text)
            if m.label == "PERSON":
                if len(m.tokens) == 1 and surface in person_parts:
                    m.entity = _nearest(person_parts[surface], m.start)
                continue
            if m.label is not None:
                continue
            if surface in person_parts and (
                m.hint != "unknown" or not m.sentence_initial or len(m.tokens) == 1
            ):
                m.label, m.entity = "PERSON", _nearest(person_parts[surface], m.start)
            elif surface in known:
                m.label, m.entity = known[surface]
            elif m.hint == "title":
                continue
            elif m.hint in ("GPE", "LOC"):
                m.label = m.hint
            elif surface in codes and codes[surface] in countries_named:
                m.label, m.entity = "GPE", codes[surface]
            elif surface in self.countries:
                m.label, m.entity = "GPE", self.countries[surface]
            elif surface.capitalize() in self.countries or (
                len(surface) > 3 and surface.capitalize() in self.places
            ):
                m.label, m.entity = _lookup_key(surface.capitalize()) or ("GPE", surface)
            elif _ACRONYM.match(surface):
                m.label = "ORG" if not m.sentence_initial else None
            else:
                unknown.setdefault(surface, []).append(m)
            if m.label is not None and m.label != "PERSON":
                known.setdefault(surface, (m.label, m.entity))
        # Longer names first: "Sergei Kiriyenko", found a person by vote, makes "Kiriyenko" one.
        for surface, group in sorted(unknown.items(), key=lambda item: -len(item[1][0].tokens)):
            if len(group[0].tokens) == 1 and surface in person_parts:
                for m in group:
                    m.label, m.entity = "PERSON", _nearest(person_parts[surface], m.start)
                continue
            self._vote(group)
            if group[0].label == "PERSON" and len(group[0].tokens) > 1:
                parts = person_parts.setdefault(_POSSESSIVE.sub("", group[0].tokens[-1]), [])
                parts.extend((m.start, m.entity) for m in group)
                parts.sort()
        self._title_affiliations(mentions)
        return [m for m in mentions if m.label is not None]

    def _guess(self, mention: Mention) -> str | None:
        """Type a name with no lexical evidence (None: not a name).

        A title in quotation marks ("``Iron Mask''") is a work, MISC; several unknown ALL-CAPS
        words ("PUBLICATION NOTES") are not a name. PERSON needs evidence: a census first name
        or surname, a verb of saying or an age next to it ("Ismoil said", "said Ismoil",
        "Savic, 65,"), or several name words none of which the text uses in lower case ("Sergei
        Mikhailov"). After "the", with a plural or web-like last word, named after a country or
        major city ("Leeds United"), before a score ("Arsenal 2") or before a company noun
        ("Omnicom shares") it is an ORG; after "in" or "near" a place (GPE); anything else is a
        named thing of unknown type, MISC ("Viagra").
        """
        tokens = [t.lower() for t in mention.tokens]
        if self.text[max(0, mention.start - 2) : mention.start].endswith(
            _OPENING_QUOTES
        ) and _CLOSING_QUOTE.match(self.text, mention.end):
            return "MISC"
        if len(tokens) > 1 and all(name.isupper() for name in mention.tokens):
            return None
        if len(tokens) > MAX_PERSON_TOKENS:
            return "ORG"
        if len(tokens) > 1 and tokens[0] not in self.first_names:
            cities, countries = major_cities(), self.countries
            if any(name in cities or name in countries for name in mention.tokens):
                return "ORG"  # "Leeds United", "Bayern Munich": a club or firm named after a place
        if any(
            (t in self.first_names or t in self.surnames) and not name.isupper()
            for t, name in zip(tokens, mention.tokens)
        ):
            return "PERSON"
        if len(tokens) == 1 and _SCORE_AFTER.match(self.text, mention.end):
            return "ORG"  # "Arsenal 2": a team in a results line
        before = _word_before(self.text, mention.start).lower()
        if before == "the":
            return "ORG"
        word = mention.tokens[-1]
        if _ORG_LIKE_WORD.search(word) and word.lower() not in self.surnames:
            return "ORG"
        if _ORG_CONTEXT_AFTER.match(self.text, mention.end):
            return "ORG"
        if before in PERSON_CUES or _PERSON_CONTEXT_AFTER.match(self.text, mention.end):
            return "PERSON"
        if before in PLACE_CUES:
            return "GPE"
        if len(tokens) > 1 and not any(t in self.lower_vocabulary for t in tokens):
            return "PERSON"
        return "MISC"

    def _acronym_definitions(self, mentions: list[Mention]) -> dict[str, tuple[str, str]]:
        """ "International Atomic Energy Agency's (IAEA)": the acronym takes the long form's entity.

        The long form is the run of capitalised words (with "of", "and", "for", "the" inside)
        right before the bracket whose initials spell the acronym; it replaces the mentions found
        inside it. Returns acronym → (label, entity) for the whole text.
        """
        defined: dict[str, tuple[str, str]] = {}
        for short in [
            m
            for m in mentions
            if _ACRONYM.match(m.text) and self.text[m.start - 1 : m.start] == "("
        ]:
            span = self._long_form(short)
            if span is None:
                continue
            inside = [m for m in mentions if span[0] <= m.start and m.end <= span[1]]
            if len(inside) == 1 and (inside[0].start, inside[0].end) == span:
                long_form = inside[0]
            else:
                for m in inside:
                    mentions.remove(m)
                surface = normalise(self.text[span[0] : span[1]])
                found = _lookup_key(surface)
                long_form = Mention(
                    span[0],
                    span[1],
                    self.text[span[0] : span[1]],
                    found[0] if found else None,
                    found[1] if found else surface,
                    surface.split(),
                )
                mentions.insert(mentions.index(short), long_form)
            long_form.label, long_form.hint = long_form.label or "ORG", None
            defined.setdefault(short.text, (long_form.label, long_form.entity))
        return defined

    def _long_form(self, short: Mention) -> tuple[int, int] | None:
        """The span of the words before "(ACRONYM)" whose capitalised initials spell it."""
        letters = short.text.replace(".", "").replace("&", "").upper()
        bracket = short.start - 1
        window_start = max(0, bracket - 40 * len(letters))
        words = list(_LONG_FORM_WORD.finditer(self.text, window_start, bracket))
        if not words or not _ACRONYM_BRACKET.match(self.text[words[-1].end() : short.start]):
            return None
        initials = ""
        for word in reversed(words):
            text = word.group()
            if text.lower() in _CONNECTOR_WORDS:
                continue
            if not text[0].isupper():
                return None
            parts = [p for p in text.split("-") if p]
            initials = (
                "".join(p[0] for p in parts) if all(p[0].isupper() for p in parts) else text[0]
            ).upper() + initials
            if initials == letters:
                return word.start(), _end_without_possessive(
                    _Token(words[-1].start(), words[-1].end(), words[-1].group())
                )
            if len(initials) >= len(letters) or not letters.endswith(initials):
                return None
        return None

    def _vote(self, group: list[Mention]) -> None:
        """Give every mention of one unknown name the type most of its mentions suggest.

        A one-word name that never occurs without its "'s" keeps it and is a business ("Moody's").
        """
        if len(group[0].tokens) == 1 and all(m.possessive for m in group):
            bare = re.compile(rf"(?<!\w){re.escape(group[0].text)}(?![\w{_APOS}])")
            if bare.search(self.text) is None:
                for m in group:
                    m.end += 2
                    m.text = self.text[m.start : m.end]
                    m.label, m.entity = "ORG", normalise(m.text)
                return
        votes = Counter(self._guess(m) for m in group)
        label = "PERSON" if votes["PERSON"] else max(votes, key=votes.__getitem__)
        for m in group:
            m.label = label

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

    def _caps_stretch(
        self, start: int, end: int, known: dict[str, tuple[str, str]]
    ) -> list[Mention]:
        """ALL-CAPS headline words: keep only names ``known`` from the text (upper-cased surface →
        label, entity) or from the name lists. A topic slug opening the line ("RUGBY UNION - ...")
        is not a name."""
        if start == 0 or self.text[start - 1] == "\n":
            slug = _HEADLINE_SLUG.match(self.text, start, end)
            start = slug.end() if slug else start
        tokens = [
            _Token(m.start(), m.end(), m.group())
            for m in _CAPS_TOKEN.finditer(self.text, start, end)
        ]
        found: list[Mention] = []
        i = 0
        while i < len(tokens):
            suffix = _CORPORATE.match(self.text, tokens[i].end) if i + 1 < len(tokens) else None
            if (
                suffix
                and suffix.end() == tokens[i + 1].end
                and tokens[i].bare not in self.words.skip
            ):
                first = i
                while (
                    first > 0
                    and i - first < 2
                    and tokens[first - 1].bare not in self.words.skip
                    and tokens[first - 1].text[0].isalpha()
                    and self.text[tokens[first - 1].end] == " "
                ):
                    first -= 1
                span = tokens[first : i + 2]
                found.append(
                    self._mention(
                        span, "ORG", normalise(self.text[span[0].start : span[-1].end]), False
                    )
                )
                i += 2
                continue
            for size in range(min(4, len(tokens) - i), 0, -1):
                span = tokens[i : i + size]
                if (
                    not span[0].text[0].isalpha()
                    or span[0].bare in self.words.skip
                    or span[-1].bare in self.words.skip
                ):
                    continue
                surface = _POSSESSIVE.sub("", normalise(self.text[span[0].start : span[-1].end]))
                hit = known.get(surface) or self._caps_lookup(surface)
                if hit is not None:
                    found.append(self._mention(span, hit[0], hit[1], False))
                    i += size
                    break
            else:
                i += 1
        return found

    def _caps_lookup(self, upper: str) -> tuple[str, str] | None:
        titled = " ".join(w.capitalize() for w in upper.split())
        if upper in self.countries or titled in self.countries:
            return "GPE", self.countries.get(upper) or self.countries[titled]
        if titled in self.demonyms:
            return "NORP", self.demonyms[titled] or titled
        if titled in self.places and titled.lower() not in self.lower_vocabulary:
            return self.places[titled], titled
        return None


# --- small helpers ----------------------------------------------------------------------------


@cache
def _canonical_countries() -> frozenset[str]:
    """The canonical country names (values of :func:`country_names`)."""
    return frozenset(country_names().values())


@lru_cache(maxsize=1 << 16)
def _lookup_surface(surface: str) -> tuple[str, str] | None:
    """``(label, entity)`` of a country, demonym or place name as written (possessive dropped;
    an ALL-CAPS name is also tried in title case), or None. Cached: names recur across texts."""
    key = _POSSESSIVE.sub("", normalise(surface))
    found = _lookup_key(key)
    words = key.split()
    if (
        found is None
        and len(words) > 1
        and all((len(w) > 1 and w.isupper()) or w.lower() in ("of", "and") for w in words)
    ):
        found = _lookup_key(
            " ".join(w.capitalize() if w not in ("OF", "AND") else w.lower() for w in words)
        )
    return found


def _lookup_key(key: str) -> tuple[str, str] | None:
    """``(label, entity)`` of an exact country, demonym, place or state-abbreviation key."""
    countries = country_names()
    if key in countries:
        return "GPE", countries[key]
    groups = demonyms()
    if key in groups:
        return "NORP", groups[key] or _singular(key, groups)
    known_places = places()
    if key in known_places:
        return known_places[key], key
    abbreviation = place_abbreviations().get(key)
    return ("GPE", abbreviation) if abbreviation else None


def _remember(known: dict[str, tuple[str, str]], mentions: list[Mention]) -> None:
    """Add the upper-cased names of ``mentions`` (and persons' surnames) to ``known``."""
    for m in mentions:
        known.setdefault(normalise(m.text).upper(), (m.label or "ORG", m.entity))
        if m.label == "PERSON" and len(m.tokens) > 1:
            known.setdefault(m.tokens[-1].upper(), ("PERSON", m.entity))


def _moved(mention: Mention, shift: int) -> Mention:
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


def _last_bare(tokens: list[_Token]) -> str:
    """The last word's bare form, skipping a final Roman numeral ("World War II" → "war")."""
    if len(tokens) > 1 and _ROMAN.match(tokens[-1].text):
        return tokens[-2].bare
    return tokens[-1].bare if tokens else ""


def _end_without_possessive(token: _Token) -> int:
    if (
        token.text[-2:-1] in _APOS
        and token.text[-1] == "s"
        and token.text.lower() not in _INTERNAL_POSSESSIVES
    ):
        return token.end - 2
    return token.end


def _singular(form: str, known: dict[str, str]) -> str:
    return form[:-1] if form.endswith("s") and form[:-1] in known else form


def _nearest(candidates: list[tuple[int, str]], position: int) -> str:
    """The candidate introduced last before ``position`` (else the first one after it)."""
    before = [name for start, name in candidates if start <= position]
    return before[-1] if before else candidates[0][1]
