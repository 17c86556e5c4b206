import Benchmark
import StudioScenario
import StudioSimulation

/// Registers the analyst commands on the baseline (`scenarios/nanchang-baseline.yaml`, taus2,
/// ``analystReplications``), as the command line runs them but through the library, and the one
/// keyed run they are measured against:
///
/// - "Analyst run": one run of the baseline;
/// - "Analyst compare": the baseline against `larger-quota.yaml` (`ComparisonEngine`), target ≤ 2.2× the run;
/// - "Analyst sweep 3": `sweep --set quota.per_year=4,5,6`, target ≤ 3.2× the run;
/// - "Analyst solve-quota": `solve-quota --budget-breach-max 0.05` (`QuotaSolver`), target ≤ 8× the run;
/// - "Analyst sensitivity": `sensitivity --step 0.1` (`SensitivityAnalysis`), target ≤ (2p + 1)× the
///   run for its p parameters (printed once when it is set up).
func analystBenchmarks() {
    let baseline = shippedScenarioPath("nanchang-baseline.yaml")
    let replications = analystReplications
    let settings: @Sendable (Scenario) -> Scenario = {
        $0.with {
            $0.simulation.generator = "taus2"
            $0.simulation.replications = replications
        }
    }
    let iterations = 3
    let limit = Duration.seconds(300)

    Benchmark("Analyst run", configuration: configuration(maxIterations: iterations, maxDuration: limit)) {
        (benchmark: Benchmark, scenario: Scenario) throws in
        blackHole(try MonteCarloEngine(scenario: scenario).run(threads: 2))
    } setup: {
        settings(try ScenarioLoader().load(path: baseline))
    }

    Benchmark("Analyst compare", configuration: configuration(maxIterations: iterations, maxDuration: limit))
    {
        (benchmark: Benchmark, engine: ComparisonEngine) throws in
        blackHole(try engine.run(threads: 2))
    } setup: {
        try ComparisonEngine(scenarios: [
            settings(try ScenarioLoader().load(path: baseline)),
            settings(try ScenarioLoader().load(path: shippedScenarioPath("larger-quota.yaml"))),
        ])
    }

    Benchmark("Analyst sweep 3", configuration: configuration(maxIterations: iterations, maxDuration: limit))
    {
        (benchmark: Benchmark, engine: ComparisonEngine) throws in
        blackHole(try engine.run(threads: 2))
    } setup: {
        // As `sweep` runs it: the forecasts of every point, and the one paired difference sweep.csv reports.
        try ComparisonEngine(
            scenarios: try [4, 5, 6].map { quota in
                settings(
                    try ScenarioLoader().load(
                        path: baseline,
                        overrides: [ScenarioOverride(keyPath: "quota.per_year", value: "\(quota)")]))
            }, differences: .only([.cumulativeNetOutflow]))
    }

    Benchmark(
        "Analyst solve-quota", configuration: configuration(maxIterations: iterations, maxDuration: limit)
    ) {
        (benchmark: Benchmark, solver: QuotaSolver) throws in
        let answer = try solver.solve(threads: 2)
        let replications = solver.scenario.simulation.replications
        let full = answer.evaluations.count { $0.replications == replications }
        print(
            "solve-quota: quota \(answer.quota.map(String.init) ?? "none") after "
                + "\(answer.evaluations.count - full) runs of \(solver.bracketingReplications) replications "
                + "and \(full) of \(replications)"
        )
        blackHole(answer)
    } setup: {
        try QuotaSolver(scenario: settings(try ScenarioLoader().load(path: baseline)), limit: 0.05)
    }

    Benchmark(
        "Analyst sensitivity", configuration: configuration(maxIterations: iterations, maxDuration: limit)
    ) {
        (benchmark: Benchmark, analysis: SensitivityAnalysis) throws in
        blackHole(try analysis.run(threads: 2))
    } setup: {
        let analysis = try SensitivityAnalysis(
            path: baseline, step: 0.1, loader: ScenarioLoader(), prepare: settings)
        let moved = analysis.variants.reduce(0) { $0 + ($1.low == nil ? 0 : 1) + ($1.high == nil ? 0 : 1) }
        print(
            "sensitivity: p = \(analysis.variants.count) parameters, \(moved) moved scenarios beside the base"
        )
        return analysis
    }
}
