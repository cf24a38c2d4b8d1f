"""The findings box at the top of each notebook: a few plain sentences with the numbers.

Each function reads the article's tables and writes what they show in words that hold for any
article (counts, extremes, comparisons), plus one line on the limits; the notebooks' sections
then show the evidence.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd

from helpers.article import Article
from helpers.display import HtmlOutput, findings_box
from helpers.entities import KINDS, entity_summary
from helpers.quotes import quoted_share, quotes, source_voices
from helpers.sentence_stats import length_summary
from helpers.timeline import timeline, timex_table

#: Average sentence lengths (words) at which readers understood over 90% and under 10% of what
#: they read, in the American Press Institute research (see ``sentence_stats``).
WELL_UNDERSTOOD, POORLY_UNDERSTOOD = 14, 43
#: The top of the 15-20-word average that plain-English guidance advises.
PLAIN_ENGLISH_TOP = 20
#: The days before the date line whose events count as the news.
NEWS_DAYS = 7
#: Development figures of the entity recogniser on IE-ER (``benchmarks/ner_ieer.py``).
NER_DEVELOPMENT_F1, NER_DEVELOPMENT_ORG_F1 = 0.807, 0.657
#: Development figures of quote attribution on GUM (``benchmarks/quotes_gum.py``).
QUOTES_DEVELOPMENT_P, QUOTES_DEVELOPMENT_R = 0.874, 0.619


def sentence_findings(article: Article) -> HtmlOutput:
    """What the file holds and how long its sentences are, against the yardsticks."""
    lengths = article.sentences["n_words"]
    if not len(lengths):
        return findings_box(["The file holds no sentences to analyse."], "Nothing to measure.")
    summary = length_summary(article).iloc[0]
    mean = float(summary["mean_words"])
    repeated = int(article.paragraphs["is_duplicate"].sum())
    nearer = POORLY_UNDERSTOOD if POORLY_UNDERSTOOD - mean < mean - WELL_UNDERSTOOD else WELL_UNDERSTOOD
    return findings_box(
        [
            f"The file holds {len(article.paragraphs)} paragraphs, {repeated} of them a "
            f"word-for-word repeat (analysed once); {len(article.repairs)} pairs of glued words "
            "were split before analysis.",
            f"Its {len(lengths)} sentences hold {int(summary['words'])} words: {mean:.1f} per "
            f"sentence on average (median {summary['median_words']:g}), from "
            f"{int(summary['min_words'])} to {int(summary['max_words'])}.",
            f"{_how_many(int((lengths > PLAIN_ENGLISH_TOP).sum()), len(lengths))} sentences are "
            f"longer than {PLAIN_ENGLISH_TOP} words, the top of the 15-20-word average that "
            f"plain-English guidance advises; the longest has {int(lengths.max())} words.",
            f"The average is {abs(mean - WELL_UNDERSTOOD):.0f} words "
            f"{'above' if mean >= WELL_UNDERSTOOD else 'below'} the {WELL_UNDERSTOOD}-word mark "
            f"(readers understood over 90%) and {abs(POORLY_UNDERSTOOD - mean):.0f} "
            f"{'below' if mean < POORLY_UNDERSTOOD else 'above'} the {POORLY_UNDERSTOOD}-word mark "
            f"(under 10%): nearer the {nearer}-word mark.",
        ],
        limits="Words are counted by the project's Treebank-based definition; the 14- and "
        "43-word marks describe average sentence length in American Press Institute readership "
        "research, a rule of thumb, not a measurement of this article's readers.",
    )


def sentence_chart_title(article: Article) -> str:
    """The sentence-length chart's title: the finding it shows."""
    lengths = article.sentences["n_words"]
    over = int((lengths > PLAIN_ENGLISH_TOP).sum())
    return (
        f"{_how_many(over, len(lengths))} sentences run past the 15-20-word band; "
        f"the average is {lengths.mean():.1f} words"
    )


def _plural(count: int, noun: str) -> str:
    """"1 event", "4 events", "2 entities", "3 people"."""
    if count == 1:
        return f"1 {noun}"
    irregular = {"entity": "entities", "person": "people"}
    return f"{count} {irregular.get(noun, noun + 's')}"


def _how_many(part: int, whole: int) -> str:
    """"All 11", "None of the 11" or "3 of the 11"."""
    if part == whole:
        return f"All {whole}" if whole != 1 else "The only"
    if part == 0:
        return f"None of the {whole}"
    return f"{part} of the {whole}"


def timeline_findings(article: Article) -> HtmlOutput:
    """How far the article reaches back, what is news (the days before the date line) and
    which periods it states."""
    events = timeline(article)
    expressions = timex_table(article)
    points = events[events["kind"] == "point"]
    periods = events[events["kind"] == "period"]
    limits = (
        "Dates are resolved against the date line's calendar date; a weekday follows the tense of "
        "its verb and background dates follow the story's own year; events are short clauses cut "
        "from their sentence, not summaries."
    )
    if article.published is None:
        return findings_box(
            [
                f"The article has no date line and no date was given: of its "
                f"{_plural(len(expressions), 'temporal expression')}, the relative ones (weekdays, "
                "'last month') cannot be placed on a calendar.",
                "Give the date with load_article(path, published=...) or papermill's -p PUBLISHED.",
            ],
            limits,
        )
    published = article.published.date()
    lines = []
    past = points[points["start_date"].dt.date <= published]
    later = points[points["start_date"].dt.date > published]
    if len(past):
        oldest, newest = past.iloc[0], past.iloc[-1]
        lines.append(
            f"The article dates {_plural(len(points), 'event')} with "
            f"{_plural(len(expressions), 'temporal expression')}: the oldest, {oldest['event']}, {_when(oldest)}; the latest, "
            f"{newest['event']}, {_when(newest)}, "
            f"{_days_before(newest['start_date'].date(), published)}."
        )
        recent = past[past["start_date"].dt.date >= published - dt.timedelta(days=NEWS_DAYS)]
        years = published.year - oldest["start_date"].year
        lines.append(
            f"{_how_many(len(recent), len(past))} events before the date line fall in the "
            f"{NEWS_DAYS} days before it (the news); the background reaches back "
            f"{years} year{'s' if years != 1 else ''}."
        )
    if len(later):
        first = later.iloc[0]
        lines.append(
            f"{len(later)} event{'s are' if len(later) != 1 else ' is'} dated after the date "
            f"line, the first {first['event']}, {_when(first)}."
        )
    for period in periods.itertuples():
        lines.append(
            f"It states a period: {period.event}, from {period.start_date:%B %Y} to "
            f"{period.end_date:%B %Y} ({period.expression})."
        )
    undated = expressions[~expressions["expression"].str.contains(r"\d{4}", regex=True)]
    if len(undated):
        names = ", ".join(dict.fromkeys(undated["expression"]))
        lines.append(
            f"{_plural(len(undated), 'expression')} name{'s' if len(undated) == 1 else ''} no "
            f"year ({names}): their dates come from the date line."
        )
    return findings_box(lines[:4], limits)


def timeline_chart_title(article: Article) -> str:
    """The timeline chart's title: how recent the news is and how far back the article reaches."""
    points = timeline(article).query("kind == 'point'")
    if article.published is None or points.empty:
        return article.title or "Timeline"
    published = article.published.date()
    newest, oldest = points.iloc[-1], points.iloc[0]
    return (
        f"The latest event is {_days_before(newest['start_date'].date(), published)}; "
        f"the background reaches back to {oldest['start_date'].year}"
    )


def _when(event: pd.Series) -> str:
    """An event's date at its own precision: "in 1994", "in December 2002", "on Tuesday
    7 January 2003"."""
    start = event["start_date"]
    formats = {"year": "in %Y", "month": "in %B %Y", "day": "on %A %-d %B %Y"}
    return start.strftime(formats.get(str(event["granularity"]), "in the week of %-d %B %Y"))


def _days_before(day: dt.date, published: dt.date) -> str:
    days = (published - day).days
    if days == 0:
        return "the day of the date line"
    if days == 1:
        return "the day before the date line"
    return f"{days} days before the date line" if days > 0 else f"{-days} days after the date line"


def entity_findings(article: Article) -> HtmlOutput:
    """Who and what the article names, how often, and under how many names."""
    summary = entity_summary(article)
    limits = (
        "Names are found by rules, name lists and word classes, not by a trained recogniser: on "
        f"94 development news stories (IE-ER) the typed F1 is {NER_DEVELOPMENT_F1:.2f}, "
        f"organisations the weakest ({NER_DEVELOPMENT_ORG_F1:.2f}); development figures."
    )
    if summary.empty:
        return findings_box(["The article names no person, organisation or place."], limits)
    top = summary.iloc[0]
    total = int(summary["mentions"].sum())
    capital = int(top["by_capital"])
    lines = [
        f"The article names {_plural(len(summary), 'entity')} "
        f"{_plural(total, 'time')}; {top['entity']} is named most, {int(top['mentions'])} times "
        f"({top['names']})"
        + (f", {capital} of them by its capital standing for its government." if capital else ".")
    ]
    kinds = summary["kind"].value_counts()
    order = sorted(kinds.index, key=lambda kind: (-kinds[kind], KINDS.index(kind)))
    lines.append("By kind: " + ", ".join(_kind_count(kinds[kind], kind) for kind in order) + ".")
    people = summary[summary["kind"] == "person"]
    if len(people):
        each_once = (people["mentions"] == 1).all()
        lines.append(
            f"{_plural(len(people), 'person')} named: {', '.join(people['entity'])}"
            + (", each once." if each_once else ".")
        )
    varied = summary[summary["names"].str.count("×") > 1]
    if len(varied):
        lines.append(
            f"{_plural(len(varied), 'entity')} "
            f"{'is' if len(varied) == 1 else 'are'} named in more than one way (acronyms, "
            "nationality words, capitals): " + "; ".join(varied["entity"]) + "."
        )
    return findings_box(lines[:4], limits)


def entity_chart_title(article: Article) -> str:
    """The entity chart's title: who is named most, and how many times."""
    summary = entity_summary(article)
    if summary.empty:
        return "No names found"
    top = summary.iloc[0]
    return (
        f"{top['entity']} is named most: {int(top['mentions'])} of "
        f"{int(summary['mentions'].sum())} mentions"
    )


def _kind_count(count: int, kind: str) -> str:
    plurals = {"person": "people", "city or region": "cities or regions", "country": "countries",
               "nationality or group": "nationalities or groups", "other name": "other names",
               "building or site": "buildings or sites"}
    return f"{count} {kind if count == 1 else plurals.get(kind, kind + 's')}"


def annotation_findings(article: Article) -> HtmlOutput:
    """What the annotated text marks, counted."""
    attributions = quotes(article)
    kinds = attributions["kind"].value_counts()
    speakers = attributions["speaker_entity"].dropna().nunique()
    names = entity_summary(article)
    dates = timex_table(article)
    return findings_box(
        [
            f"{_plural(len(attributions), 'attribution')} from {_plural(speakers, 'source')}: "
            f"{_plural(int(kinds.get('direct', 0)), 'direct quote')}, "
            f"{int(kinds.get('indirect', 0))} reported in the outlet's words, "
            f"{int(kinds.get('mixed', 0))} mixing both.",
            f"{_plural(int(names['mentions'].sum()), 'mention')} of "
            f"{_plural(len(names), 'entity')}, and {_plural(len(dates), 'expression')} of time.",
        ],
        limits="Every mark comes from the analyses of notebooks 02-04, with their limits; the "
        "text is the article as analysed (repeated paragraphs once, glued words split).",
    )


def quote_findings(article: Article) -> HtmlOutput:
    """Whose voices the article carries, in what share, and who never speaks."""
    table = quotes(article)
    limits = (
        "Attributions are found by rules over cue words and word classes: on development data "
        f"(GUM) {QUOTES_DEVELOPMENT_P:.0%} of the attributions found are right and "
        f"{QUOTES_DEVELOPMENT_R:.0%} of the annotated ones are found; 'they' and 'he/she' resolve "
        "to the nearest fitting earlier source."
    )
    if table.empty:
        return findings_box(["The article attributes nothing to a source: it is all narration."], limits)
    text = article.text
    top = table[table["parent_id"].isna()]
    kinds = top["kind"].value_counts()
    share = quoted_share(text, table).set_index("voice")["words_share"]
    voices = source_voices(text, table)
    lead = voices.iloc[0]
    labels = table.loc[table["speaker_entity"] == lead["speaker_entity"], "speaker_label"]
    named = len(labels) and not pd.isna(labels.iloc[0])
    lines = [
        f"{_plural(len(table), 'attribution')}: {len(top)} by the article's own sources "
        f"({_plural(int(kinds.get('direct', 0)), 'direct quote')}, "
        f"{int(kinds.get('indirect', 0))} reported, {int(kinds.get('mixed', 0))} mixed) and "
        f"{len(table) - len(top)} reported inside another source's words.",
        f"{share['all attributed content']:.0%} of the article's words carry a source's claim: "
        f"{share['in quotation marks']:.0%} inside quotation marks, "
        f"{share['reported speech']:.0%} reported in the outlet's words; the other "
        f"{1 - share['all attributed content']:.0%} is the outlet's own narration.",
        f"The main voice is {'' if named else 'the '}{lead['source']}: {int(lead['words'])} of "
        f"{int(voices['words'].sum())} attributed words"
        + (f", {int(lead['quoted'])} of them quoted." if int(lead["quoted"]) else "."),
    ]
    people = entity_summary(article).query("kind == 'person'")["entity"]
    silent = [name for name in people if name not in set(table["speaker_entity"].dropna())]
    if silent:
        lines.append(f"Named people who are never a source: {', '.join(silent)}.")
    return findings_box(lines, limits)
