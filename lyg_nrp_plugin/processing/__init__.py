"""The ``lyg_nrp`` Processing provider and its algorithms (thin adapters around ``core``)."""
