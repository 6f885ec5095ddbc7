"""The perspective comparison pack: a printable PDF built with reportlab platypus."""

# reportlab checks every attribute of every shape as it is set, a debugging aid it lets
# programs switch off before its graphics are first imported. Our drawings come from our own
# converters, which tests cover; the checks cost a fifth of a pack (1.0 of 6.1 s: a third of
# reading the diagrams and a fifth of drawing them).
from reportlab import rl_config

rl_config.shapeChecking = 0

from .pack import PackCancelled, PackOptions, build_pack  # noqa: E402

__all__ = ["PackCancelled", "PackOptions", "build_pack"]
