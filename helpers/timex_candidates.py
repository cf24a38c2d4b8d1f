"""Where temporal expressions are: one compiled pattern, tried only where one may start.

:func:`timex_pattern` is a single regular expression with one named alternative per kind of
expression (``date``, ``monthyear``, ``rel``, ``dur``...; :data:`KINDS`), run on a lower-cased
copy of the text (:func:`lower_keeping_offsets`). :func:`candidate_starts` finds the head words
of expressions (a month, a unit, "3 days", a year...) and the words before them that can begin
one ("the past two years"), so the pattern is tried at a few offsets instead of every
character. Extents follow TimeML/TempEval-3: the preposition is left out ("on Tuesday" ->
"Tuesday"); determiners and temporal modifiers are kept ("the past two years", "early next
week", "about a month ago").
"""

from __future__ import annotations

import re
from functools import cache

from helpers.timex_lexicon import timex_lexicon, word_pattern

#: The pattern's alternatives, in the order they are tried.
KINDS = (
    "date", "monthyear", "iso", "usdate", "time", "daypart", "ago", "quarter", "season", "rel",
    "decade", "century", "set", "unitonly", "weekend", "dur", "ref", "holiday", "weekday",
    "month", "year",
)
#: Words before a number that make it approximate (TimeML ``mod``), e.g. "about a month ago".
APPROXIMATE = (
    r"about|around|nearly|almost|roughly|approximately|some|more\s+than|less\s+than|"
    r"fewer\s+than|at\s+least|up\s+to"
)


@cache
def timex_pattern() -> re.Pattern[str]:
    """The pattern of every kind of expression (lower-case text; see :data:`KINDS`)."""
    lex = timex_lexicon()
    month = (rf"(?:{word_pattern(lex.month_names)}|"
             rf"(?:{word_pattern(lex.month_abbreviations)})\.?)")
    wd = (rf"(?:{word_pattern(lex.weekday_names)}|"
          rf"(?:{word_pattern(lex.weekday_abbreviations)})\.)")
    day = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?![\d:%]|[.,]\d)"
    year = r"(?:1[0-9]|20)\d\d(?![\d%]|[.,]\d)"
    tens = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
    number_words = [w for w in lex.numbers if w not in ("a", "an")]
    num = (
        rf"(?:\d{{1,3}}(?:,\d{{3}})+|\d+(?:\.\d+)?|(?:{tens})-(?:one|two|three|four|five|six|"
        rf"seven|eight|nine)|{word_pattern(number_words + sorted(lex.vague))}|an?)"
    )
    half = r"(?:[\s-]+and[\s-]+a[\s-]+half)"
    units = word_pattern(list(lex.unit_of))
    seasons = word_pattern(list(lex.data["seasons"]))
    parts = word_pattern(list(lex.data["day_parts"]))
    ordinal = word_pattern(list(lex.ordinals)) + r"|1st|2nd|3rd|4th"
    century = r"(?:\d{1,2}(?:st|nd|rd|th)|" + word_pattern(list(lex.ordinals)) + ")"
    tz = word_pattern(lex.data["time_zones"])
    holidays = word_pattern(list(lex.data["holidays"]))
    decade_words = word_pattern(list(lex.data["decade_words"]))
    month_names = word_pattern(lex.month_names)
    mod = (
        r"(?:(?P<mod>early|late|mid|earlier|later|the\s+(?:end|beginning|start|middle|close)"
        r"\s+of)(?:\s*-\s*|\s+)(?:the\s+)?)?"
    )
    alternatives = [
        rf"(?P<date>(?:(?P<date_wd>{wd})\s*,?\s+)?(?:(?P<date_m1>{month})\s+(?P<date_d1>{day})\b"
        rf"(?:\s*,?\s+(?P<date_y1>{year}))?|(?P<date_d2>{day})(?:\s+of)?\s+(?P<date_m2>{month})"
        rf"(?:\s*,?\s+(?P<date_y2>{year}))?))",
        rf"(?P<monthyear>(?P<my_m>{month})\s*,?\s+(?:of\s+)?(?P<my_y>{year})|(?P<my_m2>{month})"
        r"\s+of\s+(?P<my_rel>(?:that|the\s+(?:same|following|next|previous))\s+year))",
        r"(?P<iso>(?:19|20)\d\d-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01]))(?![\d-])",
        r"(?P<usdate>(?:0?[1-9]|1[0-2])/(?:0?[1-9]|[12]\d|3[01])/(?:(?:19|20)\d\d|\d\d))(?![\d/])",
        rf"(?P<time>(?P<tm_h>[01]?\d|2[0-3])(?:[:.](?P<tm_m>[0-5]\d))?\s*(?P<tm_ap>[ap]\.\s?m\.|"
        rf"[ap]m\b)(?:\s+(?P<tm_tz>{tz})\b)?|(?P<tm_h2>[01]?\d|2[0-3]):(?P<tm_m2>[0-5]\d)"
        rf"(?:\s+(?:(?P<tm_tz2>{tz})\b|hours\b|local\s+time\b))|(?P<tm_noon>noon|midnight|midday))",
        rf"(?P<daypart>(?P<dp_day>today|yesterday|tomorrow|this|last|that|{wd})\s+"
        rf"(?P<dp_part>{parts})|(?P<dp_tonight>tonight))",
        rf"(?P<ago>(?:(?P<ago_pre>{APPROXIMATE})\s+)?(?P<ago_q>{num}){half}?[\s-]+"
        rf"(?P<ago_u>{units}){half}?\s+(?P<ago_w>ago|earlier|later)|"
        rf"(?P<ahead_q>{num})[\s-]+(?P<ahead_u>{units})['’]s?\s+time)",
        rf"(?P<quarter>(?:the\s+)?(?P<q_n>{ordinal})[\s-]+(?P<q_u>quarter|half)(?:\s+(?:of\s+)?"
        rf"(?:(?:the\s+)?(?:fiscal\s+)?year\s+)?(?P<q_y>{year}|(?:this|last|next)\s+year))?)",
        rf"(?P<season>(?:(?P<se_the>the)\s+|(?P<se_dir>this|last|next|past|coming|that|"
        rf"(?:the\s+)?(?:following|previous))\s+)?"
        rf"(?:(?P<se_mod>early|late|mid)[\s-]+)?(?P<se_s>{seasons})(?:\s+(?:of\s+)?"
        rf"(?P<se_y>{year}))?)",
        rf"(?P<rel>(?:the\s+)?(?P<rel_dir>this|last|next|current|previous|following|that|same)\s+"
        rf"(?:(?P<rel_past>past|coming)\s+)?(?P<rel_u>day|week|weekend|month|year|quarter|decade|"
        rf"century|{wd}|{month_names})(?![-'’]))",
        rf"(?P<decade>(?:the\s+)?(?:(?P<dc_mod>early|mid|late)[\s-]+)?(?:(?P<dc_4>(?:1\d|20)\d)0s"
        rf"|(?P<dc_2>['’]?\d)0s|(?P<dc_w>{decade_words})))",
        rf"(?P<century>(?:the\s+)?(?:(?P<ce_mod>early|mid|late)[\s-]+)?(?P<ce_n>{century})"
        r"[\s-]+century)",
        rf"(?P<set>(?P<set_every>every|each|per)\s+(?:other\s+)?(?:(?P<set_q>{num})[\s-]+)?"
        rf"(?P<set_u>{units}|{wd}|{parts})|(?P<set_times>once|twice|thrice|(?:{num})\s+times)\s+"
        rf"(?:a|an|per|each|every)\s+(?P<set_u2>{units})|(?P<set_adv>annually|yearly|"
        rf"(?P<set_wds>{word_pattern(lex.weekday_names)})s)\b)",
        r"(?(mod)(?P<unitonly>year|month|week|decade|century|day)|(?!))",
        r"(?P<weekend>the\s+weekend)",
        r"(?P<dur>(?:(?P<du_pre>the\s+(?:past|last|next|first|coming|previous|following|"
        rf"remaining|final)|past|last|next|coming|recent|{APPROXIMATE})\s+)?"
        rf"(?:(?P<du_q>{num}(?:\s*(?:-|to|or)\s*{num})?){half}?[\s-]+|(?P<du_half>half\s+an?)"
        rf"\s+)?(?P<du_u>{units})(?P<du_half2>\s+and\s+a\s+half)?(?P<du_old>\s+old)?)",
        r"(?P<ref>(?P<ref_word>today|yesterday|tomorrow|now|currently|nowadays)"
        r"|the\s+(?P<ref_the>present|past|future|near\s+future|distant\s+past|recent\s+past)"
        r"|these\s+days)",
        rf"(?P<holiday>{holidays})",
        rf"(?P<weekday>{wd})",
        rf"(?P<month>{month_names}|sept\.)",
        rf"(?P<year>(?:(?P<yr_fiscal>fiscal(?:\s+year)?)\s+)?(?<![\d$£€#.,/:])(?P<yr>{year}))",
    ]
    return re.compile(
        rf"(?<![\w'’]){mod}(?:{'|'.join(alternatives)})(?!\w|-old\b|['’](?!s\b)\w)"
    )


def match_kind(match: re.Match[str]) -> str | None:
    """The alternative of :func:`timex_pattern` that ``match`` took: its group closes last."""
    return match.lastgroup if match.lastgroup in _KIND_SET else None


_KIND_SET = frozenset(KINDS)


@cache
def _trigger_words() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """Words that head a timex, words that may start one, and words that may be inside one."""
    lex = timex_lexicon()
    data = lex.data
    holiday_words = {word for name in data["holidays"] for word in re.findall(r"[^\W_]+", name)}
    holiday_heads = {name.split()[-1] for name in data["holidays"]}
    heads = {*lex.months, *lex.weekdays, *(w + "s" for w in lex.weekday_names),
             *lex.unit_of, *data["seasons"], *data["day_parts"], *data["decade_words"],
             *holiday_heads, "century", "noon", "midnight", "midday", "annually", "yearly",
             "today", "tonight", "yesterday", "tomorrow", "now", "currently",
             "nowadays", "present", "past", "future", "days", "weekend", "half"}
    holiday_starts = {re.findall(r"[^\W_]+", name)[0] for name in data["holidays"]}
    starters = {*heads, *lex.numbers, *holiday_starts, *lex.ordinals,
                *(w.split()[0] for w in lex.vague),
                "the", "every", "each", "per", "early", "late", "mid", "earlier", "later",
                "this", "last", "next", "past", "coming", "current", "previous", "following",
                "that", "same", "recent", "about", "around", "nearly", "almost", "roughly",
                "approximately", "more", "less", "fewer", "at", "up", "over", "half", "once",
                "twice", "thrice", "these", "fiscal", "twenty", "thirty", "forty", "fifty",
                "sixty", "seventy", "eighty", "ninety", "1st", "2nd", "3rd", "4th", "near",
                "distant"}
    inner = {*starters, *(w for phrase in lex.vague for w in phrase.split()), *holiday_words,
             "of", "and",
             "than", "least", "to", "other", "times", "end", "beginning", "start", "middle",
             "close", "s", "st", "nd", "rd", "th", "year", "couple", "dozen", "pair"}
    return frozenset(heads), frozenset(starters), frozenset(inner)


@cache
def _head_pattern() -> re.Pattern[str]:
    """Head words of timexes, and numbers that look temporal (years, times, 3 days...)."""
    lex = timex_lexicon()
    heads, _, _ = _trigger_words()
    units = word_pattern(list(lex.unit_of))
    months = word_pattern(list(lex.months))
    numeric = (
        rf"(?:1\d|20)\d\d(?!\d)|\d0s\b|['’]\d0s\b|\d{{1,2}}(?:[:.]\d\d)?\s*(?:[ap]\.?\s?m\b|"
        rf"noon|midnight)|\d{{1,2}}:\d\d|\d{{1,2}}/\d{{1,2}}/\d|\d{{1,2}}(?:st|nd|rd|th)\b|"
        rf"\d[\d,.]*(?:[\s-]+and[\s-]+a[\s-]+half)?[\s-]+(?:{units})\b|"
        rf"\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{months})\b"
    )
    return re.compile(rf"(?<![\w'’])(?:(?:{word_pattern(list(heads))})(?!\w)|{numeric})")


@cache
def _back_pattern() -> re.Pattern[str]:
    """On reversed text: the run of timex-inner words just before a head word."""
    _, _, inner = _trigger_words()
    reversed_inner = word_pattern([word[::-1] for word in inner])
    return re.compile(
        rf"(?:(?:[\s,./]+|-)(?:s['’])?(?:{reversed_inner}|[\d,.:/]*\d['’]?)(?![^\W_]))*"
    )


_WORD = re.compile(r"['’]?[^\W_]+")
_LOOKBACK_CHARS = 80


def candidate_starts(lowered: str) -> list[int]:
    """Offsets where a timex may start, in increasing order.

    A head (month, weekday, unit, "3 days", a year...) and the run of words before it that
    can belong to a timex ("the past two years") give the candidates: the head and the run's
    words that can start a timex. Running the full pattern only there, rather than at every
    character, is what makes extraction fast.
    """
    _, starters, _ = _trigger_words()
    back = _back_pattern()
    starts: list[int] = []
    for head in _head_pattern().finditer(lowered):
        position = head.start()
        window = lowered[max(0, position - _LOOKBACK_CHARS) : position][::-1]
        run_length = back.match(window).end()
        if run_length:
            for word in _WORD.finditer(lowered, position - run_length, position):
                token = word.group()
                bare = token.lstrip("'’")
                if bare in starters or bare[:1].isdigit():
                    if token != bare:
                        starts.append(word.start())
                    starts.append(word.end() - len(bare))
        starts.append(position)
        if lowered[position] in "'’":
            starts.append(position + 1)
    return starts


def lower_keeping_offsets(text: str) -> str:
    """Lower-case ``text`` keeping every character at its offset."""
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
