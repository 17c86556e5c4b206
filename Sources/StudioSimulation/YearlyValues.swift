import StudioRules
import StudioScenario

/// The scenario values in force in each forecast year that the simulator reads within the year,
/// computed once per run from the scenario's calendar schedules, so that the replications read
/// arrays rather than schedules.
struct YearlyValues: Sendable {
    /// The chance a named studio is found cheating, per forecast year (Art. 15).
    let fraudProbability: [Double]
    /// Whether any year has fraud, so that earned tranches are kept for recovery.
    let hasFraud: Bool
    /// The Art. 12 subsidies per forecast year.
    let subsidies: [SubsidyParameters]
    /// The applicant pool's yearly settings per forecast year, when the scenario has a pool.
    let pool: [ApplicantPool.YearSettings]
    /// Whether the pool's settings differ between years, so that each year sets its own.
    let poolChanges: Bool

    /// The values of each year's scenario in force (``Scenario/yearViews``).
    init(views: [Scenario]) {
        fraudProbability = views.map(\.fraud.detectionProbability)
        hasFraud = fraudProbability.contains { $0 > 0 }
        subsidies = views.map(\.subsidies)
        let pool = views.compactMap { view in
            view.applicants.map {
                ApplicantPool.YearSettings(
                    parameters: $0, rules: view.selection, fraudProbability: view.fraud.applicantDetectionProbability)
            }
        }
        self.pool = pool
        poolChanges = pool.count > 1 && pool.dropFirst().contains { $0 != pool[0] }
    }
}
