"""Train the part-of-speech tagger of :mod:`helpers.tagger` and report its held-out accuracy.

Usage: ``python benchmarks/train_tagger.py TREEBANK_DIR [--out PATH] [--dev] [--no-save]``

TREEBANK_DIR holds ``ud-english-ewt/*.conllu`` (EWT dev and test) and ``gum/GUM_*.conllu``
(read by :mod:`treebank`: NLTK tokens, hyphenated words merged). Two runs, both deterministic
(sorted vocabularies, fixed seed, no ``hash()``):

1. *Held-out run*: trains on everything except the held-out part, EWT test (all of it) and the
   GUM documents of :data:`HELD_OUT_GUM` (about one in four of each genre, whole documents), and
   prints accuracy on the held-out part: overall, per source, known vs unknown word forms,
   per tag, and proper nouns (NNP or NNPS) among capitalised sentence-initial tokens.
2. *Shipped run*: retrains on all the data and writes ``helpers/data/pos_tagger.npz``
   (unless ``--no-save``). The figures to quote are those of run 1.

``--dev`` instead trains on the training part minus :data:`DEV_GUM` and one EWT-dev document in
four, and evaluates on those (for tuning; the held-out part is not read).

Training: multinomial logistic regression by mini-batch AdaGrad with L2 (fixed seed). Features
that depend on the training lexicon (ambiguity classes) are computed for each document with a
lexicon built from the other folds (5 folds of documents), so that words unseen in training
look in training as they will at run time. The second pass learns its tag-context weights on
top of first-pass scores obtained the same way (each fold scored by a first pass trained on
the other folds), so it learns to correct the first pass's real mistakes; the first pass is
then trained on all the training data. Weights below :data:`PRUNE` are dropped and the rest
quantised to int8 with one scale per feature.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from treebank import Document, read_documents

from helpers import tagger as tg

HELD_OUT_GUM = frozenset(
    f"GUM_{name}"
    for name in (
        "academic_census academic_enjambment academic_huh academic_mutation academic_thrones "
        "bio_byron bio_enfant bio_gordon bio_jerome bio_nida court_equality court_mitigation "
        "interview_brotherhood interview_daly interview_hill interview_mckenzie "
        "interview_shalev voyage_chatham voyage_fortlee voyage_merida voyage_sydfynske "
        "voyage_york"
    ).split()
)
"""GUM documents held out: in each genre, in file-name order, the 2nd, 6th, 10th... document."""
DEV_GUM = frozenset(
    f"GUM_{name}"
    for name in (
        "academic_art academic_economics academic_games academic_librarians "
        "bio_bernoulli bio_dvorak bio_goode bio_higuchi court_carpet court_negligence "
        "interview_ants interview_cyclone interview_licen interview_onion voyage_athens "
        "voyage_coron voyage_lodz voyage_thailand"
    ).split()
)
"""GUM documents of the tuning split (``--dev``): the 4th, 8th... of each genre."""
FOLDS = 5
SEED = 0
MIN_COUNT = 2
"""Features seen fewer times in training are dropped."""
EPOCHS = 6
BATCH = 256
LEARNING_RATE = 0.05
L2 = 1e-3
PRUNE = 0.02
"""Weights smaller than this (absolute) are shipped as zero."""
CLASS_SHARE = 0.05
"""A tag enters a word form's ambiguity class if it is at least this share of its uses."""
REPORTED_TAGS = ("NNP", "NNPS", "NN", "NNS", "JJ", "VBD", "VBN", "VBZ", "VBP", "VB", "VBG", "MD")
PROPER = frozenset({"NNP", "NNPS"})


# ---------------------------------------------------------------- data


def load(treebank_dir: Path) -> list[Document]:
    """All documents of the treebank folder, in a fixed order."""
    documents: list[Document] = []
    for path in sorted((treebank_dir / "ud-english-ewt").glob("*.conllu")):
        documents += read_documents(path, "ewt-" + path.stem.removeprefix("en_ewt-ud-"))
    for path in sorted((treebank_dir / "gum").glob("GUM_*.conllu")):
        genre = path.stem.split("_")[1]
        documents += [
            Document(path.stem, f"gum-{genre}", d.sentences) for d in read_documents(path, "gum")
        ]
    if not documents:
        raise SystemExit(f"no CoNLL-U files under {treebank_dir}")
    return documents


def split(documents: list[Document], dev: bool) -> tuple[list[Document], list[Document]]:
    """(training, evaluation) documents of the held-out run, or of the tuning run if ``dev``."""
    held = [d for d in documents if d.source == "ewt-test" or d.name in HELD_OUT_GUM]
    train = [d for d in documents if d not in held]
    if not dev:
        return train, held
    ewt_dev = [d for d in train if d.source == "ewt-dev"]
    tuning = {id(d) for d in ewt_dev[::4]} | {id(d) for d in train if d.name in DEV_GUM}
    return [d for d in train if id(d) not in tuning], [d for d in train if id(d) in tuning]


def build_lexicon(documents: Sequence[Document]) -> dict[str, str]:
    """Normalised word form → ambiguity class ("NN|VB"), from the gold tags of ``documents``."""
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for document in documents:
        for sentence in document.sentences:
            for token, tag in zip(sentence.tokens, sentence.tags, strict=True):
                counts[tg.normalise(token)][tag] += 1
    return {
        form: "|".join(sorted(t for t, n in tags.items() if n >= CLASS_SHARE * tags.total()))
        for form, tags in sorted(counts.items())
    }


@dataclass
class Corpus:
    """The tokens of some documents as flat arrays."""

    tokens: list[str]
    tags: np.ndarray  # tag ids
    document: np.ndarray  # document index per token
    before: np.ndarray  # tokens of its sentence before each token
    after: np.ndarray  # and after it

    @classmethod
    def of(cls, documents: Sequence[Document], tag_ids: dict[str, int]) -> Corpus:
        tokens: list[str] = []
        tags: list[int] = []
        document: list[int] = []
        before: list[np.ndarray] = []
        after: list[np.ndarray] = []
        for index, doc in enumerate(documents):
            starts = np.cumsum([0] + [len(s.tokens) for s in doc.sentences[:-1]])
            n = sum(len(s.tokens) for s in doc.sentences)
            b, a = tg.sentence_positions(n, starts.tolist())
            before.append(b)
            after.append(a)
            for sentence in doc.sentences:
                tokens += sentence.tokens
                tags += [tag_ids[t] for t in sentence.tags]
            document += [index] * n
        return cls(
            tokens,
            np.array(tags, np.int64),
            np.array(document, np.int64),
            np.concatenate(before),
            np.concatenate(after),
        )


# ---------------------------------------------------------------- features


class FeatureSpace:
    """Feature keys → ids, in order of first use; id 0 is the padding (always zero weight)."""

    def __init__(self) -> None:
        self.ids: dict[str, int] = {"": 0}

    def id(self, key: str) -> int:
        found = self.ids.get(key)
        if found is None:
            found = self.ids[key] = len(self.ids)
        return found

    @property
    def keys(self) -> list[str]:
        return list(self.ids)


def first_pass_matrix(
    corpus: Corpus, folds: np.ndarray, lexicons: list[dict[str, str]], space: FeatureSpace
) -> tuple[np.ndarray, list[str]]:
    """Feature ids (tokens × features, 0-padded) of the first pass: each token's five slot
    features with the lexicon of its fold, and its document code; and each token's class."""
    forms = sorted(set(corpus.tokens))
    type_of = {form: i + 2 for i, form in enumerate(forms)}  # 0, 1: padding forms
    type_ids = np.array([type_of[t] for t in corpus.tokens], np.int64)
    token_folds = folds[corpus.document]
    codes = _document_codes(corpus, forms, type_ids)
    m2, m1, p1, p2 = tg.neighbours(type_ids, corpus.before, corpus.after)
    code_ids = np.array([space.id(tg.code_key(c)) for c in range(tg.N_CODES)])
    blocks: list[np.ndarray] = []
    rows: list[np.ndarray] = []
    classes = [""] * len(corpus.tokens)
    for fold, lexicon in enumerate(lexicons):
        mine = np.flatnonzero(token_folds == fold)
        if mine.size == 0:
            continue
        slot_ids = _slot_matrices(forms, lexicon, space)
        first = corpus.before[mine] == 0
        not_first, at_first = slot_ids[2][type_ids[mine]], slot_ids[3][type_ids[mine]]
        width = max(not_first.shape[1], at_first.shape[1])
        not_first = np.pad(not_first, ((0, 0), (0, width - not_first.shape[1])))
        at_first = np.pad(at_first, ((0, 0), (0, width - at_first.shape[1])))
        own = np.where(first[:, None], at_first, not_first)
        blocks.append(
            np.hstack(
                [
                    slot_ids[0][m2[mine]],
                    slot_ids[1][m1[mine]],
                    own,
                    slot_ids[4][p1[mine]],
                    slot_ids[5][p2[mine]],
                    code_ids[codes[mine]][:, None],
                ]
            )
        )
        rows.append(mine)
        for i in mine.tolist():
            classes[i] = tg.word_class(corpus.tokens[i], lexicon)
    matrix = np.zeros((len(corpus.tokens), max(b.shape[1] for b in blocks)), np.int64)
    for block, mine in zip(blocks, rows, strict=True):
        matrix[mine, : block.shape[1]] = block
    return matrix, classes


def _slot_matrices(
    forms: list[str], lexicon: dict[str, str], space: FeatureSpace
) -> list[np.ndarray]:
    """Per slot, a (types × features) id matrix; types are the padding forms, then ``forms``."""
    keys = [*tg.EDGE_KEYS, *(tg.form_keys(form, lexicon) for form in forms)]
    matrices: list[np.ndarray] = []
    for slot in tg.SLOTS:
        ids = [[space.id(f"{slot}:{k}") for k in form if k and tg.in_slot(slot, k)] for form in keys]
        matrix = np.zeros((len(ids), max(map(len, ids))), np.int64)
        for t, row in enumerate(ids):
            matrix[t, : len(row)] = row
        matrices.append(matrix)
    return matrices


def _document_codes(corpus: Corpus, forms: list[str], type_ids: np.ndarray) -> np.ndarray:
    """:meth:`helpers.tagger.FormFlags.codes` of every document of the corpus."""
    flags = tg.FormFlags()
    flags.extend(forms)
    codes = np.empty(type_ids.size, np.int64)
    for index in np.unique(corpus.document):
        mine = np.flatnonzero(corpus.document == index)
        codes[mine] = flags.codes(type_ids[mine], corpus.before[mine] == 0)
    return codes


def second_pass_matrix(
    corpus: Corpus, classes: list[str], predicted: np.ndarray, tags: list[str], space: FeatureSpace
) -> np.ndarray:
    """Feature ids of the second pass: the tag context of the first pass's ``predicted`` tag
    ids, alone and with each token's class."""
    keys = tg.tag_context_keys(tags)
    context = tg.tag_context(predicted, corpus.before, corpus.after, len(tags))
    columns = [np.array([space.id(k) for k in keys[i]])[values] for i, values in enumerate(context)]
    names = [*tags, tg.SENTENCE_EDGE]
    for side, values in (("t-1", context[1]), ("t+1", context[2])):
        column = [space.id(f"{side}&c={names[v]}&{c}") for v, c in zip(values.tolist(), classes)]
        columns.append(np.array(column))
    return np.stack(columns, axis=1)


# ---------------------------------------------------------------- learning


def train_softmax(
    features: np.ndarray,
    labels: np.ndarray,
    n_features: int,
    n_tags: int,
    offset: np.ndarray | None = None,
) -> np.ndarray:
    """Weights (features × tags) of a multinomial logistic regression on 0-padded feature ids,
    added to ``offset`` scores (tokens × tags) if given, by mini-batch AdaGrad with L2; row 0
    (padding) stays zero."""
    rng = np.random.default_rng(SEED)
    weights = np.zeros((n_features, n_tags), np.float32)
    squares = np.full((n_features, n_tags), 1e-8, np.float32)
    n, width = features.shape
    for _ in range(EPOCHS):
        order = rng.permutation(n)
        for begin in range(0, n, BATCH):
            batch = order[begin : begin + BATCH]
            ids = features[batch]
            scores = weights[ids].sum(axis=1)
            if offset is not None:
                scores += offset[batch]
            scores -= scores.max(axis=1, keepdims=True)
            probabilities = np.exp(scores)
            probabilities /= probabilities.sum(axis=1, keepdims=True)
            probabilities[np.arange(batch.size), labels[batch]] -= 1.0
            flat = ids.ravel()
            sorted_at = np.argsort(flat, kind="stable")
            unique, starts = np.unique(flat[sorted_at], return_index=True)
            gradient = np.add.reduceat(probabilities[sorted_at // width], starts, axis=0)
            if unique[0] == 0:
                unique, gradient = unique[1:], gradient[1:]
            gradient += L2 * weights[unique]
            squares[unique] += gradient * gradient
            weights[unique] -= LEARNING_RATE * gradient / np.sqrt(squares[unique])
    return weights


def scores_of(weights: np.ndarray, features: np.ndarray) -> np.ndarray:
    """Scores (rows × tags) of each row of ``features``."""
    out = np.empty((features.shape[0], weights.shape[1]), np.float32)
    for begin in range(0, features.shape[0], 4096):
        out[begin : begin + 4096] = weights[features[begin : begin + 4096]].sum(axis=1)
    return out


@dataclass
class Trained:
    """A trained model as shipped: weights quantised to int8 with one scale per feature."""

    tags: list[str]
    keys: list[str]
    weights: np.ndarray  # (keys, tags) int8
    scales: np.ndarray  # (keys,) float32
    lexicon: dict[str, str]

    @classmethod
    def quantised(
        cls, tags: list[str], keys: list[str], weights: np.ndarray, lexicon: dict[str, str]
    ) -> Trained:
        scales = (np.abs(weights).max(axis=1) / 127).astype(np.float32)
        scales[scales == 0] = 1
        quantised = np.round(weights / scales[:, None]).astype(np.int8)
        return cls(tags, keys, quantised, scales, lexicon)

    def tagger(self) -> tg.Tagger:
        weights = tg.dequantised(self.weights, self.scales)
        return tg.Tagger(self.tags, self.keys, weights, self.lexicon)

    def save(self, path: Path) -> None:
        forms = sorted(self.lexicon)
        np.savez_compressed(
            path,
            tags=tg.packed(self.tags),
            keys=tg.packed(self.keys),
            weights=self.weights,
            scales=self.scales,
            lexicon_forms=tg.packed(forms),
            lexicon_classes=tg.packed([self.lexicon[f] for f in forms]),
        )


def train(documents: list[Document], log: bool = True) -> Trained:
    """Train both passes on ``documents`` (see the module docstring)."""
    started = time.perf_counter()
    tags = sorted({t for d in documents for s in d.sentences for t in s.tags})
    tag_ids = {t: i for i, t in enumerate(tags)}
    corpus = Corpus.of(documents, tag_ids)
    folds = np.arange(len(documents)) % FOLDS
    lexicons = [
        build_lexicon([d for d, f in zip(documents, folds, strict=True) if f != k])
        for k in range(FOLDS)
    ]
    space = FeatureSpace()
    first, classes = first_pass_matrix(corpus, folds, lexicons, space)
    first = _prune_rare(first, space)
    n_features = len(space.ids)
    token_folds = folds[corpus.document]
    jackknifed = np.empty((len(corpus.tokens), len(tags)), np.float32)
    for k in range(FOLDS):
        inside, outside = token_folds != k, token_folds == k
        weights = train_softmax(first[inside], corpus.tags[inside], n_features, len(tags))
        jackknifed[outside] = scores_of(weights, first[outside])
    predicted = jackknifed.argmax(axis=1)
    if log:
        jackknife = (predicted == corpus.tags).mean()
        print(f"  first pass, {FOLDS}-fold jackknife accuracy on training data: {jackknife:.2%}")
    second = _prune_rare(second_pass_matrix(corpus, classes, predicted, tags, space), space)
    n_features = len(space.ids)
    # the two passes use disjoint features: one weight matrix holds both
    weights = train_softmax(first, corpus.tags, n_features, len(tags))
    weights += train_softmax(second, corpus.tags, n_features, len(tags), offset=jackknifed)
    weights[np.abs(weights) < PRUNE] = 0
    used = np.flatnonzero(np.abs(weights).max(axis=1) > 0)
    used = used[used > 0]
    if log:
        print(
            f"  trained on {len(corpus.tokens):,} tokens of {len(documents)} documents, "
            f"{len(used):,} features kept of {n_features:,}, "
            f"{time.perf_counter() - started:.0f} s"
        )
    all_keys = space.keys
    keys = [all_keys[i] for i in used]
    return Trained.quantised(tags, keys, weights[used], build_lexicon(documents))


def _prune_rare(matrix: np.ndarray, space: FeatureSpace) -> np.ndarray:
    """``matrix`` with features seen fewer than :data:`MIN_COUNT` times replaced by padding."""
    counts = np.bincount(matrix.ravel(), minlength=len(space.ids))
    return np.where(counts[matrix] >= MIN_COUNT, matrix, 0)


# ---------------------------------------------------------------- evaluation


def evaluate(model: tg.Tagger, documents: list[Document], lexicon: dict[str, str]) -> None:
    """Print accuracy tables of ``model`` on ``documents`` (``lexicon``: its training forms)."""
    gold: list[str] = []
    guess: list[str] = []
    source: list[str] = []
    initial: list[bool] = []
    for document in documents:
        tokens = [t for s in document.sentences for t in s.tokens]
        starts = np.cumsum([0] + [len(s.tokens) for s in document.sentences[:-1]]).tolist()
        guess += model.tag(tokens, starts)
        gold += [t for s in document.sentences for t in s.tags]
        source += [document.source] * len(tokens)
        flags = [False] * len(tokens)
        for start in starts:
            flags[start] = tokens[start][:1].isupper()
        initial += flags
    tokens = [t for d in documents for s in d.sentences for t in s.tokens]
    right = np.array(gold) == np.array(guess)
    known = np.array([tg.normalise(t) in lexicon for t in tokens])
    src = np.array(source)
    print(f"\n{'part':<34}{'tokens':>9}{'accuracy':>10}")
    rows = [("all", np.ones_like(right))]
    rows += [("known word forms", known), ("unknown word forms", ~known)]
    for name in sorted(set(source)):
        rows.append((name, src == name))
    rows.append(("gum (all genres)", np.char.startswith(src, "gum")))
    for label, mask in rows:
        print(f"{label:<34}{mask.sum():>9,}{right[mask].mean():>10.2%}")
    print(f"\n{'tag':<8}{'gold':>7}{'precision':>11}{'recall':>8}{'F1':>7}")
    for tag in REPORTED_TAGS:
        _prf(tag, [g == tag for g in gold], [p == tag for p in guess])
    ini = np.array(initial)
    print(f"\ncapitalised sentence-initial tokens: {ini.sum():,}; proper noun = NNP or NNPS")
    _prf(
        "proper",
        [g in PROPER for g, i in zip(gold, ini) if i],
        [p in PROPER for p, i in zip(guess, ini) if i],
    )
    print(f"  accuracy on them: {right[ini].mean():.2%}")


def _prf(label: str, gold: list[bool], guess: list[bool]) -> None:
    g, p = np.array(gold), np.array(guess)
    hit = (g & p).sum()
    precision = hit / max(p.sum(), 1)
    recall = hit / max(g.sum(), 1)
    f1 = 2 * precision * recall / max(precision + recall, 1e-9)
    print(f"{label:<8}{g.sum():>7,}{precision:>11.1%}{recall:>8.1%}{f1:>7.1%}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("treebank_dir", type=Path, help="folder with ud-english-ewt/ and gum/")
    default_out = Path(__file__).resolve().parent.parent / "helpers" / "data" / tg.MODEL_FILE
    parser.add_argument("--out", type=Path, default=default_out, help="model file to write")
    parser.add_argument("--dev", action="store_true", help="tuning run only (see above)")
    parser.add_argument("--no-save", action="store_true", help="held-out run only")
    args = parser.parse_args(argv)

    documents = load(args.treebank_dir)
    train_docs, eval_docs = split(documents, args.dev)
    label = "tuning" if args.dev else "held-out"
    print(
        f"{label} run: training on {len(train_docs)} documents, evaluating on {len(eval_docs)} "
        f"({sum(len(s.tokens) for d in eval_docs for s in d.sentences):,} tokens)"
    )
    trained = train(train_docs)
    evaluate(trained.tagger(), eval_docs, trained.lexicon)
    if args.dev or args.no_save:
        return 0
    print("\nshipped run: training on all documents")
    shipped = train(documents)
    shipped.save(args.out)
    print(f"  wrote {args.out} ({args.out.stat().st_size / 1e6:.2f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
