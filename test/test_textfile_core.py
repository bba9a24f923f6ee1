"""core.textfile: the CSVs offices save (UTF-8, UTF-8 with BOM, GBK) read the same."""

from __future__ import annotations

import pytest

from lyg_nrp_plugin.core.textfile import TextFileError, read_text

TEXT = "control,level,basis\neco,FAIL,《关于加强生态保护红线管理的通知（试行）》\n"


@pytest.mark.parametrize(
    "encoded",
    [TEXT.encode("utf-8"), b"\xef\xbb\xbf" + TEXT.encode("utf-8"), TEXT.encode("gbk")],
    ids=["utf-8", "utf-8-bom", "gbk"],
)
def test_every_office_encoding_reads_the_same(tmp_path, encoded):
    path = tmp_path / "rules.csv"
    path.write_bytes(encoded)
    assert read_text(path) == TEXT


def test_unreadable_file_names_the_file(tmp_path):
    path = tmp_path / "bad.csv"
    path.write_bytes(b"\xff\xfe\x00\xd8\x00\xdc\xff")  # neither UTF-8 nor GB18030
    with pytest.raises(TextFileError, match="bad.csv"):
        read_text(path)
    with pytest.raises(TextFileError, match="missing.csv"):
        read_text(tmp_path / "missing.csv")
