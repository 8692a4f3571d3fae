#!/usr/bin/env python3
"""An independent NumPy implementation of the Fashion-MNIST candidate sparktune trains, to check a leaderboard score.

The Keras recipe sparktune builds: pixels / 255, standardized with the training rows' mean and standard deviation
(sparktune's `data.standardize`, on by default; off with --no-standardize) -> [Dense(width, relu)] * n_hidden ->
Dropout -> Dense(10, softmax), He-normal weights (or Keras' Glorot-uniform), zero biases, cross-entropy, mini-batches
reshuffled every epoch, early stopping on validation accuracy with `patience` and the best epoch's accuracy reported.
Validation is a stratified random third of the 60,000 training images (sparktune's folds come from its own random
stream, so scores agree to the folds' noise, about +-0.005). Needs only NumPy and the dataset-fashion-mnist package.

  bench/reference-mlp.py --optimizer adagrad --learning-rate 0.0096 --hidden 59x59x59 --dropout 0.016
"""
import argparse
import gzip

import numpy as np

DATA = "/usr/share/datasets/fashion-mnist/"


def idx(path):
    with gzip.open(path) as f:
        raw = f.read()
    dims = [int.from_bytes(raw[4 + 4 * i:8 + 4 * i], "big") for i in range(raw[3])]
    return np.frombuffer(raw, np.uint8, offset=4 + 4 * len(dims)).reshape(dims)


class Optimizer:
    """Keras' update rules (momentum 0.9, rho 0.9, beta1 0.9, beta2 0.999, epsilon 1e-7), one state per parameter."""

    def __init__(self, name, lr, params):
        if name not in ("sgd", "momentum", "nesterov", "adagrad", "rmsprop", "adam"):
            raise SystemExit(f"reference-mlp: optimizer '{name}' is not implemented here")
        self.name, self.lr, self.t = name, lr, 0
        self.m = [np.zeros_like(p) for p in params]
        self.v = [np.zeros_like(p) for p in params]

    def step(self, params, grads):
        self.t += 1
        for p, g, m, v in zip(params, grads, self.m, self.v):
            if self.name == "sgd":
                p -= self.lr * g
            elif self.name in ("momentum", "nesterov"):
                m *= 0.9
                m -= self.lr * g
                p += 0.9 * m - self.lr * g if self.name == "nesterov" else m
            elif self.name == "adagrad":
                v += g * g
                p -= self.lr * g / (np.sqrt(v) + 1e-7)
            elif self.name == "rmsprop":
                v *= 0.9
                v += 0.1 * g * g
                p -= self.lr * g / (np.sqrt(v) + 1e-7)
            else:
                m *= 0.9
                m += 0.1 * g
                v *= 0.999
                v += 0.001 * g * g
                step = self.lr * np.sqrt(1 - 0.999 ** self.t) / (1 - 0.9 ** self.t)
                p -= step * m / (np.sqrt(v) + 1e-7)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--optimizer", required=True)
    ap.add_argument("--learning-rate", type=float, required=True)
    ap.add_argument("--hidden", default="", help="widths, e.g. 59x59x59; empty for none")
    ap.add_argument("--dropout", type=float, default=0.0)
    ap.add_argument("--max-epochs", type=int, default=20)
    ap.add_argument("--patience", type=int, default=2)
    ap.add_argument("--batch-size", type=int, default=32)
    ap.add_argument("--init", choices=["he_normal", "glorot_uniform"], default="he_normal",
                    help="initial weights: sparktune's default for ReLU, or Keras' default")
    ap.add_argument("--standardize", action=argparse.BooleanOptionalAction, default=True,
                    help="standardize pixels with the training rows' statistics (default), or keep them in [0, 1]")
    ap.add_argument("--seed", type=int, default=0)
    a = ap.parse_args()

    rng = np.random.default_rng(a.seed)
    x = idx(DATA + "train-images-idx3-ubyte.gz").reshape(60000, -1).astype(np.float32) / 255
    y = idx(DATA + "train-labels-idx1-ubyte.gz")
    validation = np.concatenate([rng.permutation(np.flatnonzero(y == c))[:(y == c).sum() // 3] for c in range(10)])
    train = np.setdiff1d(np.arange(60000), validation)
    if a.standardize:
        std = x[train].std(0)
        x = (x - x[train].mean(0)) / np.where(std > 0, std, 1)
    sizes = [784] + [int(w) for w in a.hidden.split("x") if w] + [10]
    def initial(i, o):
        if a.init == "he_normal":
            return rng.standard_normal((i, o)) * np.sqrt(2 / i)
        limit = np.sqrt(6 / (i + o))
        return rng.uniform(-limit, limit, (i, o))

    weights = [initial(i, o).astype(np.float32) for i, o in zip(sizes, sizes[1:])]
    biases = [np.zeros(o, np.float32) for o in sizes[1:]]
    optimizer = Optimizer(a.optimizer, a.learning_rate, weights + biases)

    def forward(batch, training):
        acts = [batch]
        for w, b in zip(weights[:-1], biases[:-1]):
            acts.append(np.maximum(acts[-1] @ w + b, 0))
        mask = None
        if training and a.dropout > 0:
            mask = (rng.random(acts[-1].shape) >= a.dropout).astype(np.float32) / (1 - a.dropout)
            acts[-1] = acts[-1] * mask
        z = acts[-1] @ weights[-1] + biases[-1]
        e = np.exp(z - z.max(1, keepdims=True))
        return acts, mask, e / e.sum(1, keepdims=True)

    best, best_epoch = -1.0, 0
    for epoch in range(1, a.max_epochs + 1):
        order = rng.permutation(train)
        loss = 0.0
        for start in range(0, len(order), a.batch_size):
            rows = order[start:start + a.batch_size]
            acts, mask, p = forward(x[rows], True)
            n = len(rows)
            loss += -np.log(p[np.arange(n), y[rows]] + 1e-12).sum()
            delta = p
            delta[np.arange(n), y[rows]] -= 1
            delta /= n
            grad_w, grad_b = [None] * len(weights), [None] * len(weights)
            for layer in range(len(weights) - 1, -1, -1):
                grad_w[layer], grad_b[layer] = acts[layer].T @ delta, delta.sum(0)
                if layer > 0:
                    delta = delta @ weights[layer].T
                    if mask is not None and layer == len(weights) - 1:
                        delta *= mask
                    delta *= acts[layer] > 0
            optimizer.step(weights + biases, grad_w + grad_b)
        accuracy = float((forward(x[validation], False)[2].argmax(1) == y[validation]).mean())
        print(f"epoch {epoch:2d}  train loss {loss / len(train):.4f}  validation accuracy {accuracy:.4f}", flush=True)
        if accuracy > best:
            best, best_epoch = accuracy, epoch
        elif epoch - best_epoch >= a.patience:
            break
    print(f"best validation accuracy {best:.4f} at epoch {best_epoch}")


if __name__ == "__main__":
    main()
