"""Ecological network (源地-廊道-节点) on numpy/scipy: sources, cost distance, links,
corridors, circuit current, nodes and connectivity indices. No qgis import here."""
