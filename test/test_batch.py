"""scripts/batch_review.py reviews every project GeoPackage of a folder through qgis_process."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import sys

import pytest

from .conftest import ROOT, SAMPLE_GPKG

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not SAMPLE_GPKG.is_file(), reason="sample data not generated"),
]


def project_count(path) -> int:
    with sqlite3.connect(path) as db:
        return db.execute('SELECT count(*) FROM "JSXM"').fetchone()[0]


def test_batch_reviews_each_file_and_fails_on_a_bad_one(
    tmp_path, qgis_process_profile, built_plugin
):
    folder = tmp_path / "projects"
    folder.mkdir()
    for name in ("east.gpkg", "west.gpkg"):
        shutil.copyfile(SAMPLE_GPKG, folder / name)
    with sqlite3.connect(folder / "west.gpkg") as db:  # a smaller second batch
        db.execute('DELETE FROM "JSXM" WHERE fid > 10')
    out = tmp_path / "out"
    command = [
        sys.executable,
        str(ROOT / "scripts" / "batch_review.py"),
        str(folder),
        "--out",
        str(out),
        "--config-path",
        str(qgis_process_profile),
    ]
    env_note = {"QGIS_PLUGINPATH": str(built_plugin.parent)}
    import os

    env = dict(os.environ, **env_note)
    result = subprocess.run(command, capture_output=True, text=True, env=env, timeout=1200)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    lines = [line for line in result.stdout.splitlines() if line.startswith("[")]
    assert len(lines) == 2 and all(": ok" in line for line in lines)
    assert "40 projects" in lines[0] and "10 projects" in lines[1]
    for stem in ("east", "west"):
        for report in ("redline_report.html", "occupation_report.html", "balance_report.html"):
            assert (out / stem / report).stat().st_size > 1000, (stem, report)

    (folder / "broken.gpkg").write_bytes(b"not a geopackage")
    result = subprocess.run(
        command + ["--algorithm", "redline"], capture_output=True, text=True, env=env, timeout=1200
    )
    assert result.returncode == 1
    assert "broken.gpkg: FAILED" in result.stdout
    assert "2 of 3 file(s) reviewed" in result.stdout
