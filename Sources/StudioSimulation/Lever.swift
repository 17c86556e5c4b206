package import StudioScenario

/// A number of a scenario the programme's managers set (not an assumption about the world),
/// which `studio-forecast solve` can search over: the annual quota (Art. 7), the shortlist
/// score (Art. 6), the grant per studio (Art. 11) and the annual budget.
public enum Lever: String, CaseIterable, Sendable, Hashable {
    /// `quota.per_year`: studios named a year (Art. 7), a whole number.
    case quotaPerYear = "quota.per_year"
    /// `selection.shortlist_score`: the lowest score shortlisted, 0–100 (Art. 6).
    case shortlistScore = "selection.shortlist_score"
    /// `programme.grant_yuan`: the grant per named studio in yuan (Art. 11).
    case grantYuan = "programme.grant_yuan"
    /// `budget.annual_yuan`: the annual budget in yuan.
    case annualBudgetYuan = "budget.annual_yuan"

    /// The key path in a scenario file.
    public var keyPath: String { rawValue }

    /// Whether the lever takes whole numbers only.
    package var isWholeNumber: Bool { self == .quotaPerYear }

    /// Whether the lever holds one value a year, so that `--from YEAR` can change it from a year on.
    package var isPerYear: Bool { self == .quotaPerYear || self == .annualBudgetYuan }

    /// The values searched by default: the scenario file's own bounds, narrowed for the quota
    /// and the money to what a search can cover in a few dozen runs.
    package var defaultRange: ClosedRange<Double> {
        switch self {
        case .quotaPerYear: return 0...200
        case .shortlistScore: return 0...100
        case .grantYuan: return 0...10_000_000
        case .annualBudgetYuan: return 0...1_000_000_000
        }
    }

    /// The bounds the scenario file accepts for the lever's values.
    package var validRange: ClosedRange<Double> {
        switch self {
        case .quotaPerYear: return 0...Double(ScenarioLimits.quotaPerYear)
        case .shortlistScore: return ScenarioLimits.score
        case .grantYuan: return 0...ScenarioLimits.grantYuan
        case .annualBudgetYuan: return 0...ScenarioLimits.annualBudgetYuan
        }
    }

    /// The spacing of the values searched by default: 1 studio, 0.5 points, 10,000 yuan of
    /// grant, 100,000 yuan of budget.
    package var defaultStep: Double {
        switch self {
        case .quotaPerYear: return 1
        case .shortlistScore: return 0.5
        case .grantYuan: return 10_000
        case .annualBudgetYuan: return 100_000
        }
    }

    /// The lever's value in `scenario` in forecast year `yearIndex` (0-based); nil for the annual
    /// budget of a scenario that sets none.
    package func value(in scenario: Scenario, yearIndex: Int = 0) -> Double? {
        switch self {
        case .quotaPerYear:
            return scenario.quotaPerYear.indices.contains(yearIndex) ? Double(scenario.quotaPerYear[yearIndex]) : nil
        case .shortlistScore: return scenario.selection.shortlistScore
        case .grantYuan: return scenario.grantRules.grantYuan
        case .annualBudgetYuan:
            guard let annual = scenario.budget.annualYuan, annual.indices.contains(yearIndex) else { return nil }
            return annual[yearIndex]
        }
    }

    /// `scenario` with the lever set to `value`, in every forecast year from `fromYearIndex`
    /// (0-based) on for a per-year lever; earlier years keep the scenario's values. A whole-number
    /// lever takes `value` rounded; a scenario without an annual budget gets `value` in every year.
    package func applying(_ value: Double, from fromYearIndex: Int = 0, to scenario: Scenario) -> Scenario {
        scenario.with { scenario in
            let start = min(max(fromYearIndex, 0), scenario.horizonYears)
            switch self {
            case .quotaPerYear:
                let quota = Int(value.rounded())
                for year in start..<scenario.horizonYears where scenario.quotaPerYear.indices.contains(year) {
                    scenario.quotaPerYear[year] = quota
                }
            case .shortlistScore: scenario.selection.shortlistScore = value
            case .grantYuan: scenario.grantRules.grantYuan = value
            case .annualBudgetYuan:
                var annual = scenario.budget.annualYuan ?? Array(repeating: value, count: scenario.horizonYears)
                for year in start..<annual.count { annual[year] = value }
                scenario.budget.annualYuan = annual
            }
        }
    }

    /// The lever named by `keyPath`, or nil.
    ///
    /// - Parameter keyPath: the key path in a scenario file.
    public init?(keyPath: String) { self.init(rawValue: keyPath) }

    /// The key paths of every lever, for messages.
    public static var keyPaths: String { allCases.map(\.keyPath).joined(separator: ", ") }
}
