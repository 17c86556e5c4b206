"""Checks forecast.xlsx as a spreadsheet application reads it, against forecast.csv.

Usage: check_forecast_workbook.py FORECAST_XLSX FORECAST_CSV PERCENTILE PERIOD_YEARS [REPORTING_PERIOD_YEARS]

Opens the workbook with openpyxl and checks every number of the budget sheet (预算表): each
year's mean and percentile of each budget line, each period's and the horizon's subtotal (means
summed over the years; percentiles only from the cumulative metrics for a span from the first
year, or from the reporting-period metrics for a span that is a reporting period, otherwise
empty; the reporting period is PERIOD_YEARS unless given), and the
net outflow's distribution block; the six sheets' names; the chart parts inside the file. Prints
one line per problem on standard error and exits 1 when there is any.
"""

import csv
import re
import sys
import zipfile

import openpyxl

SHEETS = ["预算表", "超预算概率", "在册与撤销", "分布", "假设", "运行信息"]
LINES = {
    "创建补助（第十一条）": "grant_outflow",
    "设备补助（第十二条第一款）": "equipment_subsidy",
    "技能提升补助（第十二条第二款）": "training_subsidy",
    "创新成果等奖励（第十二条第三款）": "award_subsidy",
    "支出合计": "total_outflow",
    "减：追回资金（第十五条）": "clawback",
    "净支出": "net_outflow",
}
CUMULATIVE = {"grant_outflow": "cumulative_grant_outflow", "net_outflow": "cumulative_net_outflow"}
PERIOD = {"grant_outflow": "period_grant_outflow", "net_outflow": "period_net_outflow"}
FAN = {"P95": "p95", "P75": "p75", "P25": "p25", "P5": "p05", "中位数": "p50", "均值": "mean"}


def main():
    xlsx, forecast_csv, percentile, period_years = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
    reporting_years = int(sys.argv[5]) if len(sys.argv) > 5 else period_years
    prudent = "p%02d" % percentile
    values = {}
    with open(forecast_csv, newline="", encoding="utf-8-sig") as handle:
        for row in csv.DictReader(handle):
            values[(int(row["year"]), row["metric"], row["statistic"])] = float(row["value"])
    years = sorted({year for year, _, _ in values})
    problems = []
    checked = 0

    def expect(cell, expected, where):
        nonlocal checked
        checked += 1
        if expected is None:
            if cell.value is not None:
                problems.append(f"{where}: expected an empty cell, found {cell.value!r}")
        elif not isinstance(cell.value, (int, float)) or abs(cell.value - expected) > 1e-6 * max(1.0, abs(expected)):
            problems.append(f"{where}: expected {expected!r}, found {cell.value!r}")

    book = openpyxl.load_workbook(xlsx)
    if book.sheetnames != SHEETS:
        problems.append(f"sheets {book.sheetnames}, expected {SHEETS}")
    sheet = book["预算表"]
    rows = list(sheet.iter_rows())
    heading = next(row for row in rows if row[0].value == "预算项目")
    columns = []  # (column index, kind, first year, last year)
    for cell in heading[1:]:
        text = str(cell.value or "")
        if re.fullmatch(r"\d{4}", text):
            columns.append((cell.column - 1, "year", int(text), int(text)))
        elif match := re.fullmatch(r"(\d{4})–(\d{4}) (小计|合计)", text):
            columns.append((cell.column - 1, "period" if match[3] == "小计" else "horizon", int(match[1]), int(match[2])))
    spans = [(first, last) for _, kind, first, last in columns if kind == "period"]
    expected_spans = [(years[i], years[min(i + period_years, len(years)) - 1]) for i in range(0, len(years), period_years)]
    if spans != expected_spans:
        problems.append(f"period subtotals {spans}, expected {expected_spans}")
    block = None
    for row in rows[heading[0].row:]:
        label = row[0].value
        if label == "均值":
            block = "mean"
            continue
        if isinstance(label, str) and label.startswith(f"P{percentile}（"):
            block = prudent
            continue
        if label is None or block is None:
            continue
        label = label.strip()
        tranche = re.fullmatch(r"其中：第(\d+)笔补助", label)
        metric = f"tranche_{tranche[1]}" if tranche else LINES.get(label)
        if metric is None:
            block = None
            continue
        for index, kind, first, last in columns:
            where = f"预算表!{row[index].coordinate} ({metric}, {block}, {first}–{last})"
            if kind == "year":
                expected = values.get((first, metric, block))
            elif block == "mean":
                expected = sum(values[(year, metric, "mean")] for year in years if first <= year <= last)
            elif first == years[0] and metric in CUMULATIVE:
                expected = values.get((last, CUMULATIVE[metric], block))
            elif (
                metric in PERIOD
                and (years.index(first) % reporting_years) == 0
                and last - first < reporting_years
            ):
                expected = values.get((last, PERIOD[metric], block))
            else:
                expected = None
            expect(row[index], None if expected is None else expected / 10_000, where)
    fan = next((row for row in rows if row[0].value == "净支出分布（万元，年度）"), None)
    if fan is None:
        problems.append("预算表: no block of the net outflow's distribution")
    else:
        year_columns = {int(cell.value): cell.column - 1 for cell in fan[1:] if cell.value}
        for row in rows[fan[0].row : fan[0].row + len(FAN)]:
            statistic = FAN.get(row[0].value)
            if statistic is None:
                problems.append(f"预算表!{row[0].coordinate}: unexpected row {row[0].value!r}")
                continue
            for year, index in year_columns.items():
                expect(row[index], values[(year, "net_outflow", statistic)] / 10_000, f"预算表!{row[index].coordinate}")
    with zipfile.ZipFile(xlsx) as archive:
        names = archive.namelist()
    charts = [name for name in names if re.fullmatch(r"xl/charts/chart\d+\.xml", name)]
    drawings = [name for name in names if re.fullmatch(r"xl/drawings/drawing\d+\.xml", name)]
    if len(charts) < 2 or len(drawings) < 2:
        problems.append(f"expected the fan chart and the breach chart, found charts {charts}, drawings {drawings}")
    if checked < 100:
        problems.append(f"only {checked} cells checked; the budget sheet was not found whole")
    for problem in problems:
        print(problem, file=sys.stderr)
    print(f"{checked} cells checked", file=sys.stderr)
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
