"""The ``ssm-studio`` command."""
