import StudioRules
import Yams

/// One pass over a composed scenario document: the key paths of the scenario format and their checks.
struct ScenarioDecoding {
    let reader: YAMLReader
    let knownGenerators: [String]
    let defaultName: String
    /// The folder that relative paths in the scenario (such as `applicants.list`) start from.
    let baseFolder: String
    /// The years schedules start from, and the calendar schedules found so far.
    let schedules = ScheduleCollector()

    /// What the pass over a document knows about schedules.
    final class ScheduleCollector {
        /// The first forecast year: a calendar schedule must start at or before it.
        var startYear = 2026
        /// The earliest naming year of a cohort (studios named before the forecast included): a
        /// cohort schedule must start at or before it.
        var firstCohortYear = 2026
        /// The calendar-year schedules, in the order read.
        var calendar: [CalendarSchedule] = []
        /// The assumptions given as distributions, in the order read.
        var uncertain = UncertainInputs()
    }
    /// Which file of an `extends:` chain wrote each key path: a relative path starts from the
    /// folder of the file that wrote it. Empty for a single file, whose paths use `baseFolder`.
    var folders = ScenarioOrigins()

    static let topKeys = [
        "name", "start_year", "horizon_years", "simulation", "programme", "quota", "assessment",
        "existing_studios", "applicants", "scoring", "selection", "subsidies", "fraud", "budget", "reporting",
    ]

    /// The scenario, or nil when a required part is missing (the reader holds the errors).
    mutating func decode(_ root: Node) -> Scenario? {
        guard let top = reader.mapping(root, at: "", allowed: Self.topKeys) else { return nil }
        var scenario = Scenario(name: defaultName)
        if let node = top["name"] {
            if let name = reader.string(node, at: "name") {
                if let problem = ScenarioName.problem(with: name) {
                    reader.report(problem, at: "name", node: node)
                } else {
                    scenario.name = name
                }
            }
        } else if let problem = ScenarioName.problem(with: defaultName) {
            reader.report(
                "missing, and the file's name cannot serve as the name (\(problem)); add a name: key",
                at: "name", node: root)
        }
        guard let startNode = top["start_year"] else {
            reader.report("missing; give the first forecast year", at: "start_year", node: root)
            return nil
        }
        scenario.startYear = reader.integer(startNode, at: "start_year", in: ScenarioLimits.startYear) ?? scenario.startYear
        schedules.startYear = scenario.startYear
        schedules.firstCohortYear = Self.earliestNamedYear(top["existing_studios"], before: scenario.startYear)
        var horizonIsValid = true
        if let node = top["horizon_years"] {
            let horizon = reader.integer(node, at: "horizon_years", in: ScenarioLimits.horizonYears)
            scenario.horizonYears = horizon ?? scenario.horizonYears
            horizonIsValid = horizon != nil
        }
        scenario.simulation = decodeSimulation(top["simulation"])
        scenario.cohortRules = decodeProgramme(top["programme"])
        guard let quotaNode = top["quota"] else {
            reader.report("missing; give quota.per_year", at: "quota", node: root)
            return nil
        }
        scenario.quotaPerYear = decodeQuota(
            quotaNode, horizon: scenario.horizonYears, checksLength: horizonIsValid, years: scenario.years)
        scenario.applicants = top["applicants"].flatMap(decodeApplicants)
        scenario.rubric = top["scoring"].flatMap(decodeScoring)
        if let node = top["scoring"], scenario.applicants == nil {
            reader.report("needs an applicants section, whose scores it splits", at: "scoring", node: node)
        }
        if let node = top["selection"] {
            if scenario.applicants == nil && !reader.errors.contains(where: { $0.keyPath.hasPrefix("applicants") }) {
                reader.report("needs an applicants section: without a pool every quota place is filled", at: "selection", node: node)
            }
            scenario.selection = decodeSelection(node, rubric: scenario.rubric)
        }
        scenario.assessment = decodeAssessment(
            top["assessment"], cohortRules: scenario.cohortRules, hasApplicants: scenario.applicants != nil)
        if let node = top["existing_studios"] {
            scenario.existingStudios = decodeExisting(
                node, startYear: scenario.startYear, cohortRules: scenario.cohortRules,
                assessmentModel: scenario.assessment.model)
        }
        if let node = top["subsidies"] { scenario.subsidies = decodeSubsidies(node) }
        if let node = top["fraud"] { scenario.fraud = decodeFraud(node, hasApplicants: scenario.applicants != nil) }
        scenario.budget = decodeBudget(
            top["budget"], reporting: top["reporting"], horizon: scenario.horizonYears, checksLength: horizonIsValid,
            years: scenario.years)
        scenario.calendarSchedules = schedules.calendar
        scenario.uncertainInputs = schedules.uncertain
        return scenario
    }

    // MARK: - Schedules

    /// A value that acts in a calendar year, plain or scheduled by calendar year: the value in
    /// force in the start year, after recording a schedule's later entries, set by `assign` in
    /// each year's scenario. A schedule must start at or before the start year.
    ///
    /// - Returns: nil after reporting.
    /// With `plainIsMapping`, a mapping whose first key is not a year is the plain value.
    /// Unless `uncertain` is false (a rule of the measures read this way), each number, plain or
    /// an entry of the schedule, may be a distribution (``UncertainInput``).
    func calendar<T: Sendable>(
        _ node: Node, at path: String, plainIsMapping: Bool = false, uncertain: Bool = true,
        read: (Node, String) -> T?, assign: @escaping @Sendable (inout Scenario, T) -> Void
    ) -> T? {
        let pending = reader.uncertainInputs.count
        reader.acceptsDistributions = uncertain
        let schedule = reader.schedule(
            node, at: path, firstNeeded: schedules.startYear, plainIsMapping: plainIsMapping, read: read)
        reader.acceptsDistributions = false
        let drawn = Array(reader.uncertainInputs[pending...])
        reader.uncertainInputs.removeSubrange(pending...)
        guard let schedule else { return nil }
        if !drawn.isEmpty {
            addUncertain(drawn, of: schedule, at: path, assign: assign)
        }
        if !schedule.isConstant {
            schedules.calendar.append(CalendarSchedule(keyPath: path, schedule: schedule, assign: assign))
        }
        return schedule.value(in: schedules.startYear)
    }

    /// A value with one entry per forecast year: a single value, a list of one per year, or a
    /// calendar schedule; a list's length is checked against the horizon only when that is valid.
    ///
    /// - Returns: nil after reporting.
    func perYear<T: Sendable>(
        _ node: Node, at path: String, horizon: Int, checksLength: Bool, years: Range<Int>, read: (Node, String) -> T?
    ) -> [T]? {
        if case .mapping = node {
            return reader.schedule(node, at: path, firstNeeded: schedules.startYear, read: read)?.values(over: years)
        }
        guard let values = reader.oneOrList(node, at: path, read: read) else { return nil }
        if case .sequence = node, values.count != horizon {
            guard checksLength else { return nil }
            reader.report(
                "has \(values.count) entries but horizon_years is \(horizon); give one per year, a single number or a schedule {year: value}",
                at: path, node: node)
            return nil
        }
        return values.count == 1 ? Array(repeating: values[0], count: horizon) : values
    }

    /// The earliest naming year among the studios named before the forecast, or `startYear`;
    /// read leniently, since the section is checked later.
    static func earliestNamedYear(_ node: Node?, before startYear: Int) -> Int {
        guard case .sequence(let items)? = node else { return startYear }
        let years = items.compactMap { item -> Int? in
            guard let year = item["named_year"]?.scalar.flatMap({ Int.construct(from: $0) }) else { return nil }
            return (startYear - 50..<startYear).contains(year) ? year : nil
        }
        return min(years.min() ?? startYear, startYear)
    }

    // MARK: - Sections

    private func decodeSimulation(_ node: Node?) -> SimulationSettings {
        var settings = SimulationSettings()
        guard let map = reader.mapping(node, at: "simulation", allowed: ["replications", "seed", "generator"])
        else { return settings }
        if let node = map["replications"] {
            settings.replications =
                reader.integer(node, at: map.path("replications"), in: 1...SimulationSettings.maximumReplications)
                ?? settings.replications
        }
        if let node = map["seed"] {
            if let scalar = node.scalar, YAMLReader.tag(node, .int), let seed = UInt64.construct(from: scalar) {
                settings.seed = seed
            } else {
                reader.report(
                    "expected a whole number from 0 to \(UInt64.max), found \(YAMLReader.describe(node))", at: map.path("seed"),
                    node: node)
            }
        }
        if let node = map["generator"], let name = reader.string(node, at: map.path("generator")) {
            if knownGenerators.isEmpty || knownGenerators.contains(name) {
                settings.generator = name
            } else {
                reader.report(
                    "unknown GSL generator '\(name)'; valid names: \(knownGenerators.joined(separator: ", "))",
                    at: map.path("generator"), node: node)
            }
        }
        return settings
    }

    /// The grant's rules by naming year: each key plain or a cohort schedule, which must start at
    /// or before the earliest cohort's naming year (Art. 11, Art. 14).
    private func decodeProgramme(_ node: Node?) -> Schedule<GrantRules> {
        let measures = GrantRules.measures
        let keys = [
            "grant_yuan", "tranche_shares", "cycle_years", "strikes_in_cycle", "strikes_post_cycle",
            "payment_lag_years",
        ]
        guard let map = reader.mapping(node, at: "programme", allowed: keys) else { return Schedule(measures) }
        func cohort<T: Sendable>(_ key: String, _ fallback: T, read: (Node, String) -> T?) -> Schedule<T> {
            guard let node = map[key] else { return Schedule(fallback) }
            return reader.schedule(node, at: map.path(key), firstNeeded: schedules.firstCohortYear, read: read)
                ?? Schedule(fallback)
        }
        let grant = cohort("grant_yuan", measures.grantYuan) { reader.number($0, at: $1, in: 0...ScenarioLimits.grantYuan) }
        let shares = cohort("tranche_shares", measures.trancheShares, read: trancheShares)
        let integers = [
            ("cycle_years", measures.cycleYears, ScenarioLimits.cycleYears),
            ("strikes_in_cycle", measures.strikesInCycle, ScenarioLimits.cycleYears),
            ("strikes_post_cycle", measures.strikesPostCycle, ScenarioLimits.cycleYears),
            ("payment_lag_years", measures.paymentLagYears, ScenarioLimits.paymentLagYears),
        ].map { key, fallback, range in cohort(key, fallback) { reader.integer($0, at: $1, in: range) } }
        return Schedule.combining([grant.years, shares.years] + integers.map(\.years)) { year in
            GrantRules(
                grantYuan: grant.value(in: year), trancheShares: shares.value(in: year),
                cycleYears: integers[0].value(in: year), strikesInCycle: integers[1].value(in: year),
                strikesPostCycle: integers[2].value(in: year), paymentLagYears: integers[3].value(in: year))
        }
    }

    /// Tranche shares: one to ``ScenarioLimits/tranches`` shares above 0, summing to 1 (Art. 11).
    private func trancheShares(_ node: Node, at path: String) -> [Double]? {
        guard let shares = reader.oneOrList(node, at: path, read: { reader.number($0, at: $1, in: 0...1) }) else { return nil }
        let sum = shares.reduce(0, +)
        if shares.count > ScenarioLimits.tranches {
            reader.report(
                "has \(shares.count) tranches; at most \(ScenarioLimits.tranches), one a year of the longest cycle",
                at: path, node: node)
        } else if shares.contains(0) {
            reader.report("every tranche share must be above 0", at: path, node: node)
        } else if abs(sum - 1) > 1e-9 {
            reader.report("tranche shares sum to \(sum), not 1", at: path, node: node)
        } else {
            return shares
        }
        return nil
    }

    /// The quota per year (Art. 7): one number, one per forecast year, or a calendar schedule.
    private func decodeQuota(_ node: Node, horizon: Int, checksLength: Bool, years: Range<Int>) -> [Int] {
        let fallback = Array(repeating: 0, count: horizon)
        guard let map = reader.mapping(node, at: "quota", allowed: ["per_year"]) else { return fallback }
        guard let perYearNode = map["per_year"] else {
            reader.report(
                "missing; give one number, one per forecast year or a schedule {year: number}", at: map.path("per_year"),
                node: node)
            return fallback
        }
        return perYear(
            perYearNode, at: map.path("per_year"), horizon: horizon, checksLength: checksLength, years: years,
            read: { reader.integer($0, at: $1, in: 0...ScenarioLimits.quotaPerYear) }) ?? fallback
    }

    private func decodeAssessment(_ node: Node?, cohortRules: Schedule<GrantRules>, hasApplicants: Bool) -> AssessmentParameters {
        var parameters = AssessmentParameters()
        let keys = ["model", "pass_score", "noise_sd", "pass_probability", "heterogeneity", "year_shock_sd"]
        guard let map = reader.mapping(node, at: "assessment", allowed: keys) else { return parameters }
        decodeAssessmentModel(map, into: &parameters, hasApplicants: hasApplicants)
        // Every in-cycle entry of a schedule, for the heterogeneity's check of each year's mean.
        var inCycleEntries: [[Double]] = []
        if let node = map["pass_probability"], parameters.model != .probability {
            reader.report(
                "applies only with assessment.model: probability; under score the pass score decides",
                at: map.path("pass_probability"), node: node)
        } else if let node = map["pass_probability"],
            let probabilities = reader.mapping(
                node, at: map.path("pass_probability"), allowed: ["in_cycle", "post_cycle", "after_yellow_card"])
        {
            if let node = probabilities["in_cycle"] {
                // The longest cycle of any cohort: a cohort with a shorter one reads the list's start.
                let cycleYears = cohortRules.values.map(\.cycleYears).max() ?? GrantRules.measures.cycleYears
                let read = { (node: Node, path: String) -> [Double]? in
                    guard let values = self.reader.oneOrList(node, at: path, read: self.reader.probability) else { return nil }
                    let assessedYears = max(cycleYears - 1, 1)
                    if case .sequence = node, values.count != assessedYears {
                        self.reader.report(
                            "has \(values.count) entries; give one number or one per cycle year 2...\(cycleYears) (\(assessedYears))",
                            at: path, node: node)
                        return nil
                    }
                    inCycleEntries.append(values)
                    return values
                }
                parameters.inCycle =
                    calendar(node, at: probabilities.path("in_cycle"), read: read) { $0.assessment.inCycle = $1 }
                    ?? parameters.inCycle
            }
            if let node = probabilities["post_cycle"] {
                parameters.postCycle =
                    calendar(node, at: probabilities.path("post_cycle"), read: reader.probability) {
                        $0.assessment.postCycle = $1
                    } ?? parameters.postCycle
            }
            if let node = probabilities["after_yellow_card"] {
                parameters.afterYellowCard = calendar(
                    node, at: probabilities.path("after_yellow_card"), read: reader.probability
                ) { $0.assessment.afterYellowCard = $1 }
            }
        }
        if let node = map["heterogeneity"] {
            parameters.heterogeneity = reader.number(node, at: map.path("heterogeneity"), in: ScenarioLimits.heterogeneity) ?? 0
            let means = inCycleEntries.isEmpty ? [parameters.meanInCycle] : inCycleEntries.map { $0.reduce(0, +) / Double($0.count) }
            if parameters.heterogeneity > 0 && parameters.model != .probability {
                reader.report(
                    "has no effect under model: score, where each studio's quality already differs",
                    at: map.path("heterogeneity"), node: node)
            } else if parameters.heterogeneity > 0 && !means.allSatisfy({ $0 > 0 && $0 < 1 }) {
                reader.report(
                    "needs a mean in-cycle pass probability strictly between 0 and 1", at: map.path("heterogeneity"),
                    node: node)
            } else if parameters.heterogeneity > 0,
                let drawn = schedules.uncertain.inputs.first(where: {
                    $0.keyPath.hasPrefix("assessment.pass_probability.in_cycle") && !$0.distribution.staysStrictlyInsideUnitInterval
                })
            {
                reader.report(
                    "needs every in-cycle pass probability strictly between 0 and 1, but \(drawn.keyPath) can draw 0 or 1; use a Beta or keep its min and max inside",
                    at: map.path("heterogeneity"), node: node)
            }
        }
        if let node = map["year_shock_sd"] {
            let limit = parameters.model == .probability ? ScenarioLimits.probabilityShockSD : ScenarioLimits.score
            parameters.yearShockSD =
                calendar(node, at: map.path("year_shock_sd"), read: { self.reader.number($0, at: $1, in: limit) }) {
                    $0.assessment.yearShockSD = $1
                } ?? 0
        }
        return parameters
    }

    private func decodeExisting(
        _ node: Node, startYear: Int, cohortRules: Schedule<GrantRules>, assessmentModel: AssessmentParameters.Model
    ) -> [ExistingStudioGroup] {
        guard let items = reader.sequence(node, at: "existing_studios") else { return [] }
        let keys = [
            "named_year", "count", "tranches_paid", "tranches_earned", "consecutive_fails", "post_cycle", "quality",
            "subsidies_paid_yuan",
        ]
        let groups = decodeExistingGroups(
            items, keys: keys, startYear: startYear, cohortRules: cohortRules, assessmentModel: assessmentModel)
        // The longest payment lag among the cohorts' rules (Art. 11: a cohort keeps its naming year's rules).
        let lag = cohortRules.values.map(\.paymentLagYears).max() ?? 0
        if lag > 0, !groups.isEmpty,
            let index = items.firstIndex(where: { reader.entry("tranches_earned", of: $0.node) == nil })
        {
            reader.warn(
                "with payment_lag_years: \(lag), tranches earned before \(startYear) and not yet paid are "
                    + "not paid in the forecast unless declared; give tranches_earned beside tranches_paid",
                at: "\(items[index].path).tranches_earned", node: items[index].node)
        }
        let total = groups.reduce(0) { $0 + $1.count }
        if total > ScenarioLimits.existingStudios {
            reader.report(
                "the groups hold \(total) studios; at most \(ScenarioLimits.existingStudios) in all", at: "existing_studios",
                node: node)
            return []
        }
        return groups
    }

    private func decodeExistingGroups(
        _ items: [(path: String, node: Node)], keys: [String], startYear: Int, cohortRules: Schedule<GrantRules>,
        assessmentModel: AssessmentParameters.Model
    ) -> [ExistingStudioGroup] {
        items.compactMap { item -> ExistingStudioGroup? in
            guard let map = reader.mapping(item.node, at: item.path, allowed: keys) else { return nil }
            func required(_ key: String, in range: ClosedRange<Int>) -> Int? {
                guard let node = map[key] else {
                    reader.report("missing", at: map.path(key), node: item.node)
                    return nil
                }
                return reader.integer(node, at: map.path(key), in: range)
            }
            let named = required("named_year", in: (startYear - ScenarioLimits.namedYearsBefore)...(startYear - 1))
            // A cohort keeps the rules in force when it was named (Art. 11).
            let rules = cohortRules.value(in: named ?? startYear)
            let count = required("count", in: 0...ScenarioLimits.existingStudios)
            // With a payment lag, a studio named in the year before the start may have been paid nothing yet.
            let paid = required("tranches_paid", in: (rules.paymentLagYears > 0 ? 0 : 1)...rules.trancheCount)
            let earned = paid.flatMap { paid in decodeTranchesEarned(map, paid: paid, rules: rules) }
            let postCycle = map["post_cycle"].flatMap { reader.boolean($0, at: map.path("post_cycle")) } ?? false
            let strikes = postCycle ? rules.strikesPostCycle : rules.strikesInCycle
            let quality = map["quality"].flatMap { reader.number($0, at: map.path("quality"), in: ScenarioLimits.score) }
            let subsidiesPaid = map["subsidies_paid_yuan"].map {
                reader.number($0, at: map.path("subsidies_paid_yuan"), in: ScenarioLimits.subsidiesPaidYuan)
            } ?? 0
            let fails = map["consecutive_fails"].map {
                reader.integer($0, at: map.path("consecutive_fails"), in: 0...(strikes - 1))
            } ?? 0
            guard let named, let count, let paid, let earned, let fails, let subsidiesPaid else { return nil }
            if !postCycle && earned == rules.trancheCount && paid < earned {
                reader.report(
                    "every tranche is earned, so the cycle has ended; set post_cycle: true", at: map.path("tranches_earned"),
                    node: map["tranches_earned"])
                return nil
            }
            if !postCycle && paid == rules.trancheCount {
                reader.report(
                    "every tranche is paid, so the cycle has ended; set post_cycle: true", at: map.path("tranches_paid"),
                    node: map["tranches_paid"])
                return nil
            }
            if quality != nil && assessmentModel == .probability {
                reader.report("applies only with assessment.model: score", at: map.path("quality"), node: map["quality"])
                return nil
            }
            let declared = PriorGrantStates.Declaration(
                tranchesPaid: paid, isPostCycle: postCycle, consecutiveFails: fails)
            let reachable = PriorGrantStates(
                lifecycle: GrantLifecycle(rules: rules), namedYear: named, lastYear: startYear - 1)
            if !reachable.contains(declared) {
                reportUnreachable(declared, reachable: reachable, namedYear: named, startYear: startYear, rules: rules, in: map, item: item.node)
                return nil
            }
            let state = StudioGrantState(
                phase: postCycle ? .postCycle : .inCycle, tranchesEarned: earned, consecutiveFails: fails)
            return ExistingStudioGroup(
                namedYear: named, count: count, state: state, quality: quality, subsidiesPaidYuan: subsidiesPaid,
                tranchesAwaitingPayment: earned - paid)
        }
    }

    /// Reports a declared state of studios named before the forecast that no pass/fail sequence
    /// reaches (Art. 11, 14), at the first key that cannot hold its value given the keys before
    /// it (tranches paid, then the phase, then the fails in a row), saying what is reachable.
    private func reportUnreachable(
        _ declared: PriorGrantStates.Declaration, reachable: PriorGrantStates, namedYear named: Int, startYear: Int,
        rules: GrantRules, in map: YAMLReader.Mapping, item: Node
    ) {
        let lastYear = startYear - 1
        let paid = declared.tranchesPaid
        let lag = rules.paymentLagYears > 0 ? " (tranches are paid \(rules.paymentLagYears) year(s) after they are earned)" : ""
        let paidCounts = reachable.tranchesPaid
        guard paidCounts.contains(paid) else {
            var outcomes: [String] = []
            if !paidCounts.isEmpty {
                outcomes.append("been paid \(Self.counted(paidCounts, "tranche"))")
            }
            if reachable.canBeRevoked { outcomes.append("been revoked") }
            // Only with a payment lag longer than the years since naming: nothing to declare yet.
            let note = paidCounts == [0] ? "; declare such studios once their first tranche is paid" : ""
            reader.report(
                "a studio named in \(named) has by \(lastYear) \(outcomes.joined(separator: ", or "))\(lag)\(note)",
                at: map.path("tranches_paid"), node: map["tranches_paid"] ?? item)
            return
        }
        let phases = reachable.postCycle(tranchesPaid: paid)
        guard phases.contains(declared.isPostCycle) else {
            let message =
                declared.isPostCycle
                ? "a studio named in \(named) and paid \(paid) of \(rules.trancheCount) tranches is by \(lastYear) still in its \(rules.cycleYears)-year cycle\(lag); remove post_cycle"
                : "a studio named in \(named) and paid \(paid) of \(rules.trancheCount) tranches has by \(lastYear) ended its \(rules.cycleYears)-year cycle\(lag); set post_cycle: true"
            reader.report(message, at: map.path("post_cycle"), node: map["post_cycle"] ?? item)
            return
        }
        let fails = reachable.consecutiveFails(tranchesPaid: paid, isPostCycle: declared.isPostCycle)
        let assessments = lastYear - named
        var message = ""
        if !declared.isPostCycle && paid - 1 + declared.consecutiveFails > assessments {
            message = "\(paid) tranche(s) and \(declared.consecutiveFails) fail(s) need more than the \(assessments) assessment(s) held since naming in \(named); "
        }
        message +=
            "a studio named in \(named), paid \(Self.counted([paid], "tranche")) and \(declared.isPostCycle ? "past" : "in") its cycle has \(Self.counted(fails, "fail")) in a row by \(lastYear)\(lag)"
        reader.report(message, at: map.path("consecutive_fails"), node: map["consecutive_fails"] ?? item)
    }

    /// `tranches_earned` of an `existing_studios` entry: from `tranches_paid` up to as many more as
    /// the payment lag leaves unpaid (one a year, Art. 11); `tranches_paid` when not given. Nil
    /// after reporting a value out of that range.
    private func decodeTranchesEarned(_ map: YAMLReader.Mapping, paid: Int, rules: GrantRules) -> Int? {
        guard let node = map["tranches_earned"] else { return paid }
        let path = map.path("tranches_earned")
        guard let earned = reader.integer(node, at: path, in: 0...rules.trancheCount) else { return nil }
        let lag = rules.paymentLagYears
        guard earned >= paid && earned - paid <= lag else {
            reader.report(
                earned < paid
                    ? "\(earned) is fewer than the \(paid) tranches paid"
                    : "with payment_lag_years: \(lag), at most \(lag) tranche(s) earned before the start year can be unpaid; give \(paid)...\(min(paid + lag, rules.trancheCount))",
                at: path, node: node)
            return nil
        }
        return earned
    }

    /// `1 tranche`, `0 tranches`, `2 or 3 tranches`, `1, 2 or 3 tranches`.
    static func counted(_ values: [Int], _ noun: String) -> String {
        guard let last = values.last else { return "no \(noun)s" }
        let rest = values.dropLast().map(String.init)
        let numbers = rest.isEmpty ? "\(last)" : rest.joined(separator: ", ") + " or \(last)"
        return numbers + (values == [1] ? " \(noun)" : " \(noun)s")
    }
}
