"""The annotated article: every mark where the analyses put it, HTML that GitHub keeps as it is."""

from html.parser import HTMLParser

import nh3

import helpers
from helpers.annotate import ALLOWED_TAGS, annotated_article

#: The element allow-list of GitHub's HTML sanitiser (html-pipeline ``SanitizationFilter``),
#: which GitHub applies to notebook outputs; every attribute we could use is dropped by passing
#: none, so a cleaned copy equal to the original shows nothing of it would be lost.
GITHUB_TAGS = {
    "h1", "h2", "h3", "h4", "h5", "h6", "h7", "h8", "br", "b", "i", "strong", "em", "a", "pre",
    "code", "img", "tt", "div", "ins", "del", "sup", "sub", "p", "ol", "ul", "table", "thead",
    "tbody", "tfoot", "blockquote", "dl", "dt", "dd", "kbd", "q", "samp", "var", "hr", "ruby",
    "rt", "rp", "li", "tr", "td", "th", "s", "strike", "summary", "details", "caption", "figure",
    "figcaption", "abbr", "bdo", "cite", "dfn", "mark", "small", "span", "time", "wbr",
}  # fmt: skip


class _Reader(HTMLParser):
    """Collects the tags used and the text outside the notes (``sub``/``sup``) and the legend."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: set[str] = set()
        self.attributes: list[tuple[str, str | None]] = []
        self.paragraphs: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)
        self.attributes += attrs
        if tag == "p":
            self.paragraphs.append("")
        if tag in ("sub", "sup", "ul"):
            self._skip += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in ("sub", "sup", "ul"):
            self._skip -= 1

    def handle_data(self, data: str) -> None:
        if not self._skip and self.paragraphs:
            self.paragraphs[-1] += data


def _read(markup: str) -> _Reader:
    reader = _Reader()
    reader.feed(markup)
    return reader


def test_the_text_is_the_article_and_only_allowed_tags_are_used(seed: helpers.Article) -> None:
    markup = annotated_article(seed).html
    reader = _read(markup)
    paragraphs = [seed.text[s:e] for s, e in seed.document.paragraphs]
    assert reader.paragraphs == paragraphs
    assert reader.tags <= ALLOWED_TAGS <= GITHUB_TAGS
    assert reader.attributes == []


def test_github_s_sanitiser_keeps_every_character(seed: helpers.Article) -> None:
    markup = annotated_article(seed).html
    assert nh3.clean(markup, tags=GITHUB_TAGS, attributes={}, link_rel=None) == markup


def test_seed_marks_where_a_reader_finds_them(seed: helpers.Article) -> None:
    markup = annotated_article(seed, legend=False).html
    # The joint statement's words are a direct quote, numbered like their speaker.
    assert '"<mark>There is no security rationale for North Korea</mark>' in markup
    assert "<b>a joint statement after talks here among senior US</b>" in markup
    # The State Department's claim in paragraph 1 is reported speech, dated by the dateline.
    assert markup.startswith("<p><ins>The Bush</ins><sub>person</sub>")
    assert "<kbd>Tuesday</kbd><sub>2003-01-07</sub>" in markup
    # Pyongyang speaks in the last paragraph, as the capital standing for North Korea.
    assert "<b>Pyongyang</b><sub>capital, standing for North Korea</sub><sup>13</sup>" in markup
    assert "DPRK<sub>country: North Korea</sub>" in markup


def test_plain_text_without_a_dateline_is_annotated_too() -> None:
    article = helpers.parse_article(
        'Storm Hits Coast\n"We lost everything," said Maria Lopez, a fisher, on Monday.\n'
    )
    reader = _read(annotated_article(article).html)
    assert reader.paragraphs == [article.text]
    markup = annotated_article(article).html
    assert "<mark>We lost everything</mark>" in markup
    assert "<kbd>Monday</kbd><sub>XXXX-WXX-1</sub>" in markup
