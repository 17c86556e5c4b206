public import StudioRules
public import StudioScenario

/// Expected values per calendar year computed from the lifecycle's state distribution by age,
/// with no sampling (`run --method exact`).
///
/// It covers the direct-probability assessment model without heterogeneity or common shock,
/// where the studios of a cohort are independent and alike: each cohort's distribution over
/// ``StudioGrantState`` is carried forward one assessment a year (Art. 11, 14), and every
/// branch is recorded in a ``ReplicationLedger`` weighted by its expected number of studios,
/// through the same code that records a simulated studio. Ratios per replication
/// (`revocation_rate`) have no closed form here and are left out.
public struct ExactEvaluator: Sendable {
    /// The scenario evaluated.
    public let scenario: Scenario

    /// Creates an evaluator.
    public init(scenario: Scenario) {
        self.scenario = scenario
    }

    /// A group of alike studios and the distribution of their shared state.
    private struct Group {
        let namedYear: Int
        let cohort: Int?
        let size: Double
        var distribution: [(state: StudioGrantState, probability: Double)]
    }

    /// The expected value of every metric, as the `mean` statistic of a forecast.
    ///
    /// - Throws: ``ExactEvaluatorError`` when the scenario has heterogeneity or a common shock.
    public func evaluate() throws(ExactEvaluatorError) -> Forecast {
        guard scenario.assessment.isHomogeneous else { throw ExactEvaluatorError.notHomogeneous }
        let ledger = expectedLedger()
        let catalog = ledger.catalog
        func mean(_ value: Double) -> StatisticSummary {
            StatisticSummary(count: 0, values: value.isNaN ? [:] : [.mean: value])
        }
        let yearly = (0..<scenario.horizonYears).map { year in
            catalog.yearMetrics.indices.map { mean(ledger[year: year, metric: $0]) }
        }
        var cohorts: [Forecast.CohortCell] = []
        for cohort in 0..<scenario.horizonYears where scenario.quotaPerYear[cohort] > 0 {
            for age in 1...(scenario.horizonYears - cohort) {
                for metric in catalog.cohortMetrics.indices {
                    cohorts.append(
                        Forecast.CohortCell(
                            cohortYear: scenario.startYear + cohort, age: age, metric: metric,
                            summary: mean(ledger[cohort: cohort, age: age, metric: metric])))
                }
            }
        }
        return Forecast(
            scenarioName: scenario.name, method: .exact, replications: 0, years: Array(scenario.years),
            catalog: catalog, yearly: yearly, cohorts: cohorts)
    }

    /// The ledger of expected values, every branch weighted by its expected number of studios.
    public func expectedLedger() -> ReplicationLedger {
        let rules = scenario.grantRules
        let lifecycle = GrantLifecycle(rules: rules)
        let passModel = PassProbabilityModel(parameters: scenario.assessment)
        var ledger = ReplicationLedger(
            catalog: MetricCatalog(trancheCount: rules.trancheCount), horizon: scenario.horizonYears, rules: rules)
        var groups = scenario.existingStudios.map {
            Group(namedYear: $0.namedYear, cohort: nil, size: Double($0.count), distribution: [($0.state, 1)])
        }
        for year in 0..<scenario.horizonYears {
            let calendarYear = scenario.startYear + year
            for index in groups.indices {
                let group = groups[index]
                let age = calendarYear - group.namedYear + 1
                var next: [(state: StudioGrantState, probability: Double)] = []
                for (state, probability) in group.distribution {
                    guard !state.isRevoked else {
                        Self.add(state, probability, to: &next)
                        continue
                    }
                    let pass = passModel.probability(for: state, age: age, factor: 1)
                    for (passed, chance) in [(true, pass), (false, 1 - pass)] where chance > 0 {
                        let step = lifecycle.assess(state, age: age, passed: passed)
                        ledger.recordAssessment(
                            step, year: year, cohort: group.cohort, weight: group.size * probability * chance)
                        Self.add(step.state, probability * chance, to: &next)
                    }
                }
                groups[index].distribution = next
            }
            let quota = scenario.quotaPerYear[year]
            if quota > 0 {
                let naming = lifecycle.naming()
                ledger.recordNaming(naming, year: year, weight: Double(quota))
                groups.append(
                    Group(namedYear: calendarYear, cohort: year, size: Double(quota), distribution: [(naming.state, 1)]))
            }
            for group in groups {
                for (state, probability) in group.distribution where !state.isRevoked {
                    ledger.recordActive(year: year, weight: group.size * probability)
                }
            }
        }
        ledger.finish(ratios: false)
        return ledger
    }

    /// Adds probability mass to a state, keeping first-seen order so sums are reproducible.
    private static func add(
        _ state: StudioGrantState, _ probability: Double,
        to distribution: inout [(state: StudioGrantState, probability: Double)]
    ) {
        if let index = distribution.firstIndex(where: { $0.state == state }) {
            distribution[index].probability += probability
        } else {
            distribution.append((state, probability))
        }
    }
}

/// The exact evaluator cannot handle the scenario.
public enum ExactEvaluatorError: Error, Sendable, CustomStringConvertible {
    /// Heterogeneity or a common shock makes studios dependent or unalike.
    case notHomogeneous

    /// One line naming the keys to change.
    public var description: String {
        switch self {
        case .notHomogeneous:
            return
                "the exact method needs assessment.heterogeneity and assessment.year_shock_sd to be 0; use --method montecarlo"
        }
    }
}
