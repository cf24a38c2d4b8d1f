"""Sentence-length statistics and the news-writing yardsticks they are compared with."""

from __future__ import annotations

import pandas as pd

from helpers.article import Article

#: Readability yardsticks for the *average* sentence length in words, with their sources. The
#: American Press Institute figures come from its readership research as summarised by Ann Wylie
#: (Wylie Communications); the original study is not published online, so they are a rule of
#: thumb. The Plain English Campaign's guide "How to write in plain English" advises an average
#: of 15 to 20 words.
SENTENCE_LENGTH_GUIDANCE = pd.DataFrame(
    [
        ("American Press Institute, via Ann Wylie", "readers understand over 90%", 14),
        ("Plain English Campaign", "upper end of the advised 15-20-word average", 20),
        ("American Press Institute, via Ann Wylie", "readers understand under 10%", 43),
    ],
    columns=["source", "average_sentence", "words"],
).astype({"source": "string", "average_sentence": "string", "words": "Int64"})


def sentence_lengths(article: Article) -> pd.DataFrame:
    """Sentences in reading order: ``sent_id``, ``para_id``, ``n_words``, ``n_chars``, ``text``."""
    return article.sentences[["sent_id", "para_id", "n_words", "n_chars", "text"]]


def length_summary(article: Article) -> pd.DataFrame:
    """One row of summary statistics of sentence length in words (count, mean, median, min, max)."""
    words = article.sentences["n_words"].astype("float64")
    return pd.DataFrame(
        {
            "sentences": [len(words)],
            "words": [int(words.sum())],
            "mean_words": [words.mean()],
            "median_words": [words.median()],
            "min_words": [words.min()],
            "max_words": [words.max()],
        }
    ).astype({"sentences": "Int64", "words": "Int64", "min_words": "Int64", "max_words": "Int64"})


def extreme_sentences(article: Article) -> pd.DataFrame:
    """The longest and the shortest sentence (ties broken by the earlier ``sent_id``)."""
    ordered = article.sentences.sort_values(["n_words", "sent_id"], ascending=[False, True])
    longest = ordered.head(1).assign(which="longest")
    shortest = article.sentences.sort_values(["n_words", "sent_id"]).head(1).assign(which="shortest")
    columns = ["which", "sent_id", "para_id", "n_words", "n_chars", "text"]
    return pd.concat([longest, shortest], ignore_index=True)[columns]


def compare_with_guidance(article: Article) -> pd.DataFrame:
    """Each yardstick (an average sentence length) against the article's own average.

    Columns: ``source``, ``average_sentence`` (what the source says of that average), ``words``
    (the yardstick), ``article_average`` (the article's mean words per sentence),
    ``difference`` (article − yardstick, words), ``sentences_longer`` (sentences longer than the
    yardstick) and ``share_longer`` (their share of all sentences, 0 to 1).
    """
    words = article.sentences["n_words"].astype("float64")
    mean = float(words.mean()) if len(words) else float("nan")
    table = SENTENCE_LENGTH_GUIDANCE.copy()
    table["article_average"] = mean
    table["difference"] = mean - table["words"].astype("float64")
    table["sentences_longer"] = pd.array(
        [int((words > limit).sum()) for limit in table["words"]], dtype="Int64"
    )
    table["share_longer"] = table["sentences_longer"].astype("float64") / max(len(words), 1)
    return table
