"""Loads an Optuna journal file written by `sparktune export --optuna` and prints, as one JSON object, what Optuna
sees in it: the study, every trial and the best one. It also uses the study as an Optuna user would, and fails if
Optuna refuses it: every trial passes Optuna's own validation (`add_trials` into a fresh study validates each one),
fANOVA computes parameter importances from it (Optuna's default evaluator; needs scikit-learn), a TPE sampler
seeded with the trials proposes the next one, and optuna.visualization draws its plots (needs plotly): "plotted" counts
the points (or axes) each figure's traces hold.

usage: load_study.py JOURNAL_FILE
"""
import json
import sys

import optuna
from optuna.storages import JournalFileStorage, JournalStorage

optuna.logging.set_verbosity(optuna.logging.WARNING)


def distribution(d):
    return {"class": type(d).__name__, **d._asdict()}


def trial(t):
    return {
        "number": t.number,
        "state": t.state.name,
        "value": t.value,
        "params": t.params,
        "distributions": {name: distribution(d) for name, d in t.distributions.items()},
        "intermediate_values": {str(step): v for step, v in sorted(t.intermediate_values.items())},
        "user_attrs": t.user_attrs,
        "duration_seconds": t.duration.total_seconds(),
    }


study = optuna.load_study(study_name=None, storage=JournalStorage(JournalFileStorage(sys.argv[1])))
trials = study.get_trials(deepcopy=False)

tpe = optuna.samplers.TPESampler(n_startup_trials=1, seed=0)
copy = optuna.create_study(directions=study.directions, sampler=tpe)
copy.add_trials(trials)
importances = optuna.importance.get_param_importances(study)
best = study.best_trial
proposed = copy.ask(fixed_distributions=best.distributions)
# optuna.visualization (Debian's python3-plotly): the plots a user draws first, each with data from every trial
figures = {
    "optimization_history": optuna.visualization.plot_optimization_history(study),
    "intermediate_values": optuna.visualization.plot_intermediate_values(study),
    "parallel_coordinate": optuna.visualization.plot_parallel_coordinate(study),
    "param_importances": optuna.visualization.plot_param_importances(study),
}
plotted = {name: sum(len(getattr(trace, "x", None) or getattr(trace, "dimensions", None) or [])
                     for trace in figure.data) for name, figure in figures.items()}

print(json.dumps({
    "study_name": study.study_name,
    "directions": [d.name for d in study.directions],
    "user_attrs": study.user_attrs,
    "trials": [trial(t) for t in trials],
    "best_trial": trial(best),
    "validated_trials": len(copy.trials) - 1,
    "importances": importances,
    "proposed_params": proposed.params,
    "plotted": plotted,
}))
