"""Everything PySide6: the app, the main window, the wizard pages, the plane widget."""
