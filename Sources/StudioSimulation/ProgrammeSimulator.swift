import StudioRules
public import StudioScenario

/// Simulates one replication of the programme over the horizon, year by year (Art. 7, 11, 14).
///
/// Each year, in this order: the year's common shock is drawn; every named, unrevoked studio
/// older than its naming year is assessed, in naming order (studios named before the forecast
/// first, then each cohort by rank), one uniform draw each; then the year's studios are named,
/// each drawing its own heterogeneity shift. A replication's draws all come from one GSL stream
/// seeded by ``StreamSeeding``, so replication k is the same in a full run and replayed alone.
public struct ProgrammeSimulator {
    /// One named studio's state during a replication.
    private struct Studio {
        var state: StudioGrantState
        let namedYear: Int
        /// The forecast year of naming (0-based), or nil for a studio named before the start.
        let cohort: Int?
        /// The studio's own factor on its odds against passing, from heterogeneity.
        let factor: Double
        /// The rank in its cohort, or the place among studios named before the start, from 0.
        let position: Int
    }

    private let scenario: Scenario
    private let lifecycle: GrantLifecycle
    private let passModel: PassProbabilityModel
    private let selection: SelectionModel
    private let seeding: StreamSeeding
    private let stream: RandomStream
    private var studios: [Studio] = []

    /// Prepares a simulator that draws from a stream of the scenario's generator.
    ///
    /// - Throws: ``UnknownGeneratorError`` for a generator name GSL does not know.
    public init(scenario: Scenario, selection: SelectionModel = .fillQuota) throws(UnknownGeneratorError) {
        self.scenario = scenario
        lifecycle = GrantLifecycle(rules: scenario.grantRules)
        passModel = PassProbabilityModel(parameters: scenario.assessment)
        self.selection = selection
        seeding = StreamSeeding(seed: scenario.simulation.seed)
        stream = try RandomStream(generatorName: scenario.simulation.generator)
        studios.reserveCapacity(scenario.quotaPerYear.reduce(0, +) + scenario.existingStudios.reduce(0) { $0 + $1.count })
    }

    /// Runs replication `replication` (0-based) into `ledger`, which it resets first; with `trace`,
    /// appends every event to it.
    public mutating func simulate(replication: Int, into ledger: inout ReplicationLedger, trace: TraceLog? = nil) {
        ledger.reset()
        stream.reseed(seeding.seed(forReplication: replication))
        studios.removeAll(keepingCapacity: true)
        let tracing = trace != nil
        var active = 0
        for existing in scenario.existingStudios {
            for _ in 0..<existing.count {
                studios.append(
                    Studio(
                        state: existing.state, namedYear: existing.namedYear, cohort: nil,
                        factor: passModel.studioFactor(using: stream), position: studios.count))
            }
            active += existing.count
        }
        for year in 0..<scenario.horizonYears {
            let calendarYear = scenario.startYear + year
            let (shock, yearFactor) = passModel.yearFactor(using: stream)
            if shock != 0 { trace?.append(TraceEvent(year: calendarYear, studio: "", kind: .yearShock(shock))) }
            for index in studios.indices where !studios[index].state.isRevoked {
                let age = calendarYear - studios[index].namedYear + 1
                let probability = passModel.probability(
                    for: studios[index].state, age: age, factor: studios[index].factor * yearFactor)
                let passed = stream.uniform() < probability
                let step = lifecycle.assess(studios[index].state, age: age, passed: passed)
                studios[index].state = step.state
                ledger.recordAssessment(step, year: year, cohort: studios[index].cohort)
                if step.state.isRevoked { active -= 1 }
                if tracing {
                    trace?.record(
                        step, of: label(studios[index]), year: calendarYear, rules: scenario.grantRules,
                        assessed: (passed, probability))
                }
            }
            let count = selection.namedCount(quota: scenario.quotaPerYear[year], using: stream)
            let naming = lifecycle.naming()
            for rank in 0..<count {
                let studio = Studio(
                    state: naming.state, namedYear: calendarYear, cohort: year,
                    factor: passModel.studioFactor(using: stream), position: rank)
                studios.append(studio)
                ledger.recordNaming(naming, year: year)
                if tracing {
                    trace?.record(naming, of: label(studio), year: calendarYear, rules: scenario.grantRules, assessed: nil)
                }
            }
            active += count
            ledger.recordActive(year: year, weight: Double(active))
        }
        ledger.finish()
    }

    /// The studio's label in a trace: `2026-03` for rank 3 of 2026, `2024-E2` for the second
    /// studio declared as named before the forecast.
    private func label(_ studio: Studio) -> String {
        guard let cohort = studio.cohort else { return "\(studio.namedYear)-E\(studio.position + 1)" }
        let rank = studio.position + 1
        return "\(scenario.startYear + cohort)-\(rank < 10 ? "0" : "")\(rank)"
    }
}
