import Yams

/// The effective scenario of an `extends:` chain as YAML text, each value followed by the file
/// and line it was written on as a comment (`validate --print`).
///
/// Mappings are written in block style, lists of plain values in flow style (`[0.3, 0.3, 0.4]`)
/// and lists of mappings as block items, so that the text read back is the same scenario.
struct EffectiveScenarioText {
    /// Which file of the chain wrote each key path.
    let origins: ScenarioOrigins
    /// The file named, which wrote every value the origins do not place elsewhere.
    let file: String

    /// The document as commented YAML text, ending in a line break.
    func text(of root: Node) -> String {
        var lines = ["# The effective scenario of \(file); each value's source is given as file:line."]
        if case .mapping(let pairs) = root {
            write(pairs, at: "", indent: "", firstPrefix: nil, into: &lines)
        } else {
            lines.append(inline(root) + comment(at: "", node: root))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Writes a block mapping's entries; the first entry's line starts with `firstPrefix` (`- `
    /// for a list item) instead of the indent.
    private func write(
        _ pairs: Node.Mapping, at path: String, indent: String, firstPrefix: String?, into lines: inout [String]
    ) {
        for (index, (key, value)) in pairs.enumerated() {
            let name = key.scalar?.string ?? ""
            let keyPath = YAMLReader.join(path, name)
            let lead = index == 0 ? (firstPrefix ?? indent) : indent
            let keyText = Self.scalarText(key)
            switch value {
            case .mapping(let inner) where !inner.isEmpty:
                lines.append("\(lead)\(keyText):" + comment(at: keyPath, node: key))
                write(inner, at: keyPath, indent: indent + "  ", firstPrefix: nil, into: &lines)
            case .sequence(let items) where items.contains(where: { $0.mapping != nil }):
                lines.append("\(lead)\(keyText):" + comment(at: keyPath, node: key))
                for (position, item) in items.enumerated() {
                    let itemPath = "\(keyPath)[\(position)]"
                    if case .mapping(let itemPairs) = item, !itemPairs.isEmpty {
                        write(itemPairs, at: itemPath, indent: indent + "    ", firstPrefix: indent + "  - ", into: &lines)
                    } else {
                        lines.append("\(indent)  - \(inline(item))" + comment(at: itemPath, node: item))
                    }
                }
            default:
                lines.append("\(lead)\(keyText): \(inline(value))" + comment(at: keyPath, node: value))
            }
        }
    }

    /// `  # file:line` for the value at `path` written at `node`'s line.
    private func comment(at path: String, node: Node) -> String {
        let source = origins.file(for: path) ?? file
        return node.mark.map { "  # \(source):\($0.line)" } ?? "  # \(source)"
    }

    /// A value on one line: a scalar as YAML writes it, a list or mapping in flow style.
    private func inline(_ node: Node) -> String {
        switch node {
        case .scalar: return Self.scalarText(node)
        case .sequence(let items): return "[" + items.map(inline).joined(separator: ", ") + "]"
        case .mapping(let pairs):
            return "{" + pairs.map { "\(Self.scalarText($0.key)): \(inline($0.value))" }.joined(separator: ", ") + "}"
        case .alias: return "*alias"
        }
    }

    /// A scalar as YAML text that reads back as the same value: plain when it was written plain,
    /// otherwise as Yams quotes it.
    static func scalarText(_ node: Node) -> String {
        guard let scalar = node.scalar else { return "" }
        if scalar.style == .plain && !scalar.string.isEmpty { return scalar.string }
        if YAMLReader.tag(node, .null) { return "~" }
        let quoted = "\"" + scalar.string.unicodeScalars.map { character -> String in
            switch character {
            case "\"": return "\\\""
            case "\\": return "\\\\"
            case "\n": return "\\n"
            case "\t": return "\\t"
            default:
                guard character.value < 0x20 else { return String(character) }
                let hex = String(character.value, radix: 16)
                return "\\x" + (hex.count < 2 ? "0" + hex : hex)
            }
        }.joined() + "\""
        return quoted
    }
}
