import StudioForecast

/// The "variance shares" part of `sensitivity` for a scenario with uncertain inputs: one run
/// with every uncertain input sampled, each input group's share of the variance of the period's
/// net outflow, printed and written to `variance-shares.csv`. Empty for a scenario without.
struct VarianceSharesSection {
    /// The output the shares are of, as printed and written.
    let output: String
    /// The shares, when the scenario has uncertain inputs.
    let shares: VarianceShares?
    let scenario: Scenario

    /// Runs the shares of `metric`'s value in calendar year `year`.
    ///
    /// - Throws: ``UnknownGeneratorError`` for a generator name GSL does not know.
    init(scenario: Scenario, metric: Metric, year: Int, threads: Int, quiet: Bool) throws {
        self.scenario = scenario
        output = "\(metric.name) \(year)"
        guard scenario.hasUncertainInputs else {
            shares = nil
            return
        }
        let bar = ProgressBar(total: scenario.simulation.replications, quiet: quiet)
        shares = try VarianceShares.run(
            scenario, metric: metric, year: year - scenario.startYear, threads: threads, progress: bar.update)
        bar.finish()
    }

    /// Prints the section, when there are shares.
    func print() {
        guard let shares else { return }
        Swift.print("\nVariance shares of \(output) over the uncertain inputs (\(shares.replications) replications):")
        Swift.print("Estimator: \(VarianceShares.estimator).\n")
        let rows = shares.shares.map { share -> [String] in
            [share.group, String(format: "%+.3f", share.coefficient), String(format: "%.3f", share.share),
             String(format: "%.3f", share.mcse)]
        }
        Swift.print(TablePrinter.render(header: ["input", "SRRC", "share", "± MCSE"], rows: rows))
        Swift.print(String(format: "Together (R²): %.3f; the rest is the model's own randomness and interactions.\n", shares.rSquared))
    }
}
