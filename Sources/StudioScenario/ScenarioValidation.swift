import StudioRules

/// Checks every value of a ``Scenario`` against the bounds a scenario file must keep
/// (``ScenarioLimits``), so that a scenario changed or built in code never reaches the
/// simulation with a value no file allows. The library's entry points call it once per call.
struct ScenarioValidation {
    let scenario: Scenario

    /// Throws at the first value outside its bounds, in the order of the scenario format.
    func check() throws(InvalidScenarioError) {
        try integer(scenario.startYear, in: ScenarioLimits.startYear, at: "start_year")
        try integer(scenario.horizonYears, in: ScenarioLimits.horizonYears, at: "horizon_years")
        try integer(
            scenario.simulation.replications, in: 1...SimulationSettings.maximumReplications,
            at: "simulation.replications")
        try checkProgramme()
        try list(scenario.quotaPerYear, at: "quota.per_year", count: scenario.horizonYears)
        for (index, quota) in scenario.quotaPerYear.enumerated() {
            try integer(quota, in: 0...ScenarioLimits.quotaPerYear, at: "quota.per_year[\(index)]")
        }
        try checkAssessment()
        try checkExisting()
        try checkApplicants()
        try checkSubsidies()
        try probability(scenario.fraud.detectionProbability, at: "fraud.detection_probability")
        try probability(scenario.fraud.applicantDetectionProbability, at: "fraud.applicant_detection_probability")
        try checkBudget()
    }

    // MARK: - Sections

    private func checkProgramme() throws(InvalidScenarioError) {
        for rules in scenario.cohortRules.values {
            try number(rules.grantYuan, in: 0...ScenarioLimits.grantYuan, at: "programme.grant_yuan")
            let shares = rules.trancheShares
            try integer(shares.count, in: 1...ScenarioLimits.tranches, at: "programme.tranche_shares", what: "tranches")
            for (index, share) in shares.enumerated() where !(share > 0 && share <= 1) {
                throw refusal("programme.tranche_shares[\(index)]", Self.format(share), "must be above 0 and at most 1")
            }
            let sum = shares.reduce(0, +)
            if abs(sum - 1) > 1e-9 {
                throw refusal("programme.tranche_shares", "summing to \(Self.format(sum))", "must sum to 1")
            }
            try integer(rules.cycleYears, in: ScenarioLimits.cycleYears, at: "programme.cycle_years")
            try integer(rules.strikesInCycle, in: ScenarioLimits.cycleYears, at: "programme.strikes_in_cycle")
            try integer(rules.strikesPostCycle, in: ScenarioLimits.cycleYears, at: "programme.strikes_post_cycle")
            try integer(rules.paymentLagYears, in: ScenarioLimits.paymentLagYears, at: "programme.payment_lag_years")
        }
    }

    private func checkAssessment() throws(InvalidScenarioError) {
        let assessment = scenario.assessment
        if case .score(let passScore, let noiseSD) = assessment.model {
            try number(passScore, in: ScenarioLimits.score, at: "assessment.pass_score")
            try number(noiseSD, in: ScenarioLimits.score, at: "assessment.noise_sd")
            if scenario.applicants == nil {
                throw refusal("assessment.model", "score", "needs an applicants section, whose quality the named studios carry")
            }
        }
        let cycleYears = scenario.cohortRules.values.map(\.cycleYears).max() ?? GrantRules.measures.cycleYears
        let assessedYears = max(cycleYears - 1, 1)
        let inCycle = assessment.inCycle
        if inCycle.count != 1 && inCycle.count != assessedYears {
            throw refusal(
                "assessment.pass_probability.in_cycle", "with \(inCycle.count) entries",
                "must give one number or one per cycle year 2...\(cycleYears) (\(assessedYears))")
        }
        for (index, value) in inCycle.enumerated() {
            try probability(value, at: "assessment.pass_probability.in_cycle[\(index)]")
        }
        try probability(assessment.postCycle, at: "assessment.pass_probability.post_cycle")
        if let afterYellowCard = assessment.afterYellowCard {
            try probability(afterYellowCard, at: "assessment.pass_probability.after_yellow_card")
        }
        try number(assessment.heterogeneity, in: ScenarioLimits.heterogeneity, at: "assessment.heterogeneity")
        if assessment.heterogeneity > 0 {
            if assessment.model != .probability {
                throw refusal("assessment.heterogeneity", Self.format(assessment.heterogeneity), "has no effect under model: score")
            }
            if !(assessment.meanInCycle > 0 && assessment.meanInCycle < 1) {
                throw refusal(
                    "assessment.heterogeneity", Self.format(assessment.heterogeneity),
                    "needs a mean in-cycle pass probability strictly between 0 and 1")
            }
        }
        let shockLimit =
            assessment.model == .probability ? ScenarioLimits.probabilityShockSD : ScenarioLimits.score
        try number(assessment.yearShockSD, in: shockLimit, at: "assessment.year_shock_sd")
    }

    private func checkExisting() throws(InvalidScenarioError) {
        var total = 0
        for (index, group) in scenario.existingStudios.enumerated() {
            let path = "existing_studios[\(index)]"
            let start = scenario.startYear
            try integer(
                group.namedYear, in: (start - ScenarioLimits.namedYearsBefore)...(start - 1), at: "\(path).named_year")
            try integer(group.count, in: 0...ScenarioLimits.existingStudios, at: "\(path).count")
            total += group.count
            let rules = scenario.rules(forCohortNamedIn: group.namedYear)
            let state = group.state
            try integer(state.tranchesEarned, in: 0...rules.trancheCount, at: "\(path).tranches_earned")
            try integer(
                group.tranchesAwaitingPayment, in: 0...min(rules.paymentLagYears, state.tranchesEarned),
                at: "\(path).tranches_earned", what: "tranches earned and not yet paid")
            let isPostCycle: Bool
            switch state.phase {
            case .inCycle: isPostCycle = false
            case .postCycle: isPostCycle = true
            case .revoked: throw refusal("\(path).state", "revoked", "must be in or past its cycle; leave revoked studios out")
            }
            let strikes = isPostCycle ? rules.strikesPostCycle : rules.strikesInCycle
            try integer(state.consecutiveFails, in: 0...(strikes - 1), at: "\(path).consecutive_fails")
            if let quality = group.quality {
                try number(quality, in: ScenarioLimits.score, at: "\(path).quality")
            }
            try number(group.subsidiesPaidYuan, in: ScenarioLimits.subsidiesPaidYuan, at: "\(path).subsidies_paid_yuan")
            let declared = PriorGrantStates.Declaration(
                tranchesPaid: group.tranchesPaid, isPostCycle: isPostCycle, consecutiveFails: state.consecutiveFails)
            let reachable = PriorGrantStates(
                lifecycle: GrantLifecycle(rules: rules), namedYear: group.namedYear, lastYear: start - 1)
            if !reachable.contains(declared) {
                throw refusal(
                    "\(path).tranches_paid", "\(group.tranchesPaid)",
                    "with post_cycle \(isPostCycle) and \(state.consecutiveFails) fail(s) in a row is a state no pass/fail sequence from \(group.namedYear) reaches by \(start - 1)")
            }
        }
        if total > ScenarioLimits.existingStudios {
            throw refusal("existing_studios", "holding \(total) studios", "must hold at most \(ScenarioLimits.existingStudios) in all")
        }
    }

    private func checkApplicants() throws(InvalidScenarioError) {
        guard let applicants = scenario.applicants else { return }
        try integer(applicants.pool, in: ScenarioLimits.applicantPool, at: "applicants.pool")
        try number(applicants.newPerYear, in: ScenarioLimits.newApplicantsPerYear, at: "applicants.new_per_year")
        try probability(applicants.applyProbability, at: "applicants.apply_probability")
        try number(applicants.improvementPerYear, in: ScenarioLimits.score, at: "applicants.improvement_per_year")
        try number(applicants.qualityMean, in: ScenarioLimits.score, at: "applicants.quality.mean")
        try number(applicants.qualitySD, in: ScenarioLimits.score, at: "applicants.quality.sd")
        try number(applicants.scoreNoiseSD, in: ScenarioLimits.score, at: "applicants.score_noise_sd")
        try list(applicants.conditionProbabilities, at: "applicants.conditions", count: ApplicantCondition.allCases.count)
        for (condition, value) in zip(ApplicantCondition.allCases, applicants.conditionProbabilities) {
            try probability(value, at: "applicants.conditions.\(condition.rawValue)")
        }
        if applicants.channels.isEmpty {
            throw refusal("applicants.channels", "[]", "must name at least one recommending body")
        }
        for (index, channel) in applicants.channels.enumerated() {
            try probability(channel.share, at: "applicants.channels[\(index)].share")
            if let cap = channel.cap { try integer(cap, in: ScenarioLimits.places, at: "applicants.channels[\(index)].cap") }
        }
        let sum = applicants.channels.reduce(0) { $0 + $1.share }
        if abs(sum - 1) > 1e-9 {
            throw refusal("applicants.channels", "with shares summing to \(Self.format(sum))", "must have shares summing to 1")
        }
        for (index, listed) in applicants.listed.enumerated() {
            let path = "applicants.list[\(index)]"
            try integer(listed.channel, in: 0...(applicants.channels.count - 1), at: "\(path).channel")
            try number(listed.quality, in: ScenarioLimits.score, at: "\(path).quality")
            try list(listed.meetsConditions, at: "\(path).conditions", count: ApplicantCondition.allCases.count)
        }
        let selection = scenario.selection
        try number(selection.shortlistScore, in: ScenarioLimits.score, at: "selection.shortlist_score")
        try probability(selection.objectionProbability, at: "selection.objection_probability")
        let items = scenario.rubric?.items ?? []
        if case .rubricItem(let item) = selection.tieBreak, !items.indices.contains(item) {
            throw refusal("selection.tie_break", "item \(item)", "must name an item of scoring.rubric (\(items.count) items)")
        }
        if let rubric = scenario.rubric {
            if rubric.items.isEmpty { throw refusal("scoring.rubric", "[]", "must hold at least one item") }
            for (index, item) in rubric.items.enumerated() {
                try number(item.points, in: ScenarioLimits.score, at: "scoring.rubric[\(index)].points")
            }
            let points = rubric.items.reduce(0) { $0 + $1.points }
            if abs(points - 100) > 1e-9 {
                throw refusal("scoring.rubric", "summing to \(Self.format(points)) points", "must sum to 100 points")
            }
        }
    }

    private func checkSubsidies() throws(InvalidScenarioError) {
        let subsidies = scenario.subsidies
        if let equipment = subsidies.equipment {
            try probability(equipment.rate, at: "subsidies.equipment.rate")
            try probability(equipment.purchaseProbability, at: "subsidies.equipment.purchase_probability")
            try number(equipment.medianYuan, in: 0...ScenarioLimits.equipmentMedianYuan, at: "subsidies.equipment.median_yuan")
            try number(equipment.sigma, in: ScenarioLimits.lognormalSigma, at: "subsidies.equipment.sigma")
            if let old = equipment.oldEquipment {
                let path = "subsidies.equipment.old_equipment"
                try probability(old.probability, at: "\(path).probability")
                try number(old.medianAssessedYuan, in: 0...ScenarioLimits.equipmentMedianYuan, at: "\(path).median_assessed_yuan")
                try number(old.sigma, in: ScenarioLimits.lognormalSigma, at: "\(path).sigma")
            }
        }
        if let training = subsidies.training {
            let levels = SkillLevel.allCases
            try list(training.upgradesPerStudioYear, at: "subsidies.training.upgrades_per_studio_year", count: levels.count)
            try list(training.amountsYuan, at: "subsidies.training.amounts_yuan", count: levels.count)
            for (level, value) in zip(levels, training.upgradesPerStudioYear) {
                try number(value, in: ScenarioLimits.eventsPerStudio, at: "subsidies.training.upgrades_per_studio_year.\(level.rawValue)")
            }
            for (level, value) in zip(levels, training.amountsYuan) {
                try number(value, in: 0...ScenarioLimits.amountYuan, at: "subsidies.training.amounts_yuan.\(level.rawValue)")
            }
        }
        if let awards = subsidies.awards {
            let kinds = awards.awards.kinds
            if kinds.isEmpty { throw refusal("subsidies.awards.kinds", "{}", "must give at least one kind of award") }
            try list(awards.entriesPerStudio, at: "subsidies.awards.entries_per_studio", count: kinds.count)
            for (kind, entries) in zip(kinds, awards.entriesPerStudio) {
                try number(entries, in: ScenarioLimits.eventsPerStudio, at: "subsidies.awards.entries_per_studio.\(kind.key)")
            }
            for kind in kinds {
                let path = "subsidies.awards.kinds.\(kind.key)"
                if kind.tiers.isEmpty { throw refusal(path, "[]", "must give at least one tier of count and yuan") }
                for (index, tier) in kind.tiers.enumerated() {
                    try integer(tier.count, in: ScenarioLimits.places, at: "\(path)[\(index)].count")
                    try number(tier.yuan, in: 0...ScenarioLimits.amountYuan, at: "\(path)[\(index)].yuan")
                }
            }
        }
    }

    private func checkBudget() throws(InvalidScenarioError) {
        let budget = scenario.budget
        if let annual = budget.annualYuan {
            try list(annual, at: "budget.annual_yuan", count: scenario.horizonYears)
            for (index, value) in annual.enumerated() {
                try number(value, in: 0...ScenarioLimits.annualBudgetYuan, at: "budget.annual_yuan[\(index)]")
            }
        }
        if let period = budget.periodYuan {
            try number(period, in: 0...ScenarioLimits.periodBudgetYuan, at: "budget.period_yuan")
        }
        try integer(budget.periodYears, in: ScenarioLimits.horizonYears, at: "budget.period_years")
        try integer(budget.reportingPeriodYears, in: ScenarioLimits.horizonYears, at: "reporting.period_years")
        try number(budget.discountRate, in: ScenarioLimits.probability, at: "reporting.discount_rate")
        if !BudgetParameters.planningPercentiles.contains(budget.planningPercentile) {
            let choices = BudgetParameters.planningPercentiles.map(String.init).joined(separator: ", ")
            throw refusal(
                "reporting.planning_percentile", "\(budget.planningPercentile)", "is not one the forecast keeps; choose one of \(choices)")
        }
    }

    // MARK: - Checks

    private func refusal(_ keyPath: String, _ value: String, _ requirement: String) -> InvalidScenarioError {
        InvalidScenarioError(scenario: scenario.name, keyPath: keyPath, value: value, requirement: requirement)
    }

    private func integer(_ value: Int, in range: ClosedRange<Int>, at path: String, what: String? = nil) throws(InvalidScenarioError) {
        guard !range.contains(value) else { return }
        let shown = what.map { "\(value) \($0)" } ?? "\(value)"
        throw refusal(path, shown, "is out of range \(range.lowerBound)...\(range.upperBound)")
    }

    private func number(_ value: Double, in range: ClosedRange<Double>, at path: String) throws(InvalidScenarioError) {
        guard !range.contains(value) else { return }
        throw refusal(path, Self.format(value), "is out of range \(Self.format(range.lowerBound))...\(Self.format(range.upperBound))")
    }

    private func probability(_ value: Double, at path: String) throws(InvalidScenarioError) {
        try number(value, in: ScenarioLimits.probability, at: path)
    }

    private func list<T>(_ values: [T], at path: String, count: Int) throws(InvalidScenarioError) {
        guard values.count != count else { return }
        throw refusal(path, "with \(values.count) entries", "must have \(count), one per \(path.hasSuffix("per_year") || path.hasSuffix("annual_yuan") ? "forecast year" : "entry")")
    }

    /// A number as a scenario file writes it: no exponent below 10¹⁵, `.nan` and `.inf` as YAML does.
    static func format(_ value: Double) -> String {
        if value.isNaN { return ".nan" }
        if value.isInfinite { return value < 0 ? "-.inf" : ".inf" }
        return YAMLReader.format(value)
    }
}

extension Scenario {
    /// Checks every value against the bounds a scenario file must keep (the README's scenario
    /// reference, ``ScenarioLimits``): what ``ScenarioLoader`` checks in a file, checked here
    /// on a scenario changed with ``with(_:)`` or built in code. Every simulation entry point
    /// of the library calls it before it runs; a scenario loaded from a file and unchanged passes.
    ///
    /// - Throws: ``InvalidScenarioError`` naming the first value out of bounds by its key path,
    ///   such as `programme.payment_lag_years`, with the value.
    public func validate() throws(InvalidScenarioError) {
        try ScenarioValidation(scenario: self).check()
    }
}
