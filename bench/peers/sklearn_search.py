#!/usr/bin/env python3
"""scikit-learn's peer in bench/compare-peers: RandomizedSearchCV over Pipeline(StandardScaler(), MLPClassifier) (or
MLPRegressor), scikit-learn's documented practice, on the spec's data, validation protocol and seed.

Tuned (each candidate draws one optimizer variant, then every other parameter independently):
  hidden_layer_sizes   n_hidden layers (the spec's n_hidden range, 0 = a linear model) of one width drawn from the
                       spec's n_neurons distribution (sparktune gives every layer the same width too)
  learning_rate_init   the spec's learning_rate distribution
  optimizer            adam | sgd | sgd with momentum 0.9 | sgd with Nesterov momentum 0.9; sgd variants also draw
                       learning_rate constant | adaptive (scikit-learn's own schedule)
  alpha (L2 penalty)   loguniform 1e-6 .. 1e-2 (scikit-learn's default is 1e-4)
  batch_size           the spec's batch sizes (its training.batch_size when the space has none)
  activation           relu | tanh when the spec tunes the activation (scikit-learn has no elu or gelu), else relu
Fixed: early_stopping=True (scikit-learn holds out validation_fraction=0.1 of each fit's rows and stops after
n_iter_no_change = training.patience epochs without improvement), max_iter = training.max_epochs, random_state =
seed. No dropout, batch norm or learning-rate decay: scikit-learn's MLP has none of them.

RandomizedSearchCV has no time budget: it runs in chunks of n_iter = n_jobs candidates (refit=False, random_state
derived from the seed and the chunk), and no chunk starts whose expected time (the mean of the chunks so far) is more
than what is left. A running chunk cannot be stopped, so the search may end after the budget. Then the best
parameters are refit on all training rows (the same early stopping) and scored on the test rows.
"""
import os
import time
import warnings

import numpy as np
from scipy.stats import loguniform, randint, uniform
from sklearn.exceptions import ConvergenceWarning
from sklearn.model_selection import RandomizedSearchCV
from sklearn.neural_network import MLPClassifier, MLPRegressor
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import StandardScaler
from sklearn.utils import check_random_state

import common


class HiddenLayers:
    """hidden_layer_sizes as a distribution RandomizedSearchCV samples with rvs: n_hidden layers of one width."""

    def __init__(self, layers, width):
        self.layers, self.width = layers, width

    def rvs(self, random_state=None):
        rng = check_random_state(random_state)
        return (common.draw(self.width, rng),) * common.draw(self.layers, rng)


def distribution(dim):
    """A spec distribution as RandomizedSearchCV takes one: a list, or an object with rvs."""
    kind, values = dim
    if kind in ("fixed", "choice"):
        return values if kind == "choice" else [values]
    low, high = values
    if kind == "int":
        return randint(low, high + 1)
    if kind == "uniform":
        return uniform(low, high - low)
    if kind == "loguniform":
        return loguniform(low, high)
    raise SystemExit(f"no scikit-learn distribution for {kind}")


def space(setup):
    kind, activations = setup.dim("activation", "relu")
    shared = {
        "mlp__hidden_layer_sizes": HiddenLayers(setup.dim("n_hidden", 1), setup.dim("n_neurons", 100)),
        "mlp__learning_rate_init": distribution(setup.dim("learning_rate", 1e-3)),
        "mlp__alpha": loguniform(1e-6, 1e-2),
        "mlp__batch_size": setup.batch_sizes(),
        "mlp__activation": ["relu", "tanh"] if kind == "choice" and len(activations) > 1 else ["relu"],
    }
    sgd = {"mlp__solver": ["sgd"], "mlp__learning_rate": ["constant", "adaptive"]}
    variants = [{"mlp__solver": ["adam"]},
                {**sgd, "mlp__momentum": [0.0]},
                {**sgd, "mlp__momentum": [0.9], "mlp__nesterovs_momentum": [False]},
                {**sgd, "mlp__momentum": [0.9], "mlp__nesterovs_momentum": [True]}]
    return [{**shared, **variant} for variant in variants]


def pipeline(setup):
    kind = MLPClassifier if setup.problem.classification else MLPRegressor
    mlp = kind(early_stopping=True, validation_fraction=0.1, n_iter_no_change=setup.patience,
               max_iter=setup.max_epochs, random_state=setup.args.seed)
    return Pipeline([("scale", StandardScaler()), ("mlp", mlp)])


def search(setup):
    """All candidates' (params, mean validation score), chunk by chunk until the budget is spent."""
    problem, jobs = setup.problem, setup.args.jobs
    candidates, chunk_seconds = [], []
    while setup.left() > 0 and not (chunk_seconds and np.mean(chunk_seconds) > setup.left()):
        chunk = len(chunk_seconds)
        started = time.monotonic()
        searcher = RandomizedSearchCV(pipeline(setup), space(setup), n_iter=jobs, scoring=setup.scoring,
                                      cv=setup.splitter, refit=False, n_jobs=jobs, error_score=np.nan,
                                      random_state=setup.args.seed * 100_003 + chunk)
        try:
            searcher.fit(problem.x, problem.y)
            results = searcher.cv_results_
            candidates += zip(results["params"], results["mean_test_score"])
        except ValueError as error:   # every fit of the chunk failed
            common.log(f"chunk {chunk}: {error}")
            candidates += [({}, np.nan)] * jobs
        chunk_seconds.append(time.monotonic() - started)
        scores = [score for _, score in candidates if np.isfinite(score)]
        common.log(f"chunk {chunk}: {chunk_seconds[-1]:.1f} s, {len(candidates)} candidates, best "
                   f"{common.shown(setup, max(scores)) if scores else float('nan'):.4f}, {setup.left():.0f} s left")
    setup.search_done()
    return candidates


def main():
    args = common.arguments(__doc__.splitlines()[0]).parse_args()
    warnings.filterwarnings("ignore", category=ConvergenceWarning)
    os.environ.setdefault("PYTHONWARNINGS", "ignore:Stochastic Optimizer")   # the same in the joblib workers
    setup = common.Setup(args)
    candidates = search(setup)
    scored = [(params, score) for params, score in candidates if np.isfinite(score)]
    if not scored:
        raise SystemExit(f"all {len(candidates)} candidates failed")
    params, best = max(scored, key=lambda candidate: candidate[1])
    common.log(f"refitting the best, {params}, on all {len(setup.problem.x)} training rows")
    started = time.monotonic()
    model = pipeline(setup).set_params(**params).fit(setup.problem.x, setup.problem.y)
    refit_seconds = time.monotonic() - started
    test = common.test_score(setup, model.predict)
    notes = (f"RandomizedSearchCV in chunks of {args.jobs} (n_jobs={args.jobs}) over Pipeline(StandardScaler, "
             f"MLP{'Classifier' if setup.problem.classification else 'Regressor'}), scikit-learn's adam/sgd variants, "
             f"alpha, batch size, early_stopping (10 % of each fit) with n_iter_no_change {setup.patience}, "
             f"max_iter {setup.max_epochs}; cv: {setup.protocol}")
    common.write_result(setup, len(scored), len(candidates), common.shown(setup, best), test, refit_seconds, notes)


if __name__ == "__main__":
    main()
