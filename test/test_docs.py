"""docs/algorithms/*.md carry parameter tables generated from the code (make docs)."""

from __future__ import annotations

import os
import subprocess
import sys

from .conftest import ROOT


def test_parameter_tables_are_generated_from_the_code():
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "make_docs.py"), "--check"],
        capture_output=True,
        text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        timeout=300,
    )
    assert result.returncode == 0, result.stderr[-2000:]
