import Yams

/// Reads typed values out of a composed YAML document, collecting one ``ScenarioError`` per problem.
///
/// Every read names its key path and the line of the offending node. A value that fails to
/// read is reported and replaced by the caller's fallback, so that one pass finds every
/// problem in the file.
final class YAMLReader {
    /// The file being read, as named in messages.
    let file: String
    /// Which file of an `extends:` chain wrote each key path; empty for a single file.
    let origins: ScenarioOrigins
    /// The problems found so far.
    private(set) var errors: [ScenarioError] = []
    /// Whether the value being read is an assumption that may be given as a distribution.
    var acceptsDistributions = false
    /// The distributions read since the caller last took them (``takeUncertainInputs(from:)``).
    var uncertainInputs: [UncertainInput] = []
    /// What the file leaves to a default the reader should know of, but may stand.
    private(set) var warnings: [ScenarioError] = []

    init(file: String, origins: ScenarioOrigins = ScenarioOrigins()) {
        self.file = file
        self.origins = origins
    }

    /// Records a problem at `path`, on the line of `node` when there is one, against the file
    /// of the chain that wrote the value there.
    func report(_ message: String, at path: String, node: Node?) {
        errors.append(
            ScenarioError(file: file(for: path), keyPath: path, line: node?.mark?.line, message: message))
    }

    /// Records a warning at `path`: the scenario is valid, but a reader should know.
    func warn(_ message: String, at path: String, node: Node?) {
        warnings.append(
            ScenarioError(file: file(for: path), keyPath: path, line: node?.mark?.line, message: "warning: " + message))
    }

    /// The value of `key` in `node` when it is a mapping, without reporting anything.
    func entry(_ key: String, of node: Node) -> Node? {
        guard case .mapping(let pairs) = node else { return nil }
        return pairs.first { $0.key.scalar?.string == key }?.value
    }

    /// The file that wrote the value at `path`: the file read, or the file of its chain.
    func file(for path: String) -> String {
        origins.file(for: path) ?? file
    }

    /// Records a problem found elsewhere, such as in a file the scenario names.
    func record(_ error: ScenarioError) {
        errors.append(error)
    }

    // MARK: - Mappings

    /// A mapping's entries by key, reporting keys not in `allowed` and a node that is no mapping.
    func mapping(_ node: Node?, at path: String, allowed: [String]) -> Mapping? {
        guard let node else { return nil }
        guard case .mapping(let pairs) = node else {
            report("expected a mapping with keys \(allowed.joined(separator: ", "))", at: path, node: node)
            return nil
        }
        var entries: [String: Node] = [:]
        for (keyNode, value) in pairs {
            let key = keyNode.scalar?.string ?? ""
            let keyPath = Self.join(path, key)
            if !allowed.contains(key) {
                report("unknown key; expected one of \(allowed.joined(separator: ", "))", at: keyPath, node: keyNode)
            } else if entries[key] != nil {
                report("duplicate key", at: keyPath, node: keyNode)
            } else {
                entries[key] = value
            }
        }
        return Mapping(path: path, node: node, entries: entries)
    }

    /// The entries of one YAML mapping, with the path and node for messages.
    struct Mapping {
        let path: String
        let node: Node
        let entries: [String: Node]

        subscript(key: String) -> Node? { entries[key] }

        func path(_ key: String) -> String { YAMLReader.join(path, key) }
    }

    // MARK: - Scalars

    /// An integer in `range`, or nil after reporting.
    func integer(_ node: Node, at path: String, in range: ClosedRange<Int>) -> Int? {
        if Self.isDistribution(node) {
            report(Self.refusal(for: path, isWholeNumber: true), at: path, node: node)
            return nil
        }
        guard let scalar = node.scalar, Self.tag(node, .int), let value = Int.construct(from: scalar) else {
            report("expected a whole number, found \(Self.describe(node))", at: path, node: node)
            return nil
        }
        guard range.contains(value) else {
            report("\(value) is out of range \(range.lowerBound)...\(range.upperBound)", at: path, node: node)
            return nil
        }
        return value
    }

    /// A number in `range`, or nil after reporting.
    func number(_ node: Node, at path: String, in range: ClosedRange<Double>) -> Double? {
        if Self.isDistribution(node) { return distribution(node, at: path, in: range) }
        guard let scalar = node.scalar, Self.tag(node, .int) || Self.tag(node, .float),
            let value = Double.construct(from: scalar), value.isFinite
        else {
            report("expected a number, found \(Self.describe(node))", at: path, node: node)
            return nil
        }
        guard range.contains(value) else {
            report("\(Self.format(value)) is out of range \(Self.format(range.lowerBound))...\(Self.format(range.upperBound))", at: path, node: node)
            return nil
        }
        return value
    }

    /// A probability in [0, 1], or nil after reporting.
    func probability(_ node: Node, at path: String) -> Double? {
        if Self.isDistribution(node) { return distribution(node, at: path, in: 0...1) }
        guard let value = number(node, at: path, in: -Double.infinity...Double.infinity) else { return nil }
        guard (0...1).contains(value) else {
            report("probability \(Self.format(value)) is outside [0, 1]", at: path, node: node)
            return nil
        }
        return value
    }

    /// A boolean, or nil after reporting.
    func boolean(_ node: Node, at path: String) -> Bool? {
        guard let scalar = node.scalar, Self.tag(node, .bool), let value = Bool.construct(from: scalar) else {
            report("expected true or false, found \(Self.describe(node))", at: path, node: node)
            return nil
        }
        return value
    }

    /// A non-empty string, or nil after reporting.
    func string(_ node: Node, at path: String) -> String? {
        guard let scalar = node.scalar, !Self.tag(node, .null), !scalar.string.isEmpty else {
            report("expected text, found \(Self.describe(node))", at: path, node: node)
            return nil
        }
        return scalar.string
    }

    /// A sequence's items with their paths (`path[i]`), or nil after reporting.
    func sequence(_ node: Node, at path: String) -> [(path: String, node: Node)]? {
        guard case .sequence(let items) = node else {
            report("expected a list, found \(Self.describe(node))", at: path, node: node)
            return nil
        }
        return items.enumerated().map { ("\(path)[\($0.offset)]", $0.element) }
    }

    /// One value read by `read`, or a list of them read item by item.
    func oneOrList<T>(_ node: Node, at path: String, read: (Node, String) -> T?) -> [T]? {
        if case .sequence = node {
            guard let items = sequence(node, at: path) else { return nil }
            guard !items.isEmpty else {
                report("expected a non-empty list", at: path, node: node)
                return nil
            }
            let values = items.map { read($0.node, $0.path) }
            return values.contains { $0 == nil } ? nil : values.compactMap { $0 }
        }
        return read(node, path).map { [$0] }
    }

    // MARK: - Helpers

    /// Whether `node` resolved to the YAML tag `name` (a quoted "5" is text, not a number).
    static func tag(_ node: Node, _ name: Tag.Name) -> Bool {
        node.tag.rawValue == name.rawValue
    }

    static func join(_ path: String, _ key: String) -> String {
        path.isEmpty ? key : "\(path).\(key)"
    }

    static func describe(_ node: Node) -> String {
        switch node {
        case .scalar(let scalar): return scalar.string.isEmpty ? "nothing" : "'\(scalar.string)'"
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .alias: return "an alias"
        }
    }

    static func format(_ value: Double) -> String {
        value.rounded() == value && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}
