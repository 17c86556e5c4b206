import Foundation

extension ForecastFolder {
    /// A sweep's whole folder, exactly as `studio-forecast sweep` writes it: `sweep.csv` (one row
    /// per point and year), `run.json` and `sweep.xlsx`.
    ///
    /// - Parameters:
    ///   - comparison: every point's forecast on common random numbers, in ``SweepGrid/points``
    ///     order, and each point's paired difference against the first (`ComparisonFiles.sweepDifferences`).
    ///   - grid: the grid swept.
    ///   - scenario: the scenario swept, before any point's overrides; its name heads the workbook.
    ///   - provenance: the record written to `run.json`; by default one of method `sweep` for
    ///     `scenario`, finishing now.
    ///   - language: the language of `sweep.xlsx`.
    /// - Throws: ``ForecastFolderError`` for a record JSON cannot hold, which a record never is.
    public init(
        sweep comparison: Comparison, grid: SweepGrid, scenario: Scenario, provenance: RunProvenance? = nil,
        language: ScenarioExplanation.Language = .zh
    ) throws(ForecastFolderError) {
        let csv = ComparisonFiles.sweepCSV(
            keys: grid.keyPaths, points: grid.points.map { $0.map(\.value) }, comparison: comparison)
        let provenance =
            provenance
            ?? Self.provenance(
                scenario, method: .sweep, replications: comparison.forecasts.first?.replications ?? 0)
        let json = try ForecastFolderError.json(of: provenance)
        self.init(files: [("sweep.csv", csv), ("run.json", json)])
        add(
            .table(
                .sweep, scenarioName: scenario.name, csv: csv, provenanceJSON: json, language: language, measure: nil))
    }

    /// A sensitivity analysis's whole folder, exactly as `studio-forecast sensitivity` writes it:
    /// `variance-shares.csv` when there are shares, `sensitivity.csv`, `report.html` (the
    /// tornado), `run.json` and `sensitivity.xlsx`.
    ///
    /// - Parameters:
    ///   - effects: each input's effect, largest first (`SensitivityAnalysis/run(threads:progress:)`).
    ///   - base: the unchanged scenario, as run.
    ///   - measure: the output measured.
    ///   - replications: the replications each scenario ran.
    ///   - shares: the variance shares over the uncertain inputs, with the output they are of
    ///     (`SensitivityAnalysis/varianceShares(threads:progress:)`), for a scenario with uncertain inputs.
    ///   - provenance: the record written to `run.json`; by default one of method `sensitivity`
    ///     for `base`, finishing now.
    ///   - language: the language of `report.html` and `sensitivity.xlsx`.
    /// - Throws: ``ForecastFolderError`` for a record JSON cannot hold, which a record never is.
    public init(
        sensitivity effects: [SensitivityAnalysis.Effect], of base: Scenario, measure: OutputMeasure,
        replications: Int, shares: VarianceSharesReport? = nil,
        provenance: RunProvenance? = nil, language: ScenarioExplanation.Language = .zh
    ) throws(ForecastFolderError) {
        let csv = ComparisonFiles.sensitivityCSV(effects, measure: measure)
        let provenance =
            provenance ?? Self.provenance(base, method: .sensitivity, replications: replications)
        let json = try ForecastFolderError.json(of: provenance)
        var files: [(name: String, contents: String)] = []
        if let shares {
            files.append(
                (VarianceSharesReport.fileName,
                 VarianceSharesFile.csv(scenario: base.name, output: shares.output, shares: shares.shares)))
        }
        files.append(("sensitivity.csv", csv))
        files.append(
            ("report.html",
             SensitivityReport(
                effects: effects, measure: measure, scenarioName: base.name, replications: replications,
                language: language
             ).render()))
        files.append(("run.json", json))
        self.init(files: files)
        add(
            .table(
                .sensitivity, scenarioName: base.name, csv: csv, provenanceJSON: json, language: language,
                measure: measure))
    }

    /// A solve's whole folder, exactly as `studio-forecast solve` writes it: `solve.csv` (every
    /// value evaluated against every constraint), `run.json` and `solve.xlsx`.
    ///
    /// - Parameters:
    ///   - answer: the search's answer (`LeverSolver/solve(threads:progress:)`).
    ///   - solver: the search, whose scenario was solved.
    ///   - provenance: the record written to `run.json`; by default one of method `solve` for
    ///     the solver's scenario, finishing now.
    ///   - language: the language of `solve.xlsx`.
    /// - Throws: ``ForecastFolderError`` for a record JSON cannot hold, which a record never is.
    public init(
        solve answer: LeverSolver.Answer, solver: LeverSolver, provenance: RunProvenance? = nil,
        language: ScenarioExplanation.Language = .zh
    ) throws(ForecastFolderError) {
        let scenario = solver.scenario
        let csv = SolveFiles.solveCSV(answer, solver: solver)
        let provenance =
            provenance ?? Self.provenance(scenario, method: .solve, replications: scenario.simulation.replications)
        let json = try ForecastFolderError.json(of: provenance)
        self.init(files: [("solve.csv", csv), ("run.json", json)])
        add(
            .table(
                .solve, scenarioName: scenario.name, csv: csv, provenanceJSON: json, language: language, measure: nil))
    }

    /// The default record of an analysis of `scenario`, read from the file it was loaded from,
    /// on the threads a ``Simulation`` uses, finishing now.
    private static func provenance(_ scenario: Scenario, method: RunMethod, replications: Int) -> RunProvenance {
        RunProvenance(
            scenario: scenario, path: scenario.source?.path ?? "", method: method, replications: replications,
            threads: Simulation(scenario).threads, started: Date())
    }
}
