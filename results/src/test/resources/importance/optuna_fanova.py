"""Optuna's own fANOVA importances of the trials in a JSON file, for FanovaOptunaComparisonTest.

Usage: /usr/bin/python3 optuna_fanova.py TRIALS.json
TRIALS.json: {"seed": 0, "n_trees": 64,
              "distributions": {NAME: {"float": [low, high], "log": bool} | {"int": [low, high], "log": bool}
                                      | {"choices": [...]}},
              "trials": [{"params": {NAME: value}, "value": number}]}
Prints {NAME: importance} (Optuna's order, largest first) as JSON on stdout.
"""
import json
import sys

import optuna
from optuna.distributions import CategoricalDistribution, FloatDistribution, IntDistribution
from optuna.importance import FanovaImportanceEvaluator


def distribution(spec):
    if "choices" in spec:
        return CategoricalDistribution(spec["choices"])
    if "int" in spec:
        return IntDistribution(spec["int"][0], spec["int"][1], log=spec.get("log", False))
    return FloatDistribution(spec["float"][0], spec["float"][1], log=spec.get("log", False))


def main(path):
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    optuna.logging.set_verbosity(optuna.logging.WARNING)
    distributions = {name: distribution(spec) for name, spec in data["distributions"].items()}
    study = optuna.create_study(direction="maximize")
    for trial in data["trials"]:
        used = {name: distributions[name] for name in trial["params"]}
        study.add_trial(optuna.trial.create_trial(params=trial["params"], distributions=used, value=trial["value"]))
    evaluator = FanovaImportanceEvaluator(n_trees=data.get("n_trees", 64), seed=data["seed"])
    importances = optuna.importance.get_param_importances(study, evaluator=evaluator)
    json.dump({name: float(value) for name, value in importances.items()}, sys.stdout)


if __name__ == "__main__":
    main(sys.argv[1])
