"""Checks an analysis's table workbook (sweep.xlsx, sensitivity.xlsx) against its CSV file.

Usage: check_table_workbook.py XLSX CSV

The first sheet holds the CSV file's column names on its fourth row and its rows beneath them:
every number as a number (money columns, those of outflows and changes of a money output, in
万元: the CSV's yuan ÷ 10,000), every empty field empty and every text as written. Prints one line per problem on
standard error and exits 1 when there is any.
"""

import csv
import sys

import openpyxl


def main():
    xlsx, table = sys.argv[1], sys.argv[2]
    with open(table, newline="", encoding="utf-8-sig") as handle:
        rows = list(csv.reader(handle))
    sheet = openpyxl.load_workbook(xlsx).worksheets[0]
    problems = []
    header = [sheet.cell(row=4, column=index + 1).value for index in range(len(rows[0]))]
    if header != rows[0]:
        problems.append(f"column names {header}, expected {rows[0]}")
    # A sensitivity table's changes are money when the output measured is (its `output` column).
    measured = rows[1][rows[0].index("output")] if "output" in rows[0] and len(rows) > 1 else "outflow"
    changes_money = "outflow" in measured
    money = [
        "outflow" in name or (("_change_" in name or name.startswith("change_")) and changes_money)
        for name in rows[0]
    ]
    checked = 0
    for offset, fields in enumerate(rows[1:]):
        for column, field in enumerate(fields):
            cell = sheet.cell(row=5 + offset, column=column + 1)
            checked += 1
            try:
                number = float(field)
            except ValueError:
                number = None
            if field == "":
                ok = cell.value is None
                expected = None
            elif number is None:
                ok = cell.value == field
                expected = field
            else:
                expected = number / 10_000 if money[column] else number
                ok = isinstance(cell.value, (int, float)) and abs(cell.value - expected) <= 1e-9 * max(1.0, abs(expected))
            if not ok:
                problems.append(f"{cell.coordinate} ({rows[0][column]}): expected {expected!r}, found {cell.value!r}")
    if sheet.cell(row=5 + len(rows) - 1, column=1).value is not None:
        problems.append("rows beyond the CSV file's")
    if checked < 20:
        problems.append(f"only {checked} cells checked")
    for problem in problems[:20]:
        print(problem, file=sys.stderr)
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
