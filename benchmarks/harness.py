"""A small harness: each figure is measured against a bare baseline in the same run.

Absolute times vary from run to run on a shared machine; the ratio to a baseline measured
alongside is what the budgets are written in.
"""

from __future__ import annotations

import gc
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass


@dataclass
class Figure:
    name: str
    measured: float  # seconds, or MB for memory
    baseline: float | None  # None: an absolute budget
    budget: float  # a ratio when there is a baseline, else an absolute limit
    unit: str = "ms"
    note: str = ""

    @property
    def ratio(self) -> float | None:
        if self.baseline is None or self.baseline <= 0:
            return None
        return self.measured / self.baseline

    @property
    def passed(self) -> bool:
        value = self.ratio if self.baseline is not None else self.measured
        return value is not None and value <= self.budget


def timed(fn: Callable[[], object], repeat: int = 5, warmup: int = 1) -> list[float]:
    """Wall-clock seconds of `repeat` calls after `warmup` calls; GC paused while timing."""
    for _ in range(warmup):
        fn()
    samples = []
    for _ in range(repeat):
        gc.collect()
        gc.disable()
        try:
            start = time.perf_counter()
            fn()
            samples.append(time.perf_counter() - start)
        finally:
            gc.enable()
    return samples


def median(samples: list[float]) -> float:
    return statistics.median(samples)


def percentile(samples: list[float], p: float) -> float:
    ordered = sorted(samples)
    k = max(0, min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1))))
    return ordered[k]


def interleaved(a: Callable[[], object], b: Callable[[], object], rounds: int = 7):
    """Time two things alternately so machine load falls on both alike; medians."""
    sa, sb = [], []
    a()
    b()
    for _ in range(rounds):
        sa += timed(a, repeat=1, warmup=0)
        sb += timed(b, repeat=1, warmup=0)
    return median(sa), median(sb)


def table(figures: list[Figure]) -> str:
    head = ("figure", "measured", "baseline", "ratio", "budget", "pass")
    rows = [head]
    for f in figures:
        scale = 1000 if f.unit == "ms" else 1
        base = "—" if f.baseline is None else f"{f.baseline * scale:.1f} {f.unit}"
        ratio = "—" if f.ratio is None else f"{f.ratio:.2f}×"
        limit = f"≤ {f.budget * scale:g} {f.unit}"
        budget = f"≤ {f.budget:g}×" if f.baseline is not None else limit
        rows.append(
            (
                f.name,
                f"{f.measured * scale:.1f} {f.unit}",
                base,
                ratio,
                budget,
                "yes" if f.passed else "NO",
            )
        )
    widths = [max(len(r[i]) for r in rows) for i in range(len(head))]
    lines = ["  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)) for r in rows]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)
