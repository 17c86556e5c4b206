/// A scenario value scheduled by calendar year: which key it is, the years its entries start,
/// and how to set the value in force in a year (``Scenario/inForce(in:)``).
///
/// The scenario's own field holds the value in force in the start year; the schedule changes it
/// for later years.
public struct CalendarSchedule: Sendable {
    /// The key path in the scenario file, such as `assessment.pass_probability.in_cycle`.
    public let keyPath: String
    /// The years at which each entry starts (the first entry also holds before its year).
    public let years: [Int]
    /// Sets the value in force in a calendar year.
    private let apply: @Sendable (inout Scenario, Int) -> Void

    /// A calendar schedule of `schedule` for the key `keyPath`, set in a scenario by `assign`.
    package init<Value: Sendable>(
        keyPath: String, schedule: Schedule<Value>, assign: @escaping @Sendable (inout Scenario, Value) -> Void
    ) {
        self.keyPath = keyPath
        years = schedule.years
        apply = { scenario, year in assign(&scenario, schedule.value(in: year)) }
    }

    /// Sets the value in force in `year` in `scenario`.
    package func apply(in year: Int, to scenario: inout Scenario) { apply(&scenario, year) }
}
