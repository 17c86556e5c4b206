import ArgumentParser
import StudioForecast

/// `studio-forecast trace SCENARIO --replication K`: replays one replication and prints its events.
struct TraceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "trace",
        abstract: "Replay one replication and print its event log: namings, assessments, yellow cards, payments, revocations.")

    @OptionGroup var input: ScenarioInput

    @Option(help: "The replication to replay, numbered from 1 as in a run.")
    var replication: Int

    @Option(help: "The seed. Default: the scenario's simulation.seed.")
    var seed: UInt64?

    @Option(help: "The GSL generator. Default: the scenario's.")
    var generator: String?

    func validate() throws {
        if replication < 1 { throw ValidationError("--replication \(replication) must be at least 1") }
        try SimulationOptions.checkGenerator(generator)
    }

    func run() throws {
        var scenario = try input.load()
        if let seed { scenario.simulation.seed = seed }
        if let generator { scenario.simulation.generator = generator }
        for line in try Simulation(scenario).trace(replication: replication).lines() { print(line) }
    }
}
