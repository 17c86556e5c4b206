public import StudioScenario

/// Finds the largest (or smallest) value of a ``Lever`` at which every ``SolveConstraint`` holds
/// (`studio-forecast solve`), such as the largest quota whose chance of a breach in any year of
/// the horizon stays within 5%, or the smallest annual budget that keeps it there.
///
/// The lever's values form a grid: `range` in steps of `step` (whole studios for the quota). The
/// search walks the grid from the end the objective starts from — the range's low end when
/// maximising, its high end when minimising — and looks for the last grid point at which every
/// constraint still holds, exactly as ``QuotaSolver`` does for the quota: it brackets the answer
/// by doubling and bisection on the first 1/``QuotaSolver/bracketingShare`` of the replications,
/// then confirms it at the full replications next to a point beyond. Every value runs on common
/// random numbers (keyed streams, the same seed), so neighbouring values differ by the lever's
/// effect, not by noise. The search assumes each constraint, once broken along that walk, stays
/// broken; ``Answer/monotonicity`` reports every constraint whose value does not move one way
/// along the values evaluated, and whether the constraints held, then failed, in order.
public struct LeverSolver: Sendable {
    /// Which end of the lever's range is wanted.
    public enum Objective: String, Sendable, Hashable, CaseIterable {
        /// The largest value meeting every constraint.
        case maximize
        /// The smallest value meeting every constraint.
        case minimize
    }

    /// Every constraint's measure at one value of the lever.
    public struct Evaluation: Sendable, Hashable {
        /// The grid position, counted from the end the search starts from.
        public var position: Int
        /// The lever's value.
        public var value: Double
        /// Each constraint's measure, in the order of ``LeverSolver/constraints``.
        public var measures: [MeasuredValue]
        /// Whether each constraint holds.
        public var holds: [Bool]
        /// The replications run: the scenario's, or the first of them in the bracketing pass.
        public var replications: Int

        /// Whether every constraint holds.
        public var holdsAll: Bool { !holds.contains(false) }
    }

    /// A constraint whose value did not move one way along the values evaluated.
    public struct MonotonicityProblem: Sendable, Hashable {
        /// The constraint's index, or nil when the problem is the constraints' joint pattern (they
        /// held, failed, then held again along the search).
        public var constraint: Int?
        /// The first evaluation, the one where the value turned and the next, in the lever's order;
        /// for the pattern, the first failing and the next holding again.
        public var points: [Evaluation]
        /// The replications of the evaluations checked.
        public var replications: Int
    }

    /// The answer and how it was found.
    public struct Answer: Sendable {
        /// The value found: the last grid point from the starting end at which every constraint
        /// holds; nil when none holds even at the starting end.
        public var value: Double?
        /// The evaluation at the answer (at the scenario's replications).
        public var atAnswer: Evaluation?
        /// The evaluation one step beyond the answer, the first at which a constraint fails;
        /// at the starting end when there is no answer; nil when the answer is the range's end.
        public var beyond: Evaluation?
        /// Every evaluation, in the order made.
        public var evaluations: [Evaluation]
        /// Whether every value up to the range's far end meets the constraints: the answer is
        /// then the end of the range searched, not the boundary.
        public var reachedEnd: Bool
        /// Every departure from monotonicity seen along the search.
        public var monotonicity: [MonotonicityProblem]
    }

    /// The scenario; the lever's value is replaced.
    public let scenario: Scenario
    /// The lever searched.
    public let lever: Lever
    /// The forecast year (0-based) from which a per-year lever is changed; 0 for every year.
    package let fromYearIndex: Int
    /// Which end is wanted.
    public let objective: Objective
    /// The constraints, each with its window resolved against the scenario.
    public let constraints: [SolveConstraint]
    /// Each constraint's measure in a forecast of the scenario.
    public let measures: [OutputMeasure]
    /// The values searched.
    public let range: ClosedRange<Double>
    /// The grid's spacing.
    public let step: Double

    /// The largest number of grid steps a search may span.
    package static let maximumSteps = 1_000_000

    /// Creates a solver.
    ///
    /// - Parameters:
    ///   - fromYear: the calendar year from which a per-year lever changes (nil: every year).
    ///   - range: the values searched (default ``Lever/defaultRange``).
    ///   - step: the grid's spacing (default ``Lever/defaultStep``); whole for the quota.
    /// - Throws: ``LeverSolverError`` for no constraint, a constraint the forecast cannot give,
    ///   a range outside the lever's bounds (or not whole for the quota), a step that does not fit it, or `fromYear` outside
    ///   the horizon or given for a lever that holds one value for every year, or a value of the
    ///   scenario, with the lever at either end of the range, that no scenario file allows
    ///   (``LeverSolverError/invalidScenario(_:)``, see ``Scenario/validate()``).
    public init(
        scenario: Scenario, lever: Lever, objective: Objective, constraints: [SolveConstraint],
        fromYear: Int? = nil, range: ClosedRange<Double>? = nil, step: Double? = nil
    ) throws(LeverSolverError) {
        guard !constraints.isEmpty else { throw .noConstraint }
        let range = range ?? lever.defaultRange
        guard range.lowerBound.isFinite, range.upperBound.isFinite,
            lever.validRange.contains(range.lowerBound), lever.validRange.contains(range.upperBound)
        else { throw .rangeOutOfBounds(lever, range) }
        guard !lever.isWholeNumber || (range.lowerBound.rounded() == range.lowerBound && range.upperBound.rounded() == range.upperBound)
        else { throw .rangeNotWhole(lever, range) }
        let step = step ?? lever.defaultStep
        guard step.isFinite, step > 0, !lever.isWholeNumber || step.rounded() == step else {
            throw .badStep(lever, step)
        }
        guard (range.upperBound - range.lowerBound) / step <= Double(Self.maximumSteps) else {
            throw .tooManySteps(lever, range, step)
        }
        var fromYearIndex = 0
        if let fromYear {
            guard lever.isPerYear else { throw .fromYearForSingleValue(lever) }
            guard scenario.years.contains(fromYear) else {
                throw .fromYearOutOfRange(fromYear, first: scenario.startYear, last: scenario.startYear + scenario.horizonYears - 1)
            }
            fromYearIndex = fromYear - scenario.startYear
        }
        // A budget lever gives a scenario without one the budget metrics the constraints read.
        let probe = lever.applying(range.lowerBound, from: fromYearIndex, to: scenario)
        do {
            try scenario.validate()
            try probe.validate()
            try lever.applying(range.upperBound, from: fromYearIndex, to: scenario).validate()
        } catch {
            throw .invalidScenario(error)
        }
        var measures: [OutputMeasure] = []
        for constraint in constraints {
            let measure = constraint.measure(for: probe)
            do {
                _ = try measure.reading(for: probe)
            } catch {
                throw .measure(constraint, error)
            }
            measures.append(measure)
        }
        self.scenario = scenario
        self.lever = lever
        self.fromYearIndex = fromYearIndex
        self.objective = objective
        self.constraints = constraints
        self.measures = measures
        self.range = range
        self.step = step
    }

    /// The number of steps from the starting end to the far end of the range.
    package var lastPosition: Int { Int(((range.upperBound - range.lowerBound) / step + 1e-9).rounded(.down)) }

    /// The lever's value at grid `position`, counted from the end the search starts from.
    ///
    /// - Parameter position: the grid position, 0 at the starting end.
    /// - Returns: the lever's value there.
    public func value(at position: Int) -> Double {
        switch objective {
        case .maximize: return min(range.lowerBound + Double(position) * step, range.upperBound)
        case .minimize: return max(range.upperBound - Double(position) * step, range.lowerBound)
        }
    }

    /// The replications a value runs in the bracketing pass (0: no bracketing pass).
    public var bracketingReplications: Int { scenario.simulation.replications / QuotaSolver.bracketingShare }

    /// Every constraint's measure at grid `position`, over the first `replications` of the
    /// scenario's keyed replications.
    ///
    /// - Throws: ``LeverSolverError/generator(_:)`` for a generator name GSL does not know.
    package func evaluate(position: Int, replications: Int, threads: Int) throws(LeverSolverError) -> Evaluation {
        let value = value(at: position)
        let variant = lever.applying(value, from: fromYearIndex, to: scenario)
        let count = min(max(replications, 0), scenario.simulation.replications)
        let forecast: Forecast
        do {
            forecast = try MonteCarloEngine(scenario: variant).run(replications: 0..<count, threads: threads)
        } catch {
            throw .generator(error)
        }
        var values: [MeasuredValue] = []
        for (constraint, measure) in zip(constraints, measures) {
            do {
                values.append(try measure.value(in: forecast, of: variant))
            } catch {
                throw .measure(constraint, error)
            }
        }
        let holds = zip(constraints, values).map { constraint, measured in
            constraint.comparison.holds(measured.value, constraint.bound)
        }
        return Evaluation(position: position, value: value, measures: values, holds: holds, replications: count)
    }

    /// Searches for the answer: brackets it on the first ``bracketingReplications``, then
    /// confirms it at the scenario's replications.
    ///
    /// - Parameters:
    ///   - threads: the worker threads; the answer does not depend on them.
    ///   - progress: called with each evaluation as it is made.
    /// - Returns: the answer, every evaluation made and any monotonicity problem seen.
    /// - Throws: ``LeverSolverError/generator(_:)`` for a generator name GSL does not know.
    public func solve(threads: Int, progress: ((Evaluation) -> Void)? = nil) throws(LeverSolverError) -> Answer {
        try Self.solve(
            lastPosition: lastPosition, replications: scenario.simulation.replications,
            coarse: bracketingReplications, constraintCount: constraints.count, progress: progress
        ) { (position, replications) throws(LeverSolverError) in
            try evaluate(position: position, replications: replications, threads: threads)
        }
    }

    /// The search itself, over any evaluation: used by ``solve(threads:progress:)`` and by tests
    /// that give it a constraint built to turn.
    static func solve<E: Error>(
        lastPosition: Int, replications full: Int, coarse: Int, constraintCount: Int,
        progress: ((Evaluation) -> Void)?, evaluate: (Int, Int) throws(E) -> Evaluation
    ) throws(E) -> Answer {
        var evaluations: [Int: [Int: Evaluation]] = [:]
        var order: [Evaluation] = []
        func holds(_ position: Int, replications: Int) throws(E) -> Bool {
            if let known = evaluations[replications]?[position] { return known.holdsAll }
            let evaluation = try evaluate(position, replications)
            evaluations[replications, default: [:]][position] = evaluation
            order.append(evaluation)
            progress?(evaluation)
            return evaluation.holdsAll
        }
        let found = try QuotaSolver.bracketedSearch(maxQuota: lastPosition, coarse: coarse, full: full) {
            (position, replications) throws(E) in try holds(position, replications: replications)
        }
        let atFull = evaluations[full] ?? [:]
        var problems: [MonotonicityProblem] = []
        for replications in evaluations.keys.sorted(by: >) {
            let path = (evaluations[replications] ?? [:]).values.sorted { $0.position < $1.position }
            problems += monotonicityProblems(along: path, constraintCount: constraintCount, replications: replications)
        }
        guard let found else {
            return Answer(
                value: nil, atAnswer: nil, beyond: atFull[0], evaluations: order, reachedEnd: false,
                monotonicity: problems)
        }
        return Answer(
            value: atFull[found]?.value, atAnswer: atFull[found], beyond: found < lastPosition ? atFull[found + 1] : nil,
            evaluations: order, reachedEnd: found == lastPosition, monotonicity: problems)
    }

    /// The departures from monotonicity along `path` (evaluations in grid order): each
    /// constraint whose value rises then falls (or falls then rises), with the first point, the
    /// point where it turned and the next, and a pattern in which the constraints fail and then hold again.
    static func monotonicityProblems(
        along path: [Evaluation], constraintCount: Int, replications: Int
    ) -> [MonotonicityProblem] {
        var problems: [MonotonicityProblem] = []
        for index in 0..<constraintCount {
            let points = path.filter { $0.measures.indices.contains(index) && !$0.measures[index].value.isNaN }
            var sign = 0
            for position in points.indices.dropFirst() {
                let change = points[position].measures[index].value - points[position - 1].measures[index].value
                guard change != 0 else { continue }
                let direction = change > 0 ? 1 : -1
                if sign == 0 {
                    sign = direction
                } else if direction != sign {
                    problems.append(
                        MonotonicityProblem(
                            constraint: index, points: [points[0], points[position - 1], points[position]],
                            replications: replications))
                    break
                }
            }
        }
        if let failed = path.firstIndex(where: { !$0.holdsAll }),
            let recovered = path[failed...].first(where: \.holdsAll)
        {
            problems.append(MonotonicityProblem(constraint: nil, points: [path[failed], recovered], replications: replications))
        }
        return problems
    }
}

/// `solve` cannot search.
public enum LeverSolverError: Error, Sendable, CustomStringConvertible {
    /// No constraint was given.
    case noConstraint
    /// A constraint's measure cannot be read from the scenario's forecast.
    case measure(SolveConstraint, OutputMeasureError)
    /// The range searched lies outside the lever's bounds.
    case rangeOutOfBounds(Lever, ClosedRange<Double>)
    /// The range's ends are not whole for a whole-number lever.
    case rangeNotWhole(Lever, ClosedRange<Double>)
    /// The grid's spacing is not positive, or not whole for a whole-number lever.
    case badStep(Lever, Double)
    /// The range holds more than ``LeverSolver/maximumSteps`` steps.
    case tooManySteps(Lever, ClosedRange<Double>, Double)
    /// `--from` was given for a lever with one value for every year.
    case fromYearForSingleValue(Lever)
    /// `--from` lies outside the horizon.
    case fromYearOutOfRange(Int, first: Int, last: Int)
    /// The scenario's generator is not one GSL knows.
    case generator(UnknownGeneratorError)
    /// A value of the scenario is one no scenario file allows (``Scenario/validate()``).
    case invalidScenario(InvalidScenarioError)

    /// One line saying what to change.
    public var description: String {
        switch self {
        case .noConstraint:
            return "give at least one --constraint, such as --constraint 'any_budget_breach mean <= 0.05'"
        case .measure(let constraint, let error):
            return "--constraint '\(constraint)': \(error)"
        case .rangeOutOfBounds(let lever, let range):
            return "--range \(NumericParameter.text(range.lowerBound)):\(NumericParameter.text(range.upperBound)) is outside "
                + "\(lever.keyPath)'s bounds \(NumericParameter.text(lever.validRange.lowerBound))...\(NumericParameter.text(lever.validRange.upperBound))"
        case .rangeNotWhole(let lever, let range):
            return "--range \(NumericParameter.text(range.lowerBound)):\(NumericParameter.text(range.upperBound)) must have whole ends for \(lever.keyPath)"
        case .badStep(let lever, let step):
            return "--step \(NumericParameter.text(step)) must be above 0\(lever.isWholeNumber ? " and whole for \(lever.keyPath)" : "")"
        case .tooManySteps(let lever, let range, let step):
            return "--range \(NumericParameter.text(range.lowerBound)):\(NumericParameter.text(range.upperBound)) in steps of "
                + "\(NumericParameter.text(step)) is more than \(LeverSolver.maximumSteps) values of \(lever.keyPath); narrow it or raise --step"
        case .fromYearForSingleValue(let lever):
            return "--from: \(lever.keyPath) holds one value for every year; --from applies to quota.per_year and budget.annual_yuan"
        case .fromYearOutOfRange(let year, let first, let last):
            return "--from \(year) is outside the forecast's years \(first)–\(last)"
        case .generator(let error): return error.description
        case .invalidScenario(let error): return error.description
        }
    }
}

extension LeverSolverError: StudioForecastError {
    /// The scenario's generator or invalid value; none for an argument.
    public var location: ProblemLocation {
        if case .generator(let error) = self { return error.location }
        if case .invalidScenario(let error) = self { return error.location }
        return .none
    }

    /// The generator and an invalid value are the scenario's; the rest are arguments.
    public var category: ProblemCategory {
        if case .generator = self { return .badInput }
        if case .invalidScenario = self { return .badInput }
        return .badArgument
    }
}
