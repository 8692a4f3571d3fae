"""Optuna's own fANOVA importances of a study loaded from a journal file written by `sparktune export --optuna`,
for FanovaThroughOptunaExportTest.

Usage: /usr/bin/python3 optuna_journal_fanova.py JOURNAL_FILE
Prints {NAME: importance} (Optuna's order, largest first) as JSON on stdout.
"""
import json
import sys

import optuna
from optuna.importance import FanovaImportanceEvaluator
from optuna.storages import JournalFileStorage, JournalStorage

optuna.logging.set_verbosity(optuna.logging.WARNING)
study = optuna.load_study(study_name=None, storage=JournalStorage(JournalFileStorage(sys.argv[1])))
importances = optuna.importance.get_param_importances(study, evaluator=FanovaImportanceEvaluator(seed=0))
print(json.dumps(importances))
