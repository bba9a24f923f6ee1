"""Rasters through Debian's GDAL Python bindings: grids, rasterising shapely geometries,
warping a resistance raster onto a grid, polygonising label grids and writing GeoTIFFs."""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import shapely
from osgeo import gdal, ogr, osr

gdal.UseExceptions()
ogr.UseExceptions()


@dataclass(frozen=True)
class Grid:
    """North-up grid: ``x0``/``y0`` the upper-left corner, square cells."""

    x0: float
    y0: float
    cell: float
    rows: int
    cols: int
    crs_wkt: str

    @property
    def shape(self) -> tuple[int, int]:
        return (self.rows, self.cols)

    @property
    def geotransform(self):
        return (self.x0, self.cell, 0.0, self.y0, 0.0, -self.cell)

    @property
    def bounds(self) -> tuple[float, float, float, float]:
        return (self.x0, self.y0 - self.rows * self.cell, self.x0 + self.cols * self.cell, self.y0)

    def xy(self, rows, cols):
        """Cell-centre coordinates of (fractional) row/column indices."""
        rows = np.asarray(rows, dtype=float)
        cols = np.asarray(cols, dtype=float)
        return self.x0 + (cols + 0.5) * self.cell, self.y0 - (rows + 0.5) * self.cell


def grid_for(bounds: tuple[float, float, float, float], cell: float, crs_wkt: str) -> Grid:
    """A grid covering ``bounds`` (xmin, ymin, xmax, ymax) snapped to multiples of ``cell``."""
    xmin, ymin, xmax, ymax = bounds
    x0 = math.floor(xmin / cell) * cell
    y0 = math.ceil(ymax / cell) * cell
    cols = max(int(math.ceil((xmax - x0) / cell - 1e-9)), 1)
    rows = max(int(math.ceil((y0 - ymin) / cell - 1e-9)), 1)
    return Grid(x0, y0, cell, rows, cols, crs_wkt)


def _mem_raster(grid: Grid, dtype=gdal.GDT_Float64, fill=0.0):
    ds = gdal.GetDriverByName("MEM").Create("", grid.cols, grid.rows, 1, dtype)
    ds.SetGeoTransform(grid.geotransform)
    ds.SetProjection(grid.crs_wkt)
    band = ds.GetRasterBand(1)
    band.Fill(fill)
    return ds


def rasterize(
    geoms, values, grid: Grid, fill: float = np.nan, all_touched: bool = False, dtype=np.float64
) -> np.ndarray:
    """Burn one value per shapely geometry (later geometries on top)."""
    gdal_type = gdal.GDT_Float64 if np.dtype(dtype).kind == "f" else gdal.GDT_Int32
    ds = _mem_raster(grid, gdal_type, fill if np.isfinite(fill) else np.nan)
    srs = osr.SpatialReference()
    srs.ImportFromWkt(grid.crs_wkt)
    src = ogr.GetDriverByName("Memory").CreateDataSource("burn")
    layer = src.CreateLayer("burn", srs, ogr.wkbUnknown)
    layer.CreateField(ogr.FieldDefn("v", ogr.OFTReal))
    defn = layer.GetLayerDefn()
    for geom, value in zip(geoms, values):
        if geom is None or geom.is_empty:
            continue
        feature = ogr.Feature(defn)
        feature.SetGeometry(ogr.CreateGeometryFromWkb(shapely.to_wkb(geom, output_dimension=2)))
        feature.SetField("v", float(value))
        layer.CreateFeature(feature)
    options = ["ATTRIBUTE=v"] + (["ALL_TOUCHED=TRUE"] if all_touched else [])
    gdal.RasterizeLayer(ds, [1], layer, options=options)
    return ds.GetRasterBand(1).ReadAsArray().astype(dtype)


def warp_to_grid(
    path: str, grid: Grid, resample: str = "average", src_crs_wkt: str | None = None
) -> np.ndarray:
    """Read band 1 of a raster resampled onto ``grid`` (nodata -> nan)."""
    xmin, ymin, xmax, ymax = grid.bounds
    options = gdal.WarpOptions(
        format="MEM",
        outputBounds=(xmin, ymin, xmax, ymax),
        width=grid.cols,
        height=grid.rows,
        dstSRS=grid.crs_wkt,
        srcSRS=src_crs_wkt,
        resampleAlg=resample,
        dstNodata=np.nan,
        outputType=gdal.GDT_Float64,
    )
    ds = gdal.Warp("", path, options=options)
    return ds.GetRasterBand(1).ReadAsArray().astype(np.float64)


def polygonize(labels: np.ndarray, grid: Grid, row0: int = 0, col0: int = 0) -> dict:
    """Label (>0) -> shapely (Multi)Polygon of its cells; ``row0/col0`` offset a crop."""
    if labels.size == 0 or not (labels > 0).any():
        return {}
    sub = Grid(
        grid.x0 + col0 * grid.cell,
        grid.y0 - row0 * grid.cell,
        grid.cell,
        labels.shape[0],
        labels.shape[1],
        grid.crs_wkt,
    )
    ds = _mem_raster(sub, gdal.GDT_Int32, 0)
    band = ds.GetRasterBand(1)
    band.WriteArray(labels.astype(np.int32))
    mask_ds = _mem_raster(sub, gdal.GDT_Byte, 0)
    mask_ds.GetRasterBand(1).WriteArray((labels > 0).astype(np.uint8))
    src = ogr.GetDriverByName("Memory").CreateDataSource("poly")
    layer = src.CreateLayer("poly", None, ogr.wkbPolygon)
    layer.CreateField(ogr.FieldDefn("label", ogr.OFTInteger))
    gdal.Polygonize(band, mask_ds.GetRasterBand(1), layer, 0, [])
    parts: dict[int, list] = {}
    for feature in layer:
        geom = shapely.from_wkb(bytes(feature.GetGeometryRef().ExportToWkb()))
        parts.setdefault(int(feature.GetField(0)), []).append(geom)
    return {k: shapely.union_all(v) if len(v) > 1 else v[0] for k, v in parts.items()}


def write_geotiff(
    path: str, array: np.ndarray, grid: Grid, nodata: float | None = -9999.0, dtype=gdal.GDT_Float32
) -> str:
    """Write one band (nan -> nodata); GeoTIFF unless the extension names another driver."""
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    ext = Path(path).suffix.lower()
    driver_name = "GTiff"
    if ext not in (".tif", ".tiff", ""):
        for i in range(gdal.GetDriverCount()):
            drv = gdal.GetDriver(i)
            exts = (drv.GetMetadataItem(gdal.DMD_EXTENSIONS) or "").split()
            if ext.lstrip(".") in exts and drv.GetMetadataItem(gdal.DCAP_CREATE) == "YES":
                driver_name = drv.ShortName
                break
    driver = gdal.GetDriverByName(driver_name)
    options = (
        ["COMPRESS=DEFLATE", "TILED=YES", "BIGTIFF=IF_SAFER"] if driver_name == "GTiff" else []
    )
    ds = driver.Create(path, grid.cols, grid.rows, 1, dtype, options=options)
    ds.SetGeoTransform(grid.geotransform)
    ds.SetProjection(grid.crs_wkt)
    band = ds.GetRasterBand(1)
    data = np.asarray(array, dtype=np.float64)
    if nodata is not None:
        band.SetNoDataValue(nodata)
        data = np.where(np.isfinite(data), data, nodata)
    band.WriteArray(data)
    band.FlushCache()
    ds = None
    return path
