import Foundation

extension ForecastFolder {
    /// A run's whole folder, exactly as `studio-forecast run` writes it: `forecast.csv`,
    /// `summary.csv`, `cohorts.csv`, `inputs.csv` when the scenario has uncertain inputs,
    /// `run.json`, `report.html` and `forecast.xlsx`.
    ///
    /// ```swift
    /// let forecast = try Simulation(baseline).run(replications: 20_000)
    /// try ForecastFolder(run: forecast, of: baseline).write(to: URL(fileURLWithPath: "out/mine"), force: true)
    /// ```
    ///
    /// The workbook is written with the other files, by ``write(to:force:)``, all or nothing.
    ///
    /// - Parameters:
    ///   - forecast: the forecast of `scenario`.
    ///   - scenario: the scenario run, with the seed and generator used.
    ///   - provenance: the record written to `run.json` and the workbook's last sheet; by default
    ///     `RunProvenance(forecast:of:threads:started:)`, finishing now.
    ///   - language: the language of `report.html` and `forecast.xlsx`.
    ///   - format: a byte-order mark and the language of `summary.csv`'s headings.
    /// - Throws: ``ForecastFolderError`` when the scenario's generator is not one GSL knows (the
    ///   uncertain inputs are drawn again), or for a record JSON cannot hold, which a record never is.
    public init(
        run forecast: Forecast, of scenario: Scenario, provenance: RunProvenance? = nil,
        language: ScenarioExplanation.Language = .zh, format: CSVFormat = CSVFormat()
    ) throws(ForecastFolderError) {
        let provenance = provenance ?? RunProvenance(forecast: forecast, of: scenario)
        let json = try ForecastFolderError.json(of: provenance)
        self.init(forecast, format: format)
        for file in try UncertainInputFiles.files(
            scenario, replications: 0..<forecast.replications, keepingReplications: false)
        {
            add(file.name, contents: file.contents)
        }
        add("run.json", contents: json)
        add("report.html", contents: HTMLReport(forecast: forecast, scenario: scenario, language: language).render())
        add(
            .forecast(
                forecast, scenario: scenario, scenarioPath: provenance.scenarioPath, provenanceJSON: json,
                language: language))
    }

    /// A shard's whole folder, exactly as `studio-forecast run --shard I/N` writes it: the
    /// slice's `forecast.csv`, `summary.csv`, `cohorts.csv` and `report.html`, its uncertain
    /// inputs' files, `run.json`, `shard.json`, the kept `replications.csv` and `forecast.xlsx`.
    ///
    /// If this throws, the kept replications' temporary file is removed.
    ///
    /// - Parameters:
    ///   - output: what ``ShardRun/run(threads:keepingReplications:in:)`` gave.
    ///   - shard: the shard run.
    ///   - provenance: the record written to `run.json`; by default that of the slice's forecast, finishing now.
    ///   - language: the language of `report.html` and `forecast.xlsx`.
    ///   - format: a byte-order mark and the language of `summary.csv`'s headings.
    /// - Throws: ``ForecastFolderError`` when the scenario's generator is not one GSL knows, or for
    ///   a record JSON cannot hold, which a record never is.
    public init(
        shard output: ShardRun.Output, of shard: ShardRun, provenance: RunProvenance? = nil,
        language: ScenarioExplanation.Language = .zh, format: CSVFormat = CSVFormat()
    ) throws(ForecastFolderError) {
        let scenario = shard.scenario
        self.init(output.forecast, format: format)
        add(placed: output.placed)
        add("report.html", contents: HTMLReport(forecast: output.forecast, scenario: scenario, language: language).render())
        do {
            let keeping = output.placed.contains { $0.name == ReplicationsFile.name }
            for file in try UncertainInputFiles.files(
                scenario, replications: shard.replications, keepingReplications: keeping)
            {
                add(file.name, contents: file.contents)
            }
            let provenance =
                provenance
                ?? RunProvenance(
                    scenario: scenario, path: shard.path, method: .montecarlo,
                    replications: output.forecast.replications, threads: Simulation(scenario).threads,
                    started: Date())
            let json = try ForecastFolderError.json(of: provenance)
            add("run.json", contents: json)
            add(ShardManifest.fileName, contents: output.manifest)
            add(
                .forecast(
                    output.forecast, scenario: scenario, scenarioPath: provenance.scenarioPath, provenanceJSON: json,
                    language: language))
        } catch {
            // The kept replications are removed with the run that failed.
            discardPlaced()
            throw error
        }
    }

    /// The folder `studio-forecast merge` writes from shards: the merged forecast's
    /// `forecast.csv`, `summary.csv` and `cohorts.csv`, and `run.json`.
    ///
    /// - Parameters:
    ///   - forecast: the merged forecast (``ShardMerge/forecast(of:)``).
    ///   - scenario: the scenario the shards ran (``ShardMerge/settings(of:)``).
    ///   - provenance: the record written to `run.json`; by default the forecast's, with the
    ///     scenario file the shards recorded and one thread, finishing now.
    /// - Throws: ``ForecastFolderError`` for a record JSON cannot hold, which a record never is.
    public init(merged forecast: Forecast, of scenario: Scenario, provenance: RunProvenance? = nil)
        throws(ForecastFolderError)
    {
        self.init(forecast)
        let provenance = provenance ?? RunProvenance(forecast: forecast, of: scenario, threads: 1)
        add("run.json", contents: try ForecastFolderError.json(of: provenance))
    }
}
