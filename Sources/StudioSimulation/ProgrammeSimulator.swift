import StudioRules
package import StudioScenario

/// Simulates one replication of the programme over the horizon, year by year (Art. 7, 11, 14).
///
/// Each year, in this order: the year's common shock is drawn; each named, unrevoked studio may
/// be found cheating (Art. 15, one uniform each); every named, unrevoked studio older than its
/// naming year is assessed, in naming order (studios named before the forecast first, then each
/// cohort by rank): one uniform under the probability model, one normal under the score model;
/// then the year's studios are named, from the applicant pool (see ``ApplicantPool`` for its
/// draws) or by filling the quota, each drawing its own heterogeneity; then the Art. 12
/// subsidies are drawn for the studios active at the year's end (see `paySubsidies`). Every
/// assessed studio draws its uniform; fraud and subsidy draws whose outcome is certain (a
/// probability of 0, a mean of 0) are not made. Each studio, candidate and programme-wide
/// purpose draws from its own stream (``ReplicationStreams``), so replication k is the same in
/// a full run, in a comparison and replayed alone.
///
/// Each year reads the values in force that year (the scenario's calendar schedules, read into
/// arrays once per simulator), and each studio follows the grant rules of its cohort (the
/// scenario's cohort rules by naming year, Art. 11), so a schedule that changes in year t
/// changes no draw or value before t.
///
/// A scenario with uncertain inputs first puts in force, in each replication, the values that
/// replication drew for them (``InputDraws``, streams apart from the model's), so a degenerate
/// distribution leaves every draw and value as the plain number does.
package struct ProgrammeSimulator {
    /// One named studio's state during a replication.
    struct Studio {
        var state: StudioGrantState
        let namedYear: Int
        /// The forecast year of naming (0-based), or nil for a studio named before the start.
        let cohort: Int?
        /// The studio's own factor on its odds against passing, from heterogeneity.
        let factor: Double
        /// Its quality on the 0...100 scale, for the score-based assessment.
        let quality: Double
        /// Its rank in its cohort, or its place among studios named before the start, from 0.
        let position: Int
        /// Its label in `labels` when tracing a studio named from the pool, or −1.
        let label: Int
        /// Grant paid to it before the forecast began (a studio named before the start).
        let grantPaidBefore: Double
        /// Its stable identity, for its keyed streams.
        let key: StreamKey.StudioKey
        /// Its cohort's rule set: the entry of the scenario's cohort rules in force when it was named.
        let ruleSet: Int
        /// Its lifecycle stream's index in `streams`.
        let lifecycleStream: Int
        /// Its subsidy stream's index, once first drawn from, or −1.
        var subsidyStream = -1
        /// Art. 12 subsidies paid to it so far: those declared as paid before the forecast (a studio
        /// named before the start), then those of the forecast years.
        var subsidiesPaid = 0.0
    }

    /// A tranche earned during the forecast, kept so that fraud can recover or cancel it (Art. 15).
    struct ScheduledPayment {
        let studio: Int32
        let tranche: Int16
        let paymentYear: Int16
    }

    /// The scenario in force: with uncertain inputs, the one the current replication drew.
    private(set) var scenario: Scenario
    /// The lifecycle of each cohort rule set, by its entry in the scenario's cohort rules.
    let lifecycles: [GrantLifecycle]
    /// The pass probabilities in force in each forecast year.
    private var passModels: [PassProbabilityModel]
    /// The values in force in each forecast year that the simulator reads in the year.
    private(set) var yearly: YearlyValues
    /// The scenario as read, and its uncertain inputs' draws, when it has any.
    private let uncertain: (base: Scenario, draws: InputDraws, generator: RandomGenerator)?
    let streams: ReplicationStreams
    private var pool: ApplicantPool?
    var studios: [Studio] = []
    var labels: [String] = []
    var scheduled: [ScheduledPayment] = []
    /// Indices of the studios active at the year's end, for attributing awards.
    var activeIndices: [Int] = []

    /// Prepares a simulator that draws from keyed streams of the scenario's generator.
    ///
    /// - Throws: ``UnknownGeneratorError`` for a generator name GSL does not know.
    package init(scenario: Scenario) throws(UnknownGeneratorError) {
        self.init(scenario: scenario, generator: try RandomGeneratorKind(named: scenario.simulation.generator))
    }

    /// Prepares a simulator that draws from keyed streams of `generator` (the scenario's, checked).
    package init(scenario: Scenario, generator: RandomGeneratorKind) {
        self.scenario = scenario
        lifecycles = scenario.cohortRules.values.map(GrantLifecycle.init(rules:))
        let views = scenario.yearViews
        passModels = views.map { PassProbabilityModel(parameters: $0.assessment) }
        yearly = YearlyValues(views: views)
        streams = ReplicationStreams(generator: generator, seed: scenario.simulation.seed)
        pool = scenario.applicants.map {
            ApplicantPool(
                parameters: $0, rules: scenario.selection, rubric: scenario.rubric,
                fraudProbability: scenario.fraud.applicantDetectionProbability)
        }
        if scenario.hasUncertainInputs {
            let draws = InputDraws(scenario: scenario, generator: generator)
            uncertain = (scenario, draws, draws.makeGenerator())
        } else {
            uncertain = nil
        }
        studios.reserveCapacity(scenario.quotaPerYear.reduce(0, +) + scenario.existingStudios.reduce(0) { $0 + $1.count })
    }

    /// Runs replication `replication` (0-based) into `ledger`, which it resets first; with `trace`,
    /// appends every event to it.
    package mutating func simulate(replication: Int, into ledger: inout ReplicationLedger, trace: TraceLog? = nil) {
        ledger.reset()
        if let uncertain {
            use(uncertain.base.drawn(uncertain.draws.values(replication: replication, using: uncertain.generator)))
        }
        streams.begin(replication: replication)
        studios.removeAll(keepingCapacity: true)
        labels.removeAll()
        scheduled.removeAll(keepingCapacity: true)
        var active = 0
        if yearly.poolChanges { pool?.update(to: yearly.pool[0]) }
        for (group, existing) in scenario.existingStudios.enumerated() {
            let ruleSet = scenario.cohortRules.entryIndex(in: existing.namedYear)
            let rules = lifecycles[ruleSet].rules
            let paid = rules.amount(ofTranches: 0..<existing.tranchesPaid)
            let awaiting = existing.awaitingPayments(lag: rules.paymentLagYears)
            for member in 0..<existing.count {
                let key = StreamKey.StudioKey.existing(group: group, member: member)
                let lifecycleStream = streams.newStream(for: .studioLifecycle(key))
                studios.append(
                    Studio(
                        state: existing.state, namedYear: existing.namedYear, cohort: nil,
                        factor: passModels[0].studioFactor(using: streams[lifecycleStream]),
                        quality: existing.quality ?? scenario.selection.shortlistScore, position: studios.count, label: -1,
                        grantPaidBefore: paid, key: key, ruleSet: ruleSet, lifecycleStream: lifecycleStream,
                        subsidiesPaid: existing.subsidiesPaidYuan))
                // Tranches earned before the start year and paid in it or later (a payment lag),
                // kept like those earned in the forecast so that fraud found first cancels them.
                for payment in awaiting {
                    ledger.recordPriorTranche(payment.tranche, paymentYear: payment.paymentYear, ruleSet: ruleSet)
                    if scenario.fraud.detectionProbability > 0 {
                        scheduled.append(
                            ScheduledPayment(
                                studio: Int32(studios.count - 1), tranche: Int16(payment.tranche),
                                paymentYear: Int16(payment.paymentYear)))
                    }
                }
            }
            active += existing.count
        }
        pool?.reset(using: streams)
        // Read once: a method of this large value called per studio would copy it.
        let model = scenario.assessment.model
        let tracing = trace != nil
        for year in 0..<scenario.horizonYears {
            let calendarYear = scenario.startYear + year
            let passModel = passModels[year]
            let (shock, yearFactor) = passModel.yearFactor(using: streams[.shock])
            if shock != 0 { trace?.append(TraceEvent(year: calendarYear, studio: "", kind: .yearShock(shock))) }
            if year > 0 && yearly.poolChanges { pool?.update(to: yearly.pool[year]) }
            if yearly.fraudProbability[year] > 0 {
                active -= detectFraud(year: year, ledger: &ledger, trace: trace)
            }
            for index in studios.indices where !studios[index].state.isRevoked {
                let age = calendarYear - studios[index].namedYear + 1
                let (passed, probability) = Self.assess(
                    studios[index], age: age, shock: shock, yearFactor: yearFactor, model: model, passModel: passModel,
                    stream: streams[studios[index].lifecycleStream], tracing: tracing)
                let ruleSet = studios[index].ruleSet
                let step = lifecycles[ruleSet].assess(studios[index].state, age: age, passed: passed)
                studios[index].state = step.state
                ledger.recordAssessment(step, year: year, cohort: studios[index].cohort, ruleSet: ruleSet)
                schedule(step, studio: index, year: year)
                if step.state.isRevoked { active -= 1 }
                if let trace {
                    trace.record(
                        step, of: label(studios[index]), year: calendarYear, rules: lifecycles[ruleSet].rules,
                        assessed: (passed, probability))
                }
            }
            let named = name(year: year, calendarYear: calendarYear, ledger: &ledger, trace: trace)
            active += named
            ledger.recordActive(year: year, weight: Double(active))
            paySubsidies(year: year, namedFrom: studios.count - named, ledger: &ledger, trace: trace)
        }
        ledger.finish()
    }

    // MARK: - Steps

    /// One annual assessment (Art. 11, 14): whether the studio passed, and its chance of passing
    /// (under the score model, only when tracing).
    @inline(__always)
    private static func assess(
        _ studio: Studio, age: Int, shock: Double, yearFactor: Double, model: AssessmentParameters.Model,
        passModel: PassProbabilityModel, stream: RandomStream, tracing: Bool
    ) -> (Bool, Double) {
        switch model {
        case .probability:
            let probability = passModel.probability(for: studio.state, age: age, factor: studio.factor * yearFactor)
            return (stream.uniform() < probability, probability)
        case .score(let passScore, let noiseSD):
            let margin = studio.quality + shock - passScore
            guard noiseSD > 0 else { return (margin >= 0, margin >= 0 ? 1 : 0) }
            let passed = margin + stream.gaussian(sd: noiseSD) >= 0
            // The chance of passing is only shown in a trace.
            return (passed, tracing ? GSLLibrary.normalUpperTail(-margin / noiseSD) : .nan)
        }
    }

    /// Names the year's studios (Art. 7) and returns how many.
    private mutating func name(year: Int, calendarYear: Int, ledger: inout ReplicationLedger, trace: TraceLog?) -> Int {
        let quota = scenario.quotaPerYear[year]
        // Studios named this year keep the rules in force now (Art. 11).
        let ruleSet = scenario.cohortRules.entryIndex(in: calendarYear)
        let naming = lifecycles[ruleSet].naming()
        var nominees: [ApplicantPool.Nominee] = []
        if var current = pool {
            pool = nil  // so that `current` holds the pool's storage alone and selects in place
            var tally = SelectionTally()
            current.select(quota: quota, year: year, calendarYear: calendarYear, using: streams, tally: &tally, trace: trace)
            nominees = current.nominees
            ledger.recordSelection(year: year, tally, quota: quota)
            pool = current
        }
        let count = pool == nil ? quota : nominees.count
        for rank in 0..<count {
            var label = -1
            if rank < nominees.count, let nomineeLabel = nominees[rank].label {
                label = labels.count
                labels.append(nomineeLabel)
            }
            let key: StreamKey.StudioKey =
                rank < nominees.count ? .candidate(nominees[rank].key) : .named(cohort: year, rank: rank)
            let lifecycleStream = streams.newStream(for: .studioLifecycle(key))
            let studio = Studio(
                state: naming.state, namedYear: calendarYear, cohort: year,
                factor: passModels[year].studioFactor(using: streams[lifecycleStream]),
                quality: rank < nominees.count ? nominees[rank].quality : scenario.selection.shortlistScore,
                position: rank, label: label, grantPaidBefore: 0, key: key, ruleSet: ruleSet,
                lifecycleStream: lifecycleStream)
            studios.append(studio)
            ledger.recordNaming(naming, year: year, ruleSet: ruleSet)
            schedule(naming, studio: studios.count - 1, year: year)
            trace?.record(naming, of: self.label(studio), year: calendarYear, rules: lifecycles[ruleSet].rules, assessed: nil)
        }
        return count
    }

    /// Puts `drawn`, the scenario with its uncertain inputs set to one replication's values, in
    /// force: the per-year values are read again from it; rules and structure are those of the
    /// scenario read, which uncertain inputs never change.
    private mutating func use(_ drawn: Scenario) {
        let views = drawn.yearViews
        passModels = views.map { PassProbabilityModel(parameters: $0.assessment) }
        yearly = YearlyValues(views: views)
        if let first = yearly.pool.first { pool?.update(to: first) }
        scenario = drawn
    }

    /// The studio's label in a trace: the applicant list's id and name or the pool's arrival
    /// number for studios named from the pool, `2026-03` for rank 3 of 2026 otherwise, and
    /// `2024-E2` for the second studio declared as named before the forecast.
    func label(_ studio: Studio) -> String {
        if studio.label >= 0 { return labels[studio.label] }
        guard let cohort = studio.cohort else { return "\(studio.namedYear)-E\(studio.position + 1)" }
        let rank = studio.position + 1
        return "\(scenario.startYear + cohort)-\(rank < 10 ? "0" : "")\(rank)"
    }
}
