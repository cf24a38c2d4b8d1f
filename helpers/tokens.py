"""Word tokens with character offsets, by the Penn Treebank conventions, in one regex pass.

The tokens are those of NLTK's ``NLTKWordTokenizer`` (the Treebank conventions as NLTK applies
them) for ordinary news text, found by one compiled regular expression instead of NLTK's two
dozen rewriting passes and re-alignment, so that tokenizing costs a fraction of a tagging or
analysis pass:

- punctuation is its own token (``,`` ``;`` ``:`` ``?`` ``!`` brackets, quotes, dashes, ``$``
  ``%`` ``&`` ``@`` ``#`` ``*``); a comma or colon between digits stays inside ("1,000", "3:30");
- clitics are split off ("People|'s", "do|n't", "they|'re", "I|'m"; curly apostrophes too), and
  "cannot" is "can|not";
- hyphens, slashes, apostrophes inside names and periods inside a word stay in it ("Tae-shik",
  "U.S.-led", "and/or", "O'Brien", "3.5", "U.S.");
- a word keeps a final period (an abbreviation: "Mr.", "p.m.") unless the period ends the
  text given (the sentence), as in the Treebank; a run of periods is an ellipsis token.
"""

from __future__ import annotations

import re

Span = tuple[int, int]

_APOSTROPHE = "'\u2019"
_CLITIC = rf"[{_APOSTROPHE}](?:[sSmMdD]|ll|LL|re|RE|ve|VE)(?![^\W_])|[nN][{_APOSTROPHE}][tT](?![^\W_])"
_CLOSERS = "\"'\u201d\u2019\u00bb)\\]}>"
_TOKEN = re.compile(
    rf"""
    (?P<clitic>{_CLITIC})
    | (?P<cannot>(?i:can)(?=not(?![^\W_])))
    | [^\W_]                              # a word: starts with a letter or digit,
      (?:(?!{_CLITIC})                    # stops before a clitic,
         (?:\w|[-/.&{_APOSTROPHE}](?=[^\W_])|,(?=\d)(?<=\d,)|:(?=\d)(?<=\d:)))*
      (?:\.(?![.\w])(?![\s{_CLOSERS}]*$))?   # keeps a final period unless it ends the text
    | \.{{2,}}|\u2026                      # an ellipsis
    | --+                                 # a double dash
    | ``|''                               # Treebank-style quotes
    | \S                                  # any other character
    """,
    re.VERBOSE,
)


def token_spans(text: str, start: int = 0, end: int | None = None) -> list[Span]:
    """``(start, end)`` of every token of ``text[start:end]`` (offsets index ``text``).

    The slice is one sentence for the final-period rule; pass a whole text to treat it as one.
    """
    end = len(text) if end is None else end
    return [match.span() for match in _TOKEN.finditer(text, start, end)]
