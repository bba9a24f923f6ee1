"""The push-down's SQL text (no database): identifiers quoted, every value a placeholder."""

from __future__ import annotations

import pytest

from lyg_nrp_plugin.processing.pushdown.sql import (
    Table,
    Target,
    near_query,
    page_query,
    quote_ident,
)

HOSTILE = 'a"; DROP TABLE x; --地类'


def test_quote_ident_doubles_quotes_and_refuses_nul():
    assert quote_ident("DLTB") == '"DLTB"'
    assert quote_ident(HOSTILE) == '"a""; DROP TABLE x; --地类"'
    with pytest.raises(ValueError):
        quote_ident("a\x00b")


def test_queries_quote_every_name_and_bind_every_value():
    layer = Table(HOSTILE, HOSTILE, "ge'om", 'k"ey', 4528)
    projects = Table("public", "JSXM", "geom", "fid", 4549)
    sql, values = near_query(layer, projects, [HOSTILE, "DLBM"], Target(srid=4549))
    # the hostile name only ever appears quoted (its quote doubled)
    assert sql.count(HOSTILE) == 0
    assert sql.count(quote_ident(HOSTILE)) == 3  # schema, table, field
    # projects into the layer's SRID, the layer into the analysis CRS, the chunk size: bound
    assert values == [4528, 4549, 100]
    assert sql.count("?") == len(values)
    assert "4528" not in sql and "4549" not in sql
    sql, values = page_query(layer, ["DLBM"], Target(proj="+proj=tmerc +lon_0=120 +k=1"))
    assert values == ["+proj=tmerc +lon_0=120 +k=1"]
    assert sql.count("?") == 3  # the PROJ string, then key > ? and LIMIT ? (bound per page)
    assert "tmerc" not in sql


def test_no_transform_when_the_analysis_crs_is_the_table_own():
    layer = Table("public", "DLTB", "geom", "fid", 4549)
    sql, values = page_query(layer, [], Target(srid=4549))
    assert "ST_Transform" not in sql and values == []


def test_fields_have_positional_aliases():
    """A field called like the query's own aliases (``k``, ``w``, ``i``) cannot collide."""
    layer = Table("public", "DLTB", "geom", "fid", 4549)
    projects = Table("public", "JSXM", "geom", "fid", 4549)
    sql, values = near_query(layer, projects, ["k", "w", "i"], Target(srid=4549))
    assert 'l."k" AS c0, l."w" AS c1, l."i" AS c2' in sql
    assert "json_build_array(r.k, length(r.w), r.c0, r.c1, r.c2)" in sql
    assert values == [100]
