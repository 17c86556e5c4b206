import Foundation
package import StudioSimulation

/// The files of analyst workflows on common random numbers: `comparison.csv` (paired
/// differences) and `sweep.csv` (one row per value and year).
package enum ComparisonFiles {
    /// The statistics of a paired difference, in column order.
    static let differenceStatistics: [Statistic] = [.mean, .sd, .mcse, .p05, .p50, .p95]

    /// `year,metric,statistic,value` for the paired difference variant − base: mean, sd, mcse,
    /// p05, p50, p95 and `prob_positive`, the share of replications above zero.
    package static func comparisonCSV(_ difference: DifferenceForecast) -> String {
        var lines = ["year,metric,statistic,value"]
        for (yearIndex, year) in difference.years.enumerated() {
            for (metricIndex, metric) in difference.metrics.enumerated() {
                let cell = difference.cells[yearIndex][metricIndex]
                for statistic in differenceStatistics {
                    guard let value = cell.summary[statistic] else { continue }
                    lines.append("\(year),\(metric),\(statistic.rawValue),\(PlainNumber.format(value))")
                }
                if let probability = cell.probabilityPositive {
                    lines.append("\(year),\(metric),prob_positive,\(PlainNumber.format(probability))")
                }
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The metrics and statistics of `sweep.csv` for a forecast with `catalog`: its metrics with
    /// ``Metric/sweepStatistics``, in its order.
    static func sweepColumns(_ catalog: MetricCatalog) -> [(metric: Metric, statistic: Statistic)] {
        catalog.yearMetrics.flatMap { metric in metric.sweepStatistics.map { (metric, $0) } }
    }

    /// The metric whose paired difference against the first grid point `sweep.csv` and the sweep's
    /// table report.
    package static let sweepDifferenceMetric = Metric.cumulativeNetOutflow

    /// The paired differences a sweep needs: those of ``sweepDifferenceMetric`` only.
    package static let sweepDifferences = DifferenceSelection.only([sweepDifferenceMetric])

    /// One row per grid point and year: the swept keys' values, the key metrics, and the paired
    /// difference of the cumulative net outflow against the first grid point with its MCSE.
    ///
    /// - Parameters:
    ///   - keys: the swept key paths, in column order.
    ///   - points: each grid point's values of those keys, in the order of `comparison.forecasts`.
    ///   - comparison: the grid points' forecasts and differences.
    /// - Returns: the text of `sweep.csv`.
    package static func sweepCSV(keys: [String], points: [[String]], comparison: Comparison) -> String {
        let reference = comparison.forecasts[0]
        let columns = sweepColumns(reference.catalog)
        let header =
            keys + ["year"] + columns.map { "\($0.metric.name)_\($0.statistic.rawValue)" }
            + ["\(sweepDifferenceMetric.name)_diff_mean", "\(sweepDifferenceMetric.name)_diff_mcse"]
        var lines = [header.map(CSV.field).joined(separator: ",")]
        for (index, forecast) in comparison.forecasts.enumerated() {
            for year in forecast.years {
                var fields = points[index].map(CSV.field) + [String(year)]
                for column in columns {
                    fields.append(forecast.summary(year: year, metric: column.metric)?[column.statistic].map(PlainNumber.format) ?? "")
                }
                let difference = index == 0 ? nil : comparison.differences[index - 1].cell(year: year, metric: sweepDifferenceMetric)
                fields.append(index == 0 ? "0" : difference?.summary[.mean].map(PlainNumber.format) ?? "")
                fields.append(index == 0 ? "0" : difference?.summary[.mcse].map(PlainNumber.format) ?? "")
                lines.append(fields.joined(separator: ","))
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

extension ComparisonFiles {
    /// One row per input, largest effect first: its values, the paired change of the measure's
    /// metric's mean moved down and up (with the MCSE of the larger) and the change of its P95 —
    /// the columns every earlier `sensitivity.csv` had — then whether the input is a lever or an
    /// assumption, the output measured (`cumulative_net_outflow 2030`), its statistic and its
    /// change moved down and up with the MCSE of the larger (empty for a percentile).
    ///
    /// - Parameters:
    ///   - effects: the effects, largest first.
    ///   - measure: the output measured.
    /// - Returns: the text of `sensitivity.csv`.
    package static func sensitivityCSV(_ effects: [SensitivityAnalysis.Effect], measure: OutputMeasure) -> String {
        var lines = [
            "parameter,base_value,low_value,high_value,mean_change_low,mean_change_high,mean_change_mcse,p95_change_low,p95_change_high,"
                + "kind,output,statistic,change_low,change_high,change_mcse"
        ]
        func number(_ value: Double?) -> String { value.map(PlainNumber.format) ?? "" }
        let output = "\(measure.metric.name) \(measure.window)"
        for effect in effects {
            lines.append(
                [
                    effect.input.name, number(effect.input.value), number(effect.low), number(effect.high),
                    number(effect.meanChangeLow), number(effect.meanChangeHigh), number(effect.mcse),
                    number(effect.p95ChangeLow), number(effect.p95ChangeHigh), effect.input.kind.rawValue, output,
                    measure.statistic.rawValue, number(effect.changeLow), number(effect.changeHigh), number(effect.changeMCSE),
                ].joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
