"""What one run of ``lyg_nrp:indicator_assessment`` reads: options, catalogue, TARGETS file and
the layers (:func:`read_inputs`), and the run itself (:class:`IndicatorRun`) — what the table,
the JSON, the report and the published result are written from."""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field

from qgis.core import QgsCoordinateReferenceSystem, QgsProcessingContext, QgsProcessingException

from ...core.indicators.catalogue import load_catalogue, load_manual
from ...core.indicators.compute import IndicatorInputs
from ...core.indicators.model import Indicator, IndicatorResult, ManualInputs, status_counts
from ...translate import is_chinese, tr
from ..crs import parameter_analysis_crs
from ..pushdown import choose, layer_parameters
from ..report.indicators import catalogue_path
from .layers import read_layers


@dataclass
class AssessmentInputs:
    lang: str  # "zh" or "en": language of names and notes
    crs: QgsCoordinateReferenceSystem
    year: int
    catalogue: list[Indicator]
    manual: ManualInputs
    targets_path: str
    layers: IndicatorInputs
    used: list[tuple[str, str]]  # (input title, layer label) of each layer given
    labels: dict[str, str]  # parameter name -> layer label (warnings name the layer)
    json_path: str
    report_path: str


def read_inputs(alg, parameters: dict, context: QgsProcessingContext, feedback) -> AssessmentInputs:
    lang = "zh" if is_chinese() else "en"
    crs = parameter_analysis_crs(alg, parameters, context)
    year = alg.parameterAsInt(parameters, alg.YEAR, context)
    catalogue = _catalogue()
    targets_path = alg.parameterAsFile(parameters, alg.TARGETS, context)
    manual = _manual(targets_path, catalogue)
    layers = IndicatorInputs(
        include_saltpans=alg.parameterAsBoolean(parameters, alg.WETLAND_INCLUDES_SALTPANS, context),
        wetland_definition=alg.parameterAsEnum(parameters, alg.WETLAND_DEFINITION, context),
    )
    read_by_qgis = (alg.MINES, alg.OCCUPATION)  # attribute tables: read as they are
    names = [n for n in layer_parameters(alg) if n not in read_by_qgis]
    engine = choose(alg, parameters, context, feedback, names, crs)
    reader = read_layers(alg, parameters, context, feedback, crs, layers, engine)
    if manual.illustrative:
        feedback.pushWarning(
            tr(
                "The TARGETS file {path} is an example: its targets and values are "
                "illustrations, not official figures."
            ).format(path=targets_path)
        )
    return AssessmentInputs(
        lang=lang,
        crs=crs,
        year=year,
        catalogue=catalogue,
        manual=manual,
        targets_path=targets_path or "",
        layers=layers,
        used=reader.used,
        labels=reader.labels,
        json_path=alg.parameterAsFileOutput(parameters, alg.JSON, context),
        report_path=alg.parameterAsFileOutput(parameters, alg.REPORT, context),
    )


def _catalogue() -> list[Indicator]:
    try:
        return load_catalogue(catalogue_path())
    except (OSError, ValueError, KeyError) as error:
        raise QgsProcessingException(
            tr("The indicator catalogue {path} cannot be read: {error}").format(
                path=catalogue_path(), error=error
            )
        ) from error


def _manual(targets_path: str, catalogue: list[Indicator]) -> ManualInputs:
    if not targets_path:
        return ManualInputs()
    try:
        return load_manual(targets_path, [i.code for i in catalogue])
    except (OSError, ValueError, KeyError) as error:
        raise QgsProcessingException(
            tr("The TARGETS file {path} cannot be used: {error}").format(
                path=targets_path, error=error
            )
        ) from error


@dataclass
class IndicatorRun:
    """The inputs of a run and its results (one per catalogue indicator)."""

    inputs: AssessmentInputs
    results: list[IndicatorResult]
    algorithm: str  # "lyg_nrp:indicator_assessment"
    warnings: list[str] = field(default_factory=list)  # about the input data
    generated: str = field(default_factory=lambda: _dt.datetime.now().isoformat(timespec="seconds"))
    counts: dict[str, int] = field(init=False)

    def __post_init__(self):
        self.counts = status_counts(self.results)

    def meta(self) -> dict:
        """The ``meta`` of the JSON output (read by the dashboard and the report)."""
        return {
            "algorithm": self.algorithm,
            "year": self.inputs.year,
            "generated": self.generated,
            "crs": self.inputs.crs.authid(),
            "targets_file": self.inputs.targets_path,
            "illustrative": self.inputs.manual.illustrative,
            "wetland_definition": self.inputs.layers.wetland_definition,
            "wetland_includes_saltpans": self.inputs.layers.include_saltpans,
            "inputs": {k: v for k, v in self.inputs.used},
            "counts": self.counts,
            "warnings": list(self.warnings),
        }
