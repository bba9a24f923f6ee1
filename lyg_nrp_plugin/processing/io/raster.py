"""Rasters through Debian's GDAL Python bindings: grids, rasterising shapely geometries,
reading a raster on its own grid or resampling it onto another (barriers kept), polygonising
label grids and writing GeoTIFFs."""

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


def grid_for(
    bounds: tuple[float, float, float, float],
    cell: float,
    crs_wkt: str,
    origin: tuple[float, float] = (0.0, 0.0),
) -> Grid:
    """A grid covering ``bounds`` (xmin, ymin, xmax, ymax) whose cell edges fall on
    ``origin`` + multiples of ``cell`` (by default multiples of ``cell`` from 0, 0)."""
    xmin, ymin, xmax, ymax = bounds
    ox, oy = origin
    x0 = ox + math.floor((xmin - ox) / cell + 1e-9) * cell
    y0 = oy + math.ceil((ymax - oy) / cell - 1e-9) * cell
    cols = max(int(math.ceil((xmax - x0) / cell - 1e-9)), 1)
    rows = max(int(math.ceil((y0 - ymin) / cell - 1e-9)), 1)
    return Grid(x0, y0, cell, rows, cols, crs_wkt)


def raster_grid(path: str, crs_wkt: str | None = None) -> Grid | None:
    """The raster's own grid (``crs_wkt`` or the file's CRS), None when it is rotated or its
    cells are not square (then it can only be resampled)."""
    ds = gdal.Open(path)
    x0, dx, rx, y0, ry, dy = ds.GetGeoTransform()
    if rx or ry or dy >= 0 or not math.isclose(dx, -dy, rel_tol=1e-9):
        return None
    return Grid(x0, y0, dx, ds.RasterYSize, ds.RasterXSize, crs_wkt or ds.GetProjection())


def crop_grid(grid: Grid, bounds: tuple[float, float, float, float]) -> Grid | None:
    """The whole cells of ``grid`` that meet ``bounds``; None when none does."""
    xmin, ymin, xmax, ymax = bounds
    cell = grid.cell
    c0 = max(math.floor((xmin - grid.x0) / cell + 1e-9), 0)
    c1 = min(math.ceil((xmax - grid.x0) / cell - 1e-9), grid.cols)
    r0 = max(math.floor((grid.y0 - ymax) / cell + 1e-9), 0)
    r1 = min(math.ceil((grid.y0 - ymin) / cell - 1e-9), grid.rows)
    if c1 <= c0 or r1 <= r0:
        return None
    x0, y0 = grid.x0 + c0 * cell, grid.y0 - r0 * cell
    return Grid(x0, y0, cell, r1 - r0, c1 - c0, grid.crs_wkt)


def _band_values(band, *window) -> np.ndarray:
    """Band values as float64 (window: xoff, yoff, cols, rows), nodata -> nan."""
    data = band.ReadAsArray(*window).astype(np.float64)
    nodata = band.GetNoDataValue()
    if nodata is not None:
        data[data == nodata] = np.nan
    return data


def read_cells(path: str, own: Grid, sub: Grid) -> np.ndarray:
    """Band 1 of a raster on ``sub``, a crop of its own grid ``own``: the stored values, no
    resampling (nodata -> nan)."""
    c0 = int(round((sub.x0 - own.x0) / own.cell))
    r0 = int(round((own.y0 - sub.y0) / own.cell))
    ds = gdal.Open(path)  # kept alive while its band is read
    return _band_values(ds.GetRasterBand(1), c0, r0, sub.cols, sub.rows)


def suggested_grid(path: str, crs_wkt: str, src_crs_wkt: str | None = None) -> Grid:
    """The grid GDAL would give the raster reprojected to ``crs_wkt`` (same cell count)."""
    vrt = gdal.Warp("", path, format="VRT", dstSRS=crs_wkt, srcSRS=src_crs_wkt)
    x0, dx, _, y0, _, dy = vrt.GetGeoTransform()
    cell = max(abs(dx), abs(dy))
    return Grid(x0, y0, cell, vrt.RasterYSize, vrt.RasterXSize, crs_wkt)


def _warp(src, grid: Grid, resample: str, src_crs_wkt: str | None, nodata) -> np.ndarray:
    xmin, ymin, xmax, ymax = grid.bounds
    options = gdal.WarpOptions(
        format="MEM",
        outputBounds=(xmin, ymin, xmax, ymax),
        width=grid.cols,
        height=grid.rows,
        dstSRS=grid.crs_wkt,
        srcSRS=src_crs_wkt,
        resampleAlg=resample,
        dstNodata=nodata,
        outputType=gdal.GDT_Float64,
        warpOptions=["INIT_DEST=NO_DATA" if nodata is not None else "INIT_DEST=0"],
    )
    ds = gdal.Warp("", src, options=options)
    return ds.GetRasterBand(1).ReadAsArray().astype(np.float64)


def resample_to_grid(
    path: str, grid: Grid, resample: str, src_crs_wkt: str | None = None, keep_barriers=True
) -> np.ndarray:
    """Band 1 resampled onto ``grid`` with GDAL's ``resample`` method (average, max, near…).

    Barriers (nodata, non-finite or ≤ 0) never take part in the resampling: they are nan in the
    source. With ``keep_barriers`` a target cell that overlaps any barrier cell of the source
    stays a barrier (nan), so that averaging cannot open a gap in a wall of nodata.
    """
    src = gdal.Open(path)
    values = _band_values(src.GetRasterBand(1))
    with np.errstate(invalid="ignore"):
        barrier = ~(np.isfinite(values) & (values > 0))
    values[barrier] = np.nan
    size = (src.RasterXSize, src.RasterYSize)
    mem = gdal.GetDriverByName("MEM").Create("", *size, 1, gdal.GDT_Float64)
    mem.SetGeoTransform(src.GetGeoTransform())
    mem.SetProjection(src_crs_wkt or src.GetProjection())
    band = mem.GetRasterBand(1)
    band.SetNoDataValue(np.nan)
    band.WriteArray(values)
    out = _warp(mem, grid, resample, src_crs_wkt, np.nan)
    if keep_barriers and barrier.any():
        band.DeleteNoDataValue()
        band.WriteArray(barrier.astype(np.float64))
        touched = _warp(mem, grid, "max", src_crs_wkt, None)
        out[touched > 0] = np.nan
    return out


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
    """Band 1 warped onto ``grid`` as GDAL does it (nodata -> nan; barriers not kept: use
    :func:`resample_to_grid` for resistance)."""
    return _warp(path, grid, resample, src_crs_wkt, np.nan)


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
