"""The zip installs through QGIS Desktop's own "Install from ZIP" code, under Xvfb."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys

import pytest

from .conftest import ROOT

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        not shutil.which("xvfb-run") or not shutil.which("qgis"),
        reason="needs xvfb-run and QGIS Desktop",
    ),
]


def test_install_from_zip_in_desktop(tmp_path):
    zip_path = tmp_path / "lyg_nrp_plugin.zip"
    subprocess.run(
        [
            sys.executable,
            str(ROOT / "scripts" / "build_plugin.py"),
            "--dest",
            str(tmp_path / "build"),
            "--zip",
            str(zip_path),
        ],
        check=True,
    )
    state_file = tmp_path / "state.json"
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    env.update(
        QGIS_CUSTOM_CONFIG_PATH=str(tmp_path / "profile"),
        LYG_TEST_ZIP=str(zip_path),
        LYG_TEST_STATE=str(state_file),
    )
    env.pop("QT_QPA_PLATFORM", None)  # a real (virtual) screen
    subprocess.run(
        [
            "xvfb-run",
            "-a",
            "-s",
            "-screen 0 1600x1000x24",
            "qgis",
            "--nologo",
            "--noversioncheck",
            "--code",
            str(ROOT / "test" / "desktop_zip_install_startup.py"),
        ],
        env=env,
        timeout=240,
        capture_output=True,
    )
    state = json.loads(state_file.read_text(encoding="utf-8"))
    assert "error" not in state, state
    installed = tmp_path / "profile" / "profiles" / "default" / "python" / "plugins"
    assert (installed / "lyg_nrp_plugin" / "metadata.txt").is_file()
    assert state["loaded"] and state["provider"]
    assert {"lyg_nrp:sample_data", "lyg_nrp:redline_overlap"} <= set(state["algorithms"])
    assert (
        len([m for m in state["menus"] if m in ("连云港自然资源规划", "LYG Natural Resources")])
        == 1
    )
    assert "LygNrpToolbar" in state["toolbars"]
    assert {"LygNrpIndicatorDock", "LygNrpResultsDock"} <= set(state["docks"])
    assert state["menus_after_reload"] == state["menus"]
    assert sorted(state["docks_after_reload"]) == ["LygNrpIndicatorDock", "LygNrpResultsDock"]
    # QGIS's Python on Debian 12 has no shapely 2: the plugin says how to install it
    if "shapely" in state["dependency_message"]:
        assert "pip install" in state["dependency_message"]
