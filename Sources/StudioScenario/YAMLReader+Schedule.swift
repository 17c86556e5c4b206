import Yams

/// Reading a value that may be written as a schedule, `{2026: 5, 2028: 8}`: the one decoding
/// path of every schedulable key.
extension YAMLReader {
    /// The years a schedule may name.
    static let scheduleYears = 1900...2300

    /// A plain value read by `read`, or a schedule of such values: a mapping from increasing
    /// years to values, whose first year is at or before `firstNeeded`, the first year the value
    /// is needed. Each value is read as the plain value would be, at `path.YEAR` on its own line.
    /// With `plainIsMapping` (a value that is itself a mapping), a mapping whose first key is
    /// not a whole number is read as the plain value.
    ///
    /// - Returns: nil after reporting every problem.
    func schedule<T>(
        _ node: Node, at path: String, firstNeeded: Int, plainIsMapping: Bool = false, read: (Node, String) -> T?
    ) -> Schedule<T>? {
        guard case .mapping(let pairs) = node, !Self.isDistribution(node) else {
            return read(node, path).map { Schedule($0) }
        }
        if plainIsMapping, let firstKey = pairs.first?.key, !Self.tag(firstKey, .int) {
            return read(node, path).map { Schedule($0) }
        }
        guard pairs.count > 0 else {
            report("expected a value or a schedule {year: value}, found an empty mapping", at: path, node: node)
            return nil
        }
        var entries: [(year: Int, value: T)] = []
        var isValid = true
        for (keyNode, valueNode) in pairs {
            guard let scalar = keyNode.scalar, Self.tag(keyNode, .int), let year = Int.construct(from: scalar),
                Self.scheduleYears.contains(year)
            else {
                report(
                    "a schedule's keys are years (\(Self.scheduleYears.lowerBound)–\(Self.scheduleYears.upperBound)), found \(Self.describe(keyNode))",
                    at: path, node: keyNode)
                isValid = false
                continue
            }
            let yearPath = "\(path).\(year)"
            if let previous = entries.last?.year, year <= previous {
                report("year \(year) follows \(previous); a schedule's years increase", at: yearPath, node: keyNode)
                isValid = false
            }
            if entries.isEmpty && year > firstNeeded {
                report(
                    "the schedule starts in \(year), after \(firstNeeded), the first year the value is needed; give a value for \(firstNeeded) or earlier",
                    at: yearPath, node: keyNode)
                isValid = false
            }
            guard let value = read(valueNode, yearPath) else {
                isValid = false
                continue
            }
            entries.append((year, value))
        }
        guard isValid else { return nil }
        return Schedule(entries: entries)
    }
}
