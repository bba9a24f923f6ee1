"""LYG NRP — checks for Lianyungang's 14th Five-Year natural-resources plan.

QGIS calls :func:`classFactory`; ``qgis_process`` calls it with ``iface=None`` and then
``initProcessing()`` only. Nothing here imports qgis at module level, so that
``lyg_nrp_plugin.core`` stays importable in a plain Python (notebook, test oracle).
"""

from __future__ import annotations

import sys
from pathlib import Path

# Runtime dependencies installed by `make deploy` (pip --target) live next to the code.
_EXT_LIBS = Path(__file__).resolve().parent / "ext_libs"
if _EXT_LIBS.is_dir() and str(_EXT_LIBS) not in sys.path:
    sys.path.insert(0, str(_EXT_LIBS))


def classFactory(iface):  # noqa: N802 - name required by QGIS
    from .plugin import LygNrpPlugin

    return LygNrpPlugin(iface)
