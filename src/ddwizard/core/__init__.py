"""The framework and its formats. Pure Python: no Qt, no SQLite, no ReportLab."""
