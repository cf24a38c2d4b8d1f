"""The findings boxes and the reader-facing summaries: the seed's figures, counted by hand."""

import helpers
from helpers.findings import (
    annotation_findings,
    entity_findings,
    quote_findings,
    sentence_findings,
    timeline_findings,
)


def test_seed_findings_hold_the_hand_counts(seed: helpers.Article) -> None:
    sentences = sentence_findings(seed).text
    assert "12 paragraphs, 1 of them a word-for-word repeat" in sentences
    assert "Its 11 sentences hold 354 words: 32.2 per sentence on average (median 32), from 22 to 39" in sentences
    assert "All 11 sentences are longer than 20 words" in sentences
    assert "nearer the 43-word mark" in sentences
    names = entity_findings(seed).text
    assert "North Korea is named most, 16 times" in names
    assert "4 of them by its capital standing for its government" in names
    assert "4 people named: Bush, James Kelly, Lee Tae-shik, Mitoji Yabunaka, each once" in names
    voices = quote_findings(seed).text
    assert "13 attributions: 9 by the article's own sources (4 direct quotes, 5 reported, 0 mixed)" in voices
    assert "62% of the article's words carry a source's claim: 28% inside quotation marks" in voices
    assert "The main voice is the joint statement: 129 of 220 attributed words, 99 of them quoted" in voices
    time = timeline_findings(seed).text
    assert "the oldest, Pyongyang and Washington signed a nuclear framework agreement in Geneva, in 1994" in time
    assert "on Tuesday 7 January 2003, the day before the date line" in time
    assert "from January 1994 to December 2002" in time
    assert "13 attributions from 6 sources" in annotation_findings(seed).text


def test_findings_of_an_article_without_date_line_or_sources() -> None:
    article = helpers.parse_article("A Quiet Day\n\nNothing happened on Tuesday in the village.\n")
    assert "no date line and no date was given" in timeline_findings(article).text
    assert "all narration" in quote_findings(article).text
    assert sentence_findings(article).html.startswith("<blockquote>")


def test_entity_summary_counts_capitals_for_their_country(seed: helpers.Article) -> None:
    summary = helpers.entity_summary(seed).set_index("entity")
    north_korea = summary.loc["North Korea"]
    assert (north_korea["mentions"], north_korea["by_name"], north_korea["by_capital"]) == (16, 12, 4)
    assert north_korea["names"] == (
        "DPRK ×7, North Korea ×4, Pyongyang ×4, Democratic People's Republic of Korea ×1"
    )
    assert summary.loc["South Korea", "kind"] == "country"  # named only as "South Korean"
    assert summary.loc["Geneva", "kind"] == "city or region"
    assert "Pyongyang" not in summary.index and int(summary["mentions"].sum()) == 41


def test_source_voices_count_each_attributed_word_once(seed: helpers.Article) -> None:
    table = helpers.quotes(seed)
    voices = helpers.source_voices(seed.text, table).set_index("source")
    assert int(voices["words"].sum()) == 220  # the attributed words of quoted_share
    statement = voices.loc["joint statement"]
    assert (statement["quoted"], statement["reported"], statement["reported_inside"]) == (99, 30, 3)
    assert list(voices.index) == ["joint statement", "State Department", "US officials", "North Korea"]
