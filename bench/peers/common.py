"""What the peers of bench/compare-peers share: their command line, the spec's settings and space, scores, the
result file the bench script reads.

Every peer runs as `PEER --spec SPEC --seed S --budget SECONDS --result FILE [--jobs N]`: it reads the data and the
space of the same (temporary) spec sparktune searches, searches for at most SECONDS of wall time (the clock starts
after the data is read, as sparktune's starts after its data check), refits the best candidate on all training rows,
scores it on the test rows and writes `key=value` lines to FILE.
"""
import argparse
import math
import os
import sys
import time

import numpy as np
import yaml

import data


def arguments(description):
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--spec", required=True, help="the sparktune spec (its data, space, training and search)")
    parser.add_argument("--seed", type=int, required=True)
    parser.add_argument("--budget", type=float, required=True, help="wall seconds of the search")
    parser.add_argument("--result", required=True, help="where to write the key=value result lines")
    parser.add_argument("--jobs", type=int, default=os.cpu_count(), help="parallel trainings (default: all cores)")
    return parser


def log(message):
    print(time.strftime("%H:%M:%S"), message, file=sys.stderr, flush=True)


class Setup:
    """The spec, its data and settings, read once at the start of a peer."""

    def __init__(self, args):
        with open(args.spec) as f:
            self.spec = yaml.safe_load(f)
        self.args = args
        self.space = self.spec.get("space") or {}
        training = self.spec.get("training") or {}
        self.max_epochs = int(training.get("max_epochs", 20))
        self.patience = int(training.get("patience", 5))
        self.batch_size = int(training.get("batch_size", 32))
        self.loss = training.get("loss", "mse")
        self.huber_delta = float(training.get("huber_delta", 1.0))
        loaded = time.monotonic()
        self.problem = data.load(self.spec)
        self.splitter = data.splitter(self.spec, self.problem, args.seed)
        self.protocol = data.protocol(self.spec)
        self.scoring = (self.spec.get("search") or {}).get(
            "scoring", "accuracy" if self.problem.classification else "neg_mean_squared_error")
        if self.scoring not in ("accuracy", "neg_mean_squared_error"):
            raise SystemExit(f"the peers score accuracy or neg_mean_squared_error, not {self.scoring}")
        log(f"{self.problem.describe()} (read in {time.monotonic() - loaded:.1f} s); validation: {self.protocol}")
        self.start = time.monotonic()
        self.deadline = self.start + args.budget

    def left(self):
        return self.deadline - time.monotonic()

    def search_done(self):
        """Marks the end of the search: its wall seconds go to the result."""
        self.search_seconds = time.monotonic() - self.start

    def dim(self, name, default):
        """The space's distribution for name as (kind, values): int, intlog, uniform, loguniform, choice or fixed."""
        value = self.space.get(name, {"fixed": default})
        if not isinstance(value, dict):
            return "fixed", value
        (kind, values), = value.items()
        return kind, values

    def batch_sizes(self):
        """The space's batch sizes as a list (the training section's one when the space has none)."""
        kind, values = self.dim("batch_size", self.batch_size)
        return values if kind == "choice" else [values] if kind == "fixed" else list(range(values[0], values[1] + 1))


def draw(dim, rng):
    """One value of a (kind, values) distribution, drawn with a NumPy RandomState."""
    kind, values = dim
    if kind == "fixed":
        return values
    if kind == "choice":
        return values[rng.randint(len(values))]
    low, high = values
    if kind == "int":
        return int(rng.randint(low, high + 1))
    if kind == "intlog":   # as sparktune's IntLog and Optuna's suggest_int(log=True): log-uniform, rounded
        value = round(math.exp(rng.uniform(math.log(low - 0.5), math.log(high + 0.5))))
        return int(min(high, max(low, value)))
    if kind == "uniform":
        return float(rng.uniform(low, high))
    if kind == "loguniform":
        return float(math.exp(rng.uniform(math.log(low), math.log(high))))
    raise SystemExit(f"unknown distribution {kind}")


def shown(setup, score):
    """A score as the table shows it: accuracy, or the mean squared error as a positive number."""
    return score if setup.scoring == "accuracy" else -score


def test_score(setup, predict):
    """The refit model's test score (the table's form) from predict(x) -> class indices or values; NaN without test."""
    problem = setup.problem
    if problem.x_test is None:
        return float("nan")
    predicted = np.asarray(predict(problem.x_test))
    if problem.classification:
        return float(np.mean(predicted == problem.y_test))
    return float(np.mean((predicted.ravel() - problem.y_test) ** 2))


def write_result(setup, completed, total, best_validation, test, refit_seconds, notes):
    """The result file of the bench script: best_validation and test in the table's form."""
    lines = {
        "completed": completed, "total": total, "best_validation": f"{best_validation:.4f}",
        "test": f"{test:.4f}", "search_seconds": f"{setup.search_seconds:.1f}",
        "refit_seconds": f"{refit_seconds:.1f}", "notes": notes,
    }
    with open(setup.args.result + ".tmp", "w") as f:
        f.writelines(f"{key}={value}\n" for key, value in lines.items())
    os.replace(setup.args.result + ".tmp", setup.args.result)
    log("result: " + ", ".join(f"{key} {value}" for key, value in lines.items()))
