"""Questions a workshop asks of a causal-loop diagram, per perspective and across them.

Pure Python on networkx; no Qt. Long work takes a time budget and a cancel flag so the app
can run it off the UI thread.
"""

from .compare import PerspectiveComparison, compare_perspectives
from .loop_comparison import LoopComparison, LoopHolding, compare_loops
from .loops import Loop, LoopReport, find_loops
from .paths import SignedPath, signed_paths
from .signed_graph import SignedGraph, Step
from .trees import TreeNode, causes_tree, uses_tree

__all__ = [
    "Loop",
    "LoopComparison",
    "LoopHolding",
    "LoopReport",
    "PerspectiveComparison",
    "SignedGraph",
    "SignedPath",
    "Step",
    "TreeNode",
    "causes_tree",
    "compare_loops",
    "compare_perspectives",
    "find_loops",
    "signed_paths",
    "uses_tree",
]
