"""What SSM Studio ships besides code: stencils, fonts, icons and styles.

Installed as the package ``ssm_studio.resources`` (see package-dir in pyproject.toml) and
found through ``ssm_studio.bundled``, never by paths relative to a source file.
"""
