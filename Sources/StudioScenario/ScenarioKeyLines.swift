import Yams

/// The line of each key path written in a scenario file, so that a value can be traced to the
/// line that set it (the workbook's assumptions sheet).
///
/// The loader reports lines only with problems; this reads a valid file's text once more and
/// records the line of every mapping key, by its key path (`budget.annual_yuan`); items of a
/// list are `key[i]`.
package struct ScenarioKeyLines: Sendable, Hashable {
    /// The line (1-based) of each key path written in the file.
    package let lines: [String: Int]
    /// The text of each key path whose value is a scalar, as written in the file.
    package let scalars: [String: String]

    /// The lines of the keys of `yaml`; empty when the text is not YAML.
    package init(yaml: String) {
        var lines: [String: Int] = [:]
        var scalars: [String: String] = [:]
        func walk(_ node: Node, at path: String) {
            switch node {
            case .mapping(let pairs):
                for (key, value) in pairs {
                    guard let name = key.scalar?.string else { continue }
                    let keyPath = path.isEmpty ? name : path + "." + name
                    if lines[keyPath] == nil, let line = key.mark?.line { lines[keyPath] = line }
                    if let text = value.scalar?.string { scalars[keyPath] = text }
                    walk(value, at: keyPath)
                }
            case .sequence(let items):
                for (index, item) in items.enumerated() {
                    let itemPath = "\(path)[\(index)]"
                    if lines[itemPath] == nil, let line = item.mark?.line { lines[itemPath] = line }
                    walk(item, at: itemPath)
                }
            default:
                break
            }
        }
        if let root = try? Yams.compose(yaml: yaml) { walk(root, at: "") }
        self.lines = lines
        self.scalars = scalars
    }

    /// The line of `keyPath`, when the file writes that key.
    package func line(of keyPath: String) -> Int? { lines[keyPath] }
}
