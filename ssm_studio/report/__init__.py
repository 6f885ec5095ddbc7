"""The perspective comparison pack: a printable PDF built with reportlab platypus."""

from .pack import PackCancelled, PackOptions, build_pack

__all__ = ["PackCancelled", "PackOptions", "build_pack"]
