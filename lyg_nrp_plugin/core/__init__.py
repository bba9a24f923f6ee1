"""Computations of the plugin in plain Python (shapely, numpy, scipy) — no qgis import.

Usable on its own, e.g. from a notebook::

    from lyg_nrp_plugin.core import units
    units.format_area_zh(12345.0)   # '1.23 公顷（18.52 亩）'
"""
