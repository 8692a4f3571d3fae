"""The data of a sparktune spec, read with NumPy as sparktune reads it, for the peers of bench/compare-peers.

IDX files (gzipped or not; the first data.limit training images) and CSV files (data.skip_rows lines, a header row,
numeric features, the data.label column), features as float32, labels as class indices (classification) or float64
targets (regression). The validation splits follow the spec's search.validation_split (one stratified hold-out) or
search.cv (stratified k-fold; shuffled k-fold for regression), seeded by the search seed. Features are standardized
by the peers themselves, with each split's training rows (StandardScaler), as sparktune does.
"""
import gzip

import numpy as np
from sklearn.model_selection import KFold, ShuffleSplit, StratifiedKFold, StratifiedShuffleSplit


class Problem:
    """Training rows (x, y), test rows (x_test, y_test; None without data.test) and what the task is."""

    def __init__(self, task, x, y, x_test, y_test, n_classes):
        self.task, self.x, self.y, self.x_test, self.y_test = task, x, y, x_test, y_test
        self.n_classes = n_classes
        self.classification = task == "classification"

    def describe(self):
        test = "no test data" if self.x_test is None else f"{len(self.x_test)} test rows"
        kind = f"{self.n_classes} classes" if self.classification else "a numeric target"
        return f"{len(self.x)} training rows, {self.x.shape[1]} features, {kind}, {test}"


def _open(path):
    if "://" in path and not path.startswith("file:"):
        raise SystemExit(f"peers read local files only, not {path}")
    path = path[len("file:"):] if path.startswith("file:") else path
    return gzip.open(path, "rb") if path.endswith(".gz") else open(path, "rb")


def _idx(path, magic, limit):
    with _open(path) as f:
        raw = f.read()
    dims = magic & 0xFF
    header = np.frombuffer(raw, ">i4", count=1 + dims)
    if header[0] != magic:
        raise SystemExit(f"{path}: IDX magic {header[0]:#x}, expected {magic:#x}")
    shape = tuple(int(d) for d in header[1:])
    values = np.frombuffer(raw, np.uint8, offset=4 * (1 + dims)).reshape(shape[0], -1)
    return values[:limit] if limit else values


def _csv(path, label, skip_rows, limit):
    with _open(path) as f:
        lines = f.read().decode("utf-8").splitlines()
    lines = [line for line in lines[skip_rows:] if line.strip()]
    header = [name.strip().strip('"') for name in lines[0].split(",")]
    if label not in header:
        raise SystemExit(f"{path}: no column {label!r} in the header {header}")
    rows = lines[1:limit + 1] if limit else lines[1:]
    cells = np.array([[cell.strip().strip('"') for cell in line.split(",")] for line in rows])
    column = header.index(label)
    return np.delete(cells, column, axis=1).astype(np.float32), cells[:, column]


def load(spec):
    """The spec's training rows (up to data.limit) and test rows."""
    data, task = spec["data"], spec["task"]
    limit = int(data.get("limit") or 0)
    parts = {"train": data["train"], "test": data.get("test")}
    read = {}
    for name, files in parts.items():
        if files is None:
            read[name] = (None, None)
        elif data["format"] == "idx":
            x = _idx(files["images"], 0x803, limit if name == "train" else 0).astype(np.float32)
            read[name] = (x, _idx(files["labels"], 0x801, limit if name == "train" else 0)[:, 0].astype(np.int64))
        else:
            read[name] = _csv(files["path"], data["label"], int(data.get("skip_rows") or 0),
                              limit if name == "train" else 0)
    (x, y), (x_test, y_test) = read["train"], read["test"]
    if task == "regression":
        return Problem(task, x, y.astype(np.float64), x_test,
                       None if y_test is None else y_test.astype(np.float64), 0)
    classes, y = np.unique(y, return_inverse=True)
    if y_test is not None:
        unknown = set(np.unique(y_test)) - set(classes)
        if unknown:
            raise SystemExit(f"test labels not in the training data: {sorted(unknown)}")
        y_test = np.searchsorted(classes, y_test)
    return Problem(task, x, y.astype(np.int64), x_test, y_test, len(classes))


def splitter(spec, problem, seed):
    """The spec's validation protocol as a scikit-learn splitter: one (stratified) hold-out or (stratified) k folds."""
    search = spec.get("search") or {}
    fraction = search.get("validation_split")
    if fraction:
        kind = StratifiedShuffleSplit if problem.classification else ShuffleSplit
        return kind(n_splits=1, test_size=float(fraction), random_state=seed)
    kind = StratifiedKFold if problem.classification else KFold
    return kind(n_splits=int(search.get("cv") or 3), shuffle=True, random_state=seed)


def protocol(spec):
    """How the spec validates, in words for the table's notes."""
    search = spec.get("search") or {}
    if search.get("validation_split"):
        return f"one hold-out of {float(search['validation_split']):g}"
    return f"{int(search.get('cv') or 3)}-fold CV"
