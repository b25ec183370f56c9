"""Learn the pasted-text line model offline from the developer pastes; write reader/data/paste_model.json.

Each unit (line) of a paste is labelled by whether its words are in the
page's hand-reviewed article text; `reader.clean.paste_lines.line_features`
describes it. The pastes are split BY SITE (a hash of the domain) into
halves A and B: a model fitted on one half is scored on the other, both
ways, by word F1 as the shared scorer computes it. The shipped model is
fitted on both halves once the cross-check holds.

Needs scikit-learn, which is NOT a dependency of reader: run it from a
private environment, e.g.
    python -m venv /tmp/paste-venv && /tmp/paste-venv/bin/pip install scikit-learn
    PYTHONPATH=. /tmp/paste-venv/bin/python benchmarks/train_pasted.py [--write]
The data (../shared/data/pasted) is read, never copied: the JSON holds only
tree thresholds and leaf values.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import statistics
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
            "id": page_id, "half": half_of(pages[page_id]["url"]), "units": units, "gold": gold,
            "x": line_features(units), "y": label_units(units, gold),
        })
    return docs


def matrix(docs: list[dict]):
    import numpy as np

    x = np.array([row for d in docs for row in d["x"]], dtype=float)
    y = np.array([v for d in docs for v in d["y"]])
    # Each page counts once, as in the scorer; within a page a unit counts by its words.
    w = np.array([max(1, u.words) / max(1, sum(v.words for v in d["units"])) for d in docs for u in d["units"]])
    return x, y, w


def fit(docs: list[dict], args):
    from sklearn.ensemble import GradientBoostingClassifier

    x, y, w = matrix(docs)
    model = GradientBoostingClassifier(n_estimators=args.trees, max_depth=args.depth, learning_rate=args.rate,
                                       subsample=0.8, random_state=0, min_samples_leaf=20)
    model.fit(x, y, sample_weight=w * len(docs))
    return model


def score(docs: list[dict], probs_of, threshold: float) -> tuple[float, float, float]:
    sums = [0.0, 0.0, 0.0]
    for d in docs:
        probs = probs_of(d)
        kept = "\n\n".join(u.text for u, p in zip(d["units"], probs) if p >= threshold)
        for i, v in enumerate(word_prf(kept, d["gold"])):
            sums[i] += v
    return tuple(s / len(docs) for s in sums)


def export(model) -> dict:
    """The fitted trees as plain lists: [feature, threshold, left, right] nodes and leaf values."""
    trees = []
    for est in model.estimators_[:, 0]:
        t = est.tree_
        nodes = []
        for i in range(t.node_count):
            if t.children_left[i] < 0:
                nodes.append([-1, round(float(t.value[i][0][0]), 5), 0, 0])
            else:
                nodes.append([int(t.feature[i]), round(float(t.threshold[i]), 6),
                              int(t.children_left[i]), int(t.children_right[i])])
        trees.append(nodes)
    import numpy as np

    prior = model.init_.class_prior_[1]
    return {"base": round(float(np.log(prior / (1 - prior))), 6), "rate": model.learning_rate, "trees": trees}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DATA)
    ap.add_argument("--trees", type=int, default=80)
    ap.add_argument("--depth", type=int, default=4)
    ap.add_argument("--rate", type=float, default=0.15)
    ap.add_argument("--threshold", type=float, default=0.5)
    ap.add_argument("--write", action="store_true", help="fit on both halves and write the model JSON")
    args = ap.parse_args()
    from reader.clean.paste_lines import ALL_NAMES

    docs = load(args.data)
    halves = {h: [d for d in docs if d["half"] == h] for h in "AB"}
    print(f"{len(docs)} pastes: A {len(halves['A'])}, B {len(halves['B'])}; {len(ALL_NAMES)} features")
    for train, test in (("A", "B"), ("B", "A")):
        model = fit(halves[train], args)

        def probs_of(d, model=model):
            return model.predict_proba(d["x"])[:, 1]
        for name in (train, test):
            p, r, f = score(halves[name], probs_of, args.threshold)
            print(f"fit on {train}, scored on {name}: F1 {f:.3f} P {p:.3f} R {r:.3f}")
    if args.write:
        model = fit(docs, args)
        out = export(model)
        out["features"] = ALL_NAMES
        MODEL.write_text(json.dumps(out, separators=(",", ":")) + "\n", encoding="utf-8")
        print(f"wrote {MODEL} ({MODEL.stat().st_size // 1024} KB, {len(out['trees'])} trees)")
    importance = sorted(zip(model.feature_importances_, ALL_NAMES), reverse=True)[:15]
    print("top features:", ", ".join(f"{n} {v:.3f}" for v, n in importance))
    _ = statistics


if __name__ == "__main__":
    main()
