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
    /// Their steps as a table, read by the yearly loops.
    let table: LifecycleTable
    /// The pass probabilities in force in each forecast year.
    private var passModels: [PassProbabilityModel]
    /// The values in force in each forecast year that the simulator reads in the year.
    private(set) var yearly: YearlyValues
    /// The scenario as read, and its uncertain inputs' draws, when it has any.
    private let uncertain: (base: Scenario, draws: InputDraws, generator: RandomGenerator)?
    let streams: ReplicationStreams
    private var pool: ApplicantPool?
    /// The replication's named studios, in naming order.
    let studios: StudioColumns
    var labels: [String] = []
    var scheduled: [ScheduledPayment] = []
    /// Indices of the studios active at the year's end, for attributing awards.
    var activeIndices: [Int] = []
    /// The year's skill levels with upgrades: each one's mean upgrades per studio and yuan per upgrade.
    var trainingLevels: [(mean: Double, amount: Double)] = []

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
        table = LifecycleTable(scenario: scenario, lifecycles: lifecycles)
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
        studios = StudioColumns(
            capacity: scenario.quotaPerYear.reduce(0, &+) &+ scenario.existingStudios.reduce(0) { $0 &+ $1.count })
    }

    /// Runs replication `replication` (0-based) into `ledger`, which it resets first; with `trace`,
    /// appends every event to it.
    package mutating func simulate(replication: Int, into ledger: inout ReplicationLedger, trace: TraceLog? = nil) {
        ledger.reset()
        if let uncertain {
            use(uncertain.base.drawn(uncertain.draws.values(replication: replication, using: uncertain.generator)))
        }
        streams.begin(replication: replication)
        studios.removeAll()
        labels.removeAll()
        scheduled.removeAll(keepingCapacity: true)
        var active = 0
        if yearly.poolChanges { pool?.update(to: yearly.pool[0]) }
        for (group, existing) in scenario.existingStudios.enumerated() {
            let ruleSet = scenario.cohortRules.entryIndex(in: existing.namedYear)
            let rules = lifecycles[ruleSet].rules
            let paid = rules.amount(ofTranches: 0..<existing.tranchesPaid)
            let awaiting = existing.awaitingPayments(lag: rules.paymentLagYears)
            let state = table.number(of: existing.state)
            for member in 0..<existing.count {
                let key = StreamKey.StudioKey.existing(group: group, member: member)
                let lifecycle = streams[streams.newStream(for: .studioLifecycle(key))]
                let index = studios.append(
                    state: state, namedYear: existing.namedYear, cohort: -1,
                    factor: passModels[0].studioFactor(using: lifecycle),
                    quality: existing.quality ?? scenario.selection.shortlistScore, position: studios.count, label: -1,
                    grantPaidBefore: paid, key: key, ruleSet: ruleSet, lifecycle: lifecycle,
                    subsidiesPaid: existing.subsidiesPaidYuan)
                // Tranches earned before the start year and paid in it or later (a payment lag),
                // kept like those earned in the forecast so that fraud found first cancels them.
                for payment in awaiting {
                    ledger.recordPriorTranche(payment.tranche, paymentYear: payment.paymentYear, ruleSet: ruleSet)
                    if scenario.fraud.detectionProbability > 0 {
                        scheduled.append(
                            ScheduledPayment(
                                studio: Int32(index), tranche: Int16(payment.tranche),
                                paymentYear: Int16(payment.paymentYear)))
                    }
                }
            }
            active += existing.count
        }
        pool?.reset(using: streams)
        let assessment = Assessment(model: scenario.assessment.model)
        for year in 0..<scenario.horizonYears {
            let calendarYear = scenario.startYear + year
            let passModel = passModels[year]
            let (shock, yearFactor) = passModel.yearFactor(using: streams[.shock])
            if shock != 0 { trace?.append(TraceEvent(year: calendarYear, studio: "", kind: .yearShock(shock))) }
            if year > 0 && yearly.poolChanges { pool?.update(to: yearly.pool[year]) }
            if yearly.fraudProbability[year] > 0 {
                active -= detectFraud(year: year, ledger: &ledger, trace: trace)
            }
            active -= assess(
                year: year, calendarYear: calendarYear, shock: shock, yearFactor: yearFactor, assessment: assessment,
                passModel: passModel, ledger: &ledger, trace: trace)
            let named = name(year: year, calendarYear: calendarYear, ledger: &ledger, trace: trace)
            active += named
            ledger.recordActive(year: year, weight: Double(active))
            paySubsidies(year: year, namedFrom: studios.count - named, ledger: &ledger, trace: trace)
        }
        ledger.finish()
    }

    // MARK: - Steps

    /// The assessment model (Art. 11, 14), read once per replication.
    struct Assessment {
        /// Whether each studio passes by its pass probability (one uniform) rather than by score.
        let byProbability: Bool
        let passScore: Double
        let noiseSD: Double

        init(model: AssessmentParameters.Model) {
            switch model {
            case .probability:
                byProbability = true
                passScore = 0
                noiseSD = 0
            case .score(let passScore, let noiseSD):
                byProbability = false
                self.passScore = passScore
                self.noiseSD = noiseSD
            }
        }
    }

    /// Assesses every named, unrevoked studio older than its naming year, in naming order (Art.
    /// 11, 14): one uniform under the probability model, one normal under the score model; and
    /// returns how many were revoked.
    private mutating func assess(
        year: Int, calendarYear: Int, shock: Double, yearFactor: Double, assessment: Assessment,
        passModel: PassProbabilityModel, ledger: inout ReplicationLedger, trace: TraceLog?
    ) -> Int {
        var revoked = 0
        var assessed = 0
        let count = studios.count
        let state = studios.state
        let namedYear = studios.namedYear
        let cohort = studios.cohort
        let factor = studios.factor
        let quality = studios.quality
        let ruleSet = studios.ruleSet
        let lifecycle = studios.lifecycle
        let table = table
        let flags = table.flags
        let schedules = yearly.hasFraud
        ledger.withCells { cells in
            for index in 0..<count {
                let current = Int(state[index])
                let traits = flags[current]
                guard traits & LifecycleTable.Flag.revoked == 0 else { continue }
                // Calendar years of a forecast and of namings within it: no overflow.
                let age = calendarYear &- namedYear[index] &+ 1
                let passed: Bool
                var probability = Double.nan
                if assessment.byProbability {
                    probability = passModel.probability(
                        hasYellowCard: traits & LifecycleTable.Flag.yellowCard != 0,
                        inCycle: traits & LifecycleTable.Flag.inCycle != 0, age: age, factor: factor[index] * yearFactor)
                    passed = lifecycle[index].uniform() < probability
                } else {
                    let margin = quality[index] + shock - assessment.passScore
                    if assessment.noiseSD > 0 {
                        passed = margin + lifecycle[index].gaussian(sd: assessment.noiseSD) >= 0
                        // The chance of passing is only shown in a trace.
                        if trace != nil { probability = GSLLibrary.normalUpperTail(-margin / assessment.noiseSD) }
                    } else {
                        passed = margin >= 0
                        probability = passed ? 1 : 0
                    }
                }
                let rules = ruleSet[index]
                let step = table.row(ruleSet: rules, state: current, age: age, passed: passed)
                state[index] = step.next
                assessed &+= 1
                cells.record(step, year: year, cohort: cohort[index])
                if schedules && step.earnedTranche >= 0 {
                    schedule(tranche: Int(step.earnedTranche), studio: index, paymentYear: year + Int(step.paymentLag))
                }
                if step.events & LifecycleTable.Event.revoked != 0 { revoked &+= 1 }
                if let trace {
                    trace.record(
                        lifecycles[rules].assess(table.states[current], age: age, passed: passed), of: label(index),
                        year: calendarYear, rules: lifecycles[rules].rules, assessed: (passed, probability))
                }
            }
        }
        // Counts add exactly, so adding the year's at once gives the bits of adding one at a time.
        ledger.addAssessed(assessed, year: year)
        return revoked
    }

    /// Names the year's studios (Art. 7) and returns how many.
    private mutating func name(year: Int, calendarYear: Int, ledger: inout ReplicationLedger, trace: TraceLog?) -> Int {
        let quota = scenario.quotaPerYear[year]
        // Studios named this year keep the rules in force now (Art. 11).
        let ruleSet = scenario.cohortRules.entryIndex(in: calendarYear)
        let naming = table.naming[ruleSet]
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
        let passModel = passModels[year]
        let quality = scenario.selection.shortlistScore
        let schedules = yearly.hasFraud
        let streams = streams
        let studios = studios
        ledger.addNamed(count, year: year)
        ledger.withCells { cells in
            for rank in 0..<count {
                var label = -1
                let key: StreamKey.StudioKey
                var studioQuality = quality
                if rank < nominees.count {
                    if let nomineeLabel = nominees[rank].label {
                        label = labels.count
                        labels.append(nomineeLabel)
                    }
                    key = .candidate(nominees[rank].key)
                    studioQuality = nominees[rank].quality
                } else {
                    key = .named(cohort: year, rank: rank)
                }
                let lifecycle = streams[streams.newStream(for: .studioLifecycle(key))]
                let index = studios.append(
                    state: naming.next, namedYear: calendarYear, cohort: year,
                    factor: passModel.studioFactor(using: lifecycle), quality: studioQuality, position: rank,
                    label: label, grantPaidBefore: 0, key: key, ruleSet: ruleSet, lifecycle: lifecycle)
                cells.record(naming, year: year, cohort: year)
                if schedules && naming.earnedTranche >= 0 {
                    schedule(tranche: Int(naming.earnedTranche), studio: index, paymentYear: year + Int(naming.paymentLag))
                }
                if let trace {
                    trace.record(
                        lifecycles[ruleSet].naming(), of: self.label(index), year: calendarYear,
                        rules: lifecycles[ruleSet].rules, assessed: nil)
                }
            }
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

    /// The label in a trace of studio `index`: the applicant list's id and name or the pool's
    /// arrival number for studios named from the pool, `2026-03` for rank 3 of 2026 otherwise,
    /// and `2024-E2` for the second studio declared as named before the forecast.
    func label(_ index: Int) -> String {
        if studios.label[index] >= 0 { return labels[studios.label[index]] }
        let position = studios.position[index]
        let cohort = studios.cohort[index]
        guard cohort >= 0 else { return "\(studios.namedYear[index])-E\(position + 1)" }
        let rank = position + 1
        return "\(scenario.startYear + cohort)-\(rank < 10 ? "0" : "")\(rank)"
    }
}
