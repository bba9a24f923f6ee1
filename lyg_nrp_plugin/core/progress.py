"""The one progress and cancel contract of ``core``.

Every core entry point that runs long takes ``progress: Progress | None``. It calls
:meth:`Progress.check` (or :meth:`Progress.set`, which checks) between steps; when the caller
asked to stop, :class:`Canceled` is raised. Core never returns a partial result: a caller gets a
complete result or the exception. ``processing.base.LygAlgorithm`` catches it once.

``Progress`` wraps anything with ``isCanceled()``, ``setProgress(percent)`` and ``pushInfo(text)``
(a ``QgsProcessingFeedback``, a test double, or nothing), so core stays free of qgis.
"""

from __future__ import annotations

import gc
from contextlib import contextmanager


class Canceled(Exception):  # noqa: N818 - the contract names it Canceled
    """The caller asked to stop; raised by :meth:`Progress.check`."""


class Progress:
    """A slice ``start``–``end`` (percent) of the caller's progress bar, and its cancel flag."""

    def __init__(self, feedback=None, start: float = 0.0, end: float = 100.0):
        self.feedback = feedback
        self.start = start
        self.end = end

    def canceled(self) -> bool:
        return self.feedback is not None and bool(self.feedback.isCanceled())

    def check(self) -> None:
        """Raise :class:`Canceled` when the caller asked to stop."""
        if self.canceled():
            raise Canceled()

    def set(self, fraction: float) -> None:
        """Report ``fraction`` (0–1) of this slice as done; checks for cancellation first."""
        self.check()
        if self.feedback is not None:
            fraction = min(max(fraction, 0.0), 1.0)
            self.feedback.setProgress(self.start + (self.end - self.start) * fraction)

    def sub(self, a: float, b: float) -> Progress:
        """The part ``a``–``b`` (fractions of this slice) as a progress of its own."""
        span = self.end - self.start
        return Progress(self.feedback, self.start + span * a, self.start + span * b)

    def info(self, text: str) -> None:
        if self.feedback is not None and hasattr(self.feedback, "pushInfo"):
            self.feedback.pushInfo(text)


def check(progress: Progress | None) -> None:
    """:meth:`Progress.check` for an optional progress."""
    if progress is not None:
        progress.check()


def report(progress: Progress | None, fraction: float) -> None:
    """:meth:`Progress.set` for an optional progress."""
    if progress is not None:
        progress.set(fraction)


@contextmanager
def collector_paused():
    """Python's cyclic garbage collector off for the block (on again after, if it was on).

    A run over a city layer holds a million shapely geometries alive at once: every full
    collection walks them all, and parsing one (1 M parcels) took 4.0 s with the collector,
    1.2 s without. Nothing here makes reference cycles; what a run leaves is collected
    after it."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
