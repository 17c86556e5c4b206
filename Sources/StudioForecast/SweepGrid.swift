/// The points of a sweep: every combination of the values of one or two key paths, each point a
/// list of overrides of the scenario, the first value of each key first.
///
/// ```swift
/// let grid = try SweepGrid(["quota.per_year=4,5,6,8"])
/// let scenarios = try grid.points.map { try Scenario(contentsOf: url, overrides: $0) }
/// ```
public struct SweepGrid: Sendable {
    /// The largest number of key paths a sweep varies.
    public static let maximumKeys = 2

    /// Each key path's alternatives, in the order given.
    public let axes: [[ScenarioOverride]]

    /// Reads `KEY=V1,V2,...` settings, one per key path.
    ///
    /// - Parameter settings: one or two settings such as `quota.per_year=4,5,6`.
    /// - Throws: ``SweepGridError`` for a malformed setting, a key path scenarios do not have, a
    ///   key given twice, or a value a spreadsheet would read as a formula (the values are
    ///   repeated in `sweep.csv`).
    public init(_ settings: [String]) throws(SweepGridError) {
        guard (1...Self.maximumKeys).contains(settings.count) else { throw .keyCount(settings.count) }
        var axes: [[ScenarioOverride]] = []
        for setting in settings {
            guard let alternatives = ScenarioOverride.alternatives(setting),
                let keyPath = alternatives.first?.keyPath
            else {
                throw .malformed(setting)
            }
            if let problem = ScenarioOverride.keyPathProblem(keyPath) {
                throw .unknownKeyPath(setting, problem)
            }
            if axes.contains(where: { $0.first?.keyPath == keyPath }) { throw .repeatedKeyPath(keyPath) }
            for value in alternatives.map(\.value) where Self.startsFormula(value) {
                throw .formula(setting, value)
            }
            axes.append(alternatives)
        }
        self.axes = axes
    }

    /// The key paths varied, in the order given.
    public var keyPaths: [String] { axes.compactMap { $0.first?.keyPath } }

    /// Every point of the grid, the last key varying fastest: each a list of overrides, one per key.
    public var points: [[ScenarioOverride]] {
        var points: [[ScenarioOverride]] = [[]]
        for axis in axes { points = points.flatMap { point in axis.map { point + [$0] } } }
        return points
    }

    /// The name of the scenario at `point`: the base's name and the point's overrides.
    ///
    /// - Parameters:
    ///   - point: one of ``points``.
    ///   - base: the base scenario's name.
    /// - Returns: such as `nanchang-baseline quota.per_year=6`.
    public static func name(of point: [ScenarioOverride], base: String) -> String {
        "\(base) \(point.map(\.description).joined(separator: " "))"
    }

    /// Whether a spreadsheet would read a cell holding `value` as a formula: it starts with `=`,
    /// `+`, `@`, a tab or a carriage return, or with `-` without being a plain number.
    ///
    /// - Parameter value: a cell's text.
    /// - Returns: whether the cell would be taken as a formula.
    public static func startsFormula(_ value: String) -> Bool {
        guard let first = value.unicodeScalars.first else { return false }
        switch first {
        case "=", "+", "@", "\t", "\r": return true
        case "-": return Double(value) == nil
        default: return false
        }
    }
}

/// A sweep's settings that make no grid.
public enum SweepGridError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Not one or two settings.
    case keyCount(Int)
    /// A setting that is not `KEY=V1,V2,...`.
    case malformed(String)
    /// A setting whose key path scenarios do not have, with why.
    case unknownKeyPath(String, String)
    /// A key path given in two settings.
    case repeatedKeyPath(String)
    /// A setting with a value a spreadsheet would read as a formula.
    case formula(String, String)

    /// The setting at fault, if one is.
    public var setting: String? {
        switch self {
        case .keyCount, .repeatedKeyPath: return nil
        case .malformed(let setting), .unknownKeyPath(let setting, _), .formula(let setting, _):
            return setting
        }
    }

    /// What is wrong, one line, without the setting.
    public var description: String {
        switch self {
        case .keyCount(let count): return "\(count) key paths given; give one or two, each KEY=V1,V2,..."
        case .malformed: return "expected KEY=V1,V2,... such as quota.per_year=4,5,6"
        case .unknownKeyPath(_, let problem): return problem
        case .repeatedKeyPath(let keyPath):
            return "\(keyPath) is given twice; give each key once, with all its values"
        case .formula(_, let value):
            return
                "the value '\(value)' starts with a character a spreadsheet reads as a formula; write numbers plainly, such as 5 for +5"
        }
    }
}
