"""Automatic placement of diagram nodes (Graphviz through pygraphviz later; networkx now)."""

from .simple import arrange

__all__ = ["arrange"]
