"""One occupation analysis: read the projects and the parcels near them, intersect them
(``core.overlay``), measure the pieces and sum them up by land class (``core.occupation``).
:class:`OccupationRun` carries everything the outputs and the report need."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from qgis.core import QgsProcessingContext

from ...core import overlay
from ...core.geometry import non_empty_mask
from ...core.occupation import Occupation, occupation
from ...core.progress import Progress
from ...translate import tr
from ..io.near import near_subset
from ..io.projects import Projects, read_projects
from ..io.read import GeometryTable, read_attributes, read_geometries
from ..measure import area_function
from .inputs import OccupationInputs


@dataclass
class OccupationRun:
    inputs: OccupationInputs
    projects: Projects
    parcels: GeometryTable  # the parcels read (near the projects)
    pieces: overlay.Pieces  # project ∩ parcel; ``left`` indexes the projects
    gross: np.ndarray  # gross area of every piece
    result: Occupation
    grades: list | None  # GDDB of every piece (None without a grade field)
    slopes: list | None  # GDPDJB of every piece
    hit_parcels: np.ndarray  # the parcels a project overlaps
    parcel_classes: np.ndarray  # their first-level class
    warnings: list[str]

    @property
    def n(self) -> int:
        return len(self.projects.geoms)

    @property
    def farm_total(self) -> float:
        """Occupied cultivated land (net m²) of all projects."""
        return float(sum(v["farm_m2"] for v in self.result.summary.values()))


def occupation_warnings(result: Occupation) -> list[str]:
    """Unknown DLBM codes and KCXS values read as percent or ignored (log and report)."""
    texts = []
    if result.unknown_codes:
        listed = ", ".join(
            f"{code or 'NULL'} ({n})" for code, n in sorted(result.unknown_codes.items())
        )
        texts.append(tr("Unknown land-use codes counted under 未知: {codes}").format(codes=listed))
    if result.kcxs_fixed:
        texts.append(
            tr("{n} KCXS values above 1 were read as percentages.").format(n=result.kcxs_fixed)
        )
    if result.kcxs_invalid:
        texts.append(
            tr("{n} KCXS values outside 0–100 were ignored (net = gross).").format(
                n=result.kcxs_invalid
            )
        )
    return texts


def read_parcels(
    inputs: OccupationInputs, projects: Projects, context: QgsProcessingContext, feedback
) -> tuple:
    """The parcels near the projects (a materialised subset of a large layer) and their
    geometries (10–40 % of the progress bar)."""
    near = near_subset(
        inputs.parcels, projects.geoms, inputs.crs, context, feedback, inputs.parcel_fields
    )
    if near is not inputs.parcels:
        feedback.pushInfo(
            tr("{layer}: {n} of {total} parcels lie near a project and are read.").format(
                layer=inputs.parcels_label,
                n=near.featureCount(),
                total=inputs.parcels.featureCount(),
            )
        )
    table = read_geometries(near, inputs.parcels_label, inputs.crs, context, feedback, 2, (10, 40))
    return near, table


def run_occupation(
    inputs: OccupationInputs, context: QgsProcessingContext, feedback
) -> OccupationRun:
    progress = Progress(feedback)
    args = (inputs.source, inputs.label, inputs.id_field, inputs.crs, context, feedback)
    projects = read_projects(*args, (0, 10))
    progress.check()
    near, parcels = read_parcels(inputs, projects, context, feedback)
    progress.check()
    present = np.nonzero(non_empty_mask(parcels.geoms))[0]
    pieces = overlay.intersect_pairs(
        projects.geoms, parcels.geoms[present], 2, progress=progress.sub(0.4, 0.7)
    )
    progress.set(0.7)
    gross = area_function(inputs.method, inputs.crs, context)
    gross = gross(pieces.geoms) if len(pieces) else np.zeros(0)
    progress.set(0.8)
    # attributes only of the parcels that a project overlaps
    hit, inverse = np.unique(present[pieces.right], return_inverse=True)
    hit_columns = read_attributes(near, parcels.fids[hit], inputs.parcel_fields, feedback)
    progress.check()

    def column(name: str) -> list | None:
        if not name:
            return None
        values = hit_columns[name]
        return [values[i] for i in inverse.tolist()]

    grades, slopes = column(inputs.grade_field), column(inputs.slope_field)
    result = occupation(
        pieces.left,
        column(inputs.dlbm_field),
        gross,
        len(projects.geoms),
        column(inputs.kcxs_field),
        grades,
        inputs.saltpans,
    )
    warnings = occupation_warnings(result)
    for text in warnings:
        feedback.pushWarning(text)
    first_piece = np.unique(inverse, return_index=True)[1]  # a piece of each hit parcel
    hit_geoms, classes = parcels.geoms[hit], result.classes[first_piece]
    args = (inputs, projects, parcels, pieces, gross, result, grades, slopes, hit_geoms, classes)
    return OccupationRun(*args, warnings)
