"""Quote attribution: the seed's hand annotation, every attribution pattern, robustness."""

from __future__ import annotations

from collections import Counter
from importlib import resources

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import helpers
from helpers.article import parse_article
from helpers.quote_lexicon import CUE_TYPES, quote_lexicon
from helpers.quotes import (
    ARTICLE_QUOTE_COLUMNS,
    QUOTE_COLUMNS,
    extract_quotes,
    find_quoted_spans,
    quotes,
)

STATEMENT = "joint statement after talks here among senior US, South Korean and Japanese diplomats"

# The seed by hand: (parent row, kind, cue, speaker, speaker_entity, content).
SEED_ATTRIBUTIONS = [
    (
        None,
        "indirect",
        "said",
        "the State Department",
        "State Department",
        (
            "The Bush administration is willing to talk to the Democratic People's Republic of Korea (DPRK) "
            "but will not make concessions to Pyongyang in order to persuade it drop its nuclear programs"
        ),
    ),
    (
        None,
        "direct",
        "said",
        "a " + STATEMENT,
        STATEMENT,
        "There is no security rationale for North Korea to possess nuclear weapons",
    ),
    (
        None,
        "direct",
        "said",
        "the statement",
        STATEMENT,
        (
            "The US delegation explained that the United States is willing to talk to North Korea about how "
            "it will meet its obligations to the international community"
        ),
    ),
    (
        2,
        "indirect",
        "explained",
        "The US delegation",
        "US delegation",
        (
            "the United States is willing to talk to North Korea about how it will meet its obligations to "
            "the international community"
        ),
    ),
    (
        None,
        "direct",
        "said",
        "the statement",
        STATEMENT,
        (
            "However, the US delegation stressed that the United States will not provide quid pro quos to "
            "North Korea to live up to its existing obligations"
        ),
    ),
    (
        4,
        "indirect",
        "stressed",
        "the US delegation",
        "US delegation",
        (
            "the United States will not provide quid pro quos to North Korea to live up to its existing "
            "obligations"
        ),
    ),
    (
        None,
        "indirect",
        "reiterated",
        "The statement",
        STATEMENT,
        (
            "the three nations' intention to pursue a peaceful and diplomatic resolution to the DPRK's "
            "nuclear issue"
        ),
    ),
    (
        None,
        "indirect",
        "expressed",
        "The statement",
        STATEMENT,
        "serious concern over the recent steps taken by DPRK to lift its nuclear freeze",
    ),
    (
        None,
        "direct",
        "said",
        "the statement",
        STATEMENT,
        (
            "They stressed that North Korea's relations with the entire international community hinge on "
            "its taking prompt and verifiable action to completely dismantle its nuclear weapons program "
            "and come into full compliance with its international nuclear commitments"
        ),
    ),
    (
        8,
        "indirect",
        "stressed",
        "They",
        "three nations",
        (
            "North Korea's relations with the entire international community hinge on its taking prompt "
            "and verifiable action to completely dismantle its nuclear weapons program and come into full "
            "compliance with its international nuclear commitments"
        ),
    ),
    (
        None,
        "indirect",
        "according to",
        "US officials",
        "US officials",
        (
            "During their informal discussions on Monday, all three countries agreed that DPRK should end "
            "its nuclear program before the United States or any country can take further steps with "
            "Pyongyang"
        ),
    ),
    (
        10,
        "indirect",
        "agreed",
        "all three countries",
        "three nations",  # the same three delegations' countries as "They" above
        (
            "DPRK should end its nuclear program before the United States or any country can take further "
            "steps with Pyongyang"
        ),
    ),
    (
        None,
        "indirect",
        "said",
        "Pyongyang",
        "North Korea",
        (
            "the move was designed to restart the nuclear facilities for power generation because the "
            "United States has violated the framework agreement by suspending shipments of heavy oil to "
            "the DPRK"
        ),
    ),
]


def summary(text: str) -> list[tuple]:
    """(kind, content pieces, cue, speaker) of each row of ``extract_quotes(text)``."""
    table = extract_quotes(text)
    return [
        (
            row.kind,
            [text[s:e] for s, e in row.content_spans],
            None if pd.isna(row.cue) else row.cue,
            None if pd.isna(row.speaker) else row.speaker,
        )
        for row in table.itertuples()
    ]


def assert_offsets(text: str, table: pd.DataFrame) -> None:
    for row in table.itertuples():
        assert text[row.start : row.end] == row.content
        assert row.content_spans and row.content_spans[0][0] == row.start
        assert row.content_spans[-1][1] == row.end
        for start, end in row.content_spans:
            assert row.start <= start < end <= row.end
        if not pd.isna(row.cue):
            assert text[row.cue_start : row.cue_end] == row.cue
        if not pd.isna(row.speaker):
            assert text[row.speaker_start : row.speaker_end] == row.speaker
        if not pd.isna(row.parent_id):
            parent = table.iloc[int(row.parent_id)]
            assert parent.quote_id < row.quote_id
            assert parent.start <= row.start and row.end <= parent.end


# --- the seed ------------------------------------------------------------------------------


def test_seed_attributions_match_the_hand_annotation(seed: helpers.Article) -> None:
    table = quotes(seed)
    found = [
        (
            None if pd.isna(row.parent_id) else int(row.parent_id),
            row.kind,
            row.cue,
            row.speaker,
            row.speaker_entity,
            row.content,
        )
        for row in table.itertuples()
    ]
    assert found == SEED_ATTRIBUTIONS
    assert table["kind"].value_counts().to_dict() == {"indirect": 9, "direct": 4, "mixed": 0}
    assert_offsets(seed.text, table)


def test_seed_sentences_words_and_labels(seed: helpers.Article) -> None:
    table = quotes(seed)
    assert table["sent_id"].tolist() == [1, 2, 3, 3, 4, 4, 7, 7, 8, 8, 9, 9, 11]
    assert table["words"].tolist() == [31, 12, 26, 21, 25, 19, 16, 14, 36, 33, 30, 19, 30]
    labels = table["speaker_label"].astype(object).where(table["speaker_label"].notna(), None)
    assert labels.tolist() == ["ORG"] + [None] * 11 + ["GPE"]


def test_quotes_columns_and_dtypes(seed: helpers.Article) -> None:
    table = quotes(seed)
    assert list(table.columns) == ARTICLE_QUOTE_COLUMNS
    assert list(extract_quotes(seed.text).columns) == QUOTE_COLUMNS
    for column in [
        "quote_id",
        "parent_id",
        "start",
        "end",
        "cue_start",
        "cue_end",
        "speaker_start",
        "speaker_end",
        "sent_id",
        "words",
    ]:
        assert str(table[column].dtype) == "Int64", column
    for column in ["content", "cue", "speaker", "speaker_entity"]:
        assert str(table[column].dtype).startswith("string"), column
    assert list(table["kind"].cat.categories) == ["direct", "indirect", "mixed"]
    assert table["quote_id"].tolist() == list(range(len(table)))


# --- direct quotes -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            '"We will not back down," Senator Mary Jones said on Tuesday.',
            [("direct", ["We will not back down"], "said", "Senator Mary Jones")],
        ),
        (
            '"We will not back down," said Mary Jones, the Democratic leader of the Senate.',
            [
                (
                    "direct",
                    ["We will not back down"],
                    "said",
                    "Mary Jones, the Democratic leader of the Senate",
                )
            ],
        ),
        (
            'The governor said: "This bill is dead on arrival."',
            [("direct", ["This bill is dead on arrival."], "said", "The governor")],
        ),
        (
            'The governor said "This bill is dead on arrival."',
            [("direct", ["This bill is dead on arrival."], "said", "The governor")],
        ),
        (
            "``Isn't that man dangerous?'' a 10-year-old in the school car pool asked in 1980.",
            [
                (
                    "direct",
                    ["Isn't that man dangerous?"],
                    "asked",
                    "a 10-year-old in the school car pool",
                )
            ],
        ),
        (
            "\u201cWhere would I go?\u201d he replies, when asked if he is leaving.",
            [("direct", ["Where would I go?"], "replies", "he")],
        ),
        (
            "``I loved the show,'' said eminent fashion historian Colin McDowell.",
            [("direct", ["I loved the show"], "said", "eminent fashion historian Colin McDowell")],
        ),
    ],
)
def test_direct_quote_patterns(text: str, expected: list[tuple]) -> None:
    assert summary(text) == expected
    assert_offsets(text, extract_quotes(text))


def test_split_quote_is_one_row_with_two_spans() -> None:
    curly = "\u201cThe economy is strong,\u201d she said. \u201cBut we must remain vigilant.\u201d"
    assert summary(curly) == [
        ("direct", ["The economy is strong", "But we must remain vigilant."], "said", "she")
    ]
    backticks = (
        "``It's early,'' she said. ``There are all these people. He's going to make them sleep.''"
    )
    assert summary(backticks) == [
        (
            "direct",
            ["It's early", "There are all these people. He's going to make them sleep."],
            "said",
            "she",
        )
    ]
    within = '"There is no doubt," said the report, "that the program failed."'
    assert summary(within) == [
        ("direct", ["There is no doubt", "that the program failed."], "said", "the report")
    ]
    table = extract_quotes(curly)
    assert (
        table.loc[0, "content"]
        == "The economy is strong,\u201d she said. \u201cBut we must remain vigilant."
    )


def test_inverted_speaker_with_abbreviation_continues_the_quote() -> None:
    text = "``It is cute,'' said Alan Brody, an analyst in Scarsdale, N.Y. ``The future is radio.''"
    assert summary(text) == [
        (
            "direct",
            ["It is cute", "The future is radio."],
            "said",
            "Alan Brody, an analyst in Scarsdale, N.Y",
        )
    ]


def test_multi_paragraph_quote() -> None:
    text = (
        '"The first paragraph of the speech runs on,\n\n'
        '"into a second paragraph,\n\n'
        '"and ends in a third," the senator said.\n\n'
        "The chamber was silent."
    )
    assert summary(text) == [
        (
            "direct",
            [
                "The first paragraph of the speech runs on",
                "into a second paragraph",
                "and ends in a third",
            ],
            "said",
            "the senator",
        )
    ]


def test_quote_paragraph_without_cue_continues_the_previous_speaker() -> None:
    text = '"I don\'t know," he said. "Maybe."\n\n"We will see what happens next week."'
    table = extract_quotes(text)
    assert summary(text) == [
        ("direct", ["I don't know", "Maybe."], "said", "he"),
        ("direct", ["We will see what happens next week."], None, "he"),
    ]
    assert table.loc[1, "speaker_start"] == table.loc[0, "speaker_start"]
    assert pd.isna(table.loc[1, "cue_start"])


def test_unbalanced_mark_stays_in_its_paragraph() -> None:
    text = (
        'Unbalanced "quote starts here and never ends.\n\n'
        "Next paragraph is narration. The mayor said the city was safe."
    )
    assert find_quoted_spans(text)[0].pieces == [(12, text.index("\n\n"))]
    assert summary(text) == [("indirect", ["the city was safe"], "said", "The mayor")]


def test_scare_quotes_and_titles_are_not_attributions() -> None:
    assert summary('He opened with "hello" and left. The "Morning Edition" host is popular.') == []


# --- indirect and mixed ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Mr. Smith said that the plan would cost $3 billion over five years.",
            [("indirect", ["the plan would cost $3 billion over five years"], "said", "Mr. Smith")],
        ),
        (
            "The plan would cost $3 billion over five years, Mr. Smith said on Tuesday.",
            [("indirect", ["The plan would cost $3 billion over five years"], "said", "Mr. Smith")],
        ),
        (
            "According to White House officials, the president will veto the bill.",
            [
                (
                    "indirect",
                    ["the president will veto the bill"],
                    "According to",
                    "White House officials",
                )
            ],
        ),
        (
            "The president will veto the bill, according to White House officials.",
            [
                (
                    "indirect",
                    ["The president will veto the bill"],
                    "according to",
                    "White House officials",
                )
            ],
        ),
        (
            "The mayor told reporters that the budget was balanced.",
            [("indirect", ["the budget was balanced"], "told", "The mayor")],
        ),
        (
            "The mayor told reporters the budget was balanced.",
            [("indirect", ["the budget was balanced"], "told", "The mayor")],
        ),
        (
            "The spokesman told The Associated Press on Monday that no decision had been made.",
            [("indirect", ["no decision had been made"], "told", "The spokesman")],
        ),
        (
            "John Smith, a spokesman for the company, said the merger would close by June.",
            [
                (
                    "indirect",
                    ["the merger would close by June"],
                    "said",
                    "John Smith, a spokesman for the company",
                )
            ],
        ),
        (
            "Officials in Washington said the talks had stalled.",
            [("indirect", ["the talks had stalled"], "said", "Officials in Washington")],
        ),
        (
            "The president has repeatedly said he would not raise taxes.",
            [("indirect", ["he would not raise taxes"], "said", "The president")],
        ),
        (
            "He was quoted as saying the company would survive.",
            [("indirect", ["the company would survive"], "was quoted as saying", "He")],
        ),
        (
            "She asked whether the vote would be delayed.",
            [("indirect", ["whether the vote would be delayed"], "asked", "She")],
        ),
        (
            "Sen. John McCain, R-Ariz., said the Pentagon had failed.",
            [("indirect", ["the Pentagon had failed"], "said", "Sen. John McCain, R-Ariz.")],
        ),
        ("The plan, he said, is dead.", [("indirect", ["The plan", "is dead"], "said", "he")]),
        (
            "Analysts expect that the Fed will raise rates.",
            [("indirect", ["the Fed will raise rates"], "expect", "Analysts")],
        ),
    ],
)
def test_indirect_patterns(text: str, expected: list[tuple]) -> None:
    assert summary(text) == expected
    assert_offsets(text, extract_quotes(text))


def test_mixed_quote() -> None:
    text = 'He said the proposal was "a disaster for working families" and would fail.'
    assert summary(text) == [
        (
            "mixed",
            ['the proposal was "a disaster for working families" and would fail'],
            "said",
            "He",
        )
    ]


def test_coordinated_and_participle_cues_share_the_speaker() -> None:
    text = "Democrats argued that the tax cut favored the rich, but Republicans said it would create jobs."
    assert summary(text) == [
        ("indirect", ["the tax cut favored the rich"], "argued", "Democrats"),
        ("indirect", ["it would create jobs"], "said", "Republicans"),
    ]
    text = "The senator said the bill was flawed, adding that he would vote against it."
    assert summary(text) == [
        ("indirect", ["the bill was flawed"], "said", "The senator"),
        ("indirect", ["he would vote against it"], "adding", "The senator"),
    ]
    text = 'He appeared on the show and said, "I\'m a lucky guy."'
    assert summary(text) == [("direct", ["I'm a lucky guy."], "said", "He")]


def test_coordinated_clause_after_a_tail_cue_is_not_content() -> None:
    text = "Catches fell by a quarter, according to the LVFO, and landings kept falling."
    assert summary(text) == [
        ("indirect", ["Catches fell by a quarter"], "according to", "the LVFO")
    ]


def test_participle_cue_takes_the_clause_subject() -> None:
    text = "A spokesman for the Food and Agriculture Organization welcomed the deal, saying prices would fall."
    assert summary(text) == [
        (
            "indirect",
            ["prices would fall"],
            "saying",
            "A spokesman for the Food and Agriculture Organization",
        )
    ]


def test_nested_indirect_inside_indirect() -> None:
    text = "The rebels will disarm by May, a diplomat said, according to the agency."
    table = extract_quotes(text)
    assert summary(text) == [
        (
            "indirect",
            ["The rebels will disarm by May, a diplomat said"],
            "according to",
            "the agency",
        ),
        ("indirect", ["The rebels will disarm by May"], "said", "a diplomat"),
    ]
    assert table["parent_id"].tolist() == [pd.NA, 0]


def test_words_that_look_like_cues_are_not_attributions() -> None:
    assert summary("Edward Said wrote nothing. The value added tax rose.") == []
    assert summary("The saying goes on.") == []


# --- speakers -------------------------------------------------------------------------------


def test_pronoun_and_nominal_anaphora_resolution() -> None:
    article = parse_article(
        "Title\n"
        "James Kelly met Lee Tae-shik in Seoul on Monday.\n"
        '"We made progress," he said.\n'
        "Acme Corporation reported losses. The company said the market was weak.\n"
        "Local officials were worried. They said the plant would close.\n"
        "It said demand would recover.",
        name="speakers",
    )
    table = quotes(article)
    resolved = dict(zip(table["speaker"], table["speaker_entity"], strict=True))
    assert resolved["he"] == "Lee Tae-shik"
    assert resolved["The company"] == "Acme Corporation"
    assert resolved["They"] == "Local officials"
    assert resolved["It"] == "Acme Corporation"


def test_self_pronoun_inside_a_quote_is_the_quote_speaker() -> None:
    article = parse_article('Title\n"We said the deal was fair," Mary Jones said.', name="self")
    table = quotes(article)
    assert table["speaker"].tolist() == ["Mary Jones", "We"]
    assert table["speaker_entity"].tolist() == ["Mary Jones", "Mary Jones"]
    assert table["parent_id"].tolist() == [pd.NA, 0]


# --- issue 10: reported speech, thought, intention and evidence on real news ---------------


def typed(text: str) -> list[tuple]:
    """(kind, content pieces, cue, cue_type, speaker) of each row of ``extract_quotes(text)``."""
    table = extract_quotes(text)
    assert_offsets(text, table)
    return [
        (
            row.kind,
            [text[s:e] for s, e in row.content_spans],
            None if pd.isna(row.cue) else row.cue,
            row.cue_type,
            None if pd.isna(row.speaker) else row.speaker,
        )
        for row in table.itertuples()
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # reported clauses without "that", recognised by their word classes
        (
            "Officials said prices fell sharply last year.",
            [("indirect", ["prices fell sharply last year"], "said", "speech", "Officials")],
        ),
        (
            "The report said unemployment rose.",
            [("indirect", ["unemployment rose"], "said", "speech", "The report")],
        ),
        (
            "Smith told reporters the plan was dead.",
            [("indirect", ["the plan was dead"], "told", "speech", "Smith")],
        ),
        # cues in every form: perfect, progressive, participle, after adverbials
        (
            "The senator has called for an investigation into the shooting.",
            [
                (
                    "indirect",
                    ["an investigation into the shooting"],
                    "called for",
                    "speech",
                    "The senator",
                )
            ],
        ),
        (
            "Activists are calling for the resignation of the police chief.",
            [
                (
                    "indirect",
                    ["the resignation of the police chief"],
                    "calling for",
                    "speech",
                    "Activists",
                )
            ],
        ),
        (
            "The company cut its forecast, citing weak demand in Europe.",
            [("indirect", ["weak demand in Europe"], "citing", "speech", "The company")],
        ),
        (
            "Smith said in a statement that the merger would go ahead.",
            [("indirect", ["the merger would go ahead"], "said", "speech", "Smith")],
        ),
        (
            "In an interview, the minister said the talks had failed.",
            [("indirect", ["the talks had failed"], "said", "speech", "the minister")],
        ),
        (
            "Officials on Tuesday said the plan was dead.",
            [("indirect", ["the plan was dead"], "said", "speech", "Officials")],
        ),
        # the four kinds
        (
            "The minister believes the talks will fail.",
            [("indirect", ["the talks will fail"], "believes", "belief", "The minister")],
        ),
        (
            "The minister is confident that the deal will pass.",
            [("indirect", ["the deal will pass"], "confident", "belief", "The minister")],
        ),
        (
            "The rebels vowed to fight on.",
            [("indirect", ["to fight on"], "vowed", "intention", "The rebels")],
        ),
        (
            "The governor pledged to cut taxes.",
            [("indirect", ["to cut taxes"], "pledged", "intention", "The governor")],
        ),
        (
            "A new poll shows support for the president is falling.",
            [
                (
                    "indirect",
                    ["support for the president is falling"],
                    "shows",
                    "evidence",
                    "A new poll",
                )
            ],
        ),
        (
            "The report found that emissions rose by 5 percent.",
            [("indirect", ["emissions rose by 5 percent"], "found", "evidence", "The report")],
        ),
        (
            "Data released on Monday showed inflation slowed in March.",
            [("indirect", ["inflation slowed in March"], "showed", "evidence", "Data")],
        ),
        (
            "The study suggests that coffee is harmless.",
            [("indirect", ["coffee is harmless"], "suggests", "evidence", "The study")],
        ),
        (
            "The minister suggested that the talks resume.",
            [("indirect", ["the talks resume"], "suggested", "speech", "The minister")],
        ),
        (
            "Unemployment rose in March, according to a government report.",
            [
                (
                    "indirect",
                    ["Unemployment rose in March"],
                    "according to",
                    "evidence",
                    "a government report",
                )
            ],
        ),
        # criticism and demand
        (
            "The union urged lawmakers to reject the bill.",
            [("indirect", ["to reject the bill"], "urged", "speech", "The union")],
        ),
        (
            "Police called on residents to stay indoors.",
            [("indirect", ["to stay indoors"], "called on", "speech", "Police")],
        ),
        (
            "Critics blasted the plan as a giveaway to the rich.",
            [
                (
                    "indirect",
                    ["the plan as a giveaway to the rich"],
                    "blasted",
                    "speech",
                    "Critics",
                )
            ],
        ),
        (
            "The senator criticized the decision.",
            [("indirect", ["the decision"], "criticized", "speech", "The senator")],
        ),
        (
            "The senator accused the administration of hiding the truth.",
            [
                (
                    "indirect",
                    ["the administration of hiding the truth"],
                    "accused",
                    "speech",
                    "The senator",
                )
            ],
        ),
        (
            "The mayor called the decision a disgrace.",
            [("indirect", ["the decision a disgrace"], "called", "speech", "The mayor")],
        ),
        # content before the source, with or without a comma before "according to"
        (
            "Prices will keep rising, the central bank warned on Tuesday.",
            [("indirect", ["Prices will keep rising"], "warned", "speech", "the central bank")],
        ),
        (
            "The plan would cost $3 billion according to officials.",
            [
                (
                    "indirect",
                    ["The plan would cost $3 billion"],
                    "according to",
                    "speech",
                    "officials",
                )
            ],
        ),
        # colon and dash cues
        (
            "Smith: \u201cWe will win this election.\u201d",
            [("direct", ["We will win this election."], ":", "speech", "Smith")],
        ),
        (
            "The message from the White House was blunt \u2014 \u201cWe will not negotiate.\u201d",
            [
                (
                    "direct",
                    ["We will not negotiate."],
                    "\u2014",
                    "speech",
                    "The message from the White House",
                )
            ],
        ),
        # a quotation over two sentences
        (
            '"We will fight. We will win," he said.',
            [("direct", ["We will fight. We will win"], "said", "speech", "he")],
        ),
        # single quotation marks, and apostrophes that are none
        (
            "\u2018We are not leaving,\u2019 the mayor said.",
            [("direct", ["We are not leaving"], "said", "speech", "the mayor")],
        ),
        (
            "'We are not leaving,' the mayor said.",
            [("direct", ["We are not leaving"], "said", "speech", "the mayor")],
        ),
        (
            "The players' union said the strike would go on.",
            [("indirect", ["the strike would go on"], "said", "speech", "The players' union")],
        ),
        # an addressee before a quotation is not content
        (
            "Kim told reporters, \u201cWe will never give up.\u201d",
            [("direct", ["We will never give up."], "told", "speech", "Kim")],
        ),
        # an appositive or relative clause stays with its source
        (
            '"We will win," said Mr. Smith, a senior official, adding that he would resign.',
            [
                ("direct", ["We will win"], "said", "speech", "Mr. Smith, a senior official"),
                (
                    "indirect",
                    ["he would resign"],
                    "adding",
                    "speech",
                    "Mr. Smith, a senior official",
                ),
            ],
        ),
        (
            "Jones, who chairs the committee, said the bill would pass.",
            [("indirect", ["the bill would pass"], "said", "speech", "Jones")],
        ),
        (
            "The union and the company said they had reached a deal.",
            [
                (
                    "indirect",
                    ["they had reached a deal"],
                    "said",
                    "speech",
                    "The union and the company",
                )
            ],
        ),
        (
            "Respondents who indicated they were discriminated against were older.",
            [
                (
                    "indirect",
                    ["they were discriminated against"],
                    "indicated",
                    "speech",
                    "Respondents",
                )
            ],
        ),
        (
            "Jones, who said the bill would pass, left early.",
            [("indirect", ["the bill would pass"], "said", "speech", "Jones")],
        ),
        (
            'She said, "We are done"; the crowd cheered.',
            [("direct", ["We are done"], "said", "speech", "She")],
        ),
        (
            "Spang (1983) noted that the lines feel unusual.",
            [("indirect", ["the lines feel unusual"], "noted", "speech", "Spang (1983)")],
        ),
        (
            "This suggests that the results hold.",
            [("indirect", ["the results hold"], "suggests", "speech", "This")],
        ),
        # a noun cue and a passive cue
        (
            "His claim that the election was stolen has been rejected.",
            [("indirect", ["the election was stolen"], "claim", "speech", "His")],
        ),
        (
            "It was reported that the president had resigned.",
            [("indirect", ["the president had resigned"], "reported", "speech", None)],
        ),
    ],
)
def test_reported_speech_of_every_form_and_kind(text: str, expected: list[tuple]) -> None:
    assert typed(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The company expressed interest in buying the bank.",
        "He called the police.",
        "Militants attacked a police station.",
        "Results were weighted according to age.",
        "A channel called Sky News broadcast the debate.",
        "Asked about the plan, the minister left.",
        "They know how to win.",
    ],
)
def test_cue_words_without_attributed_content_give_no_row(text: str) -> None:
    assert typed(text) == []


def test_a_colon_ending_a_paragraph_announces_the_next_paragraph() -> None:
    text = (
        "In a statement, the ministry said:\n\n"
        "The border will stay closed. Talks will resume next week.\n\n"
        "The markets fell."
    )
    assert typed(text) == [
        (
            "indirect",
            ["The border will stay closed. Talks will resume next week"],
            "said",
            "speech",
            "the ministry",
        )
    ]
    quoted = 'The senator said:\n\n"We will fight on. We will win."\n\n"Nothing will stop us."'
    assert typed(quoted) == [
        ("direct", ["We will fight on. We will win."], "said", "speech", "The senator"),
        ("direct", ["Nothing will stop us."], None, "speech", "The senator"),
    ]


def test_cue_lexicon_states_its_source_and_covers_four_kinds() -> None:
    header = resources.files("helpers.data").joinpath("quote_cues.txt").read_text("utf-8")[:2000]
    assert "PARC" in header and "VerbNet" in header and "GUM" in header
    lexicon = quote_lexicon()
    kinds = Counter(entry.kind for entry in lexicon.entries())
    assert set(kinds) == set(CUE_TYPES)
    assert all(set(entry.frames) <= set("STOINAPRCFQE") for entry in lexicon.entries())
    assert [form.words for form in lexicon.forms["argued"]] == [("argued",)]
    assert ("calling", "for") in {form.words for form in lexicon.forms["calling"]}


def test_expressed_takes_a_noun_of_attitude() -> None:
    assert typed("The statement expressed concern over the violence.") == [
        ("indirect", ["concern over the violence"], "expressed", "speech", "The statement")
    ]


def test_cue_type_column() -> None:
    text = '"We will win," she said.\n\n"The campaign starts now."\n\nA poll shows she leads.'
    table = extract_quotes(text)
    assert list(table["cue_type"].cat.categories) == ["speech", "belief", "intention", "evidence"]
    assert table["cue_type"].tolist() == ["speech", "speech", "evidence"]
    assert pd.isna(table.loc[1, "cue"])


def test_single_quotation_marks_pair_around_apostrophes() -> None:
    text = "Ants 'self-medicate' in the players' nests, don't they? It's the '90s."
    assert [text[s:e] for quote in find_quoted_spans(text) for s, e in quote.pieces] == [
        "self-medicate"
    ]
    nested = "\u201cHe told me \u2018no\u2019 twice,\u201d she said."
    assert typed(nested) == [
        ("direct", ["He told me \u2018no\u2019 twice"], "said", "speech", "she")
    ]


def test_she_and_he_resolve_by_gender() -> None:
    for body, pronoun, expected in [
        ('John Smith met Mary Jones on Monday. "We will win," she said.', "she", "Mary Jones"),
        ('Mary Jones met John Smith on Monday. "We will win," she said.', "she", "Mary Jones"),
        ('Mary Jones met John Smith on Monday. "We will win," he said.', "he", "John Smith"),
        ('Mrs. Lee met Mr. Park on Monday. "We will win," she said.', "she", "Lee"),
    ]:
        table = quotes(parse_article("Title\n" + body, name="gender"))
        resolved = dict(zip(table["speaker"], table["speaker_entity"], strict=True))
        assert expected in str(resolved[pronoun]), body


def test_they_resolves_to_a_coordination_of_named_bodies() -> None:
    article = parse_article(
        "Title\nThe United Nations and the European Union condemned the attack. "
        "They said the violence must stop.",
        name="they",
    )
    table = quotes(article)
    resolved = dict(zip(table["speaker"], table["speaker_entity"], strict=True))
    assert resolved["They"] == "United Nations and European Union"
    assert resolved["The United Nations and the European Union"] == (
        "United Nations and European Union"
    )


@pytest.mark.parametrize(
    "text",
    [
        'he says " ' * 3000,
        "He said that she said that " * 1000,
        "He said that" + " ," * 20000,
        '"' * 20000,
        "Smith, who said, " * 2000,
    ],
)
def test_adversarial_text_gives_exact_offsets(text: str) -> None:
    assert_offsets(text, extract_quotes(text))


# --- robustness -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   \n\n ",
        '"',
        '""',
        "``''",
        "said",
        "according to",
        '"said," said said.',
        "ÉCOLE SAID \u201c",
        "he said that" * 3,
        "\u201d\u201c\u201d\u201c",
        "a, said b, c, said d, e.",
    ],
)
def test_edge_inputs(text: str) -> None:
    table = extract_quotes(text)
    assert list(table.columns) == QUOTE_COLUMNS
    assert_offsets(text, table)


_PIECES = st.sampled_from(
    [
        '"',
        "\u201c",
        "\u201d",
        "``",
        "''",
        " said ",
        " told ",
        " according to ",
        ", ",
        ". ",
        "\n\n",
        " that ",
        "He",
        " the statement",
        "Mr. Smith",
        " adding",
        " and ",
        "X",
        "é",
        " ",
        ":",
        "\n",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(_PIECES, st.text(max_size=5)), max_size=40).map("".join))
def test_any_text_gives_exact_offsets(text: str) -> None:
    table = extract_quotes(text)
    assert_offsets(text, table)
    assert set(table["kind"].dropna()) <= {"direct", "indirect", "mixed"}


@settings(max_examples=60, deadline=None)
@given(st.lists(st.one_of(_PIECES, st.text(max_size=5)), min_size=1, max_size=30).map("".join))
def test_any_article_resolves_without_error(body: str) -> None:
    try:
        article = parse_article("Title\n" + body.replace("\r", " "), name="random")
    except helpers.ArticleFormatError:
        return
    table = quotes(article)
    assert len(table) == len(extract_quotes(article.text))
    assert (table["words"] >= 0).all()


def test_long_input_is_handled() -> None:
    paragraph = '"It works," the engineer said. Critics said the design was flawed, according to the report.'
    text = "\n\n".join([paragraph] * 400) + '\n\n"unclosed ' + "word " * 2000
    table = extract_quotes(text)
    assert len(table) == 400 * 3
    assert_offsets(text, table)


def test_a_counted_group_named_again_with_a_synonym_is_one_source() -> None:
    article = helpers.parse_article(
        "Talks\n\n"
        '"We will keep talking," the three nations said on Monday.\n'
        "All three countries agreed that the border would reopen, officials said.\n"
        "Two countries said that they would leave.\n"
    )
    speakers = dict(zip(helpers.quotes(article)["speaker"], helpers.quotes(article)["speaker_entity"]))
    assert speakers["All three countries"] == "three nations"
    assert speakers["Two countries"] == "Two countries"
