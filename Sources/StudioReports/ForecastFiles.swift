package import StudioSimulation
import Foundation

/// The CSV files of a forecast (DESIGN.md, "The output contract"): `forecast.csv` (tidy),
/// `summary.csv` (wide, for spreadsheets) and `cohorts.csv` (tidy, by cohort and age).
public struct ForecastFiles: Sendable {
    /// The forecast written.
    package let forecast: Forecast

    /// The metrics and statistics of `summary.csv`, in column order, from ``Metric/summaryColumns``
    /// and ``Metric/summaryStatistics``; a metric the forecast does not have (the selection
    /// without a pool, the budget without one) is left out.
    package static var summaryColumns: [(metric: Metric, statistics: [Statistic])] {
        Metric.summaryColumns.map { ($0, $0.summaryStatistics) }
    }

    /// Creates the writer for a forecast.
    package init(forecast: Forecast) {
        self.forecast = forecast
    }

    /// `scenario,year,metric,statistic,value`: one row per year, metric and statistic present.
    package func forecastCSV() -> String {
        var lines = ["scenario,year,metric,statistic,value"]
        let scenario = CSV.field(forecast.scenarioName)
        for (yearIndex, year) in forecast.years.enumerated() {
            for (metricIndex, metric) in forecast.catalog.yearMetrics.enumerated() {
                let summary = forecast.yearly[yearIndex][metricIndex]
                for statistic in Statistic.allCases {
                    guard let value = summary[statistic] else { continue }
                    lines.append("\(scenario),\(year),\(metric),\(statistic.rawValue),\(PlainNumber.format(value))")
                }
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The language of `summary.csv`'s column headings.
    public enum Labels: String, Sendable, CaseIterable {
        /// `<metric>_<statistic>`, the stable names.
        case en
        /// Chinese headings such as `净支出_均值`, for spreadsheets read in Chinese.
        case zh
    }

    /// One row per year with `<metric>_<statistic>` columns for the key metrics (or Chinese
    /// headings with `labels: .zh`); a statistic the method does not give is left empty.
    package func summaryCSV(labels: Labels = .en) -> String {
        let present = Self.summaryColumns.filter { forecast.catalog.contains($0.metric) }
        let columns = present.flatMap { column in column.statistics.map { (column.metric, $0) } }
        let header: [String]
        switch labels {
        case .en: header = ["scenario", "year"] + columns.map { "\($0.0.name)_\($0.1.rawValue)" }
        case .zh:
            header =
                [ChineseLabels.scenario, ChineseLabels.year]
                + columns.map { "\(ChineseLabels.metric($0.0))_\(ChineseLabels.statistic($0.1))" }
        }
        var lines = [header.map(CSV.field).joined(separator: ",")]
        for year in forecast.years {
            var fields = [CSV.field(forecast.scenarioName), String(year)]
            for (metric, statistic) in columns {
                let value = forecast.summary(year: year, metric: metric)?[statistic]
                fields.append(value.map(PlainNumber.format) ?? "")
            }
            lines.append(fields.joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `scenario,cohort_year,age,metric,statistic,value` for every cohort named in the horizon.
    package func cohortsCSV() -> String {
        var lines = ["scenario,cohort_year,age,metric,statistic,value"]
        let scenario = CSV.field(forecast.scenarioName)
        for cell in forecast.cohorts {
            let metric = forecast.catalog.cohortMetrics[cell.metric]
            for statistic in Statistic.allCases {
                guard let value = cell.summary[statistic] else { continue }
                lines.append(
                    "\(scenario),\(cell.cohortYear),\(cell.age),\(metric),\(statistic.rawValue),\(PlainNumber.format(value))")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

/// RFC 4180 fields.
enum CSV {
    /// The text as one field, quoted when it holds a comma, a quote or a line break.
    static func field(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
