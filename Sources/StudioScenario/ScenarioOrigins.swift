/// Which file of a scenario's `extends:` chain wrote each key path of the effective scenario.
///
/// A value keeps the line it was written on (its YAML node's mark); this table adds the file,
/// so that a problem found in the effective scenario is reported as `file:line` of the file that
/// holds the offending value, whichever file of the chain that is.
struct ScenarioOrigins: Sendable {
    /// The file that wrote each key path (`quota.per_year`, `existing_studios[0].count`).
    private var files: [String: String] = [:]

    /// An empty table: every key path belongs to the file being read.
    init() {}

    /// Records that `file` wrote the value at `path`.
    mutating func record(_ file: String, at path: String) {
        files[path] = file
    }

    /// The file that wrote the value at `path`, or at the nearest key path above it (a key
    /// missing from a mapping belongs to the file that wrote the mapping); nil when no file of
    /// a chain is recorded there.
    func file(for path: String) -> String? {
        var path = Substring(path)
        while true {
            if let file = files[String(path)] { return file }
            guard !path.isEmpty else { return nil }
            path = Self.parent(of: path)
        }
    }

    /// `a.b[2]` → `a.b`, `a.b` → `a`, `a` → the empty path.
    private static func parent(of path: Substring) -> Substring {
        if path.hasSuffix("]"), let open = path.lastIndex(of: "[") { return path[..<open] }
        if let dot = path.lastIndex(of: ".") { return path[..<dot] }
        return ""
    }
}
