"""The learned line model for pasted text, read from a small JSON file by plain Python.

`reader/data/paste_model.json` holds gradient-boosted decision trees fitted
offline by `benchmarks/train_pasted.py` (scikit-learn is needed there only):
the names of the features it reads (`paste_lines.ALL_NAMES`, checked on
load), a starting log-odds, the threshold on the probability that a line is
article text, and each tree as a list of nodes `[feature, split, left, right]`
(a leaf is `[-1, value, 0, 0]`; a row goes left when its feature <= split).
The file holds numbers and feature names only, never text from any page.

A model may have a second stage: trees over the first stage's features plus
what the first stage said about the line's neighbours (`stage_context`), the
way a reader who has skimmed the page once looks at a line again.

Inference walks all lines of a paste down all trees together with numpy
(spaCy's own array library; one step per level of the deepest tree), so the
cost is linear in the paste and a few milliseconds for a long one. A short
paste walks the trees in plain Python instead (`SMALL`): importing numpy
costs more than its walk, and it lies on the way to the app's first paint.
Both walks give the same numbers to the last bit (the leaves are summed in
numpy's pairwise order).
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    import numpy as np

MODEL_FILE = Path(__file__).resolve().parent.parent / "data" / "paste_model.json"


class ModelError(ValueError):
    """The model file is missing, malformed or made for other features."""


Node = tuple[int, float, int, int]
"""[feature, split, left, right]; a leaf is (-1, value, 0, 0)."""


@dataclass(frozen=True, slots=True)
class Arrays:
    """One stage's trees as arrays (tree x node), so that all rows walk all trees at once."""

    feature: "np.ndarray"  # a leaf reads feature 0 and points to itself, so walking past it stays there
    split: "np.ndarray"
    left: "np.ndarray"
    right: "np.ndarray"
    value: "np.ndarray"  # a leaf's value, 0 elsewhere


@dataclass(frozen=True)
class Stage:
    """One stage's trees (checked), walked in plain Python for few rows and with numpy for many."""

    base: float
    trees: tuple[tuple[Node, ...], ...]
    depth: int
    _arrays: list[Arrays] = field(default_factory=list, repr=False, compare=False)  # built on first use

    def margins(self, columns: list[list[float]], n: int, only: list[int] | None = None) -> list[float]:
        """The log-odds of every row (rows given column by column); with `only`, of those rows (others 0)."""
        out = [self.base] * n
        rows = list(range(n)) if only is None else only
        if not rows or not self.trees:
            return out
        if len(rows) * len(self.trees) <= SMALL:
            walk = self._walk_python
        else:
            walk = self._walk_numpy
        for r, margin in zip(rows, walk(columns, rows)):
            out[r] = self.base + margin
        return out

    def _walk_python(self, columns: list[list[float]], rows: list[int]) -> list[float]:
        sums = []
        for r in rows:
            leaves = []
            for nodes in self.trees:
                if not nodes:  # an empty tree adds nothing (as its zero padding does in the arrays)
                    leaves.append(0.0)
                    continue
                f, s, a, b = nodes[0]
                while f >= 0:
                    f, s, a, b = nodes[a if columns[f][r] <= s else b]
                leaves.append(s)
            sums.append(pairwise_sum(leaves, 0, len(leaves)))
        return sums

    def _walk_numpy(self, columns: list[list[float]], rows: list[int]) -> list[float]:
        import numpy as np

        arrays = self.arrays()
        x = np.asarray(columns, dtype=np.float64).T[rows]  # rows x features
        at = np.arange(len(rows))[:, None]
        tree = np.arange(len(self.trees))[None, :]
        node = np.zeros((len(rows), len(self.trees)), dtype=np.intp)
        for _ in range(self.depth):
            goes_left = x[at, arrays.feature[tree, node]] <= arrays.split[tree, node]
            node = np.where(goes_left, arrays.left[tree, node], arrays.right[tree, node])
        return arrays.value[tree, node].sum(axis=1).tolist()

    def arrays(self) -> Arrays:
        if not self._arrays:
            self._arrays.append(_arrays(self.trees))
        return self._arrays[0]


SMALL = 32_000
"""At most this many (row, tree) walks are done in plain Python (80 trees: 400 lines, about 15 ms; importing numpy costs more)."""


def pairwise_sum(values: list[float], lo: int, n: int) -> float:
    """The sum of values[lo:lo + n] in numpy's order (8 running sums, halves past 128), to the same bit."""
    if n < 8:
        total = 0.0
        for i in range(lo, lo + n):
            total += values[i]
        return total
    if n <= 128:
        acc = values[lo:lo + 8]
        end = lo + n - n % 8
        for i in range(lo + 8, end, 8):
            for j in range(8):
                acc[j] += values[i + j]
        total = ((acc[0] + acc[1]) + (acc[2] + acc[3])) + ((acc[4] + acc[5]) + (acc[6] + acc[7]))
        for i in range(end, lo + n):
            total += values[i]
        return total
    half = n // 2
    half -= half % 8
    return pairwise_sum(values, lo, half) + pairwise_sum(values, lo + half, n - half)


@dataclass(frozen=True, slots=True)
class LineModel:
    features: tuple[str, ...]
    threshold: float
    stages: tuple[Stage, ...]

    def probabilities(self, rows: list[list[float]]) -> list[float]:
        """P(line is article text) for each feature row (in the order of `features`)."""
        n = len(rows)
        if n == 0:
            return []
        width = len(self.features)
        if any(len(r) != width for r in rows):
            raise ModelError(f"feature rows must have {width} values")
        columns = [list(c) for c in zip(*rows)]
        probs = _sigmoid(self.stages[0].margins(columns, n))
        for stage in self.stages[1:]:
            # A line the first stage is sure of keeps its verdict (saves most of the second stage's time).
            doubtful = [i for i, p in enumerate(probs) if SURE < p < 1.0 - SURE]
            second = _sigmoid(stage.margins(columns + stage_context(probs, rows), n, doubtful))
            for i in doubtful:
                probs[i] = second[i]
        return probs

    def keep(self, rows: list[list[float]]) -> list[bool]:
        return [p >= self.threshold for p in self.probabilities(rows)]


SURE = 0.02
"""A first-stage probability this close to 0 or 1 is final: the second stage looks only at the others."""

CONTEXT_NAMES = ["p", "p_prev1", "p_next1", "p_prev2", "p_next2", "p_near3", "p_near8",
                 "kept_share_before", "kept_share_after", "log_dist_kept_before", "log_dist_kept_after"]
"""What a second stage reads about the first stage's verdicts around a line (as columns after the features)."""


def stage_context(probs: list[float], rows: list[list[float]], threshold: float = 0.5) -> list[list[float]]:
    """Columns (`CONTEXT_NAMES`) describing the first stage's verdicts near each line; rows[i][0] is log1p(words)."""
    n = len(probs)
    words = [math.expm1(r[0]) for r in rows]
    kept = [w if p >= threshold else 0.0 for w, p in zip(words, probs)]
    prefix, kept_prefix = [0.0], [0.0]
    for p, k in zip(probs, kept):
        prefix.append(prefix[-1] + p)
        kept_prefix.append(kept_prefix[-1] + k)
    total = kept_prefix[-1] or 1.0
    last, before = -10**6, []
    for i in range(n):
        before.append(math.log1p(min(i - last, 1000)))
        if probs[i] >= threshold:
            last = i
    nxt, after = 10**6, [0.0] * n
    for i in range(n - 1, -1, -1):
        after[i] = math.log1p(min(nxt - i, 1000))
        if probs[i] >= threshold:
            nxt = i

    def near(i: int, r: int) -> float:
        lo, hi = max(0, i - r), min(n, i + r + 1)
        return (prefix[hi] - prefix[lo]) / (hi - lo)

    def at(j: int) -> float:
        return probs[j] if 0 <= j < n else 0.0

    cols: list[list[float]] = [[] for _ in CONTEXT_NAMES]
    for i in range(n):
        values = (probs[i], at(i - 1), at(i + 1), at(i - 2), at(i + 2), near(i, 3), near(i, 8),
                  kept_prefix[i] / total, (total - kept_prefix[i + 1]) / total, before[i], after[i])
        for c, v in zip(cols, values):
            c.append(v)
    return cols


def _sigmoid(margins: list[float]) -> list[float]:
    return [1.0 / (1.0 + math.exp(-m)) if m > -700 else 0.0 for m in margins]


def _stage(data: dict, width: int) -> Stage:
    trees = tuple(tuple((int(f), float(s), int(a), int(b)) for f, s, a, b in tree) for tree in data["trees"])
    depth = 0
    for nodes in trees:
        levels = {0: 0}
        for i, (f, _s, a, b) in enumerate(nodes):
            if f < 0:
                continue
            if f >= width or not (0 < a < len(nodes) and 0 < b < len(nodes)):
                raise ModelError("a tree node points outside its tree or its features")
            if a <= i or b <= i:
                raise ModelError("a tree node points back up its tree")
            levels[a] = levels[b] = levels.get(i, 0) + 1
        depth = max(depth, *levels.values())
    return Stage(float(data["base"]), trees, depth)


def _arrays(trees: tuple[tuple[Node, ...], ...]) -> Arrays:
    import numpy as np

    size = max((len(t) for t in trees), default=1)
    shape = (len(trees), size)
    feature, left, right = (np.zeros(shape, dtype=np.intp) for _ in range(3))
    split, value = np.zeros(shape), np.zeros(shape)
    left[:], right[:] = np.arange(size), np.arange(size)  # padding and leaves point to themselves
    for t, nodes in enumerate(trees):
        for i, (f, s, a, b) in enumerate(nodes):
            if f < 0:
                value[t, i] = s
            else:
                feature[t, i], split[t, i], left[t, i], right[t, i] = f, s, a, b
    return Arrays(feature, split, left, right, value)


def parse_model(data: dict, expected: list[str] | None = None) -> LineModel:
    """A `LineModel` from the JSON's content; `expected` feature names must match the file's."""
    try:
        features = tuple(str(f) for f in data["features"])
        if expected is not None and list(features) != list(expected):
            raise ModelError("the model was fitted on other features; refit it with benchmarks/train_pasted.py")
        stages = [_stage(data, len(features))]
        for extra in data.get("stages", []):
            stages.append(_stage(extra, len(features) + len(CONTEXT_NAMES)))
        return LineModel(features, float(data["threshold"]), tuple(stages))
    except (KeyError, TypeError, ValueError) as exc:
        if isinstance(exc, ModelError):
            raise
        raise ModelError(f"malformed paste model: {exc}") from None


@lru_cache(maxsize=4)
def load_model(path: str | None = None) -> LineModel:
    """The shipped model (or the one at `path`), checked against the features `paste_lines` computes."""
    from reader.clean.paste_lines import ALL_NAMES

    file = Path(path) if path else MODEL_FILE
    try:
        data = json.loads(file.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ModelError(f"cannot read paste model {file.name}: {exc}") from None
    return parse_model(data, ALL_NAMES)
