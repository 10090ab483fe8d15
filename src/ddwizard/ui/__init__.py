"""Everything PySide6: the app, the main window, the wizard pages, the plane widget."""

from __future__ import annotations

import sys

import PySide6  # noqa: F401 - loading it installs the import hook made quicker below


def _read_sources_directly() -> None:
    """Answer PySide's "does this module use PySide?" by reading the file's bytes.

    Once loaded, PySide asks that of every module named in an import statement (PYSIDE-2029,
    for its `from __feature__ import ...` switches), using `inspect.getsource`, which looks
    the module up again among all loaded modules before reading it: ~0.1 ms a module, about
    4 ms of every start. The question and the answer are the same; modules that are not
    plain `.py` files still go to PySide's own check. If a PySide release moves the check,
    this does nothing."""
    feature = sys.modules.get("shibokensupport.feature")
    check = getattr(feature, "_mod_uses_pyside", None)
    if check is None or getattr(check, "reads_bytes", False):
        return

    def uses_pyside(module) -> bool:
        path = getattr(module, "__file__", None)
        if not (isinstance(path, str) and path.endswith(".py")):
            return check(module)
        try:
            with open(path, "rb") as f:
                return b"PySide6" in f.read()
        except OSError:
            return check(module)

    uses_pyside.reads_bytes = True
    feature._mod_uses_pyside = uses_pyside


_read_sources_directly()
