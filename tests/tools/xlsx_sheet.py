#!/usr/bin/env python3
"""Prints one sheet of an XLSX workbook as CSV lines, read with openpyxl (a real reader, not
the zip magic). Used by tests/tools/test_report.cpp to compare report.xlsx with the CSVs.

usage: xlsx_sheet.py WORKBOOK SHEET
"""
import csv
import sys

import openpyxl


def cell_text(value):
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: xlsx_sheet.py WORKBOOK SHEET")
    book = openpyxl.load_workbook(sys.argv[1], read_only=True)
    if sys.argv[2] not in book.sheetnames:
        sys.exit(f"{sys.argv[1]}: no sheet '{sys.argv[2]}' (sheets: {', '.join(book.sheetnames)})")
    out = csv.writer(sys.stdout, lineterminator="\n")
    for row in book[sys.argv[2]].iter_rows(values_only=True):
        cells = [cell_text(v) for v in row]
        while cells and cells[-1] == "":
            cells.pop()
        out.writerow(cells)


if __name__ == "__main__":
    main()
