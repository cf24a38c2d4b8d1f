"""Tables for reading and findings boxes: what a reader sees, in JupyterLab and on GitHub."""

import nh3
import pandas as pd

from helpers.display import findings_box, readable

#: What GitHub's sanitiser keeps of our markup (html-pipeline's allow-list: ``align`` on table
#: cells is kept, ``style`` is dropped).
GITHUB_TAGS = {"table", "thead", "tbody", "tr", "th", "td", "blockquote", "p", "b", "i", "ul", "li"}
GITHUB_ATTRIBUTES = {"th": {"align"}, "td": {"align"}}


def _frame() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "sent_id": pd.array([1, None], dtype="Int64"),
            "text": pd.array(["A long  sentence\nwith <b> in it.", None], dtype="string"),
            "share": [0.5, 1.0],
            "is_duplicate": [False, True],
        },
        index=[10, 11],
    )


def test_text_left_numbers_right_no_index_blanks_for_missing() -> None:
    table = readable(_frame(), percent=["share"])
    assert '<th align="right" style="text-align: right">sent_id</th>' in table.html
    assert '<td align="left" style="text-align: left">A long sentence with &lt;b&gt; in it.</td>' in table.html
    assert '<td align="right" style="text-align: right"></td>' in table.html  # <NA>, shown blank
    assert ">50%<" in table.html and ">100%<" in table.html
    assert ">no<" in table.html and ">yes<" in table.html
    assert ">10<" not in table.html  # the index is not shown
    assert "<NA>" not in table.text and "nan" not in table.text


def test_github_keeps_the_alignment_and_the_findings_box() -> None:
    table = readable(_frame(), blank="—").html
    cleaned = nh3.clean(table, tags=GITHUB_TAGS, attributes=GITHUB_ATTRIBUTES, link_rel=None)
    assert cleaned == table.replace(' style="text-align: right"', "").replace(
        ' style="text-align: left"', ""
    )
    box = findings_box(["11 sentences, 354 words.", "Every one is over 20 words."], "Seed only.")
    assert nh3.clean(box.html, tags=GITHUB_TAGS, attributes={}, link_rel=None) == box.html
    assert box.html.startswith("<blockquote><p><b>Findings</b></p><ul><li>11 sentences")
    assert box.text.splitlines()[-1] == "Limits: Seed only."
