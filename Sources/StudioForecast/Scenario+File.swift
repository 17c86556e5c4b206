public import Foundation

extension Scenario {
    /// Reads and validates the scenario file (YAML) at `url`, accepting only generator names GSL knows.
    ///
    /// ```swift
    /// let baseline = try Scenario(contentsOf: URL(fileURLWithPath: "scenarios/nanchang-baseline.yaml"))
    /// ```
    ///
    /// - Parameters:
    ///   - url: the scenario file.
    ///   - overrides: values replacing the file's at their key paths, such as `quota.per_year=6`.
    /// - Throws: `ScenarioErrors` listing every problem, each with the file, key path and line.
    public init(contentsOf url: URL, overrides: [ScenarioOverride] = []) throws(ScenarioErrors) {
        let loader = ScenarioLoader(knownGenerators: GSLLibrary.generatorNames)
        self =
            overrides.isEmpty
            ? try loader.load(path: url.path) : try loader.load(path: url.path, overrides: overrides)
    }
}
