import Foundation
import Yams

/// A scenario file and the files it builds on through `extends:`, read once, and the effective
/// scenario they make together.
///
/// `extends: nanchang-baseline.yaml` (a path relative to the extending file) takes every value
/// of that scenario; the extending file overrides by key path as ``ScenarioMerge`` describes.
/// Chains are allowed (a base may extend another); a cycle, a missing base and a chain longer
/// than ``maximumFiles`` are each one error naming the file and line of the `extends:` at fault.
struct ScenarioChain {
    /// The most files in one chain: the file named and up to 15 bases.
    static let maximumFiles = 16
    /// The key that names the base scenario.
    static let extendsKey = "extends"

    /// The files, the one named first and then each base in turn.
    let files: [ScenarioSource]

    // MARK: - Reading

    /// The chain that starts at `top`: each base is taken from `known` when a file of that path
    /// was read before (so a scenario's bytes are parsed, never read again), otherwise read.
    ///
    /// - Throws: ``ScenarioErrors`` with one problem for a cycle, a base that cannot be read or
    ///   is no scenario text, or a chain of more than ``maximumFiles`` files.
    static func resolve(_ top: ScenarioSource, known: [ScenarioSource]) throws(ScenarioErrors) -> ScenarioChain {
        var files = [ScenarioSource(path: top.path, bytes: top.bytes)]
        var seen = [canonical(top.path)]
        var current = files[0]
        while let target = try extendsTarget(of: current) {
            let path = resolvedPath(target.path, from: current.path)
            let error = { (message: String) in
                ScenarioErrors([
                    ScenarioError(file: current.path, keyPath: extendsKey, line: target.line, message: message)
                ])
            }
            if let index = seen.firstIndex(of: canonical(path)) {
                let cycle = (files[index...].map(\.path) + [path]).joined(separator: " → ")
                throw error("the scenarios extend each other in a cycle: \(cycle); a chain must end in a scenario without extends")
            }
            guard files.count < maximumFiles else {
                throw error("the chain of extends holds more than \(maximumFiles) files; at most \(maximumFiles)")
            }
            let base: ScenarioSource
            if let read = known.first(where: { $0.path == path }) {
                base = ScenarioSource(path: read.path, bytes: read.bytes)
            } else {
                // Only a regular file: a device or a pipe named by a scenario could block or never end.
                let target = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
                let type = (try? FileManager.default.attributesOfItem(atPath: target))?[.type] as? FileAttributeType
                guard type == nil || type == .typeRegular else {
                    throw error("the base scenario \(path) is not a regular file")
                }
                switch ScenarioText.readBytes(path: path, limit: ScenarioText.scenarioLimit) {
                case .success(let bytes): base = ScenarioSource(path: path, bytes: bytes)
                case .failure(.unreadable): throw error("cannot read the base scenario \(path)")
                case .failure(let problem): throw problem.errors(file: path)
                }
            }
            _ = try ScenarioLoader.text(of: base)
            files.append(base)
            seen.append(canonical(path))
            current = base
        }
        return ScenarioChain(files: files)
    }

    /// The base a file names with `extends:` and the line it is named on; nil when the file
    /// names none, or is not YAML (the loader then reports its problems).
    ///
    /// - Throws: ``ScenarioErrors`` when `extends` is not a file name.
    private static func extendsTarget(of source: ScenarioSource) throws(ScenarioErrors) -> (path: String, line: Int?)? {
        guard let text = try? ScenarioLoader.text(of: source), let root = try? Yams.compose(yaml: text),
            case .mapping(let pairs) = root, let node = pairs.first(where: { $0.key.scalar?.string == extendsKey })?.value
        else { return nil }
        guard let scalar = node.scalar, YAMLReader.tag(node, .str), !scalar.string.isEmpty else {
            throw ScenarioErrors([
                ScenarioError(
                    file: source.path, keyPath: extendsKey, line: node.mark?.line,
                    message: "expected the base scenario's file name, found \(YAMLReader.describe(node))")
            ])
        }
        return (scalar.string, node.mark?.line)
    }

    /// `target` as named in the file at `file`: relative paths start from that file's folder.
    static func resolvedPath(_ target: String, from file: String) -> String {
        guard !target.hasPrefix("/") else { return target }
        let folder = FilePath.parent(of: file)
        return folder.isEmpty ? target : (folder as NSString).appendingPathComponent(target)
    }

    /// The path with `.`, `..` and symbolic links resolved, to recognise one file named two ways.
    private static func canonical(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
    }

    // MARK: - The effective scenario

    /// The effective scenario's document: the deepest base with each file above it laid over
    /// it in turn, without `extends`; `origins` records which file wrote each key path.
    ///
    /// - Throws: ``ScenarioErrors`` for a file that is not YAML or not a mapping, or an extending
    ///   file without its own `name`, each naming the file and line.
    func effectiveDocument() throws(ScenarioErrors) -> (root: Node?, origins: ScenarioOrigins) {
        var roots: [Node?] = []
        var problems: [ScenarioError] = []
        for (index, file) in files.enumerated() {
            let text = try ScenarioLoader.text(of: file)
            do {
                let root = try ScenarioLoader.compose(yaml: text, file: file.path)
                roots.append(root)
                if index > 0 && root == nil {
                    problems.append(ScenarioError(file: file.path, keyPath: "", line: nil, message: "the scenario is empty"))
                }
                guard index + 1 < files.count, let root else { continue }
                guard case .mapping(let pairs) = root else {
                    problems.append(
                        ScenarioError(
                            file: file.path, keyPath: "", line: root.mark?.line,
                            message: "expected a mapping of scenario keys"))
                    continue
                }
                if !pairs.contains(where: { $0.key.scalar?.string == "name" }) {
                    let line = pairs.first { $0.key.scalar?.string == Self.extendsKey }?.key.mark?.line
                    problems.append(
                        ScenarioError(
                            file: file.path, keyPath: "name", line: line,
                            message: "missing; a scenario that extends another gives its own name"))
                }
            } catch {
                problems += error.errors
                roots.append(nil)
            }
        }
        guard problems.isEmpty else { throw ScenarioErrors(problems) }
        guard files.count > 1 else { return (roots.first ?? nil, ScenarioOrigins()) }
        var origins = ScenarioOrigins()
        var merged: Node?
        for (file, root) in zip(files, roots).reversed() {
            guard let root = root.map(Self.withoutExtends) else { continue }
            merged = ScenarioMerge.merge(root, over: merged, at: "", file: file.path, origins: &origins)
        }
        return (merged, origins)
    }

    /// `root` without its `extends` key.
    private static func withoutExtends(_ root: Node) -> Node {
        guard case .mapping(let pairs) = root else { return root }
        let kept = pairs.filter { $0.key.scalar?.string != extendsKey }.map { ($0.key, $0.value) }
        return .mapping(Node.Mapping(kept, pairs.tag, pairs.style, pairs.mark))
    }
}
