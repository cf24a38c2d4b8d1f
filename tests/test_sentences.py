"""split_sentences on news conventions (abbreviations, quotes, lists, ellipses); exact offsets."""

import pytest
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
        "Mr. Smith met Gen. Lee of the U.S. Army on Jan. 5 in Washington, D.C. at 3 p.m.",
        "He left.",
        "Dr. Jones and Sen. Kerry arrived from Calif. on Sept. 12.",
    ]


@pytest.mark.parametrize(
    "text",
    [
        "U.S. officials met U.S. Ambassador Jane Doe and the U.S. Government in St. Louis.",
        "Sens. John McCain and Lindsey Graham met Rev. Jesse Jackson and Lt. Gov. Bill Smith.",
        "The meeting starts at 3 p.m. Tuesday and ends at 5 p.m. EDT on Friday.",
        "The vote, set for 5 p.m. — after the debate — passed.",
        "At 5 a.m. Mr. Smith went to the bank.",
        "Roe v. Wade was cited by rivals, e.g. The Times, on Monday.",
        "President George W. Bush and John F. Kennedy Jr. Airport were named.",
        "He was ranked No. 1 in the U.S. 30-year bond market on Jan. 5.",
        "The no. 1 seed lost in the first round.",
        "He earned a Ph.D. in physics and works for Apple Inc. and Ford Motor Co. in Michigan.",
        "Shares of eBay Inc. fell on Monday.",
    ],
)
def test_news_abbreviations_inside_a_sentence(text: str) -> None:
    assert sentences_of(text) == [text]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # abbreviations that really end a sentence, before a word that starts one
        (
            "Let's ask Jane and co. They should know.",
            ["Let's ask Jane and co.", "They should know."],
        ),
        (
            "The deal went to Pitt, Briggs & Co. It closed yesterday.",
            ["The deal went to Pitt, Briggs & Co.", "It closed yesterday."],
        ),
        ("I live in the U.S. How about you?", ["I live in the U.S.", "How about you?"]),
        (
            "He left the bank at 6 P.M. Mr. Smith then went home.",
            ["He left the bank at 6 P.M.", "Mr. Smith then went home."],
        ),
        (
            "The talks ended at 5 p.m. Officials then left the building.",
            ["The talks ended at 5 p.m.", "Officials then left the building."],
        ),
        (
            "We make a good team, you and I. Did you see Albert I. Jones?",
            ["We make a good team, you and I.", "Did you see Albert I. Jones?"],
        ),
        (
            (
                "The firm is based in Santa Clara, Calif. The rest of its staff is in "
                "Washington, D.C. “It works,” he said."
            ),
            [
                "The firm is based in Santa Clara, Calif.",
                "The rest of its staff is in Washington, D.C.",
                "“It works,” he said.",
            ],
        ),
        (
            "It recalls the last days of the Rev. Dr. Martin Luther King Jr. They are grim.",
            ["It recalls the last days of the Rev. Dr. Martin Luther King Jr.", "They are grim."],
        ),
        # a lower-case "ill." or "no." is a word, not an abbreviation
        ("He fell ill. Doctors said so.", ["He fell ill.", "Doctors said so."]),
        ("She said no. Talks collapsed.", ["She said no.", "Talks collapsed."]),
    ],
)
def test_abbreviations_that_end_sentences(text: str, expected: list[str]) -> None:
    assert sentences_of(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Please turn to p. 55 of the report.",
        "He teaches science (he worked for 5 years as an engineer.) at the local university.",
        "She turned to him, 'This is great.' she said.",
        "She works at Yahoo! in the accounting department.",
        "You can find it at N°. 1026 on the map.",
        "Were Jane and co. at the party?",
        "They closed the deal with Briggs & Co. at noon.",
    ],
)
def test_punctuation_inside_a_sentence(text: str) -> None:
    assert sentences_of(text) == [text]


def test_all_capitals_say_nothing_about_sentence_starts() -> None:
    text = "COPYRIGHT 1998 BY WORLDSOURCES, INC., A VENTURE OF FDCH, INC. AND WORLD TIMES, INC."
    assert sentences_of(text) == [text]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1.) The first item 2.) The second item", ["1.) The first item", "2.) The second item"]),
        ("1) Cut taxes. 2) Raise spending.", ["1) Cut taxes.", "2) Raise spending."]),
        ("1. Wash the duck.\n\n2. Make the glaze.", ["1. Wash the duck.", "2. Make the glaze."]),
        ("• 9. The first item • 10. The second", ["• 9. The first item", "• 10. The second"]),
        (
            "a. The first item b. The second item c. The third item",
            ["a. The first item", "b. The second item", "c. The third item"],
        ),
        # only the next number opens the next item
        ("1) The first step 3) The third step", ["1) The first step 3) The third step"]),
    ],
)
def test_lists_split_into_items(text: str, expected: list[str]) -> None:
    assert sentences_of(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("I never meant that.... She left.", ["I never meant that....", "She left."]),
        (
            "It was all . . . well, over. Then he left.",
            ["It was all . . . well, over.", "Then he left."],
        ),
        ("The thing is . . . I didn't mean it.", ["The thing is . . . I didn't mean it."]),
        ("He ended with a period . . . . Next.", ["He ended with a period . . . .", "Next."]),
        ("He wanted more... The talks failed.", ["He wanted more... The talks failed."]),
    ],
)
def test_ellipses(text: str, expected: list[str]) -> None:
    assert sentences_of(text) == expected


def test_a_spaced_ellipsis_never_makes_sentences_of_dots() -> None:
    text = "One habit was weakened . . . was that of compounds. . . . The practice stayed. . . ."
    assert all(any(ch.isalpha() for ch in sentence) for sentence in sentences_of(text))


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
    assert sentences_of("A\n \nB") == ["A", "B"]
    assert sentences_of("Line\r\n\r\nNext") == ["Line", "Next"]


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
            [
                "Mr.",
                "Smith",
                "said",
                '"Yes."',
                "U.S.",
                "It",
                "ended.",
                "Why?",
                "\u201cNo!\u201d",
                "she",
                "asked.",
                "\n\n",
                "Jan.",
                "5",
                "...",
                "(DPRK)",
                "'quoted'",
                "''",
                "``",
            ]
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
