/// Building a forecast from per-cell statistics, the one layout the Monte Carlo accumulator
/// and the exact evaluator share.
extension Forecast {
    /// A forecast whose year cells are `yearCell(year, metric)` for each forecast year (0-based)
    /// and year metric, and whose cohort cells are `cohortCell(cohort, age, metric)` for each
    /// cohort (0-based naming year), age the horizon reaches (from 1) and cohort metric, in that
    /// order, leaving out those it gives as nil.
    init(
        scenarioName: String, method: Method, replications: Int, startYear: Int, horizon: Int, catalog: MetricCatalog,
        yearCell: (_ year: Int, _ metric: Int) -> StatisticSummary,
        cohortCell: (_ cohort: Int, _ age: Int, _ metric: Int) -> StatisticSummary?
    ) {
        let yearly = (0..<horizon).map { year in catalog.yearMetrics.indices.map { yearCell(year, $0) } }
        var cohorts: [CohortCell] = []
        for cohort in 0..<horizon {
            for age in 1...(horizon - cohort) {
                for metric in catalog.cohortMetrics.indices {
                    guard let summary = cohortCell(cohort, age, metric) else { continue }
                    cohorts.append(CohortCell(cohortYear: startYear + cohort, age: age, metric: metric, summary: summary))
                }
            }
        }
        self.init(
            scenarioName: scenarioName, method: method, replications: replications,
            years: Array(startYear..<(startYear + horizon)), catalog: catalog, yearly: yearly, cohorts: cohorts)
    }
}
