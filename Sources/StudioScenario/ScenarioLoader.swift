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

    /// Reads and validates the scenario file at `path`, reading it once; the scenario keeps the
    /// bytes parsed as its ``Scenario/source``.
    ///
    /// - Throws: ``ScenarioErrors`` listing every problem.
    public func load(path: String) throws(ScenarioErrors) -> Scenario {
        try load(source: Self.readSource(path: path))
    }

    /// Validates a scenario file already read; the scenario keeps `source`.
    ///
    /// - Throws: ``ScenarioErrors`` listing every problem.
    public func load(source: ScenarioSource) throws(ScenarioErrors) -> Scenario {
        let text = try Self.text(of: source)
        var scenario = try load(yaml: text, file: source.path, defaultName: source.stem)
        scenario.source = source
        return scenario
    }

    /// The largest scenario file read, in bytes (1 MiB).
    public static let maximumFileBytes = ScenarioText.scenarioLimit

    /// The scenario file's text.
    ///
    /// - Throws: ``ScenarioErrors`` with one problem when the file cannot be read, is larger
    ///   than ``maximumFileBytes`` (checked before it is read whole), holds a NUL byte or is
    ///   not UTF-8; the last two name the line.
    public static func readText(path: String) throws(ScenarioErrors) -> String {
        try text(of: readSource(path: path))
    }

    /// The scenario file's bytes, read once.
    ///
    /// - Throws: ``ScenarioErrors`` with one problem when the file cannot be read, is larger
    ///   than ``maximumFileBytes`` (checked before it is read whole), holds a NUL byte or is
    ///   not UTF-8; the last two name the line.
    public static func readSource(path: String) throws(ScenarioErrors) -> ScenarioSource {
        let bytes: Data
        switch ScenarioText.readBytes(path: path, limit: maximumFileBytes) {
        case .success(let data): bytes = data
        case .failure(let problem): throw problem.errors(file: path)
        }
        let source = ScenarioSource(path: path, bytes: bytes)
        _ = try text(of: source)
        return source
    }

    /// The text of a scenario file's bytes.
    ///
    /// - Throws: ``ScenarioErrors`` with one problem, naming the line, when the bytes hold a
    ///   NUL byte or are not UTF-8, or when there are more than ``maximumFileBytes``.
    public static func readText(source: ScenarioSource) throws(ScenarioErrors) -> String { try text(of: source) }

    /// The text of a scenario file's bytes.
    static func text(of source: ScenarioSource) throws(ScenarioErrors) -> String {
        guard source.bytes.count <= maximumFileBytes else {
            throw ScenarioText.Problem.tooLarge(limit: maximumFileBytes).errors(file: source.path)
        }
        switch ScenarioText.decode(source.bytes) {
        case .success(let text): return text
        case .failure(let problem): throw problem.errors(file: source.path)
        }
    }

    /// Validates a scenario given as YAML text; `file` names it in messages.
    ///
    /// - Throws: ``ScenarioErrors`` listing every problem.
    public func load(
        yaml: String, file: String, defaultName: String = "scenario", baseFolder: String? = nil
    ) throws(ScenarioErrors) -> Scenario {
        if yaml.utf8.count > Self.maximumFileBytes {
            throw ScenarioErrors([
                ScenarioError(
                    file: file, keyPath: "", line: nil,
                    message: ScenarioText.Problem.tooLarge(limit: Self.maximumFileBytes).message(kind: "scenario"))
            ])
        }
        if case .failure(let problem) = ScenarioText.decode(Data(yaml.utf8)) {
            throw ScenarioErrors([
                ScenarioError(file: file, keyPath: "", line: problem.line, message: problem.message(kind: "scenario"))
            ])
        }
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml)
        } catch {
            if case .duplicatedKeysInMapping = error as? YamlError {
                throw ScenarioErrors(DuplicateKeys(yaml: yaml, file: file).errors())
            }
            throw ScenarioErrors([Self.syntaxError(error, file: file, yaml: yaml)])
        }
        let reader = YAMLReader(file: file)
        guard let root else {
            reader.report("the scenario is empty", at: "", node: nil)
            throw ScenarioErrors(reader.errors)
        }
        let folder = baseFolder ?? FilePath.parent(of: file)
        var decoding = ScenarioDecoding(
            reader: reader, knownGenerators: knownGenerators, defaultName: defaultName,
            baseFolder: folder.isEmpty ? "." : folder)
        let scenario = decoding.decode(root)
        guard reader.errors.isEmpty, let scenario else { throw ScenarioErrors(reader.errors) }
        return scenario
    }

    /// One line for a YAML error; Yams's own descriptions quote the whole file.
    private static func syntaxError(_ error: any Error, file: String, yaml: String) -> ScenarioError {
        if let yamlError = error as? YamlError {
            switch yamlError {
            case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
                .composer(_, let problem, let mark, _):
                return ScenarioError(file: file, keyPath: "", line: mark.line, message: "YAML syntax: \(problem)")
            case .reader(let problem, let offset, _, _):
                let line = offset.map { offset in yaml.unicodeScalars.prefix(offset).reduce(1) { $1 == "\n" ? $0 + 1 : $0 } }
                return ScenarioError(file: file, keyPath: "", line: line, message: "YAML: \(problem)")
            default:
                break
            }
        }
        let firstLine = "\(error)".split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
        return ScenarioError(file: file, keyPath: "", line: nil, message: "YAML: \(firstLine)")
    }
}
