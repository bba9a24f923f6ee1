"""core/ is plain Python: it imports without qgis, and its helpers compute the right numbers."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import numpy as np
import pytest
import shapely

from lyg_nrp_plugin import core
from lyg_nrp_plugin.core import units
from lyg_nrp_plugin.core.geometry import clean_geometries, dissolve, non_empty_mask

from .conftest import ROOT


def test_core_imports_without_qgis():
    modules = [m.name for m in pkgutil.walk_packages(core.__path__, "lyg_nrp_plugin.core.")]
    code = (
        "import sys\n"
        "sys.modules['qgis'] = None  # any 'import qgis...' now raises ImportError\n"
        "import importlib\n"
        f"for name in {['lyg_nrp_plugin.core', *modules]!r}:\n"
        "    importlib.import_module(name)\n"
        "assert not any(m == 'qgis' or m.startswith('qgis.') for m in sys.modules\n"
        "               if sys.modules[m] is not None)\n"
        "print('ok', len(sys.modules))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("ok")


def test_units_hand_worked():
    # 1 公顷 = 15 亩 = 10 000 m²; 1 亩 = 666.67 m²
    assert units.m2_to_mu(10_000) == pytest.approx(15.0)
    assert units.M2_PER_MU == pytest.approx(666.67, abs=0.005)
    assert units.m2_to_ha(123_456) == pytest.approx(12.3456)
    assert units.mu_to_m2(3) == pytest.approx(2000.0)
    assert units.format_area_zh(20_000) == "2.00 公顷（30.00 亩）"
    assert units.format_area_en(5_000, 1) == "0.5 ha (7.5 mu)"


def test_clean_geometries_repairs_bowtie_and_counts():
    bowtie = shapely.Polygon([(0, 0), (2, 2), (2, 0), (0, 2), (0, 0)])  # self-intersecting
    square = shapely.box(0, 0, 1, 1)
    geoms = np.array([bowtie, square, None, shapely.Polygon()], dtype=object)
    cleaned, stats = clean_geometries(geoms)
    assert (stats.n_input, stats.n_repaired, stats.n_empty) == (4, 1, 2)
    assert cleaned[0].is_valid and cleaned[0].geom_type == "MultiPolygon"
    # the bow-tie is two triangles of area 1 each (base 2, height 1)
    assert cleaned[0].area == pytest.approx(2.0)
    assert cleaned[1] is square  # valid input untouched
    assert list(non_empty_mask(cleaned)) == [True, True, False, False]


def test_clean_geometries_drops_stray_lines_from_collections():
    collection = shapely.GeometryCollection(
        [shapely.box(0, 0, 1, 1), shapely.LineString([(5, 5), (6, 6)])]
    )
    cleaned, _ = clean_geometries(np.array([collection], dtype=object))
    assert cleaned[0].geom_type == "Polygon" and cleaned[0].area == pytest.approx(1.0)


def test_dissolve_counts_overlap_once():
    a, b = shapely.box(0, 0, 2, 2), shapely.box(1, 1, 3, 3)
    assert dissolve(np.array([a, b, None], dtype=object)).area == pytest.approx(7.0)
    assert dissolve(np.array([], dtype=object)).is_empty


def test_collector_paused_for_the_block_and_on_again_after_an_error():
    import gc

    from lyg_nrp_plugin.core.progress import collector_paused

    assert gc.isenabled()
    try:
        with collector_paused():
            assert not gc.isenabled()
            with collector_paused():  # a model's child algorithm inside a run
                assert not gc.isenabled()
            assert not gc.isenabled()
            raise RuntimeError("stop")
    except RuntimeError:
        pass
    assert gc.isenabled()
