extension Simulation {
    /// Replays one replication of the scenario and gives its events year by year: the same
    /// draws as replication `replication` of a run, compare, sweep or shard with the same seed
    /// and generator, on any number of threads (`studio-forecast trace`).
    ///
    /// - Parameter replication: the replication, numbered from 1 as in a run.
    /// - Returns: the replication's years and events.
    /// - Throws: ``SimulationError`` when `replication` is below 1, a value of the scenario is one
    ///   no scenario file allows (``SimulationError/invalidScenario(_:)``) or the generator is unknown.
    public func trace(replication: Int) throws(SimulationError) -> ReplicationTrace {
        guard replication >= 1 else { throw .replicationNumberOutOfRange(replication) }
        // One replication is replayed, whatever the scenario's count.
        try Self.validate(scenario.with { $0.simulation.replications = 1 })
        let replay: (ledger: ReplicationLedger, trace: TraceLog)
        do {
            replay = try MonteCarloEngine(scenario: scenario).replay(replication: replication - 1)
        } catch {
            throw .unknownGenerator(error)
        }
        let catalog = replay.ledger.catalog
        let years = scenario.years.enumerated().map { index, year in
            ReplicationTrace.Year(
                year: year, grantOutflow: replay.ledger[year: index, metric: catalog.grantOutflow],
                activeStudios: Int(replay.ledger[year: index, metric: catalog.active]),
                events: replay.trace.events.filter { $0.year == year }.map(\.description))
        }
        return ReplicationTrace(
            scenarioName: scenario.name, replication: replication, seed: scenario.simulation.seed,
            generator: scenario.simulation.generator, years: years)
    }
}
