public import StudioScenario

/// Finds the largest constant annual quota whose chance of at least one budget breach over the
/// budget period stays within a limit (`studio-forecast solve-quota`).
///
/// A breach is an annual breach in some year of the first budget period when the scenario sets
/// an annual budget, and otherwise the period's net outflow above the period budget. Every quota is run on common random numbers (keyed
/// streams, same seed), so a larger quota adds studios to the same worlds and the breach
/// chance rises with the quota. The search first brackets the answer cheaply: it doubles the
/// quota until the limit is passed and then bisects, on the first
/// 1/``bracketingShare`` of the replications (the same keyed worlds, fewer of them). It then
/// confirms at the full replications, walking from that candidate (one step, then doubling
/// steps, then bisecting) until it holds a quota within the limit next to one over it, so the
/// answer is the one a search at the full replications finds. With an applicant pool a larger
/// quota also changes who waits in the pool, so the rise is not guaranteed replication by
/// replication; the tests check it on the baseline.
public struct QuotaSolver: Sendable {
    /// The bracketing pass runs the first 1/`bracketingShare` of the replications a quota.
    public static let bracketingShare = 8

    /// The breach chance at one quota, with its Monte Carlo standard error.
    public struct Evaluation: Sendable, Hashable {
        /// The constant annual quota.
        public var quota: Int
        /// P(at least one breach in the budget period).
        public var probability: Double
        /// Its Monte Carlo standard error.
        public var mcse: Double
        /// The replications it ran: the scenario's, or the first of them in the bracketing pass.
        public var replications: Int
    }

    /// The answer: the largest quota within the limit (nil when even 0 is not), and the
    /// evaluations at it and at the next quota up, both at the scenario's replications.
    public struct Answer: Sendable {
        /// The largest quota within the limit.
        public var quota: Int?
        /// The evaluation at that quota.
        public var atQuota: Evaluation?
        /// The evaluation at the next quota up, the first over the limit.
        public var nextUp: Evaluation?
        /// Every evaluation, in the order made: the bracketing pass's first, then those at the
        /// scenario's replications (``Evaluation/replications`` tells them apart).
        public var evaluations: [Evaluation]
        /// Whether the search stopped at ``QuotaSolver/maxQuota`` with the chance still within
        /// the limit: then ``quota`` is the cap, not the largest quota within the limit.
        public var reachedMaximum = false
    }

    /// The scenario; its quota is replaced, and it must set a budget.
    package let scenario: Scenario
    /// The largest breach chance accepted.
    package let limit: Double
    /// The largest quota tried.
    package let maxQuota: Int

    /// Creates a solver.
    ///
    /// - Throws: ``QuotaSolverError/noBudget`` when the scenario sets no budget, and
    ///   ``QuotaSolverError/maxQuotaOutOfRange(_:)`` when `maxQuota` is outside 1 ...
    ///   ``ScenarioLimits/quotaPerYear``, the bound of a scenario's quota;
    ///   ``QuotaSolverError/limitOutOfRange(_:)`` when `limit` is not a probability; and
    ///   ``QuotaSolverError/invalidScenario(_:)`` when a value of the scenario is one no scenario
    ///   file allows (``Scenario/validate()``).
    package init(scenario: Scenario, limit: Double, maxQuota: Int = 200) throws(QuotaSolverError) {
        guard ScenarioLimits.probability.contains(limit) else { throw .limitOutOfRange(limit) }
        guard scenario.budget.annualYuan != nil || scenario.budget.periodYuan != nil else { throw .noBudget }
        guard (1...ScenarioLimits.quotaPerYear).contains(maxQuota) else { throw .maxQuotaOutOfRange(maxQuota) }
        do {
            try scenario.validate()
        } catch {
            throw .invalidScenario(error)
        }
        self.scenario = scenario
        self.limit = limit
        self.maxQuota = maxQuota
    }

    /// The replications a quota runs in the bracketing pass: the first
    /// 1/``bracketingShare`` of the scenario's, or 0 (no bracketing pass) when that is none.
    public var bracketingReplications: Int { scenario.simulation.replications / Self.bracketingShare }

    /// The breach chance at a constant `quota`, over the scenario's replications.
    ///
    /// - Throws: ``QuotaSolverError/generator(_:)`` for a generator name GSL does not know.
    package func evaluate(quota: Int, threads: Int) throws(QuotaSolverError) -> Evaluation {
        try evaluate(quota: quota, replications: scenario.simulation.replications, threads: threads)
    }

    /// The breach chance at a constant `quota`, over the first `replications` of the scenario's
    /// keyed replications.
    ///
    /// - Throws: ``QuotaSolverError/generator(_:)`` for a generator name GSL does not know.
    package func evaluate(
        quota: Int, replications: Int, threads: Int
    ) throws(QuotaSolverError) -> Evaluation {
        let variant = scenario.with { $0.quotaPerYear = Array(repeating: quota, count: $0.horizonYears) }
        let count = min(max(replications, 0), scenario.simulation.replications)
        let forecast: Forecast
        do {
            forecast = try MonteCarloEngine(scenario: variant).run(replications: 0..<count, threads: threads)
        } catch {
            throw .generator(error)
        }
        let summary = try breach(in: forecast)
        return Evaluation(
            quota: quota, probability: summary[.mean] ?? 0, mcse: summary[.mcse] ?? 0, replications: count)
    }

    /// The metric whose mean is the breach chance: with an annual budget, an annual breach in
    /// some year of the period; otherwise the period's net outflow above the period budget.
    package var breachMetric: Metric {
        scenario.budget.annualYuan != nil ? .anyBudgetBreach : .cumulativeBudgetBreach
    }

    /// The statistics of ``breachMetric`` at the end of the first budget period of `forecast`.
    /// - Throws: ``QuotaSolverError/metric(_:)`` when the forecast does not record it (a
    ///   forecast of another scenario than the solver's), rather than a chance of 0.
    func breach(in forecast: Forecast) throws(QuotaSolverError) -> StatisticSummary {
        let period = PrecisionTarget.periodEnd(of: scenario)
        let year = forecast.years.indices.contains(period) ? forecast.years[period] : scenario.startYear + period
        do {
            return try forecast.statistics(of: breachMetric, year: year)
        } catch {
            throw .metric(error)
        }
    }

    /// Searches for the largest quota within the limit: brackets it on the first
    /// ``bracketingReplications``, then confirms it at the scenario's replications.
    ///
    /// - Parameters:
    ///   - threads: the worker threads; the answer does not depend on them.
    ///   - progress: called with each evaluation as it is made.
    /// - Returns: the largest quota within the limit and every evaluation made.
    /// - Throws: ``QuotaSolverError/generator(_:)`` for a generator name GSL does not know.
    public func solve(threads: Int, progress: ((Evaluation) -> Void)? = nil) throws(QuotaSolverError) -> Answer {
        let full = scenario.simulation.replications
        var evaluations: [Int: [Int: Evaluation]] = [:]
        var order: [Evaluation] = []
        func within(_ quota: Int, replications: Int) throws(QuotaSolverError) -> Bool {
            if let known = evaluations[replications]?[quota] { return known.probability <= limit }
            let evaluation = try evaluate(quota: quota, replications: replications, threads: threads)
            evaluations[replications, default: [:]][quota] = evaluation
            order.append(evaluation)
            progress?(evaluation)
            return evaluation.probability <= limit
        }
        let coarse = bracketingReplications
        let quota = try Self.bracketedSearch(maxQuota: maxQuota, coarse: coarse, full: full) {
            (quota, replications) throws(QuotaSolverError) in try within(quota, replications: replications)
        }
        let atFull = evaluations[full] ?? [:]
        guard let quota else {
            return Answer(quota: nil, atQuota: nil, nextUp: atFull[0], evaluations: order)
        }
        return Answer(
            quota: quota, atQuota: atFull[quota], nextUp: quota < maxQuota ? atFull[quota + 1] : nil,
            evaluations: order, reachedMaximum: quota == maxQuota)
    }

    /// The largest quota in 0...`maxQuota` for which `within(quota, replications)` holds:
    /// searched at `coarse` replications first and confirmed at `full` when `coarse` is fewer,
    /// otherwise searched at `full` alone (``search(maxQuota:within:)``, ``confirm(candidate:maxQuota:within:)``).
    static func bracketedSearch<E: Error>(
        maxQuota: Int, coarse: Int, full: Int, within: (Int, Int) throws(E) -> Bool
    ) throws(E) -> Int? {
        guard coarse > 0 && coarse < full else {
            return try search(maxQuota: maxQuota) { (quota) throws(E) in try within(quota, full) }
        }
        let candidate = try search(maxQuota: maxQuota) { (quota) throws(E) in try within(quota, coarse) }
        return try confirm(candidate: candidate ?? 0, maxQuota: maxQuota) { (quota) throws(E) in
            try within(quota, full)
        }
    }

    /// The largest quota in 0...`maxQuota` for which `within` holds, assuming it holds up to
    /// some quota and not above: nil when it fails at 0. Doubles the quota until `within` fails,
    /// then bisects, and asks about the answer + 1 too (when within `maxQuota`).
    static func search<E: Error>(maxQuota: Int, within: (Int) throws(E) -> Bool) throws(E) -> Int? {
        guard try within(0) else { return nil }
        var low = 0
        var high = 1
        while high <= maxQuota, try within(high) {
            low = high
            high *= 2
        }
        high = min(high, maxQuota + 1)
        try bisect(low: &low, high: &high, within: within)
        if high <= maxQuota { _ = try within(high) }
        return low
    }

    /// The largest quota in 0...`maxQuota` for which `within` holds (nil when it fails at 0),
    /// found from a `candidate` thought near it: asks about the candidate, walks up (or down)
    /// one step, then doubling steps, until `within` changes, then bisects. Under the same
    /// assumption as ``search(maxQuota:within:)`` it gives the same answer, and it has asked
    /// about both the answer and the answer + 1 (when within `maxQuota`), or about 0 when nil.
    static func confirm<E: Error>(
        candidate: Int, maxQuota: Int, within: (Int) throws(E) -> Bool
    ) throws(E) -> Int? {
        let start = min(max(candidate, 0), maxQuota)
        var step = 1
        if try within(start) {
            var low = start
            while low < maxQuota {
                let next = min(low + step, maxQuota)
                if try within(next) {
                    low = next
                    step *= 2
                } else {
                    var high = next
                    try bisect(low: &low, high: &high, within: within)
                    return low
                }
            }
            return low
        }
        var high = start
        while high > 0 {
            let next = max(high - step, 0)
            if try within(next) {
                var low = next
                try bisect(low: &low, high: &high, within: within)
                return low
            }
            high = next
            step *= 2
        }
        return nil
    }

    /// Narrows `low` (within) and `high` (not, or one past the cap) until they are adjacent.
    private static func bisect<E: Error>(
        low: inout Int, high: inout Int, within: (Int) throws(E) -> Bool
    ) throws(E) {
        while high - low > 1 {
            let middle = low + (high - low) / 2
            if try within(middle) { low = middle } else { high = middle }
        }
    }
}

/// The quota cannot be solved for.
public enum QuotaSolverError: Error, Sendable, CustomStringConvertible {
    /// The scenario sets no budget to breach.
    case noBudget
    /// The largest quota to try is outside 1 ... ``ScenarioLimits/quotaPerYear``.
    case maxQuotaOutOfRange(Int)
    /// The largest breach chance accepted is not a probability, 0...1.
    case limitOutOfRange(Double)
    /// The annual budget given in place of the scenario's is outside 0 ... ``ScenarioLimits/annualBudgetYuan``.
    case annualBudgetOutOfRange(Double)
    /// A value of the scenario is one no scenario file allows (``Scenario/validate()``).
    case invalidScenario(InvalidScenarioError)
    /// The scenario's generator is not one GSL knows.
    case generator(UnknownGeneratorError)
    /// A forecast lacks the breach metric.
    case metric(MetricLookupError)

    /// One line saying what to change.
    public var description: String {
        switch self {
        case .noBudget:
            return "the scenario sets no budget; add budget.annual_yuan or budget.period_yuan, or give --annual-budget"
        case .maxQuotaOutOfRange(let quota):
            return "the largest quota to try, \(quota), is out of range 1...\(ScenarioLimits.quotaPerYear)"
        case .limitOutOfRange(let limit):
            return "the largest breach chance accepted, \(limit), is out of range 0...1"
        case .annualBudgetOutOfRange(let budget):
            return "the annual budget \(budget) is out of range 0...\(Int(ScenarioLimits.annualBudgetYuan))"
        case .invalidScenario(let error): return error.description
        case .generator(let error): return error.description
        case .metric(let error): return error.description
        }
    }
}

extension QuotaSolverError: StudioForecastError {
    /// The scenario's budget or generator; none for the quota bound.
    public var location: ProblemLocation {
        switch self {
        case .noBudget: return ProblemLocation(keyPath: "budget")
        case .generator(let error): return error.location
        case .invalidScenario(let error): return error.location
        case .maxQuotaOutOfRange, .limitOutOfRange, .annualBudgetOutOfRange, .metric: return .none
        }
    }

    /// The largest quota to try, the limit and the annual budget given are arguments; the rest
    /// are the scenario's.
    public var category: ProblemCategory {
        switch self {
        case .maxQuotaOutOfRange, .limitOutOfRange, .annualBudgetOutOfRange: return .badArgument
        case .noBudget, .invalidScenario, .generator, .metric: return .badInput
        }
    }
}
