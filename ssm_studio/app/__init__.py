"""The desktop application: main window, panels, canvas tools, undo, files, presentation."""
