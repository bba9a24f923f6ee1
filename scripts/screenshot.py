#!/usr/bin/env python3
"""``make screenshot``: QGIS Desktop under Xvfb, plugin deployed, sample data, both docks.

Builds the plugin (``build_plugin.assemble`` + runtime deps) into a temporary folder, makes a
temporary profile with the plugin enabled and the interface locale set — ``zh-Hans`` by
default, what QGIS's own 简体中文 setting stores, so QGIS itself is Chinese too — then runs
``xvfb-run -a qgis --nologo --noversioncheck --code <startup.py>``. The startup script opens
``resources/sample/lyg_sample.gpkg``, computes the indicator dashboard from the dock
(background task, layers matched by name, ``targets_example.json``), runs a red-line check
when ``lyg_nrp:redline_overlap`` exists, selects the first failing project in the
check-results dock (failures come first), grabs the main window and each dock to PNG, prints
the result as a 审查意见书 from the dock (导出PDF; the algorithm's own ``REPORT_PDF`` when it
has one) and writes the docks' state to JSON. A page of the PDF becomes a PNG (pdftoppm).

Pictures are named ``<what>_zh_CN.png`` for any Chinese locale spelling (the README links
them), ``<what>_<locale>.png`` otherwise.

    screenshot.py                       # docs/screenshots/*_zh_CN.png + state JSON
    screenshot.py --locale en_US --out /tmp/shots --state /tmp/state.json --wait 0
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
from build_plugin import PLUGIN, assemble, install_runtime_deps  # noqa: E402
from qgis_env import headless_env, profile_dir  # noqa: E402

SAMPLE = ROOT / "resources" / "sample" / "lyg_sample.gpkg"
TARGETS = ROOT / "resources" / "indicators" / "targets_example.json"

STARTUP = Path(__file__).with_name("screenshot_startup.py")  # runs inside QGIS Desktop


def picture_suffix(locale: str) -> str:
    """``zh_CN`` for every Chinese spelling (zh-Hans, zh_CN …): the names README links."""
    norm = locale.replace("-", "_").lower()
    return "zh_CN" if norm == "zh" or norm.startswith("zh_") else locale


def pdf_page_png(pdf: str, page: int, target: Path) -> str:
    """Page ``page`` of ``pdf`` as ``target`` (.png, 110 dpi, by pdftoppm); "" without it."""
    if not pdf or not Path(pdf).is_file() or not shutil.which("pdftoppm"):
        return ""
    stem = target.with_suffix("")
    subprocess.run(
        [
            "pdftoppm",
            "-f",
            str(page),
            "-l",
            str(page),
            "-r",
            "110",
            "-png",
            "-singlefile",
            pdf,
            str(stem),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    return str(target) if target.is_file() else ""


def count_pages(pdf: str) -> int:
    if not pdf or not Path(pdf).is_file() or not shutil.which("pdfinfo"):
        return 0
    info = subprocess.run(["pdfinfo", pdf], capture_output=True, text=True, timeout=60)
    found = [line.split()[-1] for line in info.stdout.splitlines() if line.startswith("Pages:")]
    return int(found[0]) if found else 0


def set_locale(config_path: Path, locale: str) -> None:
    """Write the UI locale into the profile's QGIS3.ini (what Settings > General does)."""
    from qgis.PyQt.QtCore import QSettings

    ini = profile_dir(config_path) / "QGIS" / "QGIS3.ini"
    ini.parent.mkdir(parents=True, exist_ok=True)
    settings = QSettings(str(ini), QSettings.IniFormat)
    settings.setValue("locale/overrideFlag", True)
    settings.setValue("locale/userLocale", locale)
    settings.setValue("locale/globalLocale", locale)
    settings.setValue("qgis/showTips322", False)
    settings.setValue("qgis/checkVersion", False)
    settings.setValue(f"PythonPlugins/{PLUGIN}", True)
    settings.sync()


def enable_plugin(config_path: Path, plugins_dir: Path) -> None:
    from qgis_env import qgis_process_binary

    result = subprocess.run(
        [qgis_process_binary(), "plugins", "enable", PLUGIN],
        env=headless_env(config_path, {"QGIS_PLUGINPATH": str(plugins_dir)}),
        capture_output=True,
        text=True,
        timeout=300,
    )
    if result.returncode != 0:
        raise RuntimeError(f"enabling the plugin failed:\n{result.stdout}\n{result.stderr}")


def wait_for_sample(sample: Path, seconds: float) -> bool:
    end = time.time() + seconds
    while not sample.is_file() and time.time() < end:
        time.sleep(5)
    return sample.is_file()


def run(
    out_dir: Path,
    state_path: Path,
    locale: str = "zh-Hans",
    wait: float = 0.0,
    timeout: float = 240.0,
    work: Path | None = None,
    sample: Path = SAMPLE,
) -> dict:
    """Take the screenshots; returns the state the startup script wrote."""
    if not shutil.which("xvfb-run") or not shutil.which("qgis"):
        raise RuntimeError("xvfb-run and qgis (QGIS Desktop) are needed")
    has_sample = wait_for_sample(sample, wait)
    out_dir.mkdir(parents=True, exist_ok=True)
    state_path.parent.mkdir(parents=True, exist_ok=True)
    cleanup = work is None
    work = Path(tempfile.mkdtemp(prefix="lyg_shot_")) if work is None else work
    try:
        plugin_dir = assemble(work / "plugins")
        install_runtime_deps(plugin_dir)
        config_path = work / "profile"
        enable_plugin(config_path, plugin_dir.parent)
        set_locale(config_path, locale)
        startup = work / "startup.py"
        startup.write_text(STARTUP.read_text(encoding="utf-8"), encoding="utf-8")
        if state_path.exists():
            state_path.unlink()
        config = {
            "sample": str(sample) if has_sample else "",
            "targets": str(TARGETS),
            "out": str(out_dir.resolve()),
            "state": str(state_path.resolve()),
            "locale": picture_suffix(locale),
            "timeout": timeout,
            "work": str(work),
        }
        env = {
            k: v
            for k, v in os.environ.items()
            if k not in ("PYTHONPATH", "VIRTUAL_ENV", "QT_QPA_PLATFORM")
        }
        env.update(
            QGIS_CUSTOM_CONFIG_PATH=str(config_path),
            QGIS_PLUGINPATH=str(plugin_dir.parent),
            LYG_SHOT_CONFIG=json.dumps(config),
            LANG="zh_CN.UTF-8" if locale.startswith("zh") else "en_US.UTF-8",
        )
        env.setdefault("XDG_RUNTIME_DIR", f"/tmp/runtime-{os.getuid()}")
        completed = subprocess.run(
            [
                "xvfb-run",
                "-a",
                "-s",
                "-screen 0 1700x1060x24",
                "qgis",
                "--nologo",
                "--noversioncheck",
                "--code",
                str(startup),
            ],
            env=env,
            capture_output=True,
            text=True,
            timeout=timeout + 180,
        )
        if not state_path.exists():
            raise RuntimeError(
                "QGIS wrote no state:\n" + completed.stdout[-3000:] + completed.stderr[-3000:]
            )
        state = json.loads(state_path.read_text(encoding="utf-8"))
        add_pdf_pictures(state, out_dir, picture_suffix(locale))
        state_path.write_text(json.dumps(state, ensure_ascii=False, indent=1), encoding="utf-8")
        return state
    finally:
        if cleanup:
            shutil.rmtree(work, ignore_errors=True)


def add_pdf_pictures(state: dict, out_dir: Path, suffix: str) -> None:
    """The first item page of the 审查意见书 as a picture (the algorithm's PDF when it wrote
    one, else the dock's), and the page counts of both PDFs."""
    for key in ("algorithm_pdf", "dock_pdf"):
        state[f"{key}_pages"] = count_pages(state.get(key, ""))
    pdf = state.get("algorithm_pdf") or state.get("dock_pdf") or ""
    picture = pdf_page_png(pdf, 2, out_dir / f"review_sheet_{suffix}.png")
    if picture:
        state.setdefault("screenshots", {})["review_sheet"] = picture


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument(
        "--state",
        type=Path,
        default=None,
        help="where the docks' state JSON goes (default: build/screenshot_state_<locale>.json)",
    )
    parser.add_argument(
        "--locale", default="zh-Hans", help="QGIS interface locale (zh-Hans: QGIS's 简体中文)"
    )
    parser.add_argument("--sample", type=Path, default=SAMPLE, help="the sample GeoPackage")
    parser.add_argument(
        "--wait",
        type=float,
        default=600.0,
        help="seconds to wait for the sample GeoPackage to appear",
    )
    parser.add_argument("--timeout", type=float, default=240.0)
    args = parser.parse_args()
    state_path = (
        args.state or ROOT / "build" / f"screenshot_state_{picture_suffix(args.locale)}.json"
    )
    state = run(args.out, state_path, args.locale, args.wait, args.timeout, sample=args.sample)
    for name, path in (state.get("screenshots") or {}).items():
        print(f"{name}: {path}")
    if state.get("errors"):
        print("\n".join(state["errors"]), file=sys.stderr)
        return 1
    if not state.get("layers"):
        print(
            f"warning: {args.sample} not found; the screenshots show empty docks", file=sys.stderr
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
