"""SSM Studio: Soft Systems Methodology and causal-loop modelling with parallel perspectives."""

__version__ = "0.2.0"
