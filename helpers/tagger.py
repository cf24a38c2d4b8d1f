"""Penn Treebank part-of-speech tags for a document's tokens: shipped with the project, fast.

Tokens are NLTK Treebank tokens as ``NLTKWordTokenizer.span_tokenize`` cuts them, written as in
the text ("do" "n't", "U.S.-led", "Mr.", ``"`` or ``“``). The model (``data/pos_tagger.npz``,
trained by ``benchmarks/train_tagger.py`` on UD English EWT and GUM, licence in
``data/pos_tagger.LICENSE.md``) is linear and has no tag history, so that a whole document is
scored at once with numpy:

1. Every distinct word form gets, once per process, a score vector (one score per tag) for
   each *slot* it can fill: the word being tagged (sentence-initial or not), or the word one or
   two places before or after it. A slot's vector is the sum of the weights of the form's
   features in that slot (:func:`form_keys`: identity, suffixes, prefixes, shape, ambiguity
   class in the training lexicon). A token's scores are the sum of five such vectors, found by
   form; neighbours never cross a sentence boundary (padding forms stand beyond its edges).
2. Document evidence (:meth:`FormFlags.codes`) adds one vector: for a capitalised token, is it
   sentence-initial, does the same form occur elsewhere not sentence-initially, does its
   lower-case form occur; for ``"``, does it open or close a quotation.
3. A second pass adds weights for the first pass's best tags of the neighbours
   (:func:`tag_context`), alone, in pairs, and with the word's ambiguity class, and takes the
   best tag.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping, Sequence

import numpy as np

from helpers.data import open_binary

MODEL_FILE = "pos_tagger.npz"
SLOTS = ("m2", "m1", "n0", "f0", "p1", "p2")
"""Slots of a form: two before, one before, the word itself (not sentence-initial), the word
itself (sentence-initial), one after, two after the word being tagged."""
_SLOT_KINDS = {
    "m2": frozenset({"l", "sh", "lc", "<S>"}),
    "m1": frozenset({"l", "s3", "sh", "lc", "<S>"}),
    "p1": frozenset({"l", "s3", "sh", "lc", "</S>"}),
    "p2": frozenset({"l", "sh", "lc", "</S>"}),
}
"""The kinds of feature a neighbour slot uses (the word itself uses all its own: see
:func:`in_slot`)."""
SENTENCE_EDGE = "<S>"
"""Tag-context value beyond a sentence edge."""
BEFORE_START, AFTER_END = 0, 1
"""Type ids of the padding forms that stand beyond the start and the end of a sentence."""
CACHE_LIMIT = 30_000
"""Word forms cached per process (about 1.2 kB each); beyond, the cache starts again."""
_QUOTES = str.maketrans({"’": "'", "‘": "`", "“": "``", "”": "''"})
_DOUBLE_QUOTES = frozenset({'"'})
_CODE_OTHER, _CODE_QUOTE = 8, 9
N_CODES = 11
"""Number of document codes (see :meth:`FormFlags.codes`)."""


def normalise(form: str) -> str:
    """The form with curly quotes as Treebank ASCII (’ → ', ‘ → `, “ → ``, ” → '')."""
    return form.translate(_QUOTES)


def shape(form: str) -> str:
    """Character classes, runs collapsed: "Putin" → "Xx", "U.S." → "X.X.", "1,200" → "d,d"."""
    out: list[str] = []
    previous = ""
    for char in form:
        kind = (
            "X" if char.isupper() else "x" if char.islower() else "d" if char.isdigit() else char
        )
        if kind != previous:
            out.append(kind)
            previous = kind
    return "".join(out[:8])


def word_class(form: str, lexicon: Mapping[str, str]) -> str:
    """The ambiguity class of ``form`` in ``lexicon``, else of its lower-case form, else "?".

    ``lexicon`` maps a normalised word form to the tags it takes at least 5% of the time in
    the training data, joined by "|" ("NN|VB").
    """
    word = normalise(form)
    return lexicon.get(word) or lexicon.get(word.lower(), "?")


KEY_KINDS = (
    "bias", "w", "l", "s1", "s2", "s3", "s4", "p1", "p2", "p3", "sh", "c", "lc", "len",
    "N:sh", "F:sh", "F:c", "F:lc", "hl", "hc", "hs3",
)  # fmt: skip
"""The kinds of feature of a word form, in the order of :func:`form_keys`."""


def form_keys(form: str, lexicon: Mapping[str, str]) -> list[str]:
    """The feature keys ("kind=value") of a word form, one per kind of :data:`KEY_KINDS` in
    that order, "" where a kind does not apply (the last three serve hyphenated words only).
    :func:`in_slot` says which slots use which kinds. Kinds "N:…" serve only a word that is
    not sentence-initial, "F:…" only one that is."""
    word = normalise(form)
    lower = word.lower()
    form_class = lexicon.get(word, "?")
    lower_class = lexicon.get(lower, "?")
    word_shape = shape(word)
    if "-" in word[1:-1]:
        last = lower.rsplit("-", 1)[1]
        hyphen = ["hl=" + last, "hc=" + lexicon.get(last, "?"), "hs3=" + last[-3:]]
    else:
        hyphen = ["", "", ""]
    return [
        "bias",
        "w=" + word,
        "l=" + lower,
        "s1=" + lower[-1:],
        "s2=" + lower[-2:],
        "s3=" + lower[-3:],
        "s4=" + lower[-4:],
        "p1=" + word[:1],
        "p2=" + lower[:2],
        "p3=" + lower[:3],
        "sh=" + word_shape,
        "c=" + form_class,
        "lc=" + lower_class,
        "len=" + str(min(len(word), 12)),
        "N:sh=" + word_shape,
        "F:sh=" + word_shape,
        "F:c=" + form_class,
        "F:lc=" + lower_class,
        *hyphen,
    ]


EDGE_KEYS = (["<S>"], ["</S>"])
"""The feature keys of the padding forms :data:`BEFORE_START` and :data:`AFTER_END`."""


def in_slot(slot: str, key: str) -> bool:
    """Whether ``slot`` uses the feature ``key`` (or the features of kind ``key``)."""
    kind = key.split("=", 1)[0]
    if slot == "n0":
        return not kind.startswith("F:") and not kind.startswith("<")
    if slot == "f0":
        return not kind.startswith("N:") and not kind.startswith("<")
    return kind in _SLOT_KINDS[slot]


def sentence_positions(
    n_tokens: int, sentence_starts: Sequence[int] | None
) -> tuple[np.ndarray, np.ndarray]:
    """For each token, how many tokens of its sentence precede it and how many follow it.

    Raises ValueError unless ``sentence_starts`` are strictly increasing token indexes.
    """
    if n_tokens == 0:
        return np.zeros(0, np.int64), np.zeros(0, np.int64)
    starts = np.asarray([0] if sentence_starts is None else sentence_starts, dtype=np.int64)
    if starts.ndim != 1 or (starts.size and (starts[0] < 0 or starts[-1] >= n_tokens)):
        raise ValueError(f"sentence_starts must be token indexes, 0 to {n_tokens - 1}")
    if np.any(starts[1:] <= starts[:-1]):
        raise ValueError("sentence_starts must be strictly increasing")
    if starts.size == 0 or starts[0] != 0:
        starts = np.concatenate(([0], starts))
    sentence = np.zeros(n_tokens, np.int64)
    sentence[starts[1:]] = 1
    sentence = np.cumsum(sentence)
    index = np.arange(n_tokens)
    ends = np.append(starts[1:], n_tokens)
    return index - starts[sentence], ends[sentence] - 1 - index


def _shifted(values: np.ndarray, shift: int, outside: np.ndarray, fill: int) -> np.ndarray:
    """``values`` moved by ``shift`` places (value at ``i + shift``), ``fill`` where ``outside``."""
    n = values.size
    moved = np.empty_like(values)
    if shift < 0:
        moved[-shift:] = values[: n + shift]
    else:
        moved[: n - shift] = values[shift:]
    moved[outside] = fill
    return moved


def neighbours(type_ids: np.ndarray, before: np.ndarray, after: np.ndarray) -> list[np.ndarray]:
    """Type ids of the words at −2, −1, +1, +2 of each token, padded within its sentence."""
    return [
        _shifted(type_ids, -2, before < 2, BEFORE_START),
        _shifted(type_ids, -1, before < 1, BEFORE_START),
        _shifted(type_ids, 1, after < 1, AFTER_END),
        _shifted(type_ids, 2, after < 2, AFTER_END),
    ]


def tag_context(
    tag_ids: np.ndarray, before: np.ndarray, after: np.ndarray, edge: int
) -> list[np.ndarray]:
    """Second-pass context of each token from first-pass tag ids (``edge``: beyond the
    sentence): tags at −2, −1, +1, +2, then the pairs (−1, +1), (−2, −1), (+1, +2), each
    pair ``(a, b)`` as ``a·(edge + 1) + b``."""
    m2 = _shifted(tag_ids, -2, before < 2, edge)
    m1 = _shifted(tag_ids, -1, before < 1, edge)
    p1 = _shifted(tag_ids, 1, after < 1, edge)
    p2 = _shifted(tag_ids, 2, after < 2, edge)
    width = edge + 1
    return [m2, m1, p1, p2, m1 * width + p1, m2 * width + m1, p1 * width + p2]


def tag_context_keys(tags: Sequence[str]) -> list[list[str]]:
    """The feature keys of each value of each :func:`tag_context` array, in value order."""
    names = [*tags, SENTENCE_EDGE]
    pairs = [f"{a}|{b}" for a in names for b in names]
    return [
        ["t-2=" + t for t in names],
        ["t-1=" + t for t in names],
        ["t+1=" + t for t in names],
        ["t+2=" + t for t in names],
        ["t-1+1=" + p for p in pairs],
        ["t-2-1=" + p for p in pairs],
        ["t+1+2=" + p for p in pairs],
    ]


def class_context_keys(tags: Sequence[str], classes: Sequence[str]) -> list[list[str]]:
    """Keys of the conjunctions of a neighbour's first-pass tag (at −1, then +1) with the
    word's :func:`word_class`, for value ``tag·len(classes) + class``."""
    names = [*tags, SENTENCE_EDGE]
    return [[f"{side}&c={t}&{c}" for t in names for c in classes] for side in ("t-1", "t+1")]


class FormFlags:
    """Per word type (ids in order of :meth:`extend`, after the two padding forms): the facts
    about its form that :meth:`codes` needs."""

    def __init__(self) -> None:
        self._lower_ids: dict[str, int] = {}
        self._size = 0
        self._capitalised = np.zeros(0, bool)
        self._lower_form = np.zeros(0, bool)
        self._double_quote = np.zeros(0, bool)
        self._lower_id = np.zeros(0, np.int64)
        self.extend(["", ""])  # the padding forms BEFORE_START and AFTER_END

    def __len__(self) -> int:
        return self._size

    def extend(self, forms: Sequence[str]) -> None:
        """Add the types of ``forms`` (ids ``len(self)`` onwards)."""
        lowers = [f.lower() for f in forms]
        ids = self._lower_ids
        rows = (
            [f[:1].isupper() for f in forms],
            [f == low for f, low in zip(forms, lowers, strict=True)],
            [f in _DOUBLE_QUOTES for f in forms],
            [ids.setdefault(low, len(ids)) for low in lowers],
        )
        end = self._size + len(forms)
        if end > self._capitalised.size:
            capacity = max(2 * end, 1024)
            self._capitalised = _grown(self._capitalised, capacity)
            self._lower_form = _grown(self._lower_form, capacity)
            self._double_quote = _grown(self._double_quote, capacity)
            self._lower_id = _grown(self._lower_id, capacity)
        arrays = (self._capitalised, self._lower_form, self._double_quote, self._lower_id)
        for array, values in zip(arrays, rows, strict=True):
            array[self._size : end] = values
        self._size = end

    def codes(self, type_ids: np.ndarray, first: np.ndarray) -> np.ndarray:
        """One document code per token (0 to :data:`N_CODES` − 1), from document-wide evidence.

        A capitalised token: ``4·first + 2·(the same form occurs elsewhere in the document,
        not sentence-initially) + (its lower-case form occurs in the document)``; an ASCII
        ``"``: 9 if an even number of them precede it (it opens a quotation), else 10; any
        other token: 8.
        """
        codes = np.full(type_ids.size, _CODE_OTHER, np.int64)
        if type_ids.size == 0:
            return codes
        mid = ~first
        elsewhere = np.bincount(type_ids[mid], minlength=self._size)[type_ids] > mid
        lower_id = self._lower_id[type_ids]
        lower_form = self._lower_form[type_ids]
        lower_seen = np.bincount(lower_id[lower_form], minlength=len(self._lower_ids))[lower_id]
        capitalised = self._capitalised[type_ids]
        cap_codes = 4 * first + 2 * elsewhere + ((lower_seen > 0) & ~lower_form)
        codes[capitalised] = cap_codes[capitalised]
        quote = self._double_quote[type_ids]
        quotes_before = np.cumsum(quote) - quote
        codes[quote] = _CODE_QUOTE + quotes_before[quote] % 2
        return codes


def code_key(code: int) -> str:
    """The feature key of a document code."""
    return f"x={code}"


def _grown(array: np.ndarray, capacity: int) -> np.ndarray:
    """``array`` with room for ``capacity`` rows (new rows zero)."""
    out = np.zeros((capacity, *array.shape[1:]), array.dtype)
    out[: array.shape[0]] = array
    return out


class Tagger:
    """A model: the ``tags``, feature ``keys`` ("slot:key" for word features, else as made by
    :func:`code_key`, :func:`tag_context_keys`, :func:`class_context_keys`) with their
    ``weights`` (keys × tags), and the training ``lexicon`` (normalised form → class)."""

    def __init__(
        self,
        tags: Sequence[str],
        keys: Sequence[str],
        weights: np.ndarray,
        lexicon: Mapping[str, str],
    ) -> None:
        self._tags = np.array(tags, dtype=object)
        n_tags = len(tags)
        # one more row, of zeros: the row of any feature the model does not have
        self._weights = np.concatenate([weights, np.zeros((1, n_tags))]).astype(np.float32)
        self._lexicon = dict(lexicon)
        row = {key: i for i, key in enumerate(keys)}
        self._index_word_features(row)

        def table(keys: Sequence[str]) -> np.ndarray:
            return self._weights[[row.get(k, len(row)) for k in keys]]

        self._codes = table([code_key(c) for c in range(N_CODES)])
        # second pass: the weights of single neighbour tags are folded into the pair tables
        width = n_tags + 1
        m2, m1, p1, p2, m1p1, m2m1, p1p2 = [table(k) for k in tag_context_keys(tags)]
        self._pairs = [
            (m1p1.reshape(width, width, n_tags) + m1[:, None] + p1[None, :]).reshape(-1, n_tags),
            (m2m1.reshape(width, width, n_tags) + m2[:, None]).reshape(-1, n_tags),
            (p1p2.reshape(width, width, n_tags) + p2[None, :]).reshape(-1, n_tags),
        ]
        classes = sorted({*self._lexicon.values(), "?"})
        self._class_id = {c: i for i, c in enumerate(classes)}
        self._class_context = [table(k) for k in class_context_keys(tags, classes)]
        self.clear_cache()

    def _index_word_features(self, row: dict[str, int]) -> None:
        """Index the word features ("slot:key") by key: ``_key_index[key]`` is a row of
        ``_key_rows``, which holds the key's weight row in each slot (the zero row where the
        slot lacks it); key index 0 stands for keys the model does not have."""
        zero = len(row)
        self._key_index: dict[str, int] = {}
        key_rows: list[list[int]] = [[zero] * len(SLOTS)]
        for key, i in row.items():
            slot, colon, base = key.partition(":")
            if colon and slot in SLOTS:
                index = self._key_index.setdefault(base, len(key_rows))
                if index == len(key_rows):
                    key_rows.append([zero] * len(SLOTS))
                key_rows[index][SLOTS.index(slot)] = i
        self._key_rows = np.array(key_rows, np.int64)
        self._slot_columns = [
            np.array([i for i, kind in enumerate(KEY_KINDS) if in_slot(slot, kind)])
            for slot in SLOTS
        ]

    def clear_cache(self) -> None:
        """Forget the word forms scored so far (they are scored again when next seen)."""
        self._types: dict[str, int] = {}
        self._flags = FormFlags()
        self._type_class = np.zeros(2, np.int64)
        n_tags = self._weights.shape[1]
        # per slot a row per type; the two own slots interleaved: row 2·type + first
        self._tables = [np.zeros((4 if s == 2 else 2, n_tags), np.float32) for s in range(5)]
        for type_id, (key,) in zip((BEFORE_START, AFTER_END), EDGE_KEYS, strict=True):
            rows = self._key_rows[self._key_index.get(key, 0)]
            for table, slot in ((0, 0), (1, 1), (3, 4), (4, 5)):
                self._tables[table][type_id] = self._weights[rows[slot]]

    def _type_ids(self, tokens: Sequence[str]) -> np.ndarray:
        """The type id of each token, scoring the forms not seen yet."""
        ids = list(map(self._types.get, tokens))
        if None in ids:
            unseen = {t for t, i in zip(tokens, ids, strict=True) if i is None}
            if not all(isinstance(t, str) for t in unseen):
                raise TypeError("tokens must be strings")
            new = sorted(unseen)
            if len(self._types) + len(new) > CACHE_LIMIT:
                self.clear_cache()
                new = sorted(set(tokens))
            self._add(new)
            ids = list(map(self._types.__getitem__, tokens))
        return np.array(ids, dtype=np.int64)

    def _add(self, forms: list[str]) -> None:
        first = len(self._flags)
        self._flags.extend(forms)
        type_ids = list(range(first, first + len(forms)))
        self._types.update(zip(forms, type_ids, strict=True))
        if self._type_class.size < len(self._flags):
            self._type_class = _grown(self._type_class, 2 * len(self._flags))
        classes = [self._class_id.get(word_class(f, self._lexicon), 0) for f in forms]
        self._type_class[first : first + len(forms)] = classes
        self._fill(type_ids, [form_keys(f, self._lexicon) for f in forms])

    def _fill(self, type_ids: list[int], keys: list[list[str]]) -> None:
        """Write the score rows of the types ``type_ids`` from their :func:`form_keys`."""
        get = self._key_index.get
        index = np.array([get(k, 0) for form in keys for k in form], np.int64)
        index = index.reshape(len(keys), len(KEY_KINDS))
        ids = np.array(type_ids)
        end = int(ids[-1]) + 1
        for slot, columns in enumerate(self._slot_columns):
            rows = self._key_rows[index[:, columns], slot]
            weights = self._weights.take(rows.ravel(), axis=0).reshape(*rows.shape, -1)
            sums = weights.sum(axis=1)
            table_index = slot if slot < 3 else slot - 1
            table = self._tables[table_index]
            own = table_index == 2
            at = 2 * ids + (slot == 3) if own else ids
            needed = 2 * end if own else end
            if table.shape[0] < needed:
                limit = max(needed, (2 if own else 1) * (CACHE_LIMIT + 2))
                capacity = min(max(2 * needed, 1024), limit)
                table = self._tables[table_index] = _grown(table, capacity)
            table[at] = sums

    def tag(self, tokens: Sequence[str], sentence_starts: Sequence[int] | None = None) -> list[str]:
        """See :func:`tag`."""
        if isinstance(tokens, str):
            raise TypeError("tokens must be a sequence of token strings, not one string")
        n = len(tokens)
        if n == 0:
            return []
        before, after = sentence_positions(n, sentence_starts)
        type_ids = self._type_ids(tokens)
        first = before == 0
        m2, m1, p1, p2 = neighbours(type_ids, before, after)
        t_m2, t_m1, t_own, t_p1, t_p2 = self._tables
        scores = t_own[2 * type_ids + first]
        scores += t_m1[m1]
        scores += t_p1[p1]
        scores += t_m2[m2]
        scores += t_p2[p2]
        scores += self._codes[self._flags.codes(type_ids, first)]
        context = tag_context(scores.argmax(axis=1), before, after, len(self._tags))
        for table, values in zip(self._pairs, context[4:], strict=True):
            scores += table[values]
        word_classes = self._type_class[type_ids]
        n_classes = len(self._class_id)
        for table, values in zip(self._class_context, context[1:3], strict=True):
            scores += table[values * n_classes + word_classes]
        return self._tags[scores.argmax(axis=1)].tolist()


def packed(strings: Sequence[str]) -> np.ndarray:
    """``strings`` (none containing a newline) as one UTF-8 byte array, for the model file."""
    return np.frombuffer("\n".join(strings).encode("utf-8"), np.uint8)


def unpacked(array: np.ndarray) -> list[str]:
    """The strings of :func:`packed`."""
    return array.tobytes().decode("utf-8").split("\n")


def dequantised(weights: np.ndarray, scales: np.ndarray) -> np.ndarray:
    """The float32 weights of int8 ``weights`` with one scale per row."""
    return weights.astype(np.float32) * scales[:, None]


@functools.cache
def load_tagger() -> Tagger:
    """The shipped model (``data/pos_tagger.npz``), loaded once."""
    with open_binary(MODEL_FILE) as file:
        data = np.load(file)
        forms, classes = unpacked(data["lexicon_forms"]), unpacked(data["lexicon_classes"])
        return Tagger(
            unpacked(data["tags"]),
            unpacked(data["keys"]),
            dequantised(data["weights"], data["scales"]),
            dict(zip(forms, classes, strict=True)),
        )


def tag(tokens: Sequence[str], sentence_starts: Sequence[int] | None = None) -> list[str]:
    """Penn Treebank tags of a document's ``tokens``, in order.

    ``tokens`` are NLTK Treebank tokens as written in the text; ``sentence_starts`` are the
    indexes of the first token of each sentence (None: one sentence). Context never crosses a
    sentence boundary. Raises ValueError if the sentence starts are not increasing indexes.
    """
    return load_tagger().tag(tokens, sentence_starts)
