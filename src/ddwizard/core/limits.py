"""How long text may be, wherever it is typed or read: the app's fields stop there, a
bundle beyond them is refused, and the README states them. Everything ddwizard writes it
can therefore read back."""

SHORT_MAX = 200  # names and short fields: school, trust, label, assessor, URN, owner, ids
LONG_MAX = 20_000  # notes, rationales, route actions, the trust's reference
