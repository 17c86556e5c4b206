public import StudioScenario

/// A condition a `solve` answer must meet: a measure, a comparison and a bound, written
/// `METRIC [STATISTIC] [YEAR | FIRST-LAST] OPERATOR VALUE`, such as
/// `any_budget_breach mean 2031-2035 <= 0.05`. The statistic is the mean when left out, and the
/// window the whole horizon.
public struct SolveConstraint: Sendable, Hashable, CustomStringConvertible {
    /// How the measure is compared with the bound.
    public enum Comparison: String, CaseIterable, Sendable, Hashable {
        case atMost = "<="
        case below = "<"
        case atLeast = ">="
        case above = ">"

        /// Whether `value` meets `bound`; a missing value (NaN) never does.
        package func holds(_ value: Double, _ bound: Double) -> Bool {
            switch self {
            case .atMost: return value <= bound
            case .below: return value < bound
            case .atLeast: return value >= bound
            case .above: return value > bound
            }
        }
    }

    /// The metric and statistic; its window is nil until resolved against a scenario (the
    /// whole horizon by default).
    public var metric: Metric
    /// The statistic across replications.
    public var statistic: Statistic
    /// The year or period given, or nil for the whole horizon.
    public var window: OutputWindow?
    /// The comparison.
    public var comparison: Comparison
    /// The bound.
    public var bound: Double

    /// Creates a constraint.
    ///
    /// - Parameters:
    ///   - metric: the metric and statistic; its window is nil until resolved against a scenario (the whole
    ///     horizon by default).
    ///   - statistic: the statistic across replications.
    ///   - window: the year or period given, or nil for the whole horizon.
    ///   - comparison: the comparison.
    ///   - bound: the bound.
    public init(metric: Metric, statistic: Statistic = .mean, window: OutputWindow?, comparison: Comparison, bound: Double) {
        self.metric = metric
        self.statistic = statistic
        self.window = window
        self.comparison = comparison
        self.bound = bound
    }

    /// Parses `METRIC [STATISTIC] [YEAR | FIRST-LAST] OPERATOR VALUE`.
    ///
    /// - Throws: ``SolveConstraintError`` naming the constraint and what is wrong with it.
    ///
    /// - Parameter text: the constraint as given.
    public init(parsing text: String) throws(SolveConstraintError) {
        var spaced = text
        for comparison in [Comparison.atMost, .atLeast] {
            spaced = spaced.replacing(comparison.rawValue, with: " \(comparison.rawValue) ")
        }
        // A lone < or > (not part of <= or >=) gets spaces too.
        var tokens: [String] = []
        for word in spaced.split(whereSeparator: \.isWhitespace).map(String.init) {
            if word == "<=" || word == ">=" {
                tokens.append(word)
                continue
            }
            var current = ""
            for character in word {
                if character == "<" || character == ">" {
                    if !current.isEmpty { tokens.append(current) }
                    tokens.append(String(character))
                    current = ""
                } else {
                    current.append(character)
                }
            }
            if !current.isEmpty { tokens.append(current) }
        }
        guard let operatorIndex = tokens.firstIndex(where: { Comparison(rawValue: $0) != nil }),
            let comparison = Comparison(rawValue: tokens[operatorIndex])
        else {
            throw .init(text, "no comparison; write METRIC [STATISTIC] [YEAR|FIRST-LAST] <=|<|>=|> VALUE")
        }
        guard operatorIndex + 2 == tokens.count, let bound = Double(tokens[operatorIndex + 1]), bound.isFinite else {
            throw .init(text, "a comparison must be followed by one number, such as <= 0.05")
        }
        let left = tokens[..<operatorIndex]
        guard let name = left.first else { throw .init(text, "no metric before \(comparison.rawValue)") }
        guard let metric = Metric(name: name) else {
            throw .init(text, "no metric is called \(name); see the metric names in the README's forecast.csv section")
        }
        var statistic = Statistic.mean
        var window: OutputWindow?
        var rest = Array(left.dropFirst())
        if let first = rest.first, let named = Statistic(rawValue: first) {
            statistic = named
            rest.removeFirst()
        }
        if let first = rest.first, let years = OutputWindow(text: first) {
            window = years
            rest.removeFirst()
        }
        if let unexpected = rest.first {
            throw .init(
                text,
                "\(unexpected) is neither a statistic (\(Statistic.allCases.map(\.rawValue).joined(separator: ", "))) "
                    + "nor a year or period such as 2035 or 2031-2035 in its place")
        }
        self.init(metric: metric, statistic: statistic, window: window, comparison: comparison, bound: bound)
    }

    /// The measure it constrains in a forecast of `scenario`: its window, or the whole horizon.
    ///
    /// - Parameter scenario: the scenario forecast.
    /// - Returns: the measure.
    public func measure(for scenario: Scenario) -> OutputMeasure {
        let last = scenario.startYear + scenario.horizonYears - 1
        let window = window ?? (scenario.horizonYears > 1 ? .period(first: scenario.startYear, last: last) : .year(last))
        return OutputMeasure(metric: metric, statistic: statistic, window: window)
    }

    /// `any_budget_breach mean 2031-2035 <= 0.05` (the window as given, if any).
    public var description: String {
        ([metric.name, statistic.rawValue] + (window.map { [$0.description] } ?? []) + [comparison.rawValue, NumericParameter.text(bound)])
            .joined(separator: " ")
    }
}

/// A `--constraint` that cannot be parsed (a bad argument, exit 64).
public struct SolveConstraintError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The constraint as given.
    package var text: String
    /// What is wrong with it.
    package var problem: String

    /// Creates an error.
    package init(_ text: String, _ problem: String) {
        self.text = text
        self.problem = problem
    }

    /// `--constraint 'TEXT': PROBLEM`.
    public var description: String { "--constraint '\(text)': \(problem)" }
}

extension SolveConstraintError: StudioForecastError {
    /// An argument, not a file.
    public var location: ProblemLocation { .none }
    /// A bad argument.
    public var category: ProblemCategory { .badArgument }
}
