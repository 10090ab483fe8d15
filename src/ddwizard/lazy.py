"""The package's one way to put off importing a module: `name = lazy_module("...")` at the
top of the module that uses it, loaded on first use (the standard library's
`importlib.util.LazyLoader`). For what the start screen and the read-only commands do not
need; a function used by one command may simply import what it needs when it runs."""

from __future__ import annotations

import importlib.util
import sys
from types import ModuleType


def lazy_module(name: str) -> ModuleType:
    """The module `name`, executed the first time one of its attributes is used."""
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.find_spec(name)
    if spec is None or spec.loader is None:
        raise ImportError(f"No module named {name!r}")
    spec.loader = importlib.util.LazyLoader(spec.loader)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module
