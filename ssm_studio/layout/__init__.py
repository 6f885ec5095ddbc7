"""Automatic placement of diagram nodes: Graphviz through pygraphviz, a pure-Python fallback."""

from .graphviz_layout import ENGINES, LayoutResult, choose_engine, graphviz_available, layout
from .simple import arrange, overlapping_pairs, remove_overlaps

__all__ = ["ENGINES", "LayoutResult", "arrange", "choose_engine", "graphviz_available", "layout",
           "overlapping_pairs", "remove_overlaps"]
