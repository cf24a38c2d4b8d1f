"""split_sentences: news abbreviations, quotes that end sentences, exact offsets on any text."""

from hypothesis import given, settings
from hypothesis import strategies as st

import helpers
from helpers.sentences import news_abbreviations


def sentences_of(text: str) -> list[str]:
    return helpers.split_sentences(text)["text"].tolist()


def test_columns_and_dtypes() -> None:
    frame = helpers.split_sentences("One. Two.")
    assert frame.columns.tolist() == ["start", "end", "text"]
    assert [str(t) for t in frame.dtypes] == ["Int64", "Int64", "string"]
    assert frame["start"].tolist() == [0, 5] and frame["end"].tolist() == [4, 9]


def test_news_abbreviations_do_not_end_sentences() -> None:
    text = (
        "Mr. Smith met Gen. Lee of the U.S. Army on Jan. 5 in Washington, D.C. at 3 p.m. "
        "He left. Dr. Jones and Sen. Kerry arrived from Calif. on Sept. 12."
    )
    assert sentences_of(text) == [
        "Mr. Smith met Gen. Lee of the U.S. Army on Jan. 5 in Washington, D.C. at 3 p.m. He left.",
        "Dr. Jones and Sen. Kerry arrived from Calif. on Sept. 12.",
    ]


def test_abbreviation_list_is_loaded_from_the_data_file() -> None:
    assert {"mr", "u.s", "jan", "gen", "sept"} <= news_abbreviations()
    assert not any(a.startswith("#") or a.endswith(".") for a in news_abbreviations())


def test_quotes_that_end_sentences() -> None:
    text = '"We will not give in," he said. "Never." She nodded. "Why?" she asked. "Now!" Done.'
    assert sentences_of(text) == [
        '"We will not give in," he said.',
        '"Never."',
        "She nodded.",
        '"Why?" she asked.',
        '"Now!"',
        "Done.",
    ]


def test_curly_quotes_end_sentences() -> None:
    assert sentences_of("\u201cIt is over.\u201d The talks ended.") == [
        "\u201cIt is over.\u201d",
        "The talks ended.",
    ]


def test_blank_line_ends_a_sentence_but_a_single_newline_does_not() -> None:
    assert sentences_of("A heading without a stop\n\nThe body starts\nhere. End.") == [
        "A heading without a stop",
        "The body starts\nhere.",
        "End.",
    ]


def test_empty_and_blank_text() -> None:
    assert helpers.split_sentences("").empty
    assert helpers.split_sentences(" \n\n\t ").empty


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_spans_are_exact_ordered_and_disjoint_on_any_text(text: str) -> None:
    frame = helpers.split_sentences(text)
    previous_end = 0
    for start, end, sentence in frame.itertuples(index=False):
        assert previous_end <= start < end <= len(text)
        assert text[start:end] == sentence
        assert sentence == sentence.strip()
        previous_end = end


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            ["Mr.", "Smith", "said", '"Yes."', "U.S.", "It", "ended.", "Why?", "\u201cNo!\u201d",
             "she", "asked.", "\n\n", "Jan.", "5", "...", "(DPRK)", "'quoted'", "''", "``"]
        ),
        max_size=40,
    )
)
def test_every_non_space_character_is_in_exactly_one_sentence(words: list[str]) -> None:
    text = " ".join(words)
    covered = [False] * len(text)
    for start, end, _ in helpers.split_sentences(text).itertuples(index=False):
        for i in range(start, end):
            assert not covered[i]
            covered[i] = True
    assert all(covered[i] for i, ch in enumerate(text) if not ch.isspace())
