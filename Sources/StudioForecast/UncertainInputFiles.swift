/// The files a run of a scenario with uncertain inputs adds: `inputs.csv`, and with kept
/// replications `inputs-replications.csv`. The draws are a pure function of the seed, the
/// replication and the key path (`InputDraws`), so they are drawn again here rather than carried
/// out of the engine.
enum UncertainInputFiles {
    /// The files for `replications` of `scenario`; none when it has no uncertain inputs.
    ///
    /// - Parameters:
    ///   - scenario: the scenario run.
    ///   - replications: the 0-based replications run.
    ///   - keepingReplications: also give each replication's drawn inputs.
    /// - Returns: each file's name and text.
    /// - Throws: ``ForecastFolderError/unknownGenerator(_:)`` for a generator name GSL does not know.
    static func files(
        _ scenario: Scenario, replications: Range<Int>, keepingReplications: Bool
    ) throws(ForecastFolderError) -> [(name: String, contents: String)] {
        guard scenario.hasUncertainInputs else { return [] }
        let draws: InputDraws
        do {
            draws = try InputDraws(scenario: scenario)
        } catch {
            throw .unknownGenerator(error)
        }
        let values = draws.values(replications: replications)
        var files = [
            (InputsFile.summaryName, InputsFile.summaryCSV(scenario: scenario.name, inputs: draws.inputs, values: values))
        ]
        if keepingReplications {
            files.append(
                (InputsFile.replicationsName,
                 InputsFile.replicationsCSV(inputs: draws.inputs, replications: replications, values: values)))
        }
        return files
    }
}
