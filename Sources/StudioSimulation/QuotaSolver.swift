public import StudioScenario

/// Finds the largest constant annual quota whose chance of at least one budget breach over the
/// budget period stays within a limit (`studio-forecast solve-quota`).
///
/// A breach is an annual breach in some year of the first budget period when the scenario sets
/// an annual budget, and otherwise the period's net outflow above the period budget. Every quota is run on common random numbers (keyed
/// streams, same seed), so a larger quota adds studios to the same worlds and the breach
/// chance rises with the quota; the search doubles the quota until the limit is passed and
/// then bisects. With an applicant pool a larger quota also changes who waits in the pool, so
/// the rise is not guaranteed replication by replication; the tests check it on the baseline.
public struct QuotaSolver: Sendable {
    /// The breach chance at one quota, with its Monte Carlo standard error.
    public struct Evaluation: Sendable, Hashable {
        /// The constant annual quota.
        public var quota: Int
        /// P(at least one breach in the budget period).
        public var probability: Double
        /// Its Monte Carlo standard error.
        public var mcse: Double
    }

    /// The answer: the largest quota within the limit (nil when even 0 is not), and the
    /// evaluations at it and at the next quota up.
    public struct Answer: Sendable {
        /// The largest quota within the limit.
        public var quota: Int?
        /// The evaluation at that quota.
        public var atQuota: Evaluation?
        /// The evaluation at the next quota up, the first over the limit.
        public var nextUp: Evaluation?
        /// Every quota evaluated, in the order evaluated.
        public var evaluations: [Evaluation]
        /// Whether the search stopped at ``QuotaSolver/maxQuota`` with the chance still within
        /// the limit: then ``quota`` is the cap, not the largest quota within the limit.
        public var reachedMaximum = false
    }

    /// The scenario; its quota is replaced, and it must set a budget.
    public let scenario: Scenario
    /// The largest breach chance accepted.
    public let limit: Double
    /// The largest quota tried.
    public let maxQuota: Int

    /// Creates a solver.
    ///
    /// - Throws: ``QuotaSolverError/noBudget`` when the scenario sets no budget, and
    ///   ``QuotaSolverError/maxQuotaOutOfRange(_:)`` when `maxQuota` is outside 1 ...
    ///   ``ScenarioLimits/quotaPerYear``, the bound of a scenario's quota.
    public init(scenario: Scenario, limit: Double, maxQuota: Int = 200) throws(QuotaSolverError) {
        guard scenario.budget.annualYuan != nil || scenario.budget.periodYuan != nil else { throw .noBudget }
        guard (1...ScenarioLimits.quotaPerYear).contains(maxQuota) else { throw .maxQuotaOutOfRange(maxQuota) }
        self.scenario = scenario
        self.limit = limit
        self.maxQuota = maxQuota
    }

    /// The breach chance at a constant `quota`.
    public func evaluate(quota: Int, threads: Int) throws(UnknownGeneratorError) -> Evaluation {
        let variant = scenario.with { $0.quotaPerYear = Array(repeating: quota, count: $0.horizonYears) }
        let forecast = try MonteCarloEngine(scenario: variant).run(threads: threads)
        let year = forecast.years[PrecisionTarget.periodEnd(of: scenario)]
        // With an annual budget, the event is an annual breach in the period; otherwise the
        // period's net outflow above the period budget.
        let annual = forecast.summary(year: year, metric: "any_budget_breach")
        let period = forecast.summary(year: year, metric: "cumulative_budget_breach")
        let summary = annual ?? period
        return Evaluation(quota: quota, probability: summary?[.mean] ?? 0, mcse: summary?[.mcse] ?? 0)
    }

    /// Searches for the largest quota within the limit.
    public func solve(threads: Int, progress: ((Evaluation) -> Void)? = nil) throws(UnknownGeneratorError) -> Answer {
        var evaluations: [Int: Evaluation] = [:]
        var order: [Evaluation] = []
        func within(_ quota: Int) throws(UnknownGeneratorError) -> Bool {
            if let known = evaluations[quota] { return known.probability <= limit }
            let evaluation = try evaluate(quota: quota, threads: threads)
            evaluations[quota] = evaluation
            order.append(evaluation)
            progress?(evaluation)
            return evaluation.probability <= limit
        }
        guard try within(0) else {
            return Answer(quota: nil, atQuota: nil, nextUp: evaluations[0], evaluations: order)
        }
        var low = 0
        var high = 1
        while high <= maxQuota, try within(high) {
            low = high
            high *= 2
        }
        high = min(high, maxQuota + 1)
        while high - low > 1 {
            let middle = (low + high) / 2
            if try within(middle) { low = middle } else { high = middle }
        }
        if high <= maxQuota { _ = try within(high) }
        return Answer(
            quota: low, atQuota: evaluations[low], nextUp: evaluations[high], evaluations: order,
            reachedMaximum: low == maxQuota)
    }
}

/// The quota cannot be solved for.
public enum QuotaSolverError: Error, Sendable, CustomStringConvertible {
    /// The scenario sets no budget to breach.
    case noBudget
    /// The largest quota to try is outside 1 ... ``ScenarioLimits/quotaPerYear``.
    case maxQuotaOutOfRange(Int)

    /// One line saying what to change.
    public var description: String {
        switch self {
        case .noBudget:
            return "the scenario sets no budget; add budget.annual_yuan or budget.period_yuan, or give --annual-budget"
        case .maxQuotaOutOfRange(let quota):
            return "the largest quota to try, \(quota), is out of range 1...\(ScenarioLimits.quotaPerYear)"
        }
    }
}
