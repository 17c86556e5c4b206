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
}
