"""Every chart of the notebooks, in one module: the analyses never import matplotlib.

Each function draws one table of the analysis modules (its input is that table) and returns the
matplotlib axes or figure. Notebooks import this module; ``import helpers`` does not.
"""

from __future__ import annotations

import textwrap

import matplotlib.dates as mdates
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from helpers.article import Article
from helpers.entities import LABELS
from helpers.quotes import VOICES
from helpers.timeline import chart_data

_COLOURS = {"publication": "#c0392b", "point": "#2e86c1", "period": "#e67e22"}


def plot_entity_counts(counts: pd.DataFrame, top: int = 15, ax=None):
    """Horizontal bar chart of ``entity_counts`` output (most mentioned on top), coloured by label."""
    shown = counts.head(top).iloc[::-1]
    if ax is None:
        _, ax = plt.subplots(figsize=(8, 0.35 * len(shown) + 1.2))
    palette = dict(zip(LABELS, plt.get_cmap("tab10").colors))
    ax.barh(
        shown["entity"].astype(str),
        shown["mentions"].astype(int),
        color=[palette[label] for label in shown["label"]],
    )
    for y, value in enumerate(shown["mentions"].astype(int)):
        ax.text(value + 0.1, y, str(value), va="center", fontsize=9)
    handles = [
        plt.Rectangle((0, 0), 1, 1, color=palette[label])
        for label in LABELS
        if label in set(shown["label"])
    ]
    ax.legend(
        handles,
        [label for label in LABELS if label in set(shown["label"])],
        loc="lower right",
        fontsize=9,
    )
    ax.set_xlabel("mentions")
    ax.set_title(f"Most mentioned entities (top {len(shown)})")
    ax.figure.tight_layout()
    return ax


def plot_entities_per_paragraph(table: pd.DataFrame, ax=None):
    """Heat map of ``entities_per_paragraph`` output: entities × paragraphs, counts written in cells."""
    values = table.to_numpy(dtype=float)
    if ax is None:
        _, ax = plt.subplots(figsize=(0.55 * table.shape[1] + 3.5, 0.4 * table.shape[0] + 1.5))
    ax.imshow(values, cmap="Blues", aspect="auto", vmin=0)
    ax.set_xticks(range(table.shape[1]), [str(c) for c in table.columns])
    ax.set_yticks(range(table.shape[0]), [str(i) for i in table.index])
    for (row, column), value in np.ndenumerate(values):
        if value:
            ax.text(
                column,
                row,
                str(int(value)),
                ha="center",
                va="center",
                fontsize=9,
                color="white" if value > values.max() / 2 else "black",
            )
    ax.set_xlabel("paragraph (para_id)")
    ax.set_title("Mentions per paragraph")
    ax.figure.tight_layout()
    return ax


def plot_words_by_speaker(summary: pd.DataFrame, ax=None):
    """Stacked horizontal bars of :func:`speaker_summary`: words per speaker by voice."""
    shown = summary.iloc[::-1]
    if ax is None:
        _, ax = plt.subplots(figsize=(8, 0.5 * len(shown) + 1.6))
    labels = [textwrap.fill(name, 38) for name in shown["speaker_entity"]]
    left = np.zeros(len(shown))
    styles = {
        "direct": {"color": "#1f77b4"},
        "mixed": {"color": "#9467bd"},
        "indirect": {"color": "#ff7f0e"},
        "nested": {"color": "#bbbbbb", "hatch": "//"},
    }
    for kind in VOICES:
        values = shown[f"words_{kind}"].to_numpy(dtype=float)
        ax.barh(labels, values, left=left, label=kind, **styles[kind])
        left += values
    for y, total in enumerate(left):
        ax.text(total + 1, y, str(int(total)), va="center", fontsize=9)
    ax.set_xlabel("words of content")
    ax.set_title("Words attributed to each speaker")
    ax.legend(
        ["direct quote", "mixed", "indirect (reported)", "reported inside another source"],
        loc="lower right",
        fontsize=8,
    )
    if not len(shown):
        ax.text(0.5, 0.5, "no attributions", ha="center", va="center", transform=ax.transAxes)
    ax.set_xlim(0, max(left.max(initial=0), 1) * 1.12)
    ax.figure.tight_layout()
    return ax


def plot_sentence_lengths(article: Article, title: str | None = None) -> plt.Axes:
    """Words per sentence in reading order, with the article's mean and the yardsticks of
    :data:`helpers.sentence_stats.SENTENCE_LENGTH_GUIDANCE` (the 15-20-word band, the 14- and
    43-word marks) drawn across."""
    lengths = article.sentences
    fig, ax = plt.subplots(figsize=(8, 3.8))
    ax.axhspan(15, 20, color="#dfeee0", zorder=0, label="Plain English Campaign: 15-20-word average")
    ax.axhline(14, color="#4c9a52", linestyle=":", linewidth=1.2,
               label="14 words: over 90% understood (API)")
    ax.axhline(43, color="#c0392b", linestyle=":", linewidth=1.2,
               label="43 words: under 10% understood (API)")
    ax.bar(lengths["sent_id"].astype(int), lengths["n_words"].astype(int), color="#4c72b0",
           zorder=2, label="words in the sentence")
    if len(lengths):
        mean = float(lengths["n_words"].mean())
        ax.axhline(mean, color="#34495e", linestyle="--", linewidth=1.2, zorder=3,
                   label=f"this article's average: {mean:.1f} words")
    ax.set_xticks(lengths["sent_id"].astype(int))
    ax.set_xlabel("sentence, in reading order")
    ax.set_ylabel("words")
    ax.set_ylim(0, max(46, int(lengths["n_words"].max() if len(lengths) else 0) + 3))
    ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), frameon=False, fontsize=8)
    ax.set_title(title or f"Sentence length: {article.title or article.name}", fontsize=10,
                 loc="left")
    fig.tight_layout()
    return ax


def plot_timeline(events: pd.DataFrame, title: str = "Timeline") -> Figure:
    """Draw the timeline: one bar per event, the publication marked, a broken date axis.

    Bars are as wide as the interval the expression covers (a day, a month, a year, a span);
    a marker on each keeps one-day events visible. Labels sit on the left, one row per
    event, so they cannot overlap. With no dated event the figure shows a message instead.
    """
    data = chart_data(events)
    if data.empty:
        figure, axis = plt.subplots(figsize=(8, 1.6))
        axis.axis("off")
        axis.text(0.5, 0.5, "No dated events in this article (no dateline, no dates).",
                  ha="center", va="center")
        axis.set_title(title)
        return figure
    n_panels = int(data["panel"].max()) + 1
    figure, axes = plt.subplots(
        1, n_panels, sharey=True, squeeze=False, layout="constrained",
        figsize=(11, 1.2 + 0.42 * len(data)),
    )
    axes = list(axes[0])
    for panel, axis in enumerate(axes):
        _draw_panel(axis, data, panel, n_panels)
    axes[0].set_yticks(list(data["row"]), list(data["label"]))
    axes[0].set_ylim(len(data) - 0.5, -0.5)
    figure.suptitle(title)
    return figure


def _draw_panel(axis, data: pd.DataFrame, panel: int, n_panels: int) -> None:
    inside = data[(data["panel"] == panel) & (data["kind"] != "period")]
    if inside.empty:
        inside = data[data["panel"] == panel]
    low, high = inside["start_date"].min(), inside["end_date"].max()
    pad = max((high - low) * 0.08, pd.Timedelta(days=2))
    axis.set_xlim(low - pad, high + pad)
    for row in data.itertuples():
        colour = _COLOURS.get(str(row.kind), "#7f8c8d")
        width = row.end_date - row.start_date
        axis.barh(row.row, width, left=row.start_date, height=0.55, color=colour, alpha=0.55,
                  edgecolor=colour)
        if row.kind != "period":
            axis.plot(row.start_date + width / 2, row.row, marker="D", color=colour,
                      markersize=5)
        if row.kind == "publication" and row.panel == panel:
            axis.axvline(row.start_date + width / 2, color=colour, linestyle="--", linewidth=1)
            axis.annotate("published", (row.start_date + width / 2, -0.5), xytext=(3, -2),
                          textcoords="offset points", va="top", color=colour, fontsize=8)
    locator = mdates.AutoDateLocator(minticks=2, maxticks=4 if n_panels > 1 else 7)
    axis.xaxis.set_major_locator(locator)
    axis.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
    axis.grid(axis="x", alpha=0.3)
    _break_marks(axis, panel, n_panels)


def _break_marks(axis, panel: int, n_panels: int) -> None:
    """Hide the spines between panels and draw the usual // broken-axis marks."""
    marks = {"marker": [(-0.5, -1), (0.5, 1)], "markersize": 10, "linestyle": "none",
             "color": "k", "mec": "k", "mew": 1, "clip_on": False}
    if panel > 0:
        axis.spines["left"].set_visible(False)
        axis.tick_params(axis="y", left=False)
        axis.plot([0], [0], transform=axis.transAxes, **marks)
    if panel < n_panels - 1:
        axis.spines["right"].set_visible(True)
        axis.spines["right"].set_linestyle((0, (1, 3)))
        axis.plot([1], [0], transform=axis.transAxes, **marks)
