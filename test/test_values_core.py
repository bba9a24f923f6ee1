"""core.values: one reading of numbers and KCXS for every algorithm (hand-worked cases)."""

from __future__ import annotations

import numpy as np
import pytest

from lyg_nrp_plugin.core.values import (
    KCXS_FRACTION,
    KCXS_PERCENT,
    parse_number,
    read_kcxs,
    read_numbers,
)


def test_parse_number():
    assert parse_number(" 12.5 ") == 12.5
    assert parse_number(None) is None and parse_number("") is None
    assert parse_number(float("nan")) is None
    for text in ("abc", "约5万"):
        with pytest.raises(ValueError):
            parse_number(text)


def test_read_numbers_reports_text_and_negatives():
    column = read_numbers([100.0, "abc", -50_000, None, "约5万", "20"])
    assert column.invalid == [1, 4]
    assert column.negative == [2]
    assert list(np.nan_to_num(column.values, nan=-1)) == [100.0, -1, -50_000, -1, -1, 20.0]


def test_kcxs_fraction_layer_keeps_one_as_a_whole_deduction():
    kcxs = read_kcxs([0.1, 1, None, 0.05])
    assert kcxs.unit == KCXS_FRACTION
    assert list(kcxs.fractions) == [0.1, 1.0, 0.0, 0.05]


def test_kcxs_percent_layer_reads_every_value_as_percent():
    """One value > 1 makes the layer percent-coded: 0.5 there is 0.5 %, not 50 %."""
    kcxs = read_kcxs([12, 0.5, 1, 8.5])
    assert kcxs.unit == KCXS_PERCENT
    assert kcxs.fractions == pytest.approx([0.12, 0.005, 0.01, 0.085])


def test_kcxs_out_of_range_counts_as_zero():
    kcxs = read_kcxs([5, 150, -1, "x"])
    assert kcxs.unit == KCXS_PERCENT
    assert kcxs.fractions == pytest.approx([0.05, 0, 0, 0])
    assert kcxs.invalid == [1, 2, 3]
