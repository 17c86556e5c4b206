import ArgumentParser
import Foundation
import StudioForecast

/// Options that override the scenario's `simulation` section.
struct SimulationOptions: ParsableArguments {
    @Option(help: "Replications to run (1...10000000). Default: the scenario's simulation.replications.")
    var replications: Int?

    @Option(help: "The seed of every replication's GSL stream. Default: the scenario's simulation.seed.")
    var seed: UInt64?

    @Option(help: "The GSL generator by its GSL name (mt19937, taus2, ranlxd2, ...). Default: the scenario's.")
    var generator: String?

    @Option(help: "Worker threads (more than 1024 are taken as 1024). Default: all cores.")
    var threads: Int?

    func validate() throws {
        if let replications, !(1...SimulationSettings.maximumReplications).contains(replications) {
            throw ValidationError(
                "--replications \(replications) is out of range 1...\(SimulationSettings.maximumReplications)")
        }
        if let threads, threads < 1 { throw ValidationError("--threads \(threads) must be at least 1") }
        try Self.checkGenerator(generator)
    }

    /// Refuses a `--generator` GSL does not know, in one line with GSL's names (exit 64).
    static func checkGenerator(_ generator: String?) throws {
        guard let generator else { return }
        do {
            _ = try RandomGeneratorKind(named: generator)
        } catch {
            throw refuseArgument("--generator: \(error)")
        }
    }

    /// The worker threads to use: as given or every core, at most
    /// ``Simulation/maximumThreads``.
    var threadCount: Int { min(threads ?? ProcessInfo.processInfo.activeProcessorCount, Simulation.maximumThreads) }

    /// The scenario with these options applied.
    func apply(to scenario: Scenario) -> Scenario {
        scenario.with { scenario in
            if let replications { scenario.simulation.replications = replications }
            if let seed { scenario.simulation.seed = seed }
            if let generator { scenario.simulation.generator = generator }
        }
    }
}
