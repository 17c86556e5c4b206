/// A problem a valid scenario file meets only when it is run — the exact evaluator does not
/// cover it, it sets no budget to solve against — located in that file:
/// `scenarios/x.yaml: <the problem>`.
///
/// ```swift
/// do {
///     forecast = try Simulation(scenario).expectations()
/// } catch {
///     throw ScenarioRunError(file: path, problem: error)
/// }
/// ```
public struct ScenarioRunError: StudioForecastError {
    /// The scenario file, as the user named it.
    public var file: String
    /// The problem.
    public var problem: any StudioForecastError

    /// The problem `problem` of the scenario file `file`.
    ///
    /// - Parameters:
    ///   - file: the scenario file, as the user named it.
    ///   - problem: what is wrong when it runs.
    public init(file: String, problem: any StudioForecastError) {
        self.file = file
        self.problem = problem
    }

    /// The problem's own location, in `file`.
    public var location: ProblemLocation {
        var location = problem.location
        location.file = file
        return location
    }

    /// The problem's own category.
    public var category: ProblemCategory { problem.category }

    /// `file: problem`, one line.
    public var description: String { "\(file): \(problem)" }
}
