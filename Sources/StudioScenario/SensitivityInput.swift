import Yams

/// One input `studio-forecast sensitivity` moves down and up: a number of the scenario file, a
/// group of numbers that act only through their product, or the grant's split.
///
/// Inputs are levers — the measures' own rules and the programme managers' choices: the quota
/// (Art. 7), the shortlist score (Art. 6), the grant, its split, cycle and strikes (Art. 11, 14),
/// the equipment subsidy's rate (Art. 12.1), the budget — or assumptions about the world (pass
/// rates, applicants, costs, fraud). The six conditions of Art. 2 and the chance that a candidate
/// applies enter the simulation only as one product (the chance that a candidate applies and
/// qualifies), so they are one group, moved by scaling that product.
public struct SensitivityInput: Sendable, Hashable {
    /// Whether the input is set by the measures or the programme, or assumed.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// A rule of the measures or a choice of the programme's managers.
        case lever
        /// An assumption about applicants, studios, costs or fraud.
        case assumption
    }

    /// The key path, or for a group its name (``productGroupName``).
    public var name: String
    /// Lever or assumption.
    public var kind: Kind
    /// The value in the file: for a group the product of its members, for the split the first
    /// tranche's share.
    public var value: Double
    /// The value moved down, nil when it cannot move (a probability at 0, a count at its floor).
    public var low: Double?
    /// The value moved up, nil when it cannot move.
    public var high: Double?
    /// The numbers moved: one, or a group's members; empty for the grant's split.
    public var members: [NumericParameter]
    /// The tranche shares in the file, for the grant's split.
    var shares: [Double] = []

    /// The name of the group of the Art. 2 conditions and the chance to apply.
    package static let productGroupName = "applicants.apply_probability*conditions"

    /// The key path of the grant's split.
    package static let splitKeyPath = "programme.tranche_shares"

    /// The key paths (or prefixes, ending in `.`) of the levers.
    static let leverKeys = [
        "quota.", "selection.shortlist_score", "programme.", "budget.", "subsidies.equipment.rate",
        "subsidies.equipment.old_equipment.rate", "subsidies.training.amounts_yuan", "subsidies.awards.amounts",
    ]

    /// Whether `keyPath` is a lever's.
    package static func isLever(_ keyPath: String) -> Bool {
        leverKeys.contains { $0.hasSuffix(".") ? keyPath.hasPrefix($0) : keyPath == $0 || keyPath.hasPrefix($0 + ".") }
    }

    /// Whether `keyPath` belongs to the group that acts only through its product.
    static func isProductMember(_ keyPath: String) -> Bool {
        keyPath == "applicants.apply_probability" || keyPath.hasPrefix("applicants.conditions.")
    }

    /// The scenario keys to set for the input moved to `moved` (a value of ``low`` or ``high``).
    package func overrides(movedTo moved: Double) -> [ScenarioOverride] {
        if name == Self.splitKeyPath, let first = shares.first {
            let rest = 1 - first
            let scale = rest > 0 ? (1 - moved) / rest : 0
            let movedShares = [moved] + shares.dropFirst().map { $0 * scale }
            let text = "[" + movedShares.map(NumericParameter.text).joined(separator: ", ") + "]"
            return [ScenarioOverride(keyPath: name, value: text)]
        }
        guard members.count > 1 else {
            return members.map { ScenarioOverride(keyPath: $0.keyPath, value: NumericParameter.text(moved)) }
        }
        return zip(members, Self.scaled(members.map(\.value), toProduct: moved)).map { member, value in
            ScenarioOverride(keyPath: member.keyPath, value: NumericParameter.text(value))
        }
    }

    /// `values` (probabilities) changed so that their product is `target`: lowered by scaling the
    /// first, raised by raising each in turn as far as 1.
    static func scaled(_ values: [Double], toProduct target: Double) -> [Double] {
        let product = values.reduce(1, *)
        guard product > 0 else { return values }
        var factor = target / product
        var result = values
        if factor <= 1 {
            result[0] *= factor
            return result
        }
        for index in result.indices where factor > 1 && result[index] > 0 {
            if result[index] * factor >= 1 {
                // Raised to 1 exactly; what is left of the factor goes to the next member.
                factor *= result[index]
                result[index] = 1
            } else {
                result[index] *= factor
                factor = 1
            }
        }
        return result
    }

    /// Every input of the scenario file's text: its numbers (``NumericParameter/all(inYAML:)``),
    /// the product group in place of its members, and the grant's split; each moved by `step` of
    /// itself or to the range `ranges` gives for its name.
    package static func all(
        inYAML yaml: String, step: Double, ranges: [String: ClosedRange<Double>] = [:]
    ) -> [SensitivityInput] {
        var inputs: [SensitivityInput] = []
        var group: [NumericParameter] = []
        var groupPosition: Int?
        for parameter in NumericParameter.all(inYAML: yaml) {
            if isProductMember(parameter.keyPath) {
                group.append(parameter)
                if groupPosition == nil { groupPosition = inputs.count }
                continue
            }
            let moved = ranges[parameter.keyPath].map { ($0.lowerBound, $0.upperBound) }
                ?? (parameter.moved(by: step, direction: -1), parameter.moved(by: step, direction: 1))
            inputs.append(
                SensitivityInput(
                    name: parameter.keyPath, kind: isLever(parameter.keyPath) ? .lever : .assumption,
                    value: parameter.value, low: moved.0 == parameter.value ? nil : moved.0,
                    high: moved.1 == parameter.value ? nil : moved.1, members: [parameter]))
        }
        if let groupPosition, !group.isEmpty {
            let input = productGroup(group, step: step, range: ranges[productGroupName])
            inputs.insert(input, at: groupPosition)
        }
        if let shares = trancheShares(inYAML: yaml), shares.count > 1, let first = shares.first, first < 1 {
            let moved = ranges[splitKeyPath].map { ($0.lowerBound, $0.upperBound) }
                ?? (first * (1 - step), min(first * (1 + step), 1))
            inputs.append(
                SensitivityInput(
                    name: splitKeyPath, kind: .lever, value: first, low: moved.0 == first ? nil : moved.0,
                    high: moved.1 == first ? nil : moved.1, members: [], shares: shares))
        }
        return inputs
    }

    /// The group of `members`, its product moved by `step` of itself (at most to 1) or to `range`.
    static func productGroup(_ members: [NumericParameter], step: Double, range: ClosedRange<Double>?) -> SensitivityInput {
        let product = members.map(\.value).reduce(1, *)
        let low = range?.lowerBound ?? product * (1 - step)
        let high = min(range?.upperBound ?? product * (1 + step), 1)
        // The product actually reached, when raising it is limited by members at 1.
        let reached = scaled(members.map(\.value), toProduct: high).reduce(1, *)
        return SensitivityInput(
            name: productGroupName, kind: .assumption, value: product, low: low == product ? nil : low,
            high: reached <= product ? nil : reached, members: members)
    }

    /// The tranche shares written in the file, if any.
    static func trancheShares(inYAML yaml: String) -> [Double]? {
        guard let root = try? Yams.compose(yaml: yaml), let list = root["programme"]?["tranche_shares"]?.sequence else {
            return nil
        }
        let values = list.compactMap { $0.scalar.flatMap { Double.construct(from: $0) } }
        return values.count == list.count ? values : nil
    }
}
