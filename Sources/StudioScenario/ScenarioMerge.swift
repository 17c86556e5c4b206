import Yams

/// How a file that `extends:` another overrides its values: mappings merge key by key, every
/// other value replaces the base's whole.
///
/// A plain value, a list and a schedule (a mapping from years to values) each replace the
/// base's value whole; a key given `null` (`~`) removes the base's value, so the base's default
/// applies. Each value of the result keeps its node's mark (its line), and ``ScenarioOrigins``
/// records which file wrote it.
enum ScenarioMerge {
    /// Whether `override` merges into `base` key by key (true) or replaces it whole (false): the
    /// one place that decides. Only two mappings merge, and a mapping whose keys are years
    /// (a schedule of values by year) never does, since a schedule is one value.
    static func mergesKeyByKey(base: Node, override: Node) -> Bool {
        guard case .mapping(let basePairs) = base, case .mapping(let pairs) = override else { return false }
        return !isSchedule(basePairs) && !isSchedule(pairs)
    }

    /// Whether a mapping's keys are all whole numbers (years), as in a schedule
    /// `{2026: 5, 2028: 8}`; no section of the scenario format has such keys.
    static func isSchedule(_ mapping: Node.Mapping) -> Bool {
        !mapping.isEmpty && mapping.allSatisfy { key, _ in key.scalar.flatMap { Int($0.string) } != nil }
    }

    /// Whether `node` is YAML's null (`~`, `null` or nothing), which removes a base's value.
    static func isNull(_ node: Node) -> Bool {
        node.scalar != nil && YAMLReader.tag(node, .null)
    }

    /// `override`, written by `file`, laid over `base` at `path`; nil when `override` removes the
    /// value. Records in `origins` the file of every key path the result takes from `override`.
    static func merge(
        _ override: Node, over base: Node?, at path: String, file: String, origins: inout ScenarioOrigins
    ) -> Node? {
        if isNull(override) { return nil }
        guard let base, mergesKeyByKey(base: base, override: override),
            case .mapping(let basePairs) = base, case .mapping(let pairs) = override
        else {
            record(override, at: path, file: file, origins: &origins)
            return override
        }
        origins.record(file, at: path)
        var merged: [(Node, Node)] = basePairs.map { ($0.key, $0.value) }
        for (key, value) in pairs {
            let name = key.scalar?.string ?? ""
            let keyPath = YAMLReader.join(path, name)
            let index = merged.firstIndex { $0.0.scalar?.string == name }
            let result = merge(value, over: index.map { merged[$0].1 }, at: keyPath, file: file, origins: &origins)
            if let index {
                if let result { merged[index] = (key, result) } else { merged.remove(at: index) }
            } else if let result {
                merged.append((key, result))
            }
        }
        return .mapping(Node.Mapping(merged, override.tag, pairs.style, pairs.mark))
    }

    /// Records `file` as the writer of `node` at `path` and of everything inside it.
    static func record(_ node: Node, at path: String, file: String, origins: inout ScenarioOrigins) {
        origins.record(file, at: path)
        switch node {
        case .mapping(let pairs):
            for (key, value) in pairs {
                record(value, at: YAMLReader.join(path, key.scalar?.string ?? ""), file: file, origins: &origins)
            }
        case .sequence(let items):
            for (index, item) in items.enumerated() {
                record(item, at: "\(path)[\(index)]", file: file, origins: &origins)
            }
        case .scalar, .alias:
            break
        }
    }
}
