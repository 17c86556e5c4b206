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
        try self.init(contentsOfFile: url.path, overrides: overrides)
    }

    /// Reads and validates the scenario file (YAML) at `path`, accepting only generator names GSL
    /// knows; every problem and `run.json` name the file by `path` exactly as given.
    ///
    /// ```swift
    /// let baseline = try Scenario(contentsOfFile: "scenarios/nanchang-baseline.yaml")
    /// ```
    ///
    /// - Parameters:
    ///   - path: the scenario file's path, relative to the current folder or absolute.
    ///   - overrides: values replacing the file's at their key paths, such as `quota.per_year=6`.
    /// - Throws: `ScenarioErrors` listing every problem, each with the file, key path and line.
    public init(contentsOfFile path: String, overrides: [ScenarioOverride] = []) throws(ScenarioErrors) {
        let loader = ScenarioLoader(knownGenerators: GSLLibrary.generatorNames)
        self = overrides.isEmpty ? try loader.load(path: path) : try loader.load(path: path, overrides: overrides)
    }

    /// The effective scenario as YAML, as `studio-forecast validate --print` prints it: every
    /// value of the file and of the files it extends, each followed by the `file:line` it was
    /// written on. It is made from the bytes the scenario was parsed from; no file is read again.
    ///
    /// - Returns: the text, ending in a line break; nil for a scenario not read from a file.
    /// - Throws: `ScenarioErrors` for bytes that no longer parse, which bytes a scenario was read
    ///   from never are.
    public func effectiveText() throws(ScenarioErrors) -> String? {
        guard let source else { return nil }
        return try ScenarioLoader.effectiveText(of: source)
    }
}
