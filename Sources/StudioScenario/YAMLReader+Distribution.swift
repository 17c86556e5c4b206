import Yams

/// Reading an uncertain assumption, `{distribution: beta, mean: 0.93, sd: 0.02}`, where a number
/// is expected.
extension YAMLReader {
    /// Whether `node` is a mapping with a `distribution` key: a distribution written in place of a number.
    static func isDistribution(_ node: Node) -> Bool {
        guard case .mapping(let pairs) = node else { return false }
        return pairs.contains { $0.key.scalar?.string == "distribution" }
    }

    /// The distribution written at `path` for a value whose valid range is `range`: recorded in
    /// ``uncertainInputs`` when the value is an assumption (``acceptsDistributions``), and
    /// otherwise refused, saying why.
    ///
    /// - Returns: the distribution's ``InputDistribution/central`` value, or nil after reporting.
    func distribution(_ node: Node, at path: String, in range: ClosedRange<Double>) -> Double? {
        guard acceptsDistributions else {
            report(Self.refusal(for: path, isWholeNumber: false), at: path, node: node)
            return nil
        }
        let names = InputDistribution.Name.allCases.map(\.rawValue)
        guard let nameNode = node["distribution"], let text = string(nameNode, at: Self.join(path, "distribution"))
        else { return nil }
        guard let name = InputDistribution.Name(rawValue: text) else {
            report(
                "unknown distribution '\(text)'; expected one of \(names.joined(separator: ", "))",
                at: Self.join(path, "distribution"), node: nameNode)
            return nil
        }
        guard let map = mapping(node, at: path, allowed: ["distribution"] + name.parameterKeys) else { return nil }
        var parameters: [Double] = []
        for key in name.parameterKeys {
            guard let valueNode = map[key] else {
                report(
                    "a \(name.rawValue) distribution needs \(name.parameterKeys.joined(separator: ", ")); \(key) is missing",
                    at: path, node: node)
                return nil
            }
            if Self.isDistribution(valueNode) {
                report("a distribution's parameters are numbers, not distributions", at: map.path(key), node: valueNode)
                return nil
            }
            guard let value = number(valueNode, at: map.path(key), in: -Double.infinity...Double.infinity) else { return nil }
            parameters.append(value)
        }
        if let problem = InputDistribution.problem(name, parameters, range: range) {
            report(problem, at: path, node: node)
            return nil
        }
        let distribution = InputDistribution.make(name, parameters, range: range)
        uncertainInputs.append(UncertainInput(keyPath: path, line: node.mark?.line, distribution: distribution))
        return distribution.central
    }

    /// Why the value at `path` cannot be given as a distribution.
    static func refusal(for path: String, isWholeNumber: Bool) -> String {
        let fix = "; give a number"
        if path.hasPrefix("programme.") {
            return "is one of the measures' own rules (grant, tranche shares, cycle, strikes: Art. 11, Art. 14) and cannot be uncertain" + fix
        }
        if path.hasPrefix("subsidies.equipment.rate") {
            return "the equipment subsidy's rate is the measures' own (Art. 12.1) and cannot be uncertain" + fix
        }
        if path.hasPrefix("subsidies.training.amounts_yuan") || path.hasPrefix("subsidies.awards.kinds") {
            return "the award and skill-upgrade amounts are the measures' own (Art. 12.2, 12.3) and cannot be uncertain" + fix
        }
        if path.hasPrefix("simulation.") || path.hasPrefix("reporting.") || path == "start_year" || path == "horizon_years" {
            return "is a setting of the simulation, not an assumption, and cannot be uncertain" + fix
        }
        if path.hasPrefix("quota") || path.hasPrefix("budget") || path.hasPrefix("selection.shortlist_score")
            || path.hasPrefix("scoring")
        {
            return "is a lever the programme chooses, not an assumption, and cannot be uncertain (compare its values with sweep)" + fix
        }
        if isWholeNumber { return "a whole number here cannot be uncertain" + fix }
        return "this value cannot be uncertain; distributions are accepted for the assumptions listed in the README" + fix
    }
}
