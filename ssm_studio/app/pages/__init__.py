"""The central pages: each says what the window's commands (zoom, fit, delete, copy, paste,
select all, align, tools, export) mean on it, and lists only those that apply."""
