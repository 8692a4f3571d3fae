#!/usr/bin/env python3
"""Optuna's peer in bench/compare-peers: a TPE search (TPESampler(seed, multivariate=True, constant_liar=True)) with
pruning (HyperbandPruner for classification, MedianPruner for regression) over PyTorch MLPs of the spec's space, on
the spec's data, validation protocol and seed.

Tuned: every dimension of the spec's space this peer knows, with the spec's distributions (suggest_int with log=True
for intlog): n_hidden, n_neurons (one width for every layer), activation, batch_norm, dropout (one Dropout before the
output layer, as sparktune's networks), l2 (the optimizer's weight_decay: L2 added to the gradient, as DL4J's l2),
optimizer (sgd, momentum, nesterov, adagrad, rmsprop, adam, nadam; Keras' constants: momentum 0.9, rho 0.9,
epsilon 1e-7), learning_rate, batch_size, lr_schedule (none, exponential, step, cosine) with lr_decay_rate,
lr_decay_epochs, lr_min_ratio. A dimension it does not know is left out, with one line in the log. Features are
standardized with each split's training rows; k folds train in lockstep, epoch by epoch, and the trial reports the
mean validation score after each epoch (trial.report, trial.should_prune). Early stopping after training.patience
epochs without improvement, up to training.max_epochs; a trial's score is its best epoch's (kept as user attribute
best_epoch). A trial still running when the budget ends stops and is not counted (as sparktune cancels its own).

Parallelism (--mode): "trials" runs n_jobs = cores trials as threads of one process with torch.set_num_threads(1);
"torch" runs one trial at a time with torch.set_num_threads(cores). Measured on this 2-core machine (shared with
other work, so noisy) with a fashion-best-like space (hold-out 0.1), 6,000 Fashion-MNIST rows, 30 s, seed 1, each
mode twice: "trials" trained 212 and 143 epochs, "torch" 118 and 68. PyTorch releases the GIL inside its kernels, and
small MLPs on one thread waste less of it than one trial split over two, so "trials" is the default. (Debian's torch
1.13 on two threads was even 9x slower per step than on one here, 32 vs 3.4 ms for a 784-90-90-10 step of 32 rows,
with the other core busy: OpenMP threads waiting for each other.) Then the best trial is refit on all training rows
for its best_epoch epochs, with the mode's torch threads, and scored on the test rows.
"""
import math
import threading
import time
import warnings

import numpy as np
import optuna
import torch
from sklearn.preprocessing import StandardScaler

import common

DEFAULT_MODE = "trials"   # measured faster, see the docstring

# the dimensions this peer maps, and sparktune's value for each when the space leaves it out
DIMENSIONS = {"n_hidden": 1, "n_neurons": 30, "activation": "relu", "batch_norm": False, "dropout": 0.0, "l2": 0.0,
              "optimizer": "adam", "learning_rate": 3e-3, "batch_size": None, "lr_schedule": "none",
              "lr_decay_rate": 0.9, "lr_decay_epochs": 10, "lr_min_ratio": 0.0}
ACTIVATIONS = {"relu": torch.nn.ReLU, "elu": torch.nn.ELU, "gelu": torch.nn.GELU, "tanh": torch.nn.Tanh,
               "selu": torch.nn.SELU, "sigmoid": torch.nn.Sigmoid, "leakyrelu": torch.nn.LeakyReLU}
INIT_LOCK = threading.Lock()   # torch's global RNG draws the initial weights: one trial at a time


def suggest(trial, name, dim):
    kind, values = dim
    if kind == "fixed":
        return values
    if kind == "choice":
        return trial.suggest_categorical(name, values)
    low, high = values
    if kind in ("int", "intlog"):
        return trial.suggest_int(name, low, high, log=kind == "intlog")
    return trial.suggest_float(name, low, high, log=kind == "loguniform")


def network(params, inputs, outputs):
    layers = []
    for _ in range(params["n_hidden"]):
        layers.append(torch.nn.Linear(inputs, params["n_neurons"]))
        if str(params["batch_norm"]).lower() == "true":
            layers.append(torch.nn.BatchNorm1d(params["n_neurons"]))
        layers.append(ACTIVATIONS[params["activation"]]())
        inputs = params["n_neurons"]
    if params["dropout"] > 0:
        layers.append(torch.nn.Dropout(params["dropout"]))
    return torch.nn.Sequential(*layers, torch.nn.Linear(inputs, outputs))


def optimizer(params, weights):
    name, lr, l2 = params["optimizer"], params["learning_rate"], params["l2"]
    if name in ("sgd", "momentum", "nesterov"):
        return torch.optim.SGD(weights, lr, momentum=0.0 if name == "sgd" else 0.9, nesterov=name == "nesterov",
                               weight_decay=l2)
    kinds = {"adagrad": lambda: torch.optim.Adagrad(weights, lr, eps=1e-7, weight_decay=l2),
             "rmsprop": lambda: torch.optim.RMSprop(weights, lr, alpha=0.9, eps=1e-7, weight_decay=l2),
             "adam": lambda: torch.optim.Adam(weights, lr, eps=1e-7, weight_decay=l2),
             "nadam": lambda: torch.optim.NAdam(weights, lr, eps=1e-7, weight_decay=l2)}
    return kinds[name]()


def lr_factor(params):
    """The learning rate's factor in epoch e (0 for the first), as sparktune's schedules."""
    rate, epochs, floor = params["lr_decay_rate"], params["lr_decay_epochs"], params["lr_min_ratio"]
    return {"none": lambda e: 1.0, "exponential": lambda e: rate ** e, "step": lambda e: rate ** (e // epochs),
            "cosine": lambda e: (1 - floor) * 0.5 * (1 + math.cos(math.pi * min(e, epochs) / epochs)) + floor,
            }[params["lr_schedule"]]


class Run:
    """One network of a candidate on one set of (standardized) training rows, trained an epoch at a time."""

    def __init__(self, setup, params, x, y, seed):
        with INIT_LOCK:
            torch.manual_seed(seed)
            self.model = network(params, x.shape[1], setup.problem.n_classes or 1)
        self.optimizer = optimizer(params, self.model.parameters())
        self.schedule = torch.optim.lr_scheduler.LambdaLR(self.optimizer, lr_factor(params))
        self.loss = (torch.nn.CrossEntropyLoss() if setup.problem.classification
                     else torch.nn.HuberLoss(delta=setup.huber_delta) if setup.loss == "huber"
                     else torch.nn.L1Loss() if setup.loss == "mae" else torch.nn.MSELoss())
        self.x, self.y, self.batch = x, y, int(params["batch_size"] or setup.batch_size)
        self.shuffle = torch.Generator().manual_seed(seed)

    def epoch(self):
        """One epoch; False when the loss became NaN or infinite."""
        self.model.train()
        order = torch.randperm(len(self.x), generator=self.shuffle)
        for start in range(0, len(self.x), self.batch):
            rows = order[start:start + self.batch]
            if len(rows) == 1 and any(isinstance(m, torch.nn.BatchNorm1d) for m in self.model):
                continue   # batch norm cannot train on one row
            loss = self.loss(self.model(self.x[rows]).squeeze(-1), self.y[rows])
            if not torch.isfinite(loss):
                return False
            self.optimizer.zero_grad()
            loss.backward()
            self.optimizer.step()
        self.schedule.step()
        return True

    def predict(self, x):
        self.model.eval()
        with torch.no_grad():
            out = self.model(x)
        return out.argmax(1) if out.shape[1] > 1 else out[:, 0]


def tensors(setup, train_rows, other_x):
    """Training rows and other features standardized with the training rows' statistics, as tensors."""
    problem = setup.problem
    scaler = StandardScaler().fit(problem.x[train_rows])
    y = torch.from_numpy(problem.y[train_rows] if problem.classification else problem.y[train_rows].astype(np.float32))
    return (torch.from_numpy(scaler.transform(problem.x[train_rows]).astype(np.float32)), y,
            None if other_x is None else torch.from_numpy(scaler.transform(other_x).astype(np.float32)))


def score(setup, predicted, y):
    if setup.problem.classification:
        return float((predicted == y).float().mean())
    return float(((predicted - y) ** 2).mean())


def objective(setup, folds, trial):
    params = {name: suggest(trial, name, setup.dim(name, default)) for name, default in DIMENSIONS.items()}
    runs = [Run(setup, params, x, y, setup.args.seed * 1_000_003 + trial.number * 31 + k)
            for k, (x, y, _, _) in enumerate(folds)]
    better = (lambda a, b: a > b) if setup.problem.classification else (lambda a, b: a < b)
    best, waited = None, 0
    for epoch in range(1, setup.max_epochs + 1):
        for run in runs:
            if setup.left() <= 0:
                trial.set_user_attr("cut_by_budget", True)
                raise optuna.TrialPruned()
            if not run.epoch():
                trial.set_user_attr("diverged_in_epoch", epoch)
                return float("nan")
        value = float(np.mean([score(setup, run.predict(x_val), y_val)
                               for run, (_, _, x_val, y_val) in zip(runs, folds)]))
        trial.report(value, epoch)
        if best is None or better(value, best):
            best, waited = value, 0
            trial.set_user_attr("best_epoch", epoch)
        else:
            waited += 1
        if waited >= setup.patience:
            break
        if trial.should_prune():
            raise optuna.TrialPruned()
    return best


def log_trial(_, trial):
    state = "stopped by the budget" if trial.user_attrs.get("cut_by_budget") else trial.state.name.lower()
    common.log(f"trial {trial.number} {state} {trial.value} after {len(trial.intermediate_values)} epochs "
               f"{trial.params}")


def main():
    parser = common.arguments(__doc__.splitlines()[0])
    parser.add_argument("--mode", choices=["trials", "torch"], default=DEFAULT_MODE,
                        help="threads run trials (torch single-threaded), or one trial at a time on all cores")
    args = parser.parse_args()
    warnings.filterwarnings("ignore", category=optuna.exceptions.ExperimentalWarning)
    optuna.logging.set_verbosity(optuna.logging.WARNING)   # one line per trial from the callback instead
    setup = common.Setup(args)
    problem = setup.problem
    for name in sorted(set(setup.space) - set(DIMENSIONS)):
        common.log(f"space dimension {name} is not mapped to PyTorch: left out")
    n_jobs, threads = (args.jobs, 1) if args.mode == "trials" else (1, args.jobs)
    torch.set_num_threads(threads)
    folds = []
    for train_rows, val_rows in setup.splitter.split(problem.x, problem.y):
        x, y, x_val = tensors(setup, train_rows, problem.x[val_rows])
        y_val = torch.from_numpy(problem.y[val_rows].astype(np.int64 if problem.classification else np.float32))
        folds.append((x, y, x_val, y_val))
    pruner = (optuna.pruners.HyperbandPruner(min_resource=1, max_resource=setup.max_epochs, reduction_factor=3)
              if problem.classification else optuna.pruners.MedianPruner())
    sampler = optuna.samplers.TPESampler(seed=args.seed, multivariate=True, constant_liar=True)
    study = optuna.create_study(direction="maximize" if problem.classification else "minimize",
                                sampler=sampler, pruner=pruner)
    study.optimize(lambda trial: objective(setup, folds, trial), timeout=max(setup.left(), 0),
                   n_jobs=n_jobs, catch=(RuntimeError, ValueError),
                   callbacks=[log_trial])
    setup.search_done()
    states = [t.state for t in study.trials]
    counted = [t for t in study.trials if not t.user_attrs.get("cut_by_budget")]
    done = [t for t in counted if t.state in (optuna.trial.TrialState.COMPLETE, optuna.trial.TrialState.PRUNED)]
    if optuna.trial.TrialState.COMPLETE not in states:
        raise SystemExit(f"no trial completed out of {len(study.trials)}")
    best = study.best_trial
    epochs = best.user_attrs["best_epoch"]
    common.log(f"refitting trial {best.number}, {best.params}, on all {len(problem.x)} training rows for {epochs} "
               f"epochs")
    started = time.monotonic()
    params = {name: best.params.get(name, setup.dim(name, default)[1]) for name, default in DIMENSIONS.items()}
    x, y, x_test = tensors(setup, np.arange(len(problem.x)), problem.x_test)
    run = Run(setup, params, x, y, args.seed)
    for _ in range(epochs):
        run.epoch()
    refit_seconds = time.monotonic() - started
    test = common.test_score(setup, lambda _: run.predict(x_test).numpy())
    pruned = sum(t.state == optuna.trial.TrialState.PRUNED for t in done)
    epochs_trained = sum(len(t.intermediate_values) for t in study.trials)
    notes = (f"TPE (multivariate, constant liar) + {type(pruner).__name__} over PyTorch MLPs of the spec's space, "
             f"{args.mode} mode (n_jobs {n_jobs}, torch threads {threads}); validation: {setup.protocol}; early "
             f"stopping after {setup.patience} epochs, up to {setup.max_epochs}; {epochs_trained} epochs trained, "
             f"{pruned} of the {len(done)} trials pruned, {len(study.trials) - len(counted)} stopped by the budget; "
             f"refit for the best trial's best epoch")
    common.write_result(setup, len(done), len(counted), best.value, test, refit_seconds, notes)


if __name__ == "__main__":
    main()
