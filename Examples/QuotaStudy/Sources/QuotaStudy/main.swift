// QuotaStudy [SCENARIO] [QUOTA] [REPLICATIONS]
// QuotaStudy --tour          (the README's code, from the repository's root folder)
//
// Loads a scenario (the shipped baseline by default), raises its annual quota (to 10 studios a
// year by default), runs both on common random numbers and prints what the raise adds to the
// cumulative net outflow over the first five years, with its Monte Carlo standard error.

import Foundation
import StudioForecast

let arguments = Array(CommandLine.arguments.dropFirst())
if arguments == ["--tour"] {
    do {
        try tour()
        exit(0)
    } catch {
        FileHandle.standardError.write(Data("\(error)\n".utf8))
        exit(1)
    }
}
let path = arguments.count > 0 ? arguments[0] : "../../scenarios/nanchang-baseline.yaml"
let quota = arguments.count > 1 ? Int(arguments[1]) : 10
let replications = arguments.count > 2 ? Int(arguments[2]) : nil
guard let quota, quota >= 0, arguments.count <= 2 || replications != nil, arguments.count <= 3 else {
    FileHandle.standardError.write(Data("usage: QuotaStudy [SCENARIO] [QUOTA] [REPLICATIONS]\n".utf8))
    exit(64)
}

do {
    let baseline = try Scenario(contentsOf: URL(fileURLWithPath: path))
    let variant = baseline.with { $0.quota = .perYear(quota) }
    let comparison = try Simulation(baseline).compare(with: variant, replications: replications)

    let fifthYear = baseline.startYear + 4
    let metric = Metric.cumulativeNetOutflow
    let difference = comparison.difference[metric, fifthYear]
    let base = comparison.base[metric, fifthYear]

    print(
        "\(baseline.name): quota \(baseline.quota) → \(variant.quota), "
            + "\(comparison.base.replications) paired replications, seed \(baseline.simulation.seed)")
    print("Cumulative net outflow \(baseline.startYear)–\(fifthYear):")
    print(
        "  baseline          \(PlainNumber.grouped(base.mean)) yuan (P05 \(PlainNumber.grouped(base.p05)), P95 \(PlainNumber.grouped(base.p95)))"
    )
    print(
        "  raised − baseline \(PlainNumber.grouped(difference.mean)) yuan ± \(PlainNumber.grouped(difference.mcse)) (MCSE)"
    )
    // One line for scripts: the metric, the year, and the exact values as comparison.csv writes them.
    print(
        "\(metric) \(fifthYear) mean \(PlainNumber.format(difference.mean)) mcse \(PlainNumber.format(difference.mcse))"
    )
} catch let error as ScenarioErrors {
    for problem in error.errors { FileHandle.standardError.write(Data("\(problem)\n".utf8)) }
    exit(1)
} catch {
    FileHandle.standardError.write(Data("\(error)\n".utf8))
    exit(1)
}
