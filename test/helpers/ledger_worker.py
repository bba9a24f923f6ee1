"""One process of the ledger concurrency test: waits until ``start_at`` (epoch seconds), then
debits ``quantity`` m² from ``county`` for ``project``, holding the write transaction for
``hold`` seconds after its checks, and prints the outcome as JSON (plain Python, no qgis)."""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from lyg_nrp_plugin.core import ledger as lg  # noqa: E402


def main(path: str, project: str, county: str, quantity: str, start_at: str, hold: str) -> None:
    while time.time() < float(start_at):
        time.sleep(0.005)
    request = lg.Debit(project, county, county, lg.Amounts(float(quantity), 0.0, 0.0))
    try:
        with lg.Ledger.open(path) as ledger:
            lg.debit(ledger, request, "digest", before_write=lambda: time.sleep(float(hold)))
        print(json.dumps({"ok": True, "project": project}))
    except lg.LedgerError as error:
        print(json.dumps({"ok": False, "project": project, "kind": error.kind}))


if __name__ == "__main__":
    main(*sys.argv[1:])
