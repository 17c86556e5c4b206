package import StudioRules
package import StudioScenario

/// The year-by-year values of one replication (or, weighted by probabilities, of the exact
/// evaluator): every year metric per calendar year and every cohort metric per naming year and age.
///
/// The simulator and the exact evaluator record lifecycle steps here through the same methods,
/// so that both turn the rules into metrics in one place.
package struct ReplicationLedger: Sendable {
    /// The metric positions.
    package let catalog: MetricCatalog
    /// How many calendar years are recorded.
    package let horizon: Int
    /// Each cohort rule set's tranche amounts (Art. 11), by its entry in the scenario's cohort rules.
    private let trancheAmounts: [[Double]]
    /// Each cohort rule set's payment lag in years.
    private let paymentLags: [Int]
    /// The most tranches any rule set pays.
    private let trancheCount: Int
    private let budget: BudgetParameters
    /// The period budget of the period holding each forecast year: the one in force in the
    /// period's first year.
    private let periodBudgets: [Double?]
    /// The catalog's metric counts, kept as numbers so that each value's position is arithmetic only.
    private let yearMetricCount: Int
    private let cohortMetricCount: Int
    /// Year metric values, `horizon × metric count`, year-major. NaN marks a missing value.
    private(set) var values: [Double]
    /// Studios named in each horizon year.
    private var cohortSizes: [Double]
    /// Cohort metric values, `horizon (naming year) × horizon (age − 1) × cohort metric count`.
    private(set) var cohortValues: [Double]

    /// An empty ledger for a scenario's forecast.
    package init(scenario: Scenario) {
        self.catalog = MetricCatalog(scenario: scenario)
        self.horizon = scenario.horizonYears
        let ruleSets = scenario.cohortRules.values
        trancheAmounts = ruleSets.map { rules in (0..<rules.trancheCount).map(rules.trancheAmount) }
        paymentLags = ruleSets.map(\.paymentLagYears)
        trancheCount = ruleSets.map(\.trancheCount).max() ?? 0
        let budget = scenario.budget
        periodBudgets = (0..<scenario.horizonYears).map { year in
            scenario.inForce(in: scenario.startYear + budget.periodStart(of: year)).budget.periodYuan
        }
        self.budget = scenario.budget
        yearMetricCount = catalog.yearMetrics.count
        cohortMetricCount = catalog.cohortMetrics.count
        values = Array(repeating: 0, count: horizon * catalog.yearMetrics.count)
        cohortSizes = Array(repeating: 0, count: horizon)
        cohortValues = Array(repeating: 0, count: horizon * horizon * catalog.cohortMetrics.count)
    }

    /// A ledger holding given values, as ``allValues`` gave them (for merging shards).
    package init(scenario: Scenario, allValues: [Double]) {
        self.init(scenario: scenario)
        values = Array(allValues[..<values.count])
        cohortValues = Array(allValues[values.count...])
    }

    /// Every year value, then every cohort value, in storage order.
    package var allValues: [Double] { values + cohortValues }

    /// Clears every value for the next replication.
    package mutating func reset() {
        for i in values.indices { values[i] = 0 }
        for i in cohortSizes.indices { cohortSizes[i] = 0 }
        for i in cohortValues.indices { cohortValues[i] = 0 }
    }

    /// The value of year metric `metric` in forecast year `year` (0-based); NaN when missing.
    ///
    /// - Parameters:
    ///   - year: the forecast year, 0-based.
    ///   - metric: the metric's position in ``catalog``.
    /// - Returns: the replication's value.
    @inline(__always)
    package subscript(year year: Int, metric metric: Int) -> Double {
        get { values[year * yearMetricCount + metric] }
        set { values[year * yearMetricCount + metric] = newValue }
    }

    /// The value of cohort metric `metric` for the cohort named in year `cohort` at `age` (1-based).
    @inline(__always)
    package subscript(cohort cohort: Int, age age: Int, metric metric: Int) -> Double {
        get { cohortValues[cohortIndex(cohort, age, metric)] }
        set { cohortValues[cohortIndex(cohort, age, metric)] = newValue }
    }

    @inline(__always)
    private func cohortIndex(_ cohort: Int, _ age: Int, _ metric: Int) -> Int {
        (cohort * horizon + age - 1) * cohortMetricCount + metric
    }

    /// The ledger's storage and the positions of the values a studio's lifecycle step changes,
    /// for the replication loop's recording (see ``withCells(_:)``). Valid only inside that call.
    struct Cells {
        let years: UnsafeMutablePointer<Double>
        let cohorts: UnsafeMutablePointer<Double>
        let horizon: Int
        let yearMetricCount: Int
        let cohortMetricCount: Int
        let assessed: Int
        let named: Int
        let firstTranche: Int
        let yellowCards: Int
        let revocations: Int
        let revocationsInCycle: Int
        let revocationsPostCycle: Int
        let revocationsFraud: Int
        let cyclesCompleted: Int
        let forfeited: Int
        let paidPerStudio: Int
        let shareFullyPaid: Int
        let shareRevoked: Int

        /// Records one studio's lifecycle step in forecast year `year`, as ``recordAssessment(_:year:cohort:weight:ruleSet:)``
        /// and ``recordNaming(_:year:weight:ruleSet:)`` record a step of weight 1 (Art. 11, 14),
        /// but for the count of assessed or named studios: the same values, added to the same
        /// cells in the same order. `cohort` is the studio's naming year (0-based), or −1 for one
        /// named before the start.
        ///
        /// Every position is within the storage (a forecast year and a cohort within the horizon,
        /// a metric of the catalog), so the arithmetic on positions cannot overflow and wraps. A
        /// tranche is recorded only when its payment lag is 0 or more and its payment year within
        /// the horizon, so that a lag no scenario file gives (a negative one, from a library
        /// caller's `GrantRules`) writes nothing rather than outside the storage.
        @inline(__always)
        func record(_ step: LifecycleTable.Row, year: Int, cohort: Int) {
            if step.earnedTranche >= 0 {
                let paymentYear = year &+ Int(step.paymentLag)
                if step.paymentLag >= 0 && paymentYear < horizon {
                    years[paymentYear &* yearMetricCount &+ firstTranche &+ Int(step.earnedTranche)] += step.trancheYuan
                    if cohort >= 0 {
                        let cell = (cohort &* horizon &+ paymentYear &- cohort) &* cohortMetricCount
                        cohorts[cell &+ paidPerStudio] += step.trancheYuan
                        if step.events & LifecycleTable.Event.lastTranche != 0 { cohorts[cell &+ shareFullyPaid] += 1 }
                    }
                }
            }
            let events = step.events & ~LifecycleTable.Event.lastTranche
            guard events != 0 else { return }
            let row = year &* yearMetricCount
            if events & LifecycleTable.Event.yellowCard != 0 { years[row &+ yellowCards] += 1 }
            if events & LifecycleTable.Event.revoked != 0 {
                years[row &+ revocations] += 1
                if events & LifecycleTable.Event.revokedInCycle != 0 { years[row &+ revocationsInCycle] += 1 }
                if events & LifecycleTable.Event.revokedPostCycle != 0 { years[row &+ revocationsPostCycle] += 1 }
                if events & LifecycleTable.Event.revokedForFraud != 0 { years[row &+ revocationsFraud] += 1 }
                if cohort >= 0 {
                    cohorts[(cohort &* horizon &+ year &- cohort) &* cohortMetricCount &+ shareRevoked] += 1
                }
            }
            if events & LifecycleTable.Event.cycleCompleted != 0 { years[row &+ cyclesCompleted] += 1 }
            if events & LifecycleTable.Event.forfeits != 0 { years[row &+ forfeited] += step.forfeitedYuan }
        }
    }

    /// Calls `body` with the ledger's storage, for recording many studios' steps without a
    /// check per value; not at all when the ledger holds no value (no forecast year), since
    /// there is then no step to record.
    @inline(__always)
    mutating func withCells(_ body: (Cells) -> Void) {
        let horizon = horizon
        let yearMetricCount = yearMetricCount
        let cohortMetricCount = cohortMetricCount
        let catalog = catalog
        values.withUnsafeMutableBufferPointer { years in
            cohortValues.withUnsafeMutableBufferPointer { cohorts in
                guard let yearBase = years.baseAddress, let cohortBase = cohorts.baseAddress else { return }
                body(
                    Cells(
                        years: yearBase, cohorts: cohortBase, horizon: horizon, yearMetricCount: yearMetricCount,
                        cohortMetricCount: cohortMetricCount, assessed: catalog.assessed, named: catalog.named,
                        firstTranche: catalog.tranche(0), yellowCards: catalog.yellowCards,
                        revocations: catalog.revocations, revocationsInCycle: catalog.revocationsInCycle,
                        revocationsPostCycle: catalog.revocationsPostCycle, revocationsFraud: catalog.revocationsFraud,
                        cyclesCompleted: catalog.cyclesCompleted, forfeited: catalog.forfeited,
                        paidPerStudio: catalog.paidPerStudio, shareFullyPaid: catalog.shareFullyPaid,
                        shareRevoked: catalog.shareRevoked))
            }
        }
    }

    /// Adds `count` studios named in year `year` to the year's named and its cohort's size (Art. 7).
    @inline(__always)
    mutating func addNamed(_ count: Int, year: Int) {
        self[year: year, metric: catalog.named] += Double(count)
        cohortSizes[year] += Double(count)
    }

    /// Adds `count` studios assessed in year `year` (Art. 11, 14).
    @inline(__always)
    mutating func addAssessed(_ count: Int, year: Int) {
        self[year: year, metric: catalog.assessed] += Double(count)
    }

    // MARK: - Recording

    /// Records the naming of `weight` studios in year `year`, all of cohort `year` (Art. 7, 11),
    /// under the cohort rule set `ruleSet` (its entry in the scenario's cohort rules).
    @inline(__always)
    package mutating func recordNaming(_ step: LifecycleStep, year: Int, weight: Double = 1, ruleSet: Int = 0) {
        self[year: year, metric: catalog.named] += weight
        cohortSizes[year] += weight
        record(step, year: year, cohort: year, weight: weight, ruleSet: ruleSet)
    }

    /// Records an annual assessment's step in year `year` (Art. 11, 14); `cohort` is nil for a
    /// studio named before the start year.
    /// `ruleSet` is the studio's entry in the scenario's cohort rules.
    @inline(__always)
    package mutating func recordAssessment(
        _ step: LifecycleStep, year: Int, cohort: Int?, weight: Double = 1, ruleSet: Int = 0
    ) {
        self[year: year, metric: catalog.assessed] += weight
        record(step, year: year, cohort: cohort, weight: weight, ruleSet: ruleSet)
    }

    /// Records the year's selection (Art. 7): the pool and each stage's count, the places left
    /// empty, and the lowest and mean score named (missing when nobody was named).
    package mutating func recordSelection(year: Int, _ tally: SelectionTally, quota: Int) {
        guard let positions = catalog.selection else { return }
        self[year: year, metric: positions.pool] += tally.pool
        self[year: year, metric: positions.applicants] += tally.applicants
        self[year: year, metric: positions.recommended] += tally.recommended
        self[year: year, metric: positions.shortlisted] += tally.shortlisted
        self[year: year, metric: positions.unfilledQuota] += Double(quota) - tally.named
        self[year: year, metric: positions.cutoffScore] = tally.named > 0 ? tally.lowestNamedScore : .nan
        self[year: year, metric: positions.namedMeanScore] = tally.named > 0 ? tally.namedScoreSum / tally.named : .nan
        self[year: year, metric: positions.disqualifiedApplicants] += tally.disqualified
    }

    /// Records a studio found cheating in year `year` (Art. 15): its revocation, the yuan recovered,
    /// and the lagged tranches it had earned but not yet been paid, which are not paid.
    package mutating func recordFraud(
        _ step: LifecycleStep, year: Int, cohort: Int?, recovered: Double, cancelled: [(tranche: Int, paymentYear: Int)],
        weight: Double = 1, ruleSet: Int = 0
    ) {
        record(step, year: year, cohort: cohort, weight: weight, ruleSet: ruleSet)
        let amounts = trancheAmounts[ruleSet]
        self[year: year, metric: catalog.money.clawback] += recovered * weight
        for payment in cancelled where payment.paymentYear < horizon {
            let amount = amounts[payment.tranche] * weight
            self[year: payment.paymentYear, metric: catalog.tranche(payment.tranche)] -= amount
            if let cohort {
                let age = payment.paymentYear - cohort + 1
                self[cohort: cohort, age: age, metric: catalog.paidPerStudio] -= amount
                if payment.tranche == amounts.count - 1 {
                    self[cohort: cohort, age: age, metric: catalog.shareFullyPaid] -= weight
                }
            }
        }
    }

    /// Records tranche `tranche` (0-based) of `weight` studios named before the forecast, earned
    /// before the start year and paid in forecast year `paymentYear` under a payment lag (Art. 11),
    /// under the cohort rule set `ruleSet` (its entry in the scenario's cohort rules).
    package mutating func recordPriorTranche(_ tranche: Int, paymentYear: Int, weight: Double = 1, ruleSet: Int = 0) {
        guard paymentYear >= 0, paymentYear < horizon else { return }
        self[year: paymentYear, metric: catalog.tranche(tranche)] += trancheAmounts[ruleSet][tranche] * weight
    }

    /// Records an Art. 12 subsidy paid in year `year`.
    @inline(__always)
    package mutating func recordSubsidy(_ kind: SubsidyKind, yuan: Double, year: Int) {
        let metric: Int
        switch kind {
        case .equipment: metric = catalog.money.equipmentSubsidy
        case .training: metric = catalog.money.trainingSubsidy
        case .award: metric = catalog.money.awardSubsidy
        }
        self[year: year, metric: metric] += yuan
    }

    /// Marks a metric as having no value this replication (the exact evaluator's awards).
    package mutating func markMissing(year: Int, metric: Int) {
        self[year: year, metric: metric] = .nan
    }

    /// Records `weight` studios active (named, not revoked) at the end of year `year`.
    @inline(__always)
    package mutating func recordActive(year: Int, weight: Double = 1) {
        self[year: year, metric: catalog.active] += weight
    }

    @inline(__always)
    private mutating func record(_ step: LifecycleStep, year: Int, cohort: Int?, weight: Double, ruleSet: Int) {
        if let tranche = step.earnedTranche {
            let paymentYear = year + paymentLags[ruleSet]
            if paymentYear < horizon {
                let amount = trancheAmounts[ruleSet][tranche] * weight
                self[year: paymentYear, metric: catalog.tranche(tranche)] += amount
                if let cohort {
                    self[cohort: cohort, age: paymentYear - cohort + 1, metric: catalog.paidPerStudio] += amount
                    if tranche == trancheAmounts[ruleSet].count - 1 {
                        self[cohort: cohort, age: paymentYear - cohort + 1, metric: catalog.shareFullyPaid] += weight
                    }
                }
            }
        }
        if step.yellowCard { self[year: year, metric: catalog.yellowCards] += weight }
        if let revocation = step.revocation {
            self[year: year, metric: catalog.revocations] += weight
            switch revocation {
            case .inCycle: self[year: year, metric: catalog.revocationsInCycle] += weight
            case .postCycle: self[year: year, metric: catalog.revocationsPostCycle] += weight
            case .fraud: self[year: year, metric: catalog.revocationsFraud] += weight
            }
            if let cohort { self[cohort: cohort, age: year - cohort + 1, metric: catalog.shareRevoked] += weight }
        }
        if step.cycleCompleted { self[year: year, metric: catalog.cyclesCompleted] += weight }
        if !step.forfeitedTranches.isEmpty {
            var amount = 0.0
            for tranche in step.forfeitedTranches { amount += trancheAmounts[ruleSet][tranche] }
            self[year: year, metric: catalog.forfeited] += amount * weight
        }
    }

    // MARK: - Derived metrics

    /// The budget breach indicators of one replication (0 or 1), or missing for expectations.
    private mutating func recordBreaches(_ positions: MetricCatalog.BudgetMetrics, perReplication: Bool) {
        var breachedBefore = false
        var breachedInPeriod = false
        var periodNet = 0.0
        for year in 0..<horizon {
            if budget.periodStart(of: year) == year {
                breachedInPeriod = false
                periodNet = 0
            }
            let net = self[year: year, metric: catalog.money.netOutflow]
            periodNet += net
            if let annual = budget.annualYuan, let breachMetric = positions.budgetBreach {
                let breach = net > annual[year]
                self[year: year, metric: breachMetric] = perReplication ? (breach ? 1 : 0) : .nan
                breachedInPeriod = breachedInPeriod || breach
                if let metric = positions.anyBudgetBreach {
                    self[year: year, metric: metric] = perReplication ? (breachedInPeriod ? 1 : 0) : .nan
                }
                if let metric = positions.firstBreachYear {
                    self[year: year, metric: metric] = perReplication ? (breach && !breachedBefore ? 1 : 0) : .nan
                }
                breachedBefore = breachedBefore || breach
            }
            if let period = periodBudgets[year], let metric = positions.cumulativeBudgetBreach {
                self[year: year, metric: metric] = perReplication ? (periodNet > period ? 1 : 0) : .nan
            }
        }
    }

    /// Derives the totals, running sums, present values, rates and budget breaches once every
    /// event is recorded.
    ///
    /// - Parameter perReplication: whether the values are one replication's, so that ratios and
    ///   breach indicators can be derived; the exact evaluator, which records expectations,
    ///   leaves them missing since E[X/Y] ≠ E[X]/E[Y].
    package mutating func finish(perReplication: Bool = true) {
        let money = catalog.money
        var cumulative = 0.0
        var cumulativeNet = 0.0
        var cumulativePV = 0.0
        var periodGrant = 0.0
        var periodNet = 0.0
        var discount = 1.0
        for year in 0..<horizon {
            if budget.reportingPeriodStart(of: year) == year {
                periodGrant = 0
                periodNet = 0
            }
            var outflow = 0.0
            for tranche in 0..<trancheCount { outflow += self[year: year, metric: catalog.tranche(tranche)] }
            cumulative += outflow
            self[year: year, metric: catalog.grantOutflow] = outflow
            self[year: year, metric: catalog.cumulativeGrantOutflow] = cumulative
            periodGrant += outflow
            self[year: year, metric: catalog.periodGrantOutflow] = periodGrant
            let assessed = self[year: year, metric: catalog.assessed]
            self[year: year, metric: catalog.revocationRate] =
                perReplication && assessed > 0 ? self[year: year, metric: catalog.revocations] / assessed : .nan
            let total =
                outflow + self[year: year, metric: money.equipmentSubsidy] + self[year: year, metric: money.trainingSubsidy]
                + self[year: year, metric: money.awardSubsidy]
            let net = total - self[year: year, metric: money.clawback]
            cumulativeNet += net
            cumulativePV += net / discount
            self[year: year, metric: money.totalOutflow] = total
            self[year: year, metric: money.netOutflow] = net
            self[year: year, metric: money.cumulativeNetOutflow] = cumulativeNet
            periodNet += net
            self[year: year, metric: money.periodNetOutflow] = periodNet
            self[year: year, metric: money.netOutflowPV] = net / discount
            self[year: year, metric: money.cumulativeNetOutflowPV] = cumulativePV
            discount *= 1 + budget.discountRate
        }
        if let positions = catalog.budget { recordBreaches(positions, perReplication: perReplication) }
        for cohort in 0..<horizon {
            let size = cohortSizes[cohort]
            for metric in 0..<catalog.cohortMetrics.count {
                var running = 0.0
                for age in 1...(horizon - cohort) {
                    running += self[cohort: cohort, age: age, metric: metric]
                    self[cohort: cohort, age: age, metric: metric] = size > 0 ? running / size : .nan
                }
            }
        }
    }
}
