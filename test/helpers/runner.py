"""The one way tests run an algorithm: ``processing.run`` (:func:`run_algorithm`) or the real
``qgis_process`` binary (:func:`run_qgis_process`, through the ``qgis_process`` fixture)."""

from __future__ import annotations

import subprocess
from pathlib import Path


class Recorder:
    """A QgsProcessingFeedback that keeps the warnings and infos it was given."""

    def __new__(cls):
        from qgis.core import QgsProcessingFeedback

        class _Feedback(QgsProcessingFeedback):
            def __init__(self):
                super().__init__()
                self.warnings: list[str] = []
                self.infos: list[str] = []

            def pushWarning(self, text):  # noqa: N802
                self.warnings.append(text)
                super().pushWarning(text)

            def pushInfo(self, text):  # noqa: N802
                self.infos.append(text)
                super().pushInfo(text)

        return _Feedback()


def run_algorithm(algorithm_id: str, parameters: dict, feedback=None, project=None):
    """``processing.run`` with a fresh context (with ``project``, if given); returns ``(results,
    context)`` so that temporary output layers can be looked up in the context."""
    import processing
    from qgis.core import QgsProcessingContext, QgsProcessingFeedback

    context = QgsProcessingContext()
    if project is not None:
        context.setProject(project)
    results = processing.run(
        algorithm_id, parameters, context=context, feedback=feedback or QgsProcessingFeedback()
    )
    return results, context


def run_qgis_process(
    args: list[str], config_path: Path, timeout: int = 600, extra_env: dict[str, str] | None = None
) -> subprocess.CompletedProcess:
    """Run the real qgis_process binary with its own profile folder."""
    from qgis_env import headless_env, qgis_process_binary

    return subprocess.run(
        [qgis_process_binary(), *args],
        env=headless_env(config_path, extra_env),
        capture_output=True,
        text=True,
        timeout=timeout,
    )
