#!/usr/bin/env python3
"""``make demo``: the main job on the bundled sample data, headless, through ``qgis_process``.

Deploys the plugin into a temporary QGIS profile (nothing touches your own profile), loads the
sample data with ``lyg_nrp:sample_data`` and prints each layer's feature count and size.
Outputs go to ``out/demo/``.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from deploy import deploy  # noqa: E402
from qgis_env import headless_env, qgis_process_binary  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "out" / "demo"


class QgisProcess:
    """``qgis_process`` bound to one profile folder."""

    def __init__(self, config_path: Path):
        self.config_path = config_path

    def run(self, algorithm: str, **parameters) -> dict:
        args = [qgis_process_binary(), "run", algorithm, "--json", "--"]
        args += [f"{key}={value}" for key, value in parameters.items()]
        started = time.perf_counter()
        result = subprocess.run(args, env=headless_env(self.config_path), capture_output=True,
                                text=True, timeout=3600)
        if result.returncode != 0:
            sys.exit(f"{algorithm} failed (rc {result.returncode}):\n{result.stdout[-3000:]}\n"
                     f"{result.stderr[-3000:]}")
        payload = json.loads(result.stdout)
        print(f"  {algorithm}: {time.perf_counter() - started:.1f} s")
        return payload["results"]


def layer_summary(uri: str) -> tuple[str, int, str]:
    """(geometry kind, feature count, size) of a ``path|layername=X`` layer, via GDAL/OGR."""
    from osgeo import ogr

    path, _, name = uri.partition("|layername=")
    dataset = ogr.Open(path)
    layer = dataset.GetLayerByName(name)
    kind = ogr.GeometryTypeToName(layer.GetGeomType())
    total_area = total_length = 0.0
    for feature in layer:
        geometry = feature.GetGeometryRef()
        if geometry is None:
            continue
        total_area += geometry.GetArea()
        total_length += geometry.Length()
    if "Polygon" in kind:
        size = f"{total_area / 1e6:,.2f} km² ({total_area / 1e4:,.0f} 公顷)"
    else:
        size = f"{total_length / 1e3:,.2f} km"
    return kind, layer.GetFeatureCount(), size


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="lyg_nrp_demo_profile_") as profile:
        config_path = Path(profile)
        print("== deploying the plugin into a temporary QGIS profile")
        deploy(config_path)
        qgis = QgisProcess(config_path)
        print("== loading the sample data (lyg_nrp:sample_data)")
        sample = OUT / "lyg_sample.gpkg"
        results = qgis.run("lyg_nrp:sample_data", DESTINATION=sample)
        print(f"\n{'layer':<12}{'geometry':<18}{'features':>9}  size")
        for name, uri in results.items():
            if isinstance(uri, str) and "|layername=" in uri:
                kind, count, size = layer_summary(uri)
                print(f"{name:<12}{kind:<18}{count:>9}  {size}")
        print(f"\n{results['N_LAYERS']} layers in {sample}")


if __name__ == "__main__":
    main()
