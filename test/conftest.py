"""Shared fixtures. pytest-qgis starts a QgsApplication (offscreen) for the whole session."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parent.parent
SCRIPTS = ROOT / "scripts"
for path in (ROOT, SCRIPTS):
    if str(path) not in sys.path:
        sys.path.insert(0, str(path))

SAMPLE_GPKG = ROOT / "resources" / "sample" / "lyg_sample.gpkg"

from .helpers.runner import run_qgis_process  # noqa: E402  (fixtures below use them)


@pytest.fixture(scope="module")
def provider(qgis_processing):
    """The plugin as qgis_process loads it: classFactory(None) + initProcessing()."""
    from qgis.core import QgsApplication

    import lyg_nrp_plugin

    plugin = lyg_nrp_plugin.classFactory(None)
    plugin.initProcessing()
    yield QgsApplication.processingRegistry().providerById("lyg_nrp")
    plugin.unload()


@pytest.fixture(scope="session")
def built_plugin(tmp_path_factory) -> Path:
    """The assembled plugin folder with its runtime dependencies (as make deploy makes it)."""
    from build_plugin import assemble, install_runtime_deps

    folder = assemble(tmp_path_factory.mktemp("plugin_build"))
    install_runtime_deps(folder)
    return folder


@pytest.fixture(scope="session")
def qgis_process_profile(built_plugin, tmp_path_factory) -> Path:
    """A temporary QGIS profile in which the built plugin is enabled for qgis_process."""
    config_path = tmp_path_factory.mktemp("qgis_profile")
    plugins_dir = built_plugin.parent
    result = run_qgis_process(
        ["plugins", "enable", built_plugin.name],
        config_path,
        extra_env={"QGIS_PLUGINPATH": str(plugins_dir)},
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return config_path


@pytest.fixture()
def qgis_process(qgis_process_profile, built_plugin):
    """Call qgis_process with the plugin enabled; returns the CompletedProcess."""

    def call(*args: str, timeout: int = 600) -> subprocess.CompletedProcess:
        return run_qgis_process(
            list(args),
            qgis_process_profile,
            timeout,
            extra_env={"QGIS_PLUGINPATH": str(built_plugin.parent)},
        )

    return call


@pytest.fixture(scope="session")
def postgis():
    """A throw-away PostgreSQL + PostGIS cluster for the session (test/helpers/postgis.py)."""
    from .helpers.postgis import Cluster

    cluster = Cluster()
    yield cluster
    cluster.stop()
