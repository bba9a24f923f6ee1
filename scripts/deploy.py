#!/usr/bin/env python3
"""Install the plugin into a QGIS profile and enable it (or remove it).

    deploy.py                     # the current user's default profile
    deploy.py --config-path DIR   # a profile under DIR (as QGIS_CUSTOM_CONFIG_PATH=DIR)
    deploy.py --undeploy

Both QGIS Desktop and ``qgis_process`` read the profile's ``python/plugins`` folder and its
``PythonPlugins/<name>`` setting, which ``qgis_process plugins enable`` writes.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from build_plugin import PLUGIN, assemble, install_runtime_deps  # noqa: E402
from qgis_env import headless_env, profile_dir, qgis_process_binary  # noqa: E402


def set_enabled(config_path: Path | None, enabled: bool) -> None:
    verb = "enable" if enabled else "disable"
    result = subprocess.run(
        [qgis_process_binary(), "plugins", verb, PLUGIN],
        env=headless_env(config_path),
        capture_output=True,
        text=True,
        timeout=300,
    )
    if result.returncode != 0:
        sys.exit(f"qgis_process plugins {verb} failed:\n{result.stdout}\n{result.stderr}")


def deploy(config_path: Path | None = None) -> Path:
    plugins_dir = profile_dir(config_path) / "python" / "plugins"
    plugins_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as staging:
        folder = assemble(Path(staging))
        install_runtime_deps(folder)
        target = plugins_dir / PLUGIN
        if target.is_symlink() or target.is_file():
            target.unlink()
        elif target.exists():
            shutil.rmtree(target)
        shutil.copytree(folder, target)
    set_enabled(config_path, True)
    return target


def undeploy(config_path: Path | None = None) -> None:
    target = profile_dir(config_path) / "python" / "plugins" / PLUGIN
    if target.exists():
        set_enabled(config_path, False)
        shutil.rmtree(target)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--config-path", type=Path, help="QGIS_CUSTOM_CONFIG_PATH to use")
    parser.add_argument("--undeploy", action="store_true")
    args = parser.parse_args()
    if args.undeploy:
        undeploy(args.config_path)
        print(f"removed {PLUGIN}")
    else:
        print(f"deployed and enabled {deploy(args.config_path)}")


if __name__ == "__main__":
    main()
