"""Loading articles: the seed's exact tables, and every kind of bad input."""

import os
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import helpers
from tests.conftest import SEED


def test_seed_header(seed: helpers.Article) -> None:
    assert seed.title == "US Says It Supports Dialogue with DPRK on Nuclear Issue"
    assert seed.published == pd.Timestamp("2003-01-08", tz="Asia/Shanghai")
    assert str(seed.published.tz) == "Asia/Shanghai"
    assert seed.dateline == "Last updated at: (Beijing Time) Wednesday, January 08, 2003"
    assert seed.encoding == "utf-8"
    assert seed.warnings.empty


def test_seed_paragraphs(seed: helpers.Article) -> None:
    paragraphs = seed.paragraphs
    assert paragraphs["para_id"].tolist() == list(range(1, 13))
    assert paragraphs["line"].tolist() == list(range(3, 15))
    assert paragraphs["is_duplicate"].tolist() == [False, True] + [False] * 10
    assert paragraphs["duplicate_of"].tolist()[:3] == [pd.NA, 1, pd.NA]
    assert paragraphs["duplicate_of"].isna().sum() == 11
    assert paragraphs["n_sentences"].tolist()[:3] == [1, pd.NA, 1]
    assert paragraphs["n_words"].tolist() == [37, pd.NA, 27, 29, 28, 22, 32, 36, 39, 34, 38, 32]
    for row in paragraphs[~paragraphs["is_duplicate"]].itertuples():
        assert seed.text[row.start : row.end] == row.text
    assert str(paragraphs["duplicate_of"].dtype) == "Int64"


def test_seed_body_is_unique_repaired_paragraphs(seed: helpers.Article) -> None:
    assert len(seed.text) == 2298
    assert seed.text.count("\n\n") == 10
    assert "Deputy Foreign Minister Lee Tae-shik" in seed.text
    assert "taken by DPRK to lift" in seed.text
    assert "DeputyForeign" not in seed.text and "byDPRK" not in seed.text
    assert seed.text.count("The Bush administration is willing") == 1


def test_seed_repairs(seed: helpers.Article) -> None:
    repairs = seed.repairs
    assert repairs[["para_id", "original", "repaired"]].values.tolist() == [
        [7, "DeputyForeign", "Deputy Foreign"],
        [8, "byDPRK", "by DPRK"],
    ]
    raw = seed.paragraphs.set_index("para_id")["raw_text"]
    for row in repairs.itertuples():
        assert raw[row.para_id][row.start : row.end] == row.original
    assert set(repairs["rule"]) == {"glued-words"}


def test_seed_sentences(seed: helpers.Article) -> None:
    sentences = seed.sentences
    assert len(sentences) == 11
    assert sentences["sent_id"].tolist() == list(range(1, 12))
    assert sentences["para_id"].tolist() == [1, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]
    assert sentences["n_words"].tolist() == [37, 27, 29, 28, 22, 32, 36, 39, 34, 38, 32]
    assert sentences["n_words"].sum() == 354
    assert sentences["n_chars"].tolist() == [226, 170, 177, 166, 137, 215, 227, 279, 218, 259, 204]
    for row in sentences.itertuples():
        assert seed.text[row.start : row.end] == row.text
    assert sentences.iloc[0]["start"] == 0 and sentences.iloc[-1]["end"] == len(seed.text)


def test_seed_longest_and_shortest_sentence(seed: helpers.Article) -> None:
    extremes = helpers.extreme_sentences(seed).set_index("which")
    assert extremes.loc["longest", "sent_id"] == 8
    assert extremes.loc["longest", "n_words"] == 39
    assert extremes.loc["longest", "text"].startswith('"They stressed that North Korea')
    assert extremes.loc["shortest", "sent_id"] == 5
    assert extremes.loc["shortest", "n_words"] == 22


def test_seed_file_is_byte_identical_to_shared_copy() -> None:
    shared = SEED.parent.parent.parent / "shared" / "seeds" / SEED.name
    if not shared.exists():
        pytest.skip("../shared is not beside this checkout")
    assert SEED.read_bytes() == shared.read_bytes()


def test_bom_and_crlf_load_identically(tmp_path: Path, seed: helpers.Article) -> None:
    data = SEED.read_bytes()
    variant = tmp_path / "variant.txt"
    variant.write_bytes(b"\xef\xbb\xbf" + data.replace(b"\n", b"\r\n"))
    other = helpers.load_article(variant)
    assert other.text == seed.text
    assert other.title == seed.title and other.published == seed.published
    pd.testing.assert_frame_equal(other.sentences, seed.sentences)
    pd.testing.assert_frame_equal(other.paragraphs, seed.paragraphs)


def test_cp1252_file_decodes_by_the_documented_fallback(tmp_path: Path) -> None:
    path = tmp_path / "latin.txt"
    path.write_bytes("Caf\u00e9 title\n\u201cQuoted,\u201d said Jos\u00e9 Mar\u00eda.\n".encode("cp1252"))
    article = helpers.load_article(path)
    assert article.encoding == "cp1252"
    assert article.title == "Caf\u00e9 title"
    assert article.text == "\u201cQuoted,\u201d said Jos\u00e9 Mar\u00eda."


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        (b"", "empty"),
        (b"  \n\t\n \r\n", "no text"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        (bytes(range(256)) * 4, "binary"),
        (b"caf\x81\x8d\x8f\x90\x9d", "neither UTF-8 nor cp1252"),
    ],
)
def test_bad_files_raise_article_format_error(tmp_path: Path, data: bytes, problem: str) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(data)
    with pytest.raises(helpers.ArticleFormatError, match=problem) as error:
        helpers.load_article(path)
    assert str(path) in str(error.value)
    assert isinstance(error.value, ValueError)


def test_missing_file_names_the_path(tmp_path: Path) -> None:
    missing = tmp_path / "nope.txt"
    with pytest.raises(FileNotFoundError, match="nope.txt"):
        helpers.load_article(missing)


def test_parse_article_blank_text_names_the_source() -> None:
    with pytest.raises(helpers.ArticleFormatError, match="^memo: the file contains no text$"):
        helpers.parse_article("\n \n", name="memo")


def test_malformed_dateline_is_a_recorded_warning() -> None:
    article = helpers.parse_article(
        "Last updated at: (Beijing Time) Someday, Smarch 45, 20x3\nTitle\nBody text here.\n"
    )
    assert article.published is None
    assert article.title == "Title"
    assert article.warnings["kind"].tolist() == ["dateline"]
    assert "Smarch 45" in article.warnings["message"].iloc[0]


def test_dateline_weekday_mismatch_is_recorded() -> None:
    article = helpers.parse_article(
        "Last updated at: (Beijing Time) Monday, January 08, 2003\nTitle\nBody.\n"
    )
    assert article.published == pd.Timestamp("2003-01-08", tz="Asia/Shanghai")
    assert "does not match Wednesday 2003-01-08" in article.warnings["message"].iloc[0]


def test_dateline_with_time_of_day() -> None:
    article = helpers.parse_article(
        "Last updated at: (Beijing Time) Thursday, March 06, 2003, 15:30\nTitle\nBody.\n"
    )
    assert article.published == pd.Timestamp("2003-03-06 15:30", tz="Asia/Shanghai")


def test_plain_text_without_dateline() -> None:
    article = helpers.parse_article("A short headline\nFirst paragraph. Second sentence.\nLast one.")
    assert article.published is None and article.dateline is None
    assert article.title == "A short headline"
    assert article.text == "First paragraph. Second sentence.\n\nLast one."
    assert article.sentences["text"].tolist() == ["First paragraph.", "Second sentence.", "Last one."]


def test_plain_text_whose_first_line_is_a_sentence_has_no_title() -> None:
    article = helpers.parse_article("The minister resigned on Friday.\nShe gave no reason.")
    assert article.title == ""
    assert len(article.paragraphs) == 2


def test_dateline_and_title_only_has_an_empty_body() -> None:
    article = helpers.parse_article("Last updated at: (Beijing Time) Wednesday, January 08, 2003\nT\n")
    assert article.text == "" and article.sentences.empty and article.paragraphs.empty
    assert article.warnings["kind"].tolist() == ["no-body"]


def test_duplicates_compare_whitespace_normalised_text() -> None:
    article = helpers.parse_article("Title\nSame  words here.\nOther.\nSame words here. \nOther.")
    assert article.paragraphs["duplicate_of"].tolist() == [pd.NA, pd.NA, 1, 2]
    assert article.text == "Same  words here.\n\nOther."


@pytest.mark.slow
def test_large_article_loads_in_linear_time(tmp_path: Path) -> None:
    paragraph = "The minister said on Tuesday that talks with Mr. Kim would resume in Geneva. "
    lines = [f"Paragraph {i}: {paragraph * 3}" for i in range(16_000)]
    path = tmp_path / "big.txt"
    path.write_text("Big title\n" + "\n".join(lines + lines[:2000]), encoding="utf-8")
    assert path.stat().st_size > 4_000_000
    article = helpers.load_article(path)
    assert len(article.paragraphs) == 18_000
    assert int(article.paragraphs["is_duplicate"].sum()) == 2000
    assert len(article.sentences) == 16_000 * 3


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(), max_size=300))
def test_any_text_parses_or_fails_with_article_format_error(text: str) -> None:
    try:
        article = helpers.parse_article(text, name="fuzz")
    except helpers.ArticleFormatError as error:
        assert str(error).startswith("fuzz: ")
        assert not text.strip()
        return
    for row in article.paragraphs[~article.paragraphs["is_duplicate"]].itertuples():
        assert article.text[row.start : row.end] == row.text
    for row in article.sentences.itertuples():
        assert article.text[row.start : row.end] == row.text


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-32"])
def test_utf16_and_utf32_with_a_byte_order_mark_decode(
    tmp_path: Path, seed: helpers.Article, encoding: str
) -> None:
    path = tmp_path / "wide.txt"
    text = SEED.read_text(encoding="utf-8")
    bom = "" if encoding in ("utf-16", "utf-32") else "\ufeff"  # the plain codecs write one
    path.write_bytes((bom + text).encode(encoding))
    article = helpers.load_article(path)
    assert article.encoding == encoding.split("-")[0] + "-" + encoding.split("-")[1]
    assert article.text == seed.text and article.published == seed.published


def test_utf16_without_a_byte_order_mark_is_named(tmp_path: Path) -> None:
    path = tmp_path / "wide.txt"
    for encoding in ("utf-16-le", "utf-16-be"):
        path.write_bytes("Title\nBody text.\n".encode(encoding))
        with pytest.raises(helpers.ArticleFormatError, match="looks like UTF-16 without a byte"):
            helpers.load_article(path)


def test_a_nul_byte_anywhere_makes_the_file_binary(tmp_path: Path) -> None:
    path = tmp_path / "late_nul.txt"
    path.write_bytes(b"Title\n" + b"Plain words here. " * 1000 + b"\x00tail\n")
    with pytest.raises(helpers.ArticleFormatError, match="binary"):
        helpers.load_article(path)


def test_what_is_not_a_regular_file_is_named(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    loop = tmp_path / "loop.txt"
    loop.symlink_to(tmp_path / "loop.txt")
    broken = tmp_path / "broken.txt"
    broken.symlink_to(tmp_path / "missing.txt")
    with pytest.raises(helpers.ArticleFormatError, match="is a directory, not an article file"):
        helpers.load_article(tmp_path)
    with pytest.raises(helpers.ArticleFormatError, match="is a FIFO"):
        helpers.load_article(fifo)
    with pytest.raises(helpers.ArticleFormatError, match="symbolic links"):
        helpers.load_article(loop)
    with pytest.raises(FileNotFoundError, match="broken symbolic link"):
        helpers.load_article(broken)


def test_a_dateline_padded_with_spaces_reads_in_linear_time() -> None:
    padding = " " * 200_000  # the old reader (dateutil) took minutes here
    article = helpers.parse_article(
        f"Last updated at: (Beijing Time) Wednesday,{padding}January 08, 2003\nTitle\nBody.\n"
    )
    assert article.published == pd.Timestamp("2003-01-08", tz="Asia/Shanghai")
    assert article.title == "Title"


def test_the_publication_date_is_described_at_its_own_precision(seed: helpers.Article) -> None:
    from helpers.article import describe_published

    assert describe_published(seed) == (
        "Wednesday 8 January 2003 (Asia/Shanghai; no time of day given; from the dateline)"
    )
    timed = helpers.parse_article("Published: 28 October 2016 14:02 BST\nTitle\n\nBody text.")
    assert describe_published(timed) == "Friday 28 October 2016, 14:02 (BST; from the dateline)"
    month = helpers.parse_article("January 2003\nTitle\n\nBody text.")
    assert describe_published(month).startswith("January 2003 (no time zone given; no time of day")
    assert describe_published(helpers.parse_article("Title\n\nBody text.")) == "(unknown)"
