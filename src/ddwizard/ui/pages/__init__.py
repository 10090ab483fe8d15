"""The wizard's pages: one small class per step, each with `load()` and `save()`."""
