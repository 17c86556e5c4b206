import Foundation

extension ForecastFolder {
    /// A comparison's folder, as `studio-forecast compare` writes it: `comparison.csv` (the
    /// paired difference, variant − base), `report.html`, and each forecast's files under
    /// `base/` and `variant/`.
    ///
    /// - Parameters:
    ///   - comparison: the two forecasts and their paired difference.
    ///   - language: the language of `report.html`.
    ///   - format: a byte-order mark and the language of `summary.csv`'s headings.
    public init(
        _ comparison: PairedComparison, language: ScenarioExplanation.Language = .zh,
        format: CSVFormat = CSVFormat()
    ) {
        self.init(files: [
            ("comparison.csv", format.text(ComparisonFiles.comparisonCSV(comparison.difference))),
            ("report.html", ComparisonReport(comparison: comparison.comparison, language: language).render()),
        ])
        add(comparison.base, in: "base", format: format)
        add(comparison.variant, in: "variant", format: format)
    }

    /// A comparison's whole folder, exactly as `studio-forecast compare` writes it:
    /// `comparison.csv`, `report.html`, `base/`, `variant/` (as ``init(_:language:format:)``),
    /// `run.json` and `comparison.xlsx`.
    ///
    /// ```swift
    /// let comparison = try Simulation(baseline).compare(with: variant)
    /// try ForecastFolder(comparison: comparison, of: baseline).write(to: URL(fileURLWithPath: "out/raise"))
    /// ```
    ///
    /// - Parameters:
    ///   - comparison: the two forecasts and their paired difference.
    ///   - base: the base scenario as run, with the seed and generator used; its budget period
    ///     groups the workbook's years.
    ///   - provenance: the record written to `run.json` and the workbook; by default one of
    ///     method `compare` for `base`, read from the file it was loaded from, finishing now.
    ///   - language: the language of `report.html` and `comparison.xlsx`.
    ///   - format: a byte-order mark and the language of `summary.csv`'s headings.
    /// - Throws: ``ForecastFolderError`` for a record JSON cannot hold, which a record never is.
    public init(
        comparison: PairedComparison, of base: Scenario, provenance: RunProvenance? = nil,
        language: ScenarioExplanation.Language = .zh, format: CSVFormat = CSVFormat()
    ) throws(ForecastFolderError) {
        let provenance =
            provenance
            ?? RunProvenance(
                scenario: base, path: base.source?.path ?? "", method: .compare,
                replications: comparison.base.replications, threads: Simulation(base).threads, started: Date())
        let json = try ForecastFolderError.json(of: provenance)
        self.init(comparison, language: language, format: format)
        add("run.json", contents: json)
        add(
            .comparison(
                comparison.comparison, periodYears: base.budget.periodYears, provenanceJSON: json, language: language))
    }
}
