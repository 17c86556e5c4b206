import Foundation
import StudioRules
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
///
/// With an applicant pool it covers the simplest selection (``ApplicantParameters/isDeterministicSelection``
/// and no objections): the K candidates of quality at or above the shortlist score,
/// K ~ Binomial(pool, P(quality ≥ shortlist)), are named in rank order until they run out, so
/// by the end of year t, min(Q_t, K) are named, Q_t being the quotas so far. Because the
/// probability-based assessment does not depend on who is named, each cohort's expected size
/// carries the lifecycle's expectations. Scores named (`cutoff_score`, `named_mean_score`) are
/// left out.
///
/// Schedules are followed as the simulator follows them: each cohort carries its distribution
/// under the rules in force when it was named, and each calendar year assesses with the pass
/// probabilities and pays the subsidies in force that year.
package struct ExactEvaluator: Sendable {
    /// The scenario evaluated.
    package let scenario: Scenario
    /// The scenario in force in each forecast year.
    private let views: [Scenario]
    /// The values the simulator reads per year.
    private let yearly: YearlyValues

    /// Creates an evaluator.
    package init(scenario: Scenario) {
        self.scenario = scenario
        views = scenario.yearViews
        yearly = YearlyValues(views: views)
    }

    /// A group of alike studios and the distribution of their shared state.
    private struct Group {
        let namedYear: Int
        let cohort: Int?
        /// The group's cohort rule set, by its entry in the scenario's cohort rules.
        let ruleSet: Int
        let size: Double
        /// Art. 12 subsidies paid to each studio before the forecast (studios named before it).
        var subsidiesPaidBefore = 0.0
        var distribution: [(state: StudioGrantState, probability: Double)]
    }

    /// The expected value of every metric, as the `mean` statistic of a forecast.
    ///
    /// - Throws: ``ExactEvaluatorError`` when the scenario has heterogeneity or a common shock.
    package func evaluate() throws(ExactEvaluatorError) -> Forecast {
        if let first = scenario.uncertainInputs.inputs.first {
            throw ExactEvaluatorError.uncertainInputs(firstKeyPath: first.keyPath, count: scenario.uncertainInputs.inputs.count)
        }
        guard scenario.assessment.isHomogeneous else { throw ExactEvaluatorError.notHomogeneous }
        guard views.allSatisfy(\.assessment.isHomogeneous) else { throw ExactEvaluatorError.notHomogeneous }
        if yearly.hasFraud && scenario.cohortRules.values.contains(where: { $0.paymentLagYears > 0 }) {
            throw ExactEvaluatorError.fraudWithPaymentLag
        }
        if let applicants = scenario.applicants,
            !applicants.isDeterministicSelection || scenario.selection.objectionProbability > 0
                || scenario.fraud.applicantDetectionProbability > 0 || yearly.poolChanges
        {
            throw ExactEvaluatorError.selectionNotCovered
        }
        let ledger = expectedLedger()
        let catalog = ledger.catalog
        func mean(_ value: Double) -> StatisticSummary {
            StatisticSummary(count: 0, values: value.isNaN ? [:] : [.mean: value])
        }
        // A cohort has cells only when studios were expected to be named in its year.
        return Forecast(
            scenarioName: scenario.name, method: .exact, replications: 0, startYear: scenario.startYear,
            horizon: scenario.horizonYears, catalog: catalog,
            yearCell: { year, metric in mean(ledger[year: year, metric: metric]) },
            cohortCell: { cohort, age, metric in
                ledger[year: cohort, metric: catalog.named] > 0
                    ? mean(ledger[cohort: cohort, age: age, metric: metric]) : nil
            })
    }

    /// The ledger of expected values, every branch weighted by its expected number of studios.
    package func expectedLedger() -> ReplicationLedger {
        let lifecycles = scenario.cohortRules.values.map(GrantLifecycle.init(rules:))
        var ledger = ReplicationLedger(scenario: scenario)
        let namedSoFar = [0] + expectedNamed().reduce(into: [Double]()) { $0.append(($0.last ?? 0) + $1) }
        let qualified = scenario.applicants.map { applicants in
            qualifiedDistribution(applicants).enumerated().reduce(0.0) { $0 + Double($1.offset) * $1.element }
        }
        for existing in scenario.existingStudios {
            // A cohort keeps the rules in force when it was named (Art. 11).
            let ruleSet = scenario.cohortRules.entryIndex(in: existing.namedYear)
            for payment in existing.awaitingPayments(lag: lifecycles[ruleSet].rules.paymentLagYears) {
                ledger.recordPriorTranche(
                    payment.tranche, paymentYear: payment.paymentYear, weight: Double(existing.count), ruleSet: ruleSet)
            }
        }
        var groups = scenario.existingStudios.map {
            Group(
                namedYear: $0.namedYear, cohort: nil, ruleSet: scenario.cohortRules.entryIndex(in: $0.namedYear),
                size: Double($0.count), subsidiesPaidBefore: $0.subsidiesPaidYuan, distribution: [($0.state, 1)])
        }
        for year in 0..<scenario.horizonYears {
            let calendarYear = scenario.startYear + year
            let passModel = PassProbabilityModel(parameters: views[year].assessment)
            for index in groups.indices {
                let group = groups[index]
                let lifecycle = lifecycles[group.ruleSet]
                let age = calendarYear - group.namedYear + 1
                var next: [(state: StudioGrantState, probability: Double)] = []
                let fraud = yearly.fraudProbability[year]
                for (state, probability) in group.distribution {
                    guard !state.isRevoked else {
                        Self.add(state, probability, to: &next)
                        continue
                    }
                    if fraud > 0 {
                        let step = lifecycle.revokeForFraud(state)
                        let recovered =
                            grantPaid(state, rules: lifecycle.rules) + subsidiesRecovered(before: year, group: group)
                        ledger.recordFraud(
                            step, year: year, cohort: group.cohort, recovered: recovered, cancelled: [],
                            weight: group.size * probability * fraud, ruleSet: group.ruleSet)
                        Self.add(step.state, probability * fraud, to: &next)
                    }
                    let pass = passModel.probability(for: state, age: age, factor: 1)
                    for (passed, chance) in [(true, pass), (false, 1 - pass)] where chance > 0 {
                        let step = lifecycle.assess(state, age: age, passed: passed)
                        let weight = probability * (1 - fraud) * chance
                        ledger.recordAssessment(
                            step, year: year, cohort: group.cohort, weight: group.size * weight, ruleSet: group.ruleSet)
                        Self.add(step.state, weight, to: &next)
                    }
                }
                groups[index].distribution = next
            }
            let named = namedSoFar[year + 1] - namedSoFar[year]
            if let qualified, let tally = selectionTally(year: year, namedSoFar: namedSoFar, qualified: qualified) {
                ledger.recordSelection(year: year, tally, quota: scenario.quotaPerYear[year])
            }
            if named > 0 {
                // The cohort keeps the rules in force in its naming year (Art. 11).
                let ruleSet = scenario.cohortRules.entryIndex(in: calendarYear)
                let naming = lifecycles[ruleSet].naming()
                ledger.recordNaming(naming, year: year, weight: named, ruleSet: ruleSet)
                groups.append(
                    Group(
                        namedYear: calendarYear, cohort: year, ruleSet: ruleSet, size: named,
                        distribution: [(naming.state, 1)]))
            }
            var active = 0.0
            for group in groups {
                for (state, probability) in group.distribution where !state.isRevoked {
                    active += group.size * probability
                }
            }
            ledger.recordActive(year: year, weight: active)
            recordSubsidies(year: year, active: active, named: named, into: &ledger)
        }
        ledger.finish(perReplication: false)
        return ledger
    }

    // MARK: - Money

    /// Expected Art. 12 subsidies of a year given the expected active and newly named studios:
    /// equipment p·rate·E[cost] per active studio, with E[cost] = median·e^(σ²/2) for a log-normal,
    /// plus the old equipment of those named; training Σ mean × amount per active studio. Awards
    /// have no closed form here and are left out.
    private func recordSubsidies(year: Int, active: Double, named: Double, into ledger: inout ReplicationLedger) {
        ledger.recordSubsidy(
            .equipment, yuan: active * equipmentPerStudioYear(year) + named * oldEquipmentAtNaming(year), year: year)
        ledger.recordSubsidy(.training, yuan: active * trainingPerStudioYear(year), year: year)
        if scenario.subsidies.awards != nil { ledger.markMissing(year: year, metric: ledger.catalog.money.awardSubsidy) }
    }

    private func equipmentPerStudioYear(_ year: Int) -> Double {
        guard let equipment = yearly.subsidies[year].equipment else { return 0 }
        return equipment.purchaseProbability * equipment.rate * Self.logNormalMean(equipment.medianYuan, equipment.sigma)
    }

    private func oldEquipmentAtNaming(_ year: Int) -> Double {
        guard let equipment = yearly.subsidies[year].equipment, let old = equipment.oldEquipment else { return 0 }
        return old.probability * equipment.rate * Self.logNormalMean(old.medianAssessedYuan, old.sigma)
    }

    private func trainingPerStudioYear(_ year: Int) -> Double {
        yearly.subsidies[year].training?.expectedYuanPerStudioYear ?? 0
    }

    private static func logNormalMean(_ median: Double, _ sigma: Double) -> Double { median * exp(sigma * sigma / 2) }

    /// The grant paid to a studio in `state` under its cohort's `rules` (no payment lag): its
    /// tranches earned so far.
    private func grantPaid(_ state: StudioGrantState, rules: GrantRules) -> Double {
        rules.amount(ofTranches: 0..<state.tranchesEarned)
    }

    /// The expected subsidies recovered from a studio of `group` found cheating at the start of
    /// forecast year `year`: those of each forecast year it was active before, with those paid
    /// before the forecast, when recovery covers them (`fraud.recover: all`).
    private func subsidiesRecovered(before year: Int, group: Group) -> Double {
        guard scenario.fraud.recover == .all else { return 0 }
        let first = group.cohort ?? 0
        let atNaming = group.cohort.map(oldEquipmentAtNaming) ?? 0
        let awards = scenario.subsidies.awards == nil ? 0.0 : .nan
        var paid = 0.0
        if yearly.subsidies.allSatisfy({ $0 == yearly.subsidies[0] }) {
            paid = Double(year - first) * (equipmentPerStudioYear(0) + trainingPerStudioYear(0))
        } else {
            for active in first..<max(year, first) { paid += equipmentPerStudioYear(active) + trainingPerStudioYear(active) }
        }
        return group.subsidiesPaidBefore + atNaming + paid + awards
    }

    // MARK: - Selection

    /// The expected number named in each year: the quota without a pool, and with one
    /// E[min(Q_t, K)] − E[min(Q_{t−1}, K)] for K ~ Binomial(pool, P(quality ≥ shortlist)).
    package func expectedNamed() -> [Double] {
        guard let applicants = scenario.applicants else { return scenario.quotaPerYear.map(Double.init) }
        let distribution = qualifiedDistribution(applicants)
        var quotaSoFar = 0
        return scenario.quotaPerYear.map { quota in
            defer { quotaSoFar += quota }
            // Σ_k P(K = k)·(min(Q_t, k) − min(Q_{t−1}, k)): every term is non-negative, so a year
            // after the qualified candidates run out is exactly 0.
            return distribution.enumerated().reduce(0.0) { sum, term in
                sum + Double(min(quotaSoFar + quota, term.offset) - min(quotaSoFar, term.offset)) * term.element
            }
        }
    }

    /// P(K = k) for k = 0...pool, K the candidates at or above the shortlist score.
    private func qualifiedDistribution(_ applicants: ApplicantParameters) -> [Double] {
        let threshold = scenario.selection.shortlistScore
        let p: Double
        if threshold <= 0 {
            p = 1
        } else if applicants.qualitySD == 0 {
            p = applicants.qualityMean >= threshold ? 1 : 0
        } else {
            p = GSLLibrary.normalUpperTail((threshold - applicants.qualityMean) / applicants.qualitySD)
        }
        return (0...applicants.pool).map { GSLLibrary.binomialProbability($0, trials: applicants.pool, probability: p) }
    }

    /// The expected selection counts of `year` under the simplest selection, or nil without a pool;
    /// `qualified` is E[K], the expected candidates at or above the shortlist.
    private func selectionTally(year: Int, namedSoFar: [Double], qualified: Double) -> SelectionTally? {
        guard let applicants = scenario.applicants else { return nil }
        var tally = SelectionTally()
        let waiting = Double(applicants.pool) - namedSoFar[year]
        tally.pool = waiting
        tally.applicants = waiting
        tally.recommended = waiting
        tally.shortlisted = qualified - namedSoFar[year]
        tally.named = namedSoFar[year + 1] - namedSoFar[year]
        tally.lowestNamedScore = .nan
        tally.namedScoreSum = .nan
        return tally
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
public enum ExactEvaluatorError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Heterogeneity, a common shock or the score model makes studios dependent or unalike.
    case notHomogeneous
    /// The applicant pool is more than the simplest selection the evaluator covers.
    case selectionNotCovered
    /// Fraud with a payment lag needs each tranche's payment year, which the states do not keep.
    case fraudWithPaymentLag
    /// Assumptions given as distributions, the first at `firstKeyPath`, need sampling.
    case uncertainInputs(firstKeyPath: String, count: Int)
    /// A value of the scenario is one no scenario file allows (``Scenario/validate()``).
    case invalidScenario(InvalidScenarioError)

    /// One line naming the keys to change.
    public var description: String {
        switch self {
        case .notHomogeneous:
            return
                "the exact method needs assessment.model: probability, assessment.heterogeneity 0 and assessment.year_shock_sd 0; use --method montecarlo"
        case .fraudWithPaymentLag:
            return "the exact method covers fraud only with programme.payment_lag_years 0; use --method montecarlo"
        case .uncertainInputs(let key, let count):
            let more = count > 1 ? " (and \(count - 1) more)" : ""
            return "the exact method needs a number for every assumption, but \(key)\(more) is given as a distribution; use --method montecarlo"
        case .invalidScenario(let error):
            return error.description
        case .selectionNotCovered:
            return
                "the exact method covers an applicant pool only with one uncapped channel, new_per_year 0, apply_probability 1, every condition certain, no score noise or improvement, no list, no objections, no applicant fraud and no schedule of the pool or the selection; use --method montecarlo"
        }
    }
}
