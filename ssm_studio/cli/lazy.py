"""The heavy rooms the commands use (the model with pydantic, networkx, storage), imported
when a command runs rather than when ``ssm-studio`` starts: ``--version``, ``--help`` and
opening the app do not pay for what they do not use."""

from __future__ import annotations


def open_any(path, perspective=None):
    from ..workspace.opening import open_any as opener

    return opener(path, perspective)


def find_loops(*args, **kwargs):
    from ..analysis import find_loops as finder

    return finder(*args, **kwargs)


def compare_perspectives(*args, **kwargs):
    from ..analysis import compare_perspectives as compare

    return compare(*args, **kwargs)


def display_polarity(polarity: str) -> str:
    from ..model import display_polarity as show

    return show(polarity)


def import_csv(*args, **kwargs):
    from ..interop import import_csv as importer

    return importer(*args, **kwargs)


def save_project(*args, **kwargs):
    from ..storage import save_project as saver

    return saver(*args, **kwargs)
