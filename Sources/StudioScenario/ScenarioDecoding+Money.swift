import StudioRules
import Yams

/// The sections of the Art. 12 subsidies, fraud (Art. 15), budgets and reporting.
extension ScenarioDecoding {
    func decodeSubsidies(_ node: Node) -> SubsidyParameters {
        var subsidies = SubsidyParameters()
        guard let map = reader.mapping(node, at: "subsidies", allowed: ["equipment", "training", "awards"]) else {
            return subsidies
        }
        subsidies.equipment = map["equipment"].flatMap { decodeEquipment($0, at: map.path("equipment")) }
        subsidies.training = map["training"].flatMap { decodeTraining($0, at: map.path("training")) }
        subsidies.awards = map["awards"].flatMap { decodeAwards($0, at: map.path("awards")) }
        return subsidies
    }

    private func decodeEquipment(_ node: Node, at path: String) -> SubsidyParameters.Equipment? {
        let keys = ["rate", "purchase_probability", "median_yuan", "sigma", "old_equipment"]
        guard let map = reader.mapping(node, at: path, allowed: keys) else { return nil }
        var equipment = SubsidyParameters.Equipment()
        if let node = map["rate"] {
            equipment.rate =
                calendar(node, at: map.path("rate"), uncertain: false, read: reader.probability) {
                    $0.subsidies.equipment?.rate = $1
                }
                ?? equipment.rate
        }
        if let node = map["purchase_probability"] {
            equipment.purchaseProbability =
                calendar(node, at: map.path("purchase_probability"), read: reader.probability) {
                    $0.subsidies.equipment?.purchaseProbability = $1
                } ?? 0
        }
        if let node = map["median_yuan"] {
            equipment.medianYuan =
                calendar(node, at: map.path("median_yuan"), read: {
                    reader.number($0, at: $1, in: 0...ScenarioLimits.equipmentMedianYuan)
                }) { $0.subsidies.equipment?.medianYuan = $1 } ?? equipment.medianYuan
        }
        if let node = map["sigma"] {
            equipment.sigma =
                calendar(node, at: map.path("sigma"), read: { reader.number($0, at: $1, in: ScenarioLimits.lognormalSigma) }) {
                    $0.subsidies.equipment?.sigma = $1
                } ?? equipment.sigma
        }
        if let node = map["old_equipment"],
            let old = reader.mapping(
                node, at: map.path("old_equipment"), allowed: ["probability", "median_assessed_yuan", "sigma"])
        {
            let probability =
                old["probability"].flatMap {
                    calendar($0, at: old.path("probability"), read: reader.probability) {
                        $0.subsidies.equipment?.oldEquipment?.probability = $1
                    }
                } ?? 1
            let median =
                old["median_assessed_yuan"].flatMap {
                    calendar(
                        $0, at: old.path("median_assessed_yuan"),
                        read: { reader.number($0, at: $1, in: 0...ScenarioLimits.equipmentMedianYuan) }
                    ) { $0.subsidies.equipment?.oldEquipment?.medianAssessedYuan = $1 }
                } ?? 0
            let sigma =
                old["sigma"].flatMap {
                    calendar($0, at: old.path("sigma"), read: { reader.number($0, at: $1, in: ScenarioLimits.lognormalSigma) }) {
                        $0.subsidies.equipment?.oldEquipment?.sigma = $1
                    }
                } ?? 0.5
            if old["median_assessed_yuan"] == nil {
                reader.report("missing", at: old.path("median_assessed_yuan"), node: node)
            }
            equipment.oldEquipment = SubsidyParameters.OldEquipment(
                probability: probability, medianAssessedYuan: median, sigma: sigma)
        }
        return equipment
    }

    private func decodeTraining(_ node: Node, at path: String) -> SubsidyParameters.Training? {
        guard let map = reader.mapping(node, at: path, allowed: ["upgrades_per_studio_year", "amounts_yuan"]) else {
            return nil
        }
        var training = SubsidyParameters.Training()
        let levels = SkillLevel.allCases.map(\.rawValue)
        func perLevel(
            _ key: String, in range: ClosedRange<Double>, uncertain: Bool = true, into values: inout [Double],
            assign: @escaping @Sendable (inout SubsidyParameters.Training, Int, Double) -> Void
        ) {
            guard let node = map[key], let levelMap = reader.mapping(node, at: map.path(key), allowed: levels) else { return }
            for (index, level) in levels.enumerated() {
                if let node = levelMap[level],
                    let value = calendar(
                        node, at: levelMap.path(level), uncertain: uncertain, read: { reader.number($0, at: $1, in: range) },
                        assign: { scenario, value in
                            if var training = scenario.subsidies.training {
                                assign(&training, index, value)
                                scenario.subsidies.training = training
                            }
                        })
                {
                    values[index] = value
                }
            }
        }
        perLevel("upgrades_per_studio_year", in: ScenarioLimits.eventsPerStudio, into: &training.upgradesPerStudioYear) {
            $0.upgradesPerStudioYear[$1] = $2
        }
        // The amounts are the measures' own (Art. 12.2), never uncertain.
        perLevel("amounts_yuan", in: 0...ScenarioLimits.amountYuan, uncertain: false, into: &training.amountsYuan) {
            $0.amountsYuan[$1] = $2
        }
        return training
    }

    private func decodeAwards(_ node: Node, at path: String) -> SubsidyParameters.Awards? {
        guard let map = reader.mapping(node, at: path, allowed: ["entries_per_studio", "kinds"]) else { return nil }
        var awards = CityAwards.measures
        if let node = map["kinds"] {
            // A schedule of whole sets of kinds, keyed by year; every entry names the same kinds.
            var keySets: [[String]] = []
            guard
                let kinds = calendar(
                    node, at: map.path("kinds"), plainIsMapping: true, uncertain: false,
                    read: { node, path in
                        let kinds = decodeAwardKinds(node, at: path)
                        if let kinds { keySets.append(kinds.kinds.map(\.key)) }
                        return kinds
                    },
                    assign: { $0.subsidies.awards?.awards = $1 })
            else { return nil }
            if keySets.contains(where: { $0 != keySets[0] }) {
                reader.report("every entry of the schedule must name the same kinds of award", at: map.path("kinds"), node: node)
                return nil
            }
            awards = kinds
        }
        var entries = Array(repeating: 0.0, count: awards.kinds.count)
        let keys = awards.kinds.map(\.key)
        if let node = map["entries_per_studio"],
            let entryMap = reader.mapping(node, at: map.path("entries_per_studio"), allowed: keys)
        {
            for (index, key) in keys.enumerated() {
                if let node = entryMap[key],
                    let value = calendar(
                        node, at: entryMap.path(key), read: { reader.number($0, at: $1, in: ScenarioLimits.eventsPerStudio) },
                        assign: { $0.subsidies.awards?.entriesPerStudio[index] = $1 })
                {
                    entries[index] = value
                }
            }
        } else if map["entries_per_studio"] == nil {
            reader.report("missing; give the Poisson mean of entries per active studio for each kind", at: map.path("entries_per_studio"), node: node)
        }
        return SubsidyParameters.Awards(awards: awards, entriesPerStudio: entries)
    }

    private func decodeAwardKinds(_ node: Node, at path: String) -> CityAwards? {
        guard case .mapping(let pairs) = node else {
            reader.report("expected a mapping of award kinds to their tiers", at: path, node: node)
            return nil
        }
        var kinds: [CityAwards.Kind] = []
        for (keyNode, value) in pairs {
            let key = keyNode.scalar?.string ?? ""
            let kindPath = YAMLReader.join(path, key)
            guard let items = reader.sequence(value, at: kindPath) else { continue }
            let tiers = items.compactMap { item -> CityAwards.Tier? in
                guard let tier = reader.mapping(item.node, at: item.path, allowed: ["count", "yuan"]),
                    let countNode = tier["count"], let yuanNode = tier["yuan"]
                else {
                    reader.report("each tier needs count and yuan", at: item.path, node: item.node)
                    return nil
                }
                guard let count = reader.integer(countNode, at: tier.path("count"), in: ScenarioLimits.places),
                    let yuan = reader.number(yuanNode, at: tier.path("yuan"), in: 0...ScenarioLimits.amountYuan)
                else { return nil }
                return CityAwards.Tier(count: count, yuan: yuan)
            }
            if tiers.isEmpty {
                reader.report("give at least one tier of count and yuan", at: kindPath, node: value)
            } else if tiers.count == items.count {
                kinds.append(CityAwards.Kind(key: key, tiers: tiers))
            }
        }
        if pairs.count == 0 { reader.report("give at least one kind of award", at: path, node: node) }
        return kinds.count == pairs.count && !kinds.isEmpty ? CityAwards(kinds: kinds) : nil
    }

    func decodeFraud(_ node: Node, hasApplicants: Bool) -> FraudParameters {
        var fraud = FraudParameters()
        let keys = ["detection_probability", "applicant_detection_probability", "recover"]
        guard let map = reader.mapping(node, at: "fraud", allowed: keys) else { return fraud }
        if let node = map["detection_probability"] {
            fraud.detectionProbability =
                calendar(node, at: map.path("detection_probability"), read: reader.probability) {
                    $0.fraud.detectionProbability = $1
                } ?? 0
        }
        if let node = map["applicant_detection_probability"] {
            if !hasApplicants {
                reader.report("needs an applicants section", at: map.path("applicant_detection_probability"), node: node)
            }
            fraud.applicantDetectionProbability =
                calendar(node, at: map.path("applicant_detection_probability"), read: reader.probability) {
                    $0.fraud.applicantDetectionProbability = $1
                } ?? 0
        }
        if let node = map["recover"], let text = reader.string(node, at: map.path("recover")) {
            if let recovery = FraudParameters.Recovery(rawValue: text) {
                fraud.recover = recovery
            } else {
                reader.report("expected grant or all", at: map.path("recover"), node: node)
            }
        }
        return fraud
    }

    func decodeBudget(
        _ node: Node?, reporting: Node?, horizon: Int, checksLength: Bool, years: Range<Int>
    ) -> BudgetParameters {
        var budget = BudgetParameters()
        var budgetGivesPeriod = false
        if let map = reader.mapping(node, at: "budget", allowed: ["annual_yuan", "period_yuan", "period_years"]) {
            if let node = map["annual_yuan"] {
                budget.annualYuan = perYear(
                    node, at: map.path("annual_yuan"), horizon: horizon, checksLength: checksLength, years: years,
                    read: { reader.number($0, at: $1, in: 0...ScenarioLimits.annualBudgetYuan) })
            }
            if let node = map["period_yuan"] {
                // A period's budget is the one in force in its first year.
                budget.periodYuan = calendar(
                    node, at: map.path("period_yuan"), uncertain: false,
                    read: { reader.number($0, at: $1, in: 0...ScenarioLimits.periodBudgetYuan) }
                ) { $0.budget.periodYuan = $1 }
            }
            if let node = map["period_years"] {
                budget.periodYears = reader.integer(node, at: map.path("period_years"), in: ScenarioLimits.horizonYears) ?? budget.periodYears
                budgetGivesPeriod = true
            }
        }
        if let map = reader.mapping(
            reporting, at: "reporting", allowed: ["discount_rate", "planning_percentile", "period_years"])
        {
            if let node = map["discount_rate"] {
                budget.discountRate = reader.number(node, at: map.path("discount_rate"), in: ScenarioLimits.probability) ?? 0
            }
            if let node = map["planning_percentile"], let percentile = reader.integer(node, at: map.path("planning_percentile"), in: 1...99) {
                if BudgetParameters.planningPercentiles.contains(percentile) {
                    budget.planningPercentile = percentile
                } else {
                    let choices = BudgetParameters.planningPercentiles.map(String.init).joined(separator: ", ")
                    reader.report(
                        "percentile \(percentile) is not one the forecast keeps; choose one of \(choices)",
                        at: map.path("planning_percentile"), node: node)
                }
            }
            if let node = map["period_years"] {
                budget.reportingPeriodYears =
                    reader.integer(node, at: map.path("period_years"), in: ScenarioLimits.horizonYears) ?? budget.reportingPeriodYears
                if !budgetGivesPeriod { budget.periodYears = budget.reportingPeriodYears }
            }
        }
        return budget
    }
}
