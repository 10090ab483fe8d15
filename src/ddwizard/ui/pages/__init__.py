"""The wizard's pages: one small class per step, each with `load()` and `save()`, declared
in one table (`table.PAGES`)."""
