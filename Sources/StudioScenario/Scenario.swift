public import StudioRules

/// A validated scenario: the programme, its rules, the assessment model and the simulation settings.
///
/// Scenario files decode into this value through ``ScenarioLoader``; everything downstream
/// (the engine, the exact evaluator, the writers) reads only this value.
public struct Scenario: Sendable {
    /// The scenario's name, used in output rows and the default output folder.
    public var name: String
    /// The first calendar year forecast.
    public var startYear: Int
    /// How many calendar years are forecast (1...50).
    public var horizonYears: Int
    /// Monte Carlo settings; command-line options override them.
    public var simulation: SimulationSettings
    /// The grant and strike rules by naming year (Art. 11, Art. 14): a cohort keeps the rules in
    /// force when it was named, and studios named before the forecast follow those of their year.
    public var cohortRules: Schedule<GrantRules>
    /// Studios named each forecast year, one entry per year (the annual quota of Art. 7).
    public var quotaPerYear: [Int]
    /// The annual assessment's pass probabilities (Art. 11, Art. 14).
    public var assessment: AssessmentParameters
    /// Studios named before `startYear`, with their state at the end of the year before it.
    public var existingStudios: [ExistingStudioGroup]
    /// The applicant pool; without one, every quota place is filled every year.
    public var applicants: ApplicantParameters?
    /// Shortlisting, ranking and the public notice (Art. 7); used with an applicant pool.
    public var selection: SelectionRules
    /// The assessment standard's items, if the scenario splits scores into them.
    public var rubric: ScoringRubric?
    /// The extra subsidies of Art. 12.
    public var subsidies: SubsidyParameters
    /// Detection and recovery of falsified records (Art. 15).
    public var fraud: FraudParameters
    /// Budgets and discounting.
    public var budget: BudgetParameters

    /// Values that change by calendar year; each field above holds its value in the start year.
    public var calendarSchedules: [CalendarSchedule] = []

    /// The assumptions given as distributions; each field above holds its distribution's
    /// central value, and ``drawn(_:)`` sets the values one replication drew.
    public var uncertainInputs = UncertainInputs()

    /// The file the scenario was read from, with the bytes parsed; `nil` for a scenario built in
    /// code or decoded from text. Variants made with overrides keep their file's source.
    package var source: ScenarioSource?
    /// What the scenario file leaves to a default a reader should know of (such as tranches
    /// earned before the start year that a payment lag leaves unpaid), each located like an error.
    public var warnings: [ScenarioError] = []

    /// Creates a scenario. Values are not validated here; ``ScenarioLoader`` validates files.
    ///
    /// - Parameters:
    ///   - name: the scenario's name, used in output rows and the default output folder.
    ///   - startYear: the first calendar year forecast.
    ///   - horizonYears: how many calendar years are forecast (1...50).
    ///   - simulation: monte Carlo settings; command-line options override them.
    ///   - grantRules: the grant rules of the earliest cohort; setting them gives every cohort these rules.
    ///   - quotaPerYear: studios named each forecast year, one entry per year (the annual quota of Art. 7).
    ///   - assessment: the annual assessment's pass probabilities (Art. 11, Art. 14).
    ///   - existingStudios: studios named before `startYear`, with their state at the end of the year before
    ///     it.
    ///   - applicants: the applicant pool; without one, every quota place is filled every year.
    ///   - selection: shortlisting, ranking and the public notice (Art. 7); used with an applicant pool.
    ///   - rubric: the assessment standard's items, if the scenario splits scores into them.
    ///   - subsidies: the extra subsidies of Art. 12.
    ///   - fraud: detection and recovery of falsified records (Art. 15).
    ///   - budget: budgets and discounting.
    public init(
        name: String = "scenario",
        startYear: Int = 2026,
        horizonYears: Int = 10,
        simulation: SimulationSettings = SimulationSettings(),
        grantRules: GrantRules = .measures,
        quotaPerYear: [Int]? = nil,
        assessment: AssessmentParameters = AssessmentParameters(),
        existingStudios: [ExistingStudioGroup] = [],
        applicants: ApplicantParameters? = nil,
        selection: SelectionRules = SelectionRules(),
        rubric: ScoringRubric? = nil,
        subsidies: SubsidyParameters = SubsidyParameters(),
        fraud: FraudParameters = FraudParameters(),
        budget: BudgetParameters = BudgetParameters()
    ) {
        self.name = name
        self.startYear = startYear
        self.horizonYears = horizonYears
        self.simulation = simulation
        self.cohortRules = Schedule(grantRules)
        self.quotaPerYear = quotaPerYear ?? Array(repeating: 5, count: horizonYears)
        self.assessment = assessment
        self.existingStudios = existingStudios
        self.applicants = applicants
        self.selection = selection
        self.rubric = rubric
        self.subsidies = subsidies
        self.fraud = fraud
        self.budget = budget
    }

    /// The grant rules of the earliest cohort; setting them gives every cohort these rules.
    public var grantRules: GrantRules {
        get { cohortRules.first }
        set { cohortRules = Schedule(newValue) }
    }

    /// The grant rules of the studios named in calendar year `namedYear` (Art. 11).
    ///
    /// - Parameter namedYear: the calendar year the cohort was named.
    /// - Returns: the rules that cohort follows.
    public func rules(forCohortNamedIn namedYear: Int) -> GrantRules { cohortRules.value(in: namedYear) }

    /// Whether any value changes by calendar year or by cohort.
    public var hasSchedules: Bool { !calendarSchedules.isEmpty || !cohortRules.isConstant }

    /// The scenario with every calendar-year schedule set to its value in force in `calendarYear`.
    ///
    /// - Parameter calendarYear: the calendar year.
    /// - Returns: the scenario as it stands in that year.
    public func inForce(in calendarYear: Int) -> Scenario {
        guard !calendarSchedules.isEmpty else { return self }
        var view = self
        for schedule in calendarSchedules { schedule.apply(in: calendarYear, to: &view) }
        return view
    }

    /// The scenario in force in each forecast year, in order (see ``inForce(in:)``).
    public var yearViews: [Scenario] { years.map(inForce(in:)) }

    /// Whether any assumption is given as a distribution.
    public var hasUncertainInputs: Bool { !uncertainInputs.isEmpty }

    /// The scenario in force in one replication: each uncertain input set to its value in
    /// `values` (one per input, in ``UncertainInputs/inputs`` order).
    package func drawn(_ values: [Double]) -> Scenario { uncertainInputs.applying(values, to: self) }

    /// The calendar years forecast.
    public var years: Range<Int> { startYear..<(startYear + horizonYears) }

    /// Returns a copy with the given changes applied.
    ///
    /// - Parameter change: edits the copy, such as `{ $0.quota = .perYear(6) }`.
    /// - Returns: the changed copy.
    public func with(_ change: (inout Scenario) -> Void) -> Scenario {
        var copy = self
        change(&copy)
        return copy
    }
}
