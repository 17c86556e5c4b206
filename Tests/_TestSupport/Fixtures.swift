public import Foundation
public import StudioScenario

/// Paths and scenarios shared by the test suites.
public enum Fixtures {
    /// The package's root folder.
    public static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The path of a shipped scenario, such as `nanchang-baseline`.
    public static func scenarioPath(_ name: String) -> String {
        packageRoot.appendingPathComponent("scenarios/\(name).yaml").path
    }

    /// The names of every shipped scenario, from the `scenarios` folder.
    public static let shippedScenarioNames: [String] = {
        let folder = packageRoot.appendingPathComponent("scenarios").path
        let files = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return files.filter { $0.hasSuffix(".yaml") }.map { String($0.dropLast(5)) }.sorted()
    }()

    /// A shipped scenario, loaded and validated.
    public static func shippedScenario(_ name: String) throws -> Scenario {
        try ScenarioLoader().load(path: scenarioPath(name))
    }

    /// A scenario from YAML text, named `test.yaml` in messages.
    public static func scenario(_ yaml: String) throws -> Scenario {
        try ScenarioLoader().load(yaml: yaml, file: "test.yaml")
    }

    /// The problems a scenario given as YAML text has, named `file` in messages; empty when valid.
    public static func problems(_ yaml: String, file: String, knownGenerators: [String] = []) -> [ScenarioError] {
        do {
            _ = try ScenarioLoader(knownGenerators: knownGenerators).load(yaml: yaml, file: file)
            return []
        } catch {
            return error.errors
        }
    }

    /// A new empty folder under the system's temporary folder.
    public static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("studio-forecast-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
