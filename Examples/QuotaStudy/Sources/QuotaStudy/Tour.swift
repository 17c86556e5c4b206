import Foundation
import StudioForecast

/// The README's "Use it as a library" code, line for line (`check.sh` holds the README to it),
/// so that building this example proves the README's code compiles. `QuotaStudy --tour` runs
/// it from the repository's root folder.
func tour() throws {
    let baseline = try Scenario(contentsOf: URL(fileURLWithPath: "scenarios/nanchang-baseline.yaml"))
    let variant = baseline.with { $0.quota = .perYear(6) }
    let forecast = try Simulation(baseline).run(replications: 20_000)
    let spend = forecast[.cumulativeNetOutflow, 2030]  // typed metric, calendar year
    print(spend.mean, spend.p05, spend.p95)
    let comparison = try Simulation(baseline).compare(with: variant)
    let difference = comparison.difference[.cumulativeNetOutflow, 2030]
    print(difference.mean, difference.mcse)  // variant − baseline, paired, and its MCSE
    try ForecastFolder(run: forecast, of: baseline).write(to: URL(fileURLWithPath: "out/mine"), force: true)
    try ForecastFolder(comparison: comparison, of: baseline).write(to: URL(fileURLWithPath: "out/mine-vs-6"), force: true)
}
