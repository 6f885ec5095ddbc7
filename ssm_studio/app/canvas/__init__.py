"""The canvas view every diagram page shares, and the tools that run its gestures."""
