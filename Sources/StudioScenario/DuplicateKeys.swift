import Yams

/// Locates the keys a scenario gives twice in one mapping, by key path and line.
///
/// Yams refuses such a document with the first duplicate's line only (and a description
/// that quotes the whole file). To name the key path, each first occurrence Yams reports is
/// marked with a prefix no scenario holds, the document is composed again, and the marked
/// keys are found in the tree with their paths and the line of their second occurrence.
struct DuplicateKeys {
    /// The scenario's text.
    let yaml: String
    /// The file, as named in messages.
    let file: String

    /// The prefix that marks a first occurrence: a private-use character.
    private static let marker: Character = "\u{E000}"
    /// The most duplicates located before giving up on the rest.
    private static let maximumReported = 20

    /// One error per duplicated key, in file order.
    func errors() -> [ScenarioError] {
        var lines = yaml.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var fallback: [ScenarioError] = []
        for _ in 0..<Self.maximumReported {
            do {
                guard let root = try Yams.compose(yaml: lines.joined(separator: "\n")) else { break }
                var found: [ScenarioError] = []
                collect(root, at: "", into: &found)
                return found.isEmpty ? fallback : found.sorted { ($0.line ?? 0) < ($1.line ?? 0) }
            } catch {
                guard case .duplicatedKeysInMapping(let keys, let context) = error as? YamlError,
                    mark(line: context.mark.line, column: context.mark.column, in: &lines)
                else {
                    return fallback.isEmpty ? [generic(error)] : fallback
                }
                let key = keys.first ?? ""
                fallback.append(
                    ScenarioError(
                        file: file, keyPath: key, line: context.mark.line, message: "duplicate key; give each key once"))
            }
        }
        return fallback
    }

    /// Inserts the marker before the key at the 1-based `line` and `column` (in Unicode scalars).
    private func mark(line: Int, column: Int, in lines: inout [String]) -> Bool {
        guard line >= 1, line <= lines.count, column >= 1 else { return false }
        var scalars = Array(lines[line - 1].unicodeScalars)
        guard column - 1 <= scalars.count else { return false }
        scalars.insert(contentsOf: String(Self.marker).unicodeScalars, at: column - 1)
        var text = String.UnicodeScalarView()
        text.append(contentsOf: scalars)
        lines[line - 1] = String(text)
        return true
    }

    /// Finds the marked keys under `node`, whose key path is `path`.
    private func collect(_ node: Node, at path: String, into found: inout [ScenarioError]) {
        switch node {
        case .mapping(let pairs):
            for (key, value) in pairs {
                let text = key.scalar?.string ?? ""
                let name = text.first == Self.marker ? String(text.dropFirst()) : text
                if text.first == Self.marker {
                    let second = pairs.first { $0.key.scalar?.string == name }?.key.mark?.line
                    let first = key.mark?.line
                    let message = first.map { "duplicate key; first given on line \($0), give each key once" }
                        ?? "duplicate key; give each key once"
                    found.append(
                        ScenarioError(
                            file: file, keyPath: YAMLReader.join(path, name), line: second ?? first, message: message))
                }
                collect(value, at: YAMLReader.join(path, name), into: &found)
            }
        case .sequence(let items):
            for (index, item) in items.enumerated() { collect(item, at: "\(path)[\(index)]", into: &found) }
        case .scalar, .alias:
            break
        }
    }

    /// One line for an error met while locating the duplicates.
    private func generic(_ error: any Error) -> ScenarioError {
        let firstLine = "\(error)".split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
        return ScenarioError(file: file, keyPath: "", line: nil, message: "YAML: \(firstLine)")
    }
}
