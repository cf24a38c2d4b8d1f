"""The word definition, and glued-word repairs by general rules, only with evidence."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import helpers
from helpers.repairs import apply_repairs, find_glued_words, split_glued_token


def test_word_definition() -> None:
    text = (
        "The Democratic People's Republic of Korea (DPRK) don't pay $300 to Lee Tae-shik, "
        "he said. We cannot."
    )
    words = [text[s:e] for s, e in helpers.word_spans(text)]
    assert words == [
        "The", "Democratic", "People's", "Republic", "of", "Korea", "DPRK", "don't", "pay",
        "300", "to", "Lee", "Tae-shik", "he", "said.", "We", "cannot",
    ]
    assert helpers.count_words(text) == 17
    assert helpers.count_words("... --- !!") == 0
    assert helpers.count_words("") == 0


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_word_spans_are_exact_and_ordered(text: str) -> None:
    previous = 0
    for start, end in helpers.word_spans(text):
        assert previous <= start < end <= len(text)
        assert any(ch.isalnum() for ch in text[start:end])
        previous = end


@pytest.mark.parametrize(
    ("text", "repaired"),
    [
        ("South Korean DeputyForeign Minister", "South Korean Deputy Foreign Minister"),
        ("steps taken byDPRK to lift", "steps taken by DPRK to lift"),
        ("said PresidentBush on Monday", "said President Bush on Monday"),
        ("talks inWashington ended", "talks in Washington ended"),
        ("the DeputyForeignMinister", "the Deputy Foreign Minister"),
        ("a ForeignMinister said", "a Foreign Minister said"),
        ("a letter fromAdesina arrived", "a letter from Adesina arrived"),
        ("the tour byOceanGate ended", "the tour by OceanGate ended"),
        ("OceanGate sank. The Ocean Gate sank.", "Ocean Gate sank. The Ocean Gate sank."),
        ("TheUnited States and the United States", "The United States and the United States"),
    ],
)
def test_glued_words_are_repaired(text: str, repaired: str) -> None:
    assert apply_repairs(text, find_glued_words(text)) == repaired


@pytest.mark.parametrize(
    "text",
    [
        "OceanGate said on Monday the dive would go ahead.",
        "TruePath, StarBridge and SafeHarbor bid for the contract.",
        "TheUnited States",  # a capitalised "The" starts brand names (TheStreet): no evidence
        "DeputyForeign staff met. DeputyForeign staff left.",  # the same glued form twice: a name
        "The PresidentBush Foundation gave.",  # followed by an organisation word: a name
        "TruePath Capital and StarBridge Inc. and SafeHarbor Group",
    ],
)
def test_glued_names_without_evidence_are_left_alone(text: str) -> None:
    assert find_glued_words(text) == []


def test_repairs_weigh_the_evidence_of_the_whole_article() -> None:
    repeated = "OceanGate and StarBridge sank."  # a verbatim repeat is no second use of a name
    article = helpers.parse_article(f"Title\n{repeated}\nThe Ocean Gate dive ended.\n{repeated}")
    assert article.repairs[["original", "repaired"]].values.tolist() == [
        ["OceanGate", "Ocean Gate"]
    ]
    assert "StarBridge" in article.text and "OceanGate" not in article.text


@pytest.mark.parametrize(
    "word",
    ["McDonald", "iPhone", "PhD", "DreamWorks", "MacArthur", "YouTube", "eBay", "OPEC's",
     "JavaScript", "LinkedIn", "WikiLeaks", "McCain", "LeBron", "FedEx", "PowerPoint", "iOS",
     "NATO", "O'Neill", "PlayStation", "DPRK's", "Tae-shik", "mRNA"],
)
def test_real_words_are_left_alone(word: str) -> None:
    assert find_glued_words(f"He met {word} today.") == []
    assert split_glued_token(word.rstrip("'s")) is None


def test_one_long_word_is_read_in_linear_time() -> None:
    word = "abcdefghij" * 10_000  # the old token pattern backtracked over it for minutes
    assert find_glued_words(f"{word} {word.upper()} {word.capitalize()}") == []


def test_repair_offsets_point_at_the_original() -> None:
    text = "The DeputyForeign Minister spoke byDPRK's wish."
    repairs = find_glued_words(text)
    assert [(text[r.start : r.end], r.repaired) for r in repairs] == [
        ("DeputyForeign", "Deputy Foreign"),
        ("byDPRK", "by DPRK"),
    ]
