"""Reading sources and writing sinks (vector and raster); one home per helper."""
