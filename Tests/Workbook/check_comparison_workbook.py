"""Checks comparison.xlsx as a spreadsheet application reads it, against comparison.csv.

Usage: check_comparison_workbook.py COMPARISON_XLSX COMPARISON_CSV

Checks each year's row of the difference sheet (差异): the net outflow's mean, MCSE, P5, median
and P95 difference in 万元 and P(Δ > 0); the first period's row against the cumulative net
outflow's difference at its last year; and the chart inside the file. Prints one line per problem
on standard error and exits 1 when there is any.
"""

import csv
import re
import sys
import zipfile

import openpyxl

STATISTICS = ["mean", "mcse", "p05", "p50", "p95", "prob_positive"]


def main():
    xlsx, comparison_csv = sys.argv[1], sys.argv[2]
    values = {}
    with open(comparison_csv, newline="", encoding="utf-8-sig") as handle:
        for row in csv.DictReader(handle):
            values[(int(row["year"]), row["metric"], row["statistic"])] = float(row["value"])
    problems = []
    checked = 0
    book = openpyxl.load_workbook(xlsx)
    if book.sheetnames != ["差异", "运行信息"]:
        problems.append(f"sheets {book.sheetnames}")
    sheet = book["差异"]
    for row in sheet.iter_rows():
        label = row[0].value
        if isinstance(label, (int, float)):
            year, metric = int(label), "net_outflow"
        elif isinstance(label, str) and (match := re.fullmatch(r"(\d{4})–(\d{4})", label)):
            if int(match[1]) != min(y for y, _, _ in values):
                continue
            year, metric = int(match[2]), "cumulative_net_outflow"
        else:
            continue
        for index, statistic in enumerate(STATISTICS):
            expected = values[(year, metric, statistic)]
            if statistic != "prob_positive":
                expected /= 10_000
            cell = row[index + 1]
            checked += 1
            if not isinstance(cell.value, (int, float)) or abs(cell.value - expected) > 1e-6 * max(1.0, abs(expected)):
                problems.append(f"差异!{cell.coordinate} ({metric} {year} {statistic}): expected {expected!r}, found {cell.value!r}")
    with zipfile.ZipFile(xlsx) as archive:
        if not any(re.fullmatch(r"xl/charts/chart\d+\.xml", name) for name in archive.namelist()):
            problems.append("no chart in the file")
    if checked < 30:
        problems.append(f"only {checked} cells checked")
    for problem in problems:
        print(problem, file=sys.stderr)
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
