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
        /// The studio's own logit shift from heterogeneity.
        let shift: Double
        let label: String?
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
        for (group, existing) in scenario.existingStudios.enumerated() {
            for member in 0..<existing.count {
                let label = tracing ? "E\(group + 1)-\(member + 1)" : nil
                studios.append(
                    Studio(
                        state: existing.state, namedYear: existing.namedYear, cohort: nil,
                        shift: passModel.studioShift(using: stream), label: label))
            }
        }
        let shockSD = scenario.assessment.yearShockSD
        for year in 0..<scenario.horizonYears {
            let calendarYear = scenario.startYear + year
            let shock = shockSD > 0 ? stream.gaussian(sd: shockSD) : 0
            if shockSD > 0 { trace?.append(TraceEvent(year: calendarYear, studio: "", kind: .yearShock(shock))) }
            for index in studios.indices where !studios[index].state.isRevoked {
                let age = calendarYear - studios[index].namedYear + 1
                let probability = passModel.probability(
                    for: studios[index].state, age: age, shift: studios[index].shift + shock)
                let passed = stream.uniform() < probability
                let step = lifecycle.assess(studios[index].state, age: age, passed: passed)
                studios[index].state = step.state
                ledger.recordAssessment(step, year: year, cohort: studios[index].cohort)
                if tracing {
                    trace?.record(step, of: studios[index].label ?? "", year: calendarYear, rules: scenario.grantRules,
                        assessed: (passed, probability))
                }
            }
            let count = selection.namedCount(quota: scenario.quotaPerYear[year], using: stream)
            let naming = lifecycle.naming()
            for rank in 0..<count {
                let label = tracing ? TraceLog.label(year: calendarYear, rank: rank) : nil
                studios.append(
                    Studio(
                        state: naming.state, namedYear: calendarYear, cohort: year,
                        shift: passModel.studioShift(using: stream), label: label))
                ledger.recordNaming(naming, year: year)
                if tracing {
                    trace?.record(naming, of: label ?? "", year: calendarYear, rules: scenario.grantRules, assessed: nil)
                }
            }
            for studio in studios where !studio.state.isRevoked { ledger.recordActive(year: year) }
        }
        ledger.finish()
    }
}
