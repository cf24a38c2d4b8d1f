"""Sentence-length statistics and the news-writing yardsticks they are compared with."""

from __future__ import annotations

import pandas as pd

from helpers.article import Article

#: Readability yardsticks for sentence length in words, with their sources.
SENTENCE_LENGTH_GUIDANCE = pd.DataFrame(
    [
        (
            "American Press Institute readership research, as reported by Ann Wylie",
            "average sentence of 14 words: readers understand over 90%",
            14,
        ),
        (
            "American Press Institute (same study)",
            "average sentence of 43 words: readers understand under 10%",
            43,
        ),
        (
            "Plain English Campaign, 'How to write in plain English'",
            "aim for an average sentence length of 15-20 words",
            20,
        ),
    ],
    columns=["source", "guidance", "words"],
).astype({"source": "string", "guidance": "string", "words": "Int64"})


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
    """For each yardstick, how many sentences are longer than its word count."""
    words = article.sentences["n_words"]
    table = SENTENCE_LENGTH_GUIDANCE.copy()
    table["sentences_longer"] = [int((words > limit).sum()) for limit in table["words"]]
    table["share_longer"] = table["sentences_longer"] / max(len(words), 1)
    return table
