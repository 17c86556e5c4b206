import Foundation
import StudioRules
import Yams

/// Decodes and validates scenario files (YAML) into ``Scenario`` values.
///
/// Unknown keys, wrong types and out-of-range values are all reported in one pass, each as a
/// ``ScenarioError`` naming the file, the key path and the line.
public struct ScenarioLoader: Sendable {
    /// GSL generator names accepted for `simulation.generator`; empty accepts any.
    public var knownGenerators: [String]

    /// Creates a loader that accepts the given generator names.
    public init(knownGenerators: [String] = []) {
        self.knownGenerators = knownGenerators
    }

    /// Reads and validates the scenario file at `path`.
    ///
    /// - Throws: ``ScenarioErrors`` listing every problem.
    public func load(path: String) throws(ScenarioErrors) -> Scenario {
        let text = try Self.readText(path: path)
        let stem = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
        return try load(yaml: text, file: path, defaultName: stem)
    }

    /// The scenario file's text.
    ///
    /// - Throws: ``ScenarioErrors`` when the file cannot be read or is not UTF-8.
    public static func readText(path: String) throws(ScenarioErrors) -> String {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ScenarioErrors([ScenarioError(file: path, keyPath: "", line: nil, message: "cannot read the file")])
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ScenarioErrors([ScenarioError(file: path, keyPath: "", line: nil, message: "the file is not UTF-8 text")])
        }
        return text
    }

    /// Validates a scenario given as YAML text; `file` names it in messages.
    ///
    /// - Throws: ``ScenarioErrors`` listing every problem.
    public func load(
        yaml: String, file: String, defaultName: String = "scenario", baseFolder: String? = nil
    ) throws(ScenarioErrors) -> Scenario {
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml)
        } catch {
            throw ScenarioErrors([Self.syntaxError(error, file: file)])
        }
        let reader = YAMLReader(file: file)
        guard let root else {
            reader.report("the scenario is empty", at: "", node: nil)
            throw ScenarioErrors(reader.errors)
        }
        let folder = baseFolder ?? (file as NSString).deletingLastPathComponent
        var decoding = ScenarioDecoding(
            reader: reader, knownGenerators: knownGenerators, defaultName: defaultName,
            baseFolder: folder.isEmpty ? "." : folder)
        let scenario = decoding.decode(root)
        guard reader.errors.isEmpty, let scenario else { throw ScenarioErrors(reader.errors) }
        return scenario
    }

    private static func syntaxError(_ error: any Error, file: String) -> ScenarioError {
        if let yamlError = error as? YamlError {
            switch yamlError {
            case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
                .composer(_, let problem, let mark, _):
                return ScenarioError(file: file, keyPath: "", line: mark.line, message: "YAML syntax: \(problem)")
            default:
                break
            }
        }
        return ScenarioError(file: file, keyPath: "", line: nil, message: "YAML syntax: \(error)")
    }
}
