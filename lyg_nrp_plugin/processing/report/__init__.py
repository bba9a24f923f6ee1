"""Reports: HTML (``html``), maps rendered by QGIS (``maps``), shared sections (``sections``)."""
