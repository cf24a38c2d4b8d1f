"""Turn a news article into pandas DataFrames: paragraphs, sentences, entities, quotes, timeline."""

from helpers.article import Article, article_overview, load_article, parse_article
from helpers.checks import compare_counts
from helpers.corpus import analyze_corpus
from helpers.display import setup_display
from helpers.annotate import annotated_article
from helpers.entities import (
    alias_table,
    entities_per_paragraph,
    entity_counts,
    entity_summary,
    extract_entities,
    metonym_comparison,
    person_roles,
)
from helpers.errors import ArticleFormatError
from helpers.notebooks import resolve_article_path
from helpers.quotes import (
    extract_quotes,
    naming_by_voice,
    quoted_share,
    quotes,
    source_voices,
    speaker_summary,
)
from helpers.sentence_stats import (
    compare_with_guidance,
    extreme_sentences,
    length_summary,
    sentence_lengths,
)
from helpers.sentence_table import split_sentences
from helpers.speakers import resolve_speakers
from helpers.timeline import (
    chart_data,
    clock_comparison,
    describe_event,
    timeline,
    timex_table,
    value_interval,
)
from helpers.timexes import extract_timexes
from helpers.words import count_words, word_spans

_PLOTS = frozenset(
    {
        "plot_entities_per_paragraph",
        "plot_entity_summary",
        "plot_news_days",
        "plot_sentence_lengths",
        "plot_timeline",
        "plot_source_voices",
    }
)


def __getattr__(name: str) -> object:
    """The chart functions of :mod:`helpers.plots`, imported (with matplotlib) on first use."""
    if name in _PLOTS:
        from helpers import plots

        return getattr(plots, name)
    raise AttributeError(f"module 'helpers' has no attribute {name!r}")


__all__ = [
    "Article",
    "ArticleFormatError",
    "alias_table",
    "annotated_article",
    "analyze_corpus",
    "article_overview",
    "chart_data",
    "clock_comparison",
    "compare_counts",
    "compare_with_guidance",
    "count_words",
    "describe_event",
    "entities_per_paragraph",
    "entity_counts",
    "entity_summary",
    "extract_entities",
    "extract_quotes",
    "extract_timexes",
    "extreme_sentences",
    "length_summary",
    "load_article",
    "metonym_comparison",
    "naming_by_voice",
    "parse_article",
    "person_roles",
    "quoted_share",
    "quotes",
    "resolve_article_path",
    "resolve_speakers",
    "sentence_lengths",
    "setup_display",
    "source_voices",
    "speaker_summary",
    "split_sentences",
    "timeline",
    "timex_table",
    "value_interval",
    "word_spans",
]
