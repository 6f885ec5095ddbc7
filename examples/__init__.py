"""Example projects shipped with SSM Studio, installed as ``ssm_studio.examples``.

The app and ``ssm-studio examples`` find them through ``ssm_studio.bundled``; the app opens
a copy in the user's documents folder, never the shipped file.
"""
