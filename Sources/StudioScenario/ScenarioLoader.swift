import Foundation
import StudioRules
import Yams

/// Decodes and validates scenario files (YAML) into ``Scenario`` values.
///
/// Unknown keys, wrong types and out-of-range values are all reported in one pass, each as a
/// ``ScenarioError`` naming the file, the key path and the line.
package struct ScenarioLoader: Sendable {
    /// GSL generator names accepted for `simulation.generator`; empty accepts any.
    package var knownGenerators: [String]

    /// Creates a loader that accepts the given generator names.
    ///
    /// - Parameter knownGenerators: gSL generator names accepted for `simulation.generator`; empty accepts
    ///   any.
    package init(knownGenerators: [String] = []) {
        self.knownGenerators = knownGenerators
    }

    /// Reads and validates the scenario file at `path`, reading it once; the scenario keeps the
    /// bytes parsed as its ``Scenario/source``.
    ///
    /// - Parameter path: the scenario file.
    /// - Returns: the validated scenario.
    /// - Throws: ``ScenarioErrors`` listing every problem.
    package func load(path: String) throws(ScenarioErrors) -> Scenario {
        try load(source: Self.readSource(path: path))
    }

    /// Validates a scenario file already read; the scenario keeps `source`.
    ///
    /// - Parameter source: the file's bytes and those of its bases.
    /// - Returns: the validated scenario.
    /// - Throws: ``ScenarioErrors`` listing every problem.
    package func load(source: ScenarioSource) throws(ScenarioErrors) -> Scenario {
        _ = try Self.text(of: source)
        let chain = try ScenarioChain.resolve(source, known: source.bases)
        var scenario = try load(chain: chain, defaultName: source.stem)
        scenario.source = ScenarioSource(path: source.path, bytes: source.bytes, bases: Array(chain.files.dropFirst()))
        return scenario
    }

    /// The largest scenario file read, in bytes (1 MiB).
    package static let maximumFileBytes = ScenarioText.scenarioLimit

    /// The scenario file's bytes, read once, with the bytes of every file it builds on through
    /// `extends:` in ``ScenarioSource/bases``.
    ///
    /// - Parameter path: the scenario file.
    /// - Returns: the file's bytes with those of its bases.
    /// - Throws: ``ScenarioErrors`` with one problem when the file cannot be read, is larger
    ///   than ``maximumFileBytes`` (checked before it is read whole), holds a NUL byte or is
    ///   not UTF-8, the last two naming the line; or for a chain of `extends:` with a cycle or a
    ///   base that cannot be read, naming the file and line of the `extends:` at fault.
    package static func readSource(path: String) throws(ScenarioErrors) -> ScenarioSource {
        let bytes: Data
        switch ScenarioText.readBytes(path: path, limit: maximumFileBytes) {
        case .success(let data): bytes = data
        case .failure(let problem): throw problem.errors(file: path)
        }
        let top = ScenarioSource(path: path, bytes: bytes)
        _ = try text(of: top)
        let chain = try ScenarioChain.resolve(top, known: [])
        return ScenarioSource(path: path, bytes: bytes, bases: Array(chain.files.dropFirst()))
    }

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
    package func load(
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
        let chain = try ScenarioChain.resolve(ScenarioSource(path: file, bytes: Data(yaml.utf8)), known: [])
        return try load(chain: chain, defaultName: defaultName, baseFolder: baseFolder)
    }

    /// Validates the effective scenario of a chain of files; each problem names the file of the
    /// chain that wrote the offending value. With `overrides`, they are set in the effective
    /// scenario first, and problems are reported against `file [key=value, ...]` without a line.
    ///
    /// - Throws: ``ScenarioErrors`` listing every problem.
    func load(
        chain: ScenarioChain, defaultName: String, baseFolder: String? = nil, overrides: [ScenarioOverride] = []
    ) throws(ScenarioErrors) -> Scenario {
        let file = chain.files.first?.path ?? ""
        var (root, origins) = try chain.effectiveDocument()
        var reader = YAMLReader(file: file, origins: origins)
        if !overrides.isEmpty {
            let label = "\(file) [\(overrides.map(\.description).joined(separator: ", "))]"
            root = try ScenarioOverride.apply(overrides, to: root, file: label)
            reader = YAMLReader(file: label)
        }
        guard let root else {
            reader.report("the scenario is empty", at: "", node: nil)
            throw ScenarioErrors(reader.errors)
        }
        let folder = baseFolder ?? FilePath.parent(of: file)
        var decoding = ScenarioDecoding(
            reader: reader, knownGenerators: knownGenerators, defaultName: defaultName,
            baseFolder: folder.isEmpty ? "." : folder)
        decoding.folders = origins
        var scenario = decoding.decode(root)
        scenario?.warnings = reader.warnings
        guard reader.errors.isEmpty, let scenario else {
            guard overrides.isEmpty else {
                throw ScenarioErrors(
                    reader.errors.map { problem in
                        var problem = problem
                        problem.line = nil
                        return problem
                    })
            }
            throw ScenarioErrors(reader.errors)
        }
        return scenario
    }

    /// The effective scenario of `source` and its chain, as YAML text with each value's file
    /// and line as a comment (`validate --print`).
    ///
    /// - Parameter source: the scenario file read, with its bases.
    /// - Returns: the effective scenario as YAML text.
    /// - Throws: ``ScenarioErrors`` when a file of the chain cannot be read or is not YAML.
    package static func effectiveText(of source: ScenarioSource) throws(ScenarioErrors) -> String {
        let chain = try ScenarioChain.resolve(source, known: source.bases)
        let (root, origins) = try chain.effectiveDocument()
        guard let root else { return "" }
        return EffectiveScenarioText(origins: origins, file: source.path).text(of: root)
    }

    /// The effective scenario of `source` as plain YAML text: the file's own text when it extends
    /// none, otherwise its chain merged, without comments.
    ///
    /// - Throws: ``ScenarioErrors`` when a file of the chain cannot be read or is not YAML.
    package static func effectiveYAML(of source: ScenarioSource) throws(ScenarioErrors) -> String {
        let chain = try ScenarioChain.resolve(source, known: source.bases)
        guard chain.files.count > 1 else { return try text(of: source) }
        let (root, _) = try chain.effectiveDocument()
        guard let root, let yaml = try? Yams.serialize(node: root) else { return "" }
        return yaml
    }

    /// The document of one scenario file's text, nil when it is empty.
    ///
    /// - Throws: ``ScenarioErrors`` for a YAML syntax error or keys given twice, naming the lines.
    static func compose(yaml: String, file: String) throws(ScenarioErrors) -> Node? {
        do {
            return try Yams.compose(yaml: yaml)
        } catch {
            if case .duplicatedKeysInMapping = error as? YamlError {
                throw ScenarioErrors(DuplicateKeys(yaml: yaml, file: file).errors())
            }
            throw ScenarioErrors([Self.syntaxError(error, file: file, yaml: yaml)])
        }
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
