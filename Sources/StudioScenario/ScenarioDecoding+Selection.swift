import Foundation
import StudioRules
import Yams

/// The sections of the applicant pool, scoring and selection (Art. 2, 6, 7) and the score-based
/// assessment.
extension ScenarioDecoding {
    static let applicantKeys = [
        "pool", "new_per_year", "apply_probability", "improvement_per_year", "quality", "score_noise_sd",
        "conditions", "channels", "list",
    ]

    func decodeApplicants(_ node: Node) -> ApplicantParameters? {
        guard let map = reader.mapping(node, at: "applicants", allowed: Self.applicantKeys) else { return nil }
        var parameters = ApplicantParameters()
        if let node = map["pool"] {
            parameters.pool = reader.integer(node, at: map.path("pool"), in: ScenarioLimits.applicantPool) ?? parameters.pool
        }
        if let node = map["new_per_year"] {
            parameters.newPerYear =
                calendar(node, at: map.path("new_per_year"), read: { reader.number($0, at: $1, in: ScenarioLimits.newApplicantsPerYear) }) {
                    $0.applicants?.newPerYear = $1
                } ?? 0
        }
        if let node = map["apply_probability"] {
            parameters.applyProbability =
                calendar(node, at: map.path("apply_probability"), read: reader.probability) {
                    $0.applicants?.applyProbability = $1
                } ?? 1
        }
        if let node = map["improvement_per_year"] {
            parameters.improvementPerYear =
                calendar(node, at: map.path("improvement_per_year"), read: { reader.number($0, at: $1, in: ScenarioLimits.score) }) {
                    $0.applicants?.improvementPerYear = $1
                } ?? 0
        }
        if let node = map["quality"], let quality = reader.mapping(node, at: map.path("quality"), allowed: ["mean", "sd"]) {
            if let node = quality["mean"] {
                parameters.qualityMean = reader.number(node, at: quality.path("mean"), in: ScenarioLimits.score) ?? parameters.qualityMean
            }
            if let node = quality["sd"] {
                parameters.qualitySD = reader.number(node, at: quality.path("sd"), in: ScenarioLimits.score) ?? parameters.qualitySD
            }
        }
        if let node = map["score_noise_sd"] {
            parameters.scoreNoiseSD =
                calendar(node, at: map.path("score_noise_sd"), read: { reader.number($0, at: $1, in: ScenarioLimits.score) }) {
                    $0.applicants?.scoreNoiseSD = $1
                } ?? 0
        }
        if let node = map["conditions"] {
            let names = ApplicantCondition.allCases.map(\.rawValue)
            if let conditions = reader.mapping(node, at: map.path("conditions"), allowed: names) {
                parameters.conditionProbabilities = ApplicantCondition.allCases.enumerated().map { index, condition in
                    conditions[condition.rawValue].flatMap {
                        calendar($0, at: conditions.path(condition.rawValue), read: reader.probability) {
                            $0.applicants?.conditionProbabilities[index] = $1
                        }
                    } ?? 1
                }
            }
        }
        if let node = map["channels"], let channels = decodeChannels(node, at: map.path("channels")) {
            parameters.channels = channels
        }
        if let node = map["list"], let path = reader.string(node, at: map.path("list")) {
            if map["pool"] != nil {
                reader.report("give either applicants.pool or applicants.list, not both", at: map.path("list"), node: node)
            }
            let names = map["channels"] == nil ? [] : parameters.channels.map(\.name)
            parameters.listed = readList(path, channelNames: names, at: map.path("list"), node: node)
            parameters.pool = 0
        }
        return parameters
    }

    private func decodeChannels(_ node: Node, at path: String) -> [ApplicantParameters.Channel]? {
        guard let items = reader.sequence(node, at: path) else { return nil }
        guard !items.isEmpty else {
            reader.report("expected at least one recommending body", at: path, node: node)
            return nil
        }
        let channels = items.compactMap { item -> ApplicantParameters.Channel? in
            guard let map = reader.mapping(item.node, at: item.path, allowed: ["name", "share", "cap"]) else { return nil }
            guard let nameNode = map["name"], let name = reader.string(nameNode, at: map.path("name")) else {
                if map["name"] == nil { reader.report("missing", at: map.path("name"), node: item.node) }
                return nil
            }
            guard let shareNode = map["share"], let share = reader.probability(shareNode, at: map.path("share")) else {
                if map["share"] == nil { reader.report("missing", at: map.path("share"), node: item.node) }
                return nil
            }
            let cap = map["cap"].flatMap { reader.integer($0, at: map.path("cap"), in: ScenarioLimits.places) }
            return ApplicantParameters.Channel(name: name, share: share, cap: cap)
        }
        guard channels.count == items.count else { return nil }
        let sum = channels.reduce(0) { $0 + $1.share }
        if abs(sum - 1) > 1e-9 {
            reader.report("shares sum to \(sum), not 1", at: path, node: node)
            return nil
        }
        if Set(channels.map(\.name)).count != channels.count {
            reader.report("channel names must differ", at: path, node: node)
            return nil
        }
        return channels
    }

    private func readList(_ path: String, channelNames: [String], at keyPath: String, node: Node) -> [ListedApplicant] {
        let folder = folders.file(for: keyPath).map { FilePath.parent(of: $0) }.map { $0.isEmpty ? "." : $0 } ?? baseFolder
        let fullPath = path.hasPrefix("/") ? path : (folder as NSString).appendingPathComponent(path)
        let text: String
        switch ScenarioText.read(path: fullPath, limit: ScenarioText.applicantListLimit) {
        case .success(let read):
            text = read
        case .failure(.unreadable):
            reader.report("cannot read the applicant list \(fullPath)", at: keyPath, node: node)
            return []
        case .failure(.tooLarge(let limit)):
            reader.report(
                "the applicant list \(fullPath) is larger than \(ScenarioText.describe(bytes: limit)), the largest list read",
                at: keyPath, node: node)
            return []
        case .failure(let problem):
            reader.record(
                ScenarioError(file: fullPath, keyPath: "", line: problem.line, message: problem.message(kind: "applicant list")))
            return []
        }
        switch ApplicantListReader(file: fullPath, channelNames: channelNames).read(text: text) {
        case .success(let applicants):
            return applicants
        case .failure(let problems):
            for problem in problems.errors { reader.record(problem) }
            return []
        }
    }

    func decodeScoring(_ node: Node) -> ScoringRubric? {
        guard let map = reader.mapping(node, at: "scoring", allowed: ["rubric"]), let rubricNode = map["rubric"] else {
            return nil
        }
        let path = map.path("rubric")
        guard let items = reader.sequence(rubricNode, at: path) else { return nil }
        let decoded = items.compactMap { item -> ScoringRubric.Item? in
            guard let entry = reader.mapping(item.node, at: item.path, allowed: ["item", "points"]) else { return nil }
            guard let keyNode = entry["item"], let key = reader.string(keyNode, at: entry.path("item")),
                let pointsNode = entry["points"],
                let points = reader.number(pointsNode, at: entry.path("points"), in: ScenarioLimits.score)
            else {
                if entry["item"] == nil || entry["points"] == nil {
                    reader.report("each item needs item and points", at: item.path, node: item.node)
                }
                return nil
            }
            return ScoringRubric.Item(key: key, points: points)
        }
        guard decoded.count == items.count, !decoded.isEmpty else { return nil }
        if Set(decoded.map(\.key)).count != decoded.count {
            reader.report("item names must differ", at: path, node: rubricNode)
            return nil
        }
        let sum = decoded.reduce(0) { $0 + $1.points }
        if abs(sum - 100) > 1e-9 {
            reader.report("items sum to \(YAMLReader.format(sum)) points, not 100", at: path, node: rubricNode)
            return nil
        }
        return ScoringRubric(items: decoded)
    }

    func decodeSelection(_ node: Node, rubric: ScoringRubric?) -> SelectionRules {
        var rules = SelectionRules()
        let keys = ["shortlist_score", "tie_break", "objection_probability", "refill_after_objection"]
        guard let map = reader.mapping(node, at: "selection", allowed: keys) else { return rules }
        if let node = map["shortlist_score"] {
            rules.shortlistScore =
                // The shortlist score is a lever the programme sets, never uncertain.
                calendar(
                    node, at: map.path("shortlist_score"), uncertain: false, read: { reader.number($0, at: $1, in: ScenarioLimits.score) }
                ) {
                    $0.selection.shortlistScore = $1
                } ?? rules.shortlistScore
        }
        if let node = map["tie_break"], let text = reader.string(node, at: map.path("tie_break")) {
            let items = rubric?.items.map(\.key) ?? []
            if text == "random" {
                rules.tieBreak = .random
            } else if let index = items.firstIndex(of: text) {
                rules.tieBreak = .rubricItem(index)
            } else if !reader.errors.contains(where: { $0.keyPath.hasPrefix("scoring") }) {
                reader.report(
                    "expected random or an item of scoring.rubric\(items.isEmpty ? "" : " (\(items.joined(separator: ", ")))")",
                    at: map.path("tie_break"), node: node)
            }
        }
        if let node = map["objection_probability"] {
            rules.objectionProbability =
                calendar(node, at: map.path("objection_probability"), read: reader.probability) {
                    $0.selection.objectionProbability = $1
                } ?? 0
        }
        if let node = map["refill_after_objection"] {
            rules.refillAfterObjection = reader.boolean(node, at: map.path("refill_after_objection")) ?? false
        }
        return rules
    }

    func decodeAssessmentModel(_ map: YAMLReader.Mapping, into parameters: inout AssessmentParameters, hasApplicants: Bool) {
        var isScore = false
        var modelIsKnown = true
        if let node = map["model"], let text = reader.string(node, at: map.path("model")) {
            switch text {
            case "probability": break
            case "score":
                isScore = true
                if !hasApplicants {
                    reader.report(
                        "score needs an applicants section, whose quality the named studios carry",
                        at: map.path("model"), node: node)
                }
            default:
                modelIsKnown = false
                reader.report("expected probability or score", at: map.path("model"), node: node)
            }
        }
        var passScore = 60.0
        var noiseSD = 10.0
        for key in ["pass_score", "noise_sd"] {
            guard let node = map[key] else { continue }
            if !isScore {
                if modelIsKnown { reader.report("applies only with assessment.model: score", at: map.path(key), node: node) }
                continue
            }
            let value = reader.number(node, at: map.path(key), in: ScenarioLimits.score)
            if key == "pass_score" { passScore = value ?? passScore } else { noiseSD = value ?? noiseSD }
        }
        if isScore { parameters.model = .score(passScore: passScore, noiseSD: noiseSD) }
    }
}
