"""Headless services over an open document: opening any file, loop tracking and labels.

No Qt here: the app runs these off the UI thread and hears back through callbacks.
"""
