"""CSV cells come out the same whether a value takes the short way or csv_cell."""

from __future__ import annotations

import csv
import datetime as dt
import io

import pytest

from pipeline.write import csv_cell, csv_row

ROW = {
    "text": "=SUMME(A1)",
    "count": 12700,
    "value": 12700.0,
    "share": 1.5,
    "flag": True,
    "day": dt.date(2024, 4, 14),
    "at": dt.datetime(2024, 4, 14, 6, 30),
    "empty": None,
    "minus": -3,
}


def _written(cells: list) -> str:
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerow(cells)
    return out.getvalue()


@pytest.mark.parametrize("safe", [False, True])
def test_csv_row_writes_what_csv_cell_writes(safe: bool) -> None:
    columns = [*ROW, "missing"]
    expected = _written([csv_cell(ROW.get(c), safe) for c in columns])
    assert _written(csv_row(ROW, columns, safe)) == expected
    assert expected.startswith("'=SUMME" if safe else "=SUMME")
    assert ",12700,12700,1.5,true,2024-04-14,2024-04-14T06:30:00,,-3," in expected
