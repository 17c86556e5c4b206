import Foundation
import Yams

/// A new value for one key path of a scenario file, as analysts give it on the command line
/// (`quota.per_year=6`, `programme.tranche_shares=[0.25,0.25,0.5]`, `quota.per_year={2026: 5, 2028: 8}`).
///
/// Overrides edit the YAML before it is validated, so an override is checked exactly as the
/// same value written in the file would be.
public struct ScenarioOverride: Sendable, Hashable, CustomStringConvertible {
    /// The key path, such as `selection.shortlist_score`.
    public var keyPath: String
    /// The value as YAML text: a number, a list in brackets, or a schedule in braces.
    public var value: String

    /// Creates an override.
    ///
    /// - Parameters:
    ///   - keyPath: the key path, such as `selection.shortlist_score`.
    ///   - value: the value as YAML text: a number, a list in brackets, or a schedule in braces.
    public init(keyPath: String, value: String) {
        self.keyPath = keyPath
        self.value = value
    }

    /// `key.path=value`.
    public var description: String { "\(keyPath)=\(value)" }

    /// Parses `KEY=V1,V2,...` into one override per value; commas inside brackets or braces
    /// belong to a list or schedule value (`programme.tranche_shares=[0.3,0.3,0.4],[0.25,0.25,0.5]`,
    /// `quota.per_year=5,{2026: 5, 2028: 8}`).
    ///
    /// - Returns: nil when the text is not of that form.
    package static func alternatives(_ text: String) -> [ScenarioOverride]? {
        guard let equals = text.firstIndex(of: "=") else { return nil }
        let keyPath = text[..<equals].trimmingCharacters(in: .whitespaces)
        var values: [String] = []
        var current = ""
        var depth = 0
        for character in text[text.index(after: equals)...] {
            switch character {
            case "[", "{": depth += 1
            case "]", "}": depth -= 1
            case "," where depth == 0:
                values.append(current.trimmingCharacters(in: .whitespaces))
                current = ""
                continue
            default: break
            }
            current.append(character)
        }
        values.append(current.trimmingCharacters(in: .whitespaces))
        guard !keyPath.isEmpty, depth == 0, !values.contains(where: \.isEmpty) else { return nil }
        return values.map { ScenarioOverride(keyPath: keyPath, value: $0) }
    }

    /// What is wrong with `keyPath` as a key path of the scenario format, or nil when it is
    /// well formed: names of letters, digits and underscores joined by single dots
    /// (`quota.per_year`; not `quota..per_year`, `.quota` or `quota.`).
    package static func keyPathProblem(_ keyPath: String) -> String? {
        let names = keyPath.split(separator: ".", omittingEmptySubsequences: false)
        if names.contains(where: \.isEmpty) { return "a key path is names joined by single dots, such as quota.per_year" }
        let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_")
        if let name = names.first(where: { !$0.allSatisfy(allowed.contains) }) {
            return "'\(name)' is not a key name; key names are letters, digits and underscores"
        }
        return nil
    }

    /// Sets the overrides in a scenario's document and returns the edited document.
    ///
    /// - Throws: ``ScenarioErrors`` when a value is not YAML.
    static func apply(_ overrides: [ScenarioOverride], to document: Node?, file: String) throws(ScenarioErrors) -> Node {
        var root = document ?? Node.mapping(Node.Mapping([]))
        for override in overrides {
            let value: Node?
            do {
                value = try Yams.compose(yaml: override.value)
            } catch {
                throw ScenarioErrors([ScenarioError(file: file, keyPath: "", line: nil, message: "cannot apply overrides: \(error)")])
            }
            guard let value else {
                throw ScenarioErrors([
                    ScenarioError(file: file, keyPath: override.keyPath, line: nil, message: "no value given")
                ])
            }
            set(value, at: override.keyPath.split(separator: ".").map(String.init), in: &root)
        }
        return root
    }

    private static func set(_ value: Node, at path: [String], in node: inout Node) {
        guard let key = path.first else { return }
        if path.count == 1 {
            node[key] = value
            return
        }
        var child = node[key] ?? Node.mapping(Node.Mapping([]))
        if child.mapping == nil { child = Node.mapping(Node.Mapping([])) }
        set(value, at: Array(path.dropFirst()), in: &child)
        node[key] = child
    }
}

extension ScenarioLoader {
    /// Reads the scenario file at `path` with `overrides` applied, and validates it.
    ///
    /// Problems are reported against `path [key=value, ...]` without a line, since the lines of
    /// the edited text are not the file's.
    ///
    /// - Parameters:
    ///   - path: the scenario file.
    ///   - overrides: the values set, applied in order.
    /// - Returns: the validated scenario.
    /// - Throws: ``ScenarioErrors`` listing every problem.
    package func load(path: String, overrides: [ScenarioOverride]) throws(ScenarioErrors) -> Scenario {
        try load(source: Self.readSource(path: path), overrides: overrides)
    }

    /// Validates a scenario file already read, with `overrides` applied to its text; the
    /// scenario keeps `source`, the file's bytes, as the record of what it came from.
    ///
    /// - Parameters:
    ///   - source: the file's bytes and those of its bases.
    ///   - overrides: the values set, applied in order.
    /// - Returns: the validated scenario.
    /// - Throws: ``ScenarioErrors`` listing every problem.
    package func load(source: ScenarioSource, overrides: [ScenarioOverride]) throws(ScenarioErrors) -> Scenario {
        guard !overrides.isEmpty else { return try load(source: source) }
        _ = try Self.text(of: source)
        let chain = try ScenarioChain.resolve(source, known: source.bases)
        var scenario = try load(
            chain: chain, defaultName: source.stem, baseFolder: FilePath.parent(of: source.path), overrides: overrides)
        scenario.source = ScenarioSource(path: source.path, bytes: source.bytes, bases: Array(chain.files.dropFirst()))
        return scenario
    }
}

/// A number in a scenario file that sensitivity analysis can move.
public struct NumericParameter: Sendable, Hashable {
    /// Its key path, such as `subsidies.equipment.median_yuan`.
    package var keyPath: String
    /// Its value in the file.
    package var value: Double
    /// Whether it is written as a whole number (a count, a year, a quota).
    package var isWholeNumber: Bool

    /// Whether it is a probability or a share, to be kept within [0, 1]; an entry of a schedule
    /// (`assessment.pass_probability.in_cycle.2029`) is judged by its key.
    package var isProbability: Bool {
        let last = keyPath.split(separator: ".").last(where: { Int($0) == nil }).map(String.init) ?? keyPath
        return last.hasSuffix("probability") || ["in_cycle", "post_cycle", "after_yellow_card", "share", "rate"].contains(last)
            || keyPath.hasPrefix("applicants.conditions.")
    }

    /// The key paths never moved: the forecast's frame, the simulation's settings, the studios
    /// named before it, and the tranche shares (which must sum to 1).
    static let fixedPrefixes = ["start_year", "horizon_years", "simulation.", "existing_studios", "programme.tranche_shares"]

    /// Every single number in the scenario file's text, by key path, outside lists and the fixed keys.
    package static func all(inYAML yaml: String) -> [NumericParameter] {
        guard let root = try? Yams.compose(yaml: yaml) else { return [] }
        var found: [NumericParameter] = []
        func walk(_ node: Node, _ path: String) {
            switch node {
            case .mapping(let pairs):
                for (key, value) in pairs {
                    walk(value, path.isEmpty ? (key.scalar?.string ?? "") : "\(path).\(key.scalar?.string ?? "")")
                }
            case .scalar(let scalar):
                let isInteger = YAMLReader.tag(node, .int)
                guard isInteger || YAMLReader.tag(node, .float), let value = Double.construct(from: scalar) else { return }
                guard !fixedPrefixes.contains(where: { path.hasPrefix($0) }) else { return }
                found.append(NumericParameter(keyPath: path, value: value, isWholeNumber: isInteger))
            default:
                break
            }
        }
        walk(root, "")
        return found
    }

    /// The value moved down (`direction` −1) or up (+1) by `step` of itself: whole numbers by at
    /// least 1, probabilities kept within [0, 1].
    package func moved(by step: Double, direction: Double) -> Double {
        if isWholeNumber && !isProbability { return value + direction * max(1, (abs(value) * step).rounded()) }
        let moved = value * (1 + direction * step)
        return isProbability ? min(max(moved, 0), 1) : moved
    }

    /// The value as YAML text: whole numbers without a decimal point.
    ///
    /// - Parameter value: the value.
    /// - Returns: its YAML text, such as `6` or `0.95`.
    package static func text(_ value: Double) -> String { YAMLReader.format(value) }
}
