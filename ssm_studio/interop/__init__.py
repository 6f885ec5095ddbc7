"""Foreign formats in and out (CSV link lists so far)."""

from .csv_links import import_csv

__all__ = ["import_csv"]
