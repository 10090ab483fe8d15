"""ddwizard: practice and purpose due diligence for schools joining a School Trust."""

from __future__ import annotations


def version() -> str:
    """This install's version, read from its package metadata: pyproject.toml is the one
    place it is written. The packaged app carries that metadata too (packaging/ddwizard.spec);
    without it the version is said to be unknown rather than guessed."""
    from importlib.metadata import PackageNotFoundError
    from importlib.metadata import version as installed

    try:
        return installed("ddwizard")
    except PackageNotFoundError:
        return "unknown"


def written_by() -> str:
    """How the brief and the bundle name the program that made them: "ddwizard 0.2.0"."""
    return f"ddwizard {version()}"


def __getattr__(name: str) -> str:
    # Read on first use: importlib.metadata is not needed to open the app.
    if name == "__version__":
        return version()
    raise AttributeError(f"module 'ddwizard' has no attribute {name!r}")
