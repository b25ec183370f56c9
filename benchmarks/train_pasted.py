"""Learn the pasted-text line model offline from the developer pastes; write reader/data/paste_model.json.

Each unit (line) of a paste is labelled by whether its words are in the
page's hand-reviewed article text; `reader.clean.paste_lines.line_features`
describes it. Gradient-boosted trees (scikit-learn's
HistGradientBoostingClassifier, each unit weighted by its share of the
page's words so every page counts once) learn which units are article text;
with `--stages 2` a second set of trees also reads the first stage's
verdicts on the unit's neighbours (fitted on out-of-fold verdicts).

The pastes are split BY SITE (a hash of the domain) into halves A and B: a
model fitted on one half is scored on the other, both ways, through the
product's own cleaning (`clean_pasted` with that model, metadata rules and
all) by word F1 as the shared scorer computes it. `--write` then fits on
both halves and writes the shipped model.

Needs scikit-learn (the `train` extra of pyproject; reader itself never
imports it):
    pip install -e '.[train]'
    OMP_NUM_THREADS=1 PYTHONPATH=. python benchmarks/train_pasted.py --cross-dir /tmp/paste-cross --write
The data (../shared/data/pasted) is read, never copied: the JSON holds only
feature names, tree splits and leaf values.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
import urllib.parse
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DATA = next((p / "shared" / "data" / "pasted" for p in (ROOT.parent, ROOT.parent.parent)
             if (p / "shared" / "data" / "pasted").is_dir()), ROOT.parent / "shared" / "data" / "pasted")
"""../shared/data/pasted beside the checkout (or beside the folder of worktrees)."""
MODEL = ROOT / "reader" / "data" / "paste_model.json"
_W = re.compile(r"\w+")


def half_of(url: str) -> str:
    """"A" or "B" by a hash of the page's domain, so one site never sits in both halves."""
    host = (urllib.parse.urlsplit(url).hostname or "").lower().removeprefix("www.")
    return "AB"[hashlib.sha1(host.encode()).digest()[0] % 2]


def _norm(text: str | None) -> str:
    return " ".join(_W.findall((text or "").lower()))


def label_units(units, gold: str | None) -> list[int]:
    """1 when the unit is in the article: a whole gold line, or most of its word trigrams are."""
    g = _norm(gold)
    lines = {_norm(x) for x in (gold or "").split("\n")}
    gw = g.split()
    shingles = {tuple(gw[i : i + 3]) for i in range(len(gw) - 2)}
    out = []
    for u in units:
        n = _norm(u.text)
        k = len(n.split())
        pos = bool(n) and (n in lines or (k >= 5 and n in g))
        if not pos and k >= 5:
            w = n.split()
            sh = [tuple(w[i : i + 3]) for i in range(len(w) - 2)]
            pos = sum(x in shingles for x in sh) >= 0.6 * len(sh)
        out.append(int(pos))
    return out


def word_prf(pred: str, gold: str | None) -> tuple[float, float, float]:
    """Word precision, recall and F1 exactly as ../shared/eval/pasted_score.py computes them."""
    p_words, g_words = _W.findall((pred or "").lower()), _W.findall((gold or "").lower())
    if not g_words:
        return (1.0, 1.0, 1.0) if not p_words else (0.0, 0.0, 0.0)
    if not p_words:
        return 0.0, 0.0, 0.0
    overlap = sum((Counter(p_words) & Counter(g_words)).values())
    p, r = overlap / len(p_words), overlap / len(g_words)
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def load(data: Path) -> list[dict]:
    from reader.clean.paste_lines import line_features, split_units

    pages = json.loads((data / "pages.json").read_text(encoding="utf-8"))
    docs = []
    for page_id in sorted(pages):
        text = (data / "text" / f"{page_id}.txt").read_text(encoding="utf-8")
        units = split_units(text)
        gold = pages[page_id]["main_content"]
        docs.append({
            "id": page_id, "half": half_of(pages[page_id]["url"]), "url": pages[page_id]["url"], "text": text,
            "units": units, "gold": gold,
            "x": line_features(units), "y": label_units(units, gold),
        })
    return docs


def matrix(docs: list[dict], key: str = "x"):
    import numpy as np

    x = np.array([row for d in docs for row in d[key]], dtype=float)
    y = np.array([v for d in docs for v in d["y"]])
    # Each page counts once, as in the scorer; within a page a unit counts by its words.
    w = np.array([max(1, u.words) / max(1, sum(v.words for v in d["units"])) for d in docs for u in d["units"]])
    return x, y, w * len(docs)


def fit(docs: list[dict], args, key: str = "x"):
    from sklearn.ensemble import HistGradientBoostingClassifier

    x, y, w = matrix(docs, key)
    model = HistGradientBoostingClassifier(max_iter=args.trees, max_depth=args.depth, learning_rate=args.rate,
                                           min_samples_leaf=20, l2_regularization=1.0, early_stopping=False,
                                           random_state=0)
    return model.fit(x, y, sample_weight=w)


def predict(model, docs: list[dict], key: str = "x") -> None:
    """Each doc's "p": the model's probabilities for its units (one batch call: fast)."""
    probs = model.predict_proba(matrix(docs, key)[0])[:, 1]
    pos = 0
    for d in docs:
        d["p"] = [float(v) for v in probs[pos : pos + len(d[key])]]
        pos += len(d[key])


def second_stage_rows(d: dict) -> list[list[float]]:
    from reader.clean.paste_model import stage_context

    cols = stage_context(d["p"], d["x"])
    return [row + [c[i] for c in cols] for i, row in enumerate(d["x"])]


def fold_of(d: dict) -> int:
    """Two folds inside a half, again by site, for the second stage's out-of-fold first-stage verdicts."""
    host = (urllib.parse.urlsplit(d["url"]).hostname or "").lower().removeprefix("www.")
    return hashlib.sha1(host.encode()).digest()[1] % 2


def fit_model(docs: list[dict], args) -> dict:
    """The exported model (JSON content) fitted on `docs`: a first stage and, with --stages 2, a second."""
    from reader.clean.paste_lines import ALL_NAMES

    first = fit(docs, args)
    out = export(first)
    out.update(features=ALL_NAMES, threshold=args.threshold, stages=[])
    if args.stages > 1:
        for f in (0, 1):  # the second stage learns from verdicts the first stage gave on sites it never saw
            predict(fit([d for d in docs if fold_of(d) != f], args), [d for d in docs if fold_of(d) == f])
        for d in docs:
            d["x2"] = second_stage_rows(d)
        out["stages"].append(export(fit(docs, args, "x2")))
    return out


def score(docs: list[dict], model: dict) -> tuple[float, float, float]:
    """Mean word P, R, F1 of the product's own cleaning (`clean_pasted` with this model) over `docs`."""
    from reader.clean.paste_model import parse_model
    from reader.clean.pasted import clean_pasted

    line_model = parse_model(model)
    sums = [0.0, 0.0, 0.0]
    for d in docs:
        for i, v in enumerate(word_prf(clean_pasted(d["text"], line_model).body, d["gold"])):
            sums[i] += v
    return tuple(s / len(docs) for s in sums)


def export(model) -> dict:
    """A fitted HistGradientBoostingClassifier as plain lists: [feature, split, left, right] nodes, leaf values."""
    trees = []
    for (predictor,) in model._predictors:
        nodes = []
        for node in predictor.nodes:
            if node["is_leaf"]:
                nodes.append([-1, round(float(node["value"]), 6), 0, 0])
            else:
                nodes.append([int(node["feature_idx"]), float(node["num_threshold"]),
                              int(node["left"]), int(node["right"])])
        trees.append(nodes)
    return {"base": round(float(model._baseline_prediction.ravel()[0]), 6), "trees": trees}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DATA)
    ap.add_argument("--trees", type=int, default=80)
    ap.add_argument("--depth", type=int, default=4)
    ap.add_argument("--rate", type=float, default=0.15)
    ap.add_argument("--threshold", type=float, default=0.5)
    ap.add_argument("--stages", type=int, default=2, choices=(1, 2))
    ap.add_argument("--cross-dir", type=Path, help="also write the half models (fit_A.json, fit_B.json) here")
    ap.add_argument("--write", action="store_true", help="fit on both halves and write the model JSON")
    ap.add_argument("--out", type=Path, default=MODEL, help="where --write writes it (default: the shipped file)")
    args = ap.parse_args()
    from reader.clean.paste_lines import ALL_NAMES

    docs = load(args.data)
    halves = {h: [d for d in docs if d["half"] == h] for h in "AB"}
    print(f"{len(docs)} pastes: A {len(halves['A'])}, B {len(halves['B'])}; {len(ALL_NAMES)} features")
    for train, test in (("A", "B"), ("B", "A")):
        model = fit_model(halves[train], args)
        if args.cross_dir:
            args.cross_dir.mkdir(parents=True, exist_ok=True)
            (args.cross_dir / f"fit_{train}.json").write_text(json.dumps(model, separators=(",", ":")) + "\n")
        p, r, f = score(halves[test], model)
        print(f"fit on {train}, scored on {test} (reader's cleaning): F1 {f:.3f} P {p:.3f} R {r:.3f}", flush=True)
    if args.write:
        model = fit_model(docs, args)
        args.out.write_text(json.dumps(model, separators=(",", ":")) + "\n", encoding="utf-8")
        print(f"wrote {args.out} ({args.out.stat().st_size // 1024} KB, "
              f"{sum(len(s['trees']) for s in [model, *model['stages']])} trees)")


if __name__ == "__main__":
    main()
