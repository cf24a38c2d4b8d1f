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
from helpers.entities import KINDS
from helpers.timeline import chart_data

#: One colour per kind of entity (:data:`helpers.entities.KINDS`), the same in every chart.
KIND_COLOURS = dict(zip(KINDS, ["#1f77b4", "#ff7f0e", "#2ca02c", "#98df8a", "#8c564b",
                                "#7f7f7f", "#e377c2", "#bcbd22", "#c7c7c7"]))


def plot_entity_summary(summary: pd.DataFrame, title: str, ax=None):
    """Horizontal bars of :func:`helpers.entities.entity_summary` (most named on top): one colour
    per kind of entity, the mentions by a capital standing for it hatched on the same bar."""
    shown = summary.iloc[::-1]
    if ax is None:
        _, ax = plt.subplots(figsize=(8, 0.33 * len(shown) + 1.6))
    names = [textwrap.shorten(str(name), 42, placeholder="…") for name in shown["entity"]]
    colours = [KIND_COLOURS[kind] for kind in shown["kind"]]
    by_name = shown["by_name"].astype(int).to_numpy()
    by_capital = shown["by_capital"].astype(int).to_numpy()
    ax.barh(names, by_name, color=colours)
    ax.barh(names, by_capital, left=by_name, color="white", edgecolor=colours, hatch="///")
    for y, total in enumerate(by_name + by_capital):
        ax.text(total + 0.15, y, str(total), va="center", fontsize=8)
    kinds = [kind for kind in KINDS if kind in set(shown["kind"])]
    handles = [plt.Rectangle((0, 0), 1, 1, color=KIND_COLOURS[kind]) for kind in kinds]
    labels = list(kinds)
    if by_capital.any():
        handles.append(plt.Rectangle((0, 0), 1, 1, facecolor="white", edgecolor="#555", hatch="///"))
        labels.append("named by its capital (for its government)")
    ax.legend(handles, labels, loc="lower right", fontsize=8, frameon=False)
    ax.set_xlabel("mentions")
    ax.set_title(title, fontsize=10, loc="left")
    ax.figure.tight_layout()
    return ax


def plot_entities_per_paragraph(table: pd.DataFrame, title: str, xlabel: str, ax=None):
    """Heat map of ``entities_per_paragraph`` output: entities × paragraphs, counts in the cells."""
    values = table.to_numpy(dtype=float)
    if ax is None:
        _, ax = plt.subplots(figsize=(0.5 * table.shape[1] + 4.0, 0.33 * table.shape[0] + 1.6))
    ax.imshow(values, cmap="Blues", aspect="auto", vmin=0)
    ax.set_xticks(range(table.shape[1]), [str(c) for c in table.columns])
    ax.set_yticks(range(table.shape[0]),
                  [textwrap.shorten(str(i), 42, placeholder="…") for i in table.index])
    for (row, column), value in np.ndenumerate(values):
        if value:
            ax.text(column, row, str(int(value)), ha="center", va="center", fontsize=8,
                    color="white" if value > values.max() / 2 else "black")
    ax.set_xlabel(xlabel, fontsize=9)
    ax.set_title(title, fontsize=10, loc="left")
    ax.figure.tight_layout()
    return ax


#: The voices a source's words are in (:func:`helpers.quotes.source_voices`), one colour each.
_VOICE_STYLE = {
    "quoted": ({"color": "#1f618d"}, "inside quotation marks"),
    "reported": ({"color": "#85c1e9"}, "reported speech (the outlet's words)"),
    "other_kinds": ({"color": "#f5b041"}, "reported belief, intention or evidence"),
}


def plot_source_voices(voices: pd.DataFrame, title: str, ax=None):
    """Stacked bars of :func:`helpers.quotes.source_voices`: each source's words, each word
    counted once, split by voice; only the voices present are drawn and listed."""
    shown = voices.iloc[::-1]
    if ax is None:
        _, ax = plt.subplots(figsize=(8, 0.45 * len(shown) + 1.6))
    names = [textwrap.shorten(str(name), 40, placeholder="…") for name in shown["source"]]
    left = np.zeros(len(shown))
    handles, labels = [], []
    for column, (style, label) in _VOICE_STYLE.items():
        values = shown[column].to_numpy(dtype=float)
        if not values.any():
            continue
        bars = ax.barh(names, values, left=left, **style)
        handles.append(bars)
        labels.append(label)
        left += values
    for y, total in enumerate(left):
        ax.text(total + 1, y, str(int(total)), va="center", fontsize=8)
    if not len(shown):
        ax.text(0.5, 0.5, "no attributions", ha="center", va="center", transform=ax.transAxes)
    ax.set_xlim(0, max(left.max(initial=0), 1) * 1.12)
    ax.set_xlabel("words (each counted once, for the source the article itself cites)")
    ax.legend(handles, labels, loc="lower right", fontsize=8, frameon=False)
    ax.set_title(title, fontsize=10, loc="left")
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


#: One colour per meaning: the publication, an event dated to a day, an event dated only to a
#: longer interval (a week, a month, a year), a period the text states.
_TIMELINE_STYLE = {
    "publication": ("#c0392b", "the article's date line"),
    "day": ("#1f618d", "an event dated to a day"),
    "span": ("#85c1e9", "an event dated only to a month, a year…"),
    "period": ("#e67e22", "a period the text states"),
}


def _style(kind: str, granularity: str) -> str:
    if kind in ("publication", "period"):
        return kind
    return "day" if granularity in ("day", "time") else "span"


def plot_timeline(events: pd.DataFrame, title: str = "Timeline") -> Figure:
    """Draw the timeline: one bar per event, as wide as the interval its date covers (a day, a
    month, a year, a stated period), the date line marked, on a date axis broken where the
    dates are far apart. Every tick names its year; labels sit on the left, one row per event.
    With no dated event the figure shows a message instead."""
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
        figsize=(11, 1.6 + 0.45 * len(data)),
    )
    axes = list(axes[0])
    for panel, axis in enumerate(axes):
        _draw_panel(axis, data, panel, n_panels)
    axes[0].set_yticks(list(data["row"]), list(data["label"]))
    axes[0].set_ylim(len(data) - 0.5, -0.5)
    present = [name for name in _TIMELINE_STYLE
               if name in {_style(k, g) for k, g in zip(data["kind"], data["granularity"])}]
    figure.legend(
        [plt.Rectangle((0, 0), 1, 1, color=_TIMELINE_STYLE[name][0]) for name in present],
        [_TIMELINE_STYLE[name][1] for name in present],
        loc="outside lower center", ncols=len(present), frameon=False, fontsize=8,
    )
    figure.suptitle(title, fontsize=11)
    return figure


def _draw_panel(axis, data: pd.DataFrame, panel: int, n_panels: int) -> None:
    inside = data[(data["panel"] == panel) & (data["kind"] != "period")]
    if inside.empty:
        inside = data[data["panel"] == panel]
    low, high = inside["start_date"].min(), inside["end_date"].max()
    pad = max((high - low) * 0.08, pd.Timedelta(days=2))
    axis.set_xlim(low - pad, high + pad)
    for row in data.itertuples():
        colour = _TIMELINE_STYLE[_style(str(row.kind), str(row.granularity))][0]
        width = row.end_date - row.start_date
        axis.barh(row.row, width, left=row.start_date, height=0.55, color=colour, edgecolor=colour)
        if row.kind == "publication" and row.panel == panel:
            axis.axvline(row.start_date, color=colour, linestyle="--", linewidth=1)
    _date_ticks(axis, high + pad - (low - pad))
    axis.grid(axis="x", alpha=0.3)
    _break_marks(axis, panel, n_panels)


def _date_ticks(axis, span: pd.Timedelta) -> None:
    """Ticks that always name the year: years, months ("Dec 2002") or days ("6 Jan 2003")."""
    if span > pd.Timedelta(days=3 * 365):
        locator, fmt = mdates.YearLocator(base=max(1, span.days // (365 * 4))), "%Y"
    elif span > pd.Timedelta(days=75):
        locator, fmt = mdates.MonthLocator(interval=max(1, span.days // 120)), "%b %Y"
    else:
        locator, fmt = mdates.DayLocator(interval=max(1, span.days // 4)), "%-d %b\n%Y"
    axis.xaxis.set_major_locator(locator)
    axis.xaxis.set_major_formatter(mdates.DateFormatter(fmt))
    axis.tick_params(axis="x", labelsize=8)


def plot_news_days(events: pd.DataFrame, days: int = 7, title: str | None = None) -> Figure:
    """The days just before the date line, zoomed in: the events dated to a day in the ``days``
    days up to the publication, one row each, with weekday ticks."""
    data = chart_data(events)
    published = data.loc[data["kind"] == "publication", "start_date"]
    if published.empty:
        figure, axis = plt.subplots(figsize=(8, 1.6))
        axis.axis("off")
        axis.text(0.5, 0.5, "No date line: no 'days before publication' to show.",
                  ha="center", va="center")
        return figure
    day = published.iloc[0]
    first = day - pd.Timedelta(days=days)
    recent = data[(data["start_date"] >= first) & (data["granularity"].isin(["day", "time"]))]
    recent = recent.reset_index(drop=True)
    figure, axis = plt.subplots(figsize=(11, 1.6 + 0.45 * len(recent)), layout="constrained")
    for index, row in enumerate(recent.itertuples()):
        colour = _TIMELINE_STYLE[_style(str(row.kind), str(row.granularity))][0]
        axis.barh(index, row.end_date - row.start_date, left=row.start_date, height=0.55,
                  color=colour)
    axis.axvline(day, color=_TIMELINE_STYLE["publication"][0], linestyle="--", linewidth=1)
    axis.set_yticks(range(len(recent)), list(recent["label"]))
    axis.set_ylim(len(recent) - 0.5, -0.5)
    axis.set_xlim(first, day + pd.Timedelta(days=1))
    axis.xaxis.set_major_locator(mdates.DayLocator())
    axis.xaxis.set_major_formatter(mdates.DateFormatter("%a\n%-d %b %Y"))
    axis.tick_params(axis="x", labelsize=8)
    axis.grid(axis="x", alpha=0.3)
    axis.set_title(title or f"The {days} days before the date line", fontsize=11)
    return figure


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
