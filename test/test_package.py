"""`make package` output: one top folder, the right files, a valid metadata.txt, nothing extra."""

from __future__ import annotations

import configparser
import subprocess
import sys
import zipfile

import pytest

from .conftest import ROOT


@pytest.fixture(scope="module")
def plugin_zip(tmp_path_factory):
    out = tmp_path_factory.mktemp("package")
    zip_path = out / "lyg_nrp_plugin.zip"
    subprocess.run(
        [
            sys.executable,
            str(ROOT / "scripts" / "build_plugin.py"),
            "--dest",
            str(out / "build"),
            "--zip",
            str(zip_path),
        ],
        check=True,
    )
    return zip_path


def test_zip_structure(plugin_zip):
    names = zipfile.ZipFile(plugin_zip).namelist()
    assert {n.split("/")[0] for n in names} == {"lyg_nrp_plugin"}
    for required in (
        "lyg_nrp_plugin/__init__.py",
        "lyg_nrp_plugin/metadata.txt",
        "lyg_nrp_plugin/LICENSE",
        "lyg_nrp_plugin/i18n/lyg_nrp_zh_CN.qm",
        "lyg_nrp_plugin/resources/icons/icon.png",
        "lyg_nrp_plugin/processing/provider.py",
        "lyg_nrp_plugin/core/units.py",
    ):
        assert required in names, required
    forbidden = (
        "__pycache__",
        ".pyc",
        "/test/",
        "/tests/",
        ".ts",
        "ext_libs",
        "/.git",
        ".pytest_cache",
        "Makefile",
        "/scripts/",
    )
    assert not [n for n in names if any(f in n for f in forbidden)]


def test_metadata_is_valid(plugin_zip):
    text = zipfile.ZipFile(plugin_zip).read("lyg_nrp_plugin/metadata.txt").decode("utf-8")
    parser = configparser.ConfigParser(interpolation=None)
    parser.read_string(text)
    general = parser["general"]
    for key in (
        "name",
        "qgisMinimumVersion",
        "description",
        "about",
        "version",
        "author",
        "email",
        "tracker",
        "repository",
        "tags",
        "icon",
        "experimental",
        "hasProcessingProvider",
    ):
        assert general.get(key), key
    assert general["qgisMinimumVersion"] == "3.22"
    assert general["hasProcessingProvider"] == "yes"
    assert any("\u4e00" <= ch <= "\u9fff" for ch in general["about"])  # Chinese text too
    icon = "lyg_nrp_plugin/" + general["icon"]
    assert icon in zipfile.ZipFile(plugin_zip).namelist()
