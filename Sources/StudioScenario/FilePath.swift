/// Path text the tools take apart themselves.
///
/// Foundation's `NSString.deletingLastPathComponent` traps on a one-character relative path
/// such as `F` (so `--out F` or a scenario file named `a` would crash the tool); every path a
/// user or a file gives goes through this instead.
package enum FilePath {
    /// The folder part of `path`, as `NSString.deletingLastPathComponent` gives it: `a/b` → `a`,
    /// `/a` → `/`, `a` → the empty string; trailing slashes are ignored.
    package static func parent(of path: String) -> String {
        var text = Substring(path)
        while text.count > 1 && text.hasSuffix("/") { text = text.dropLast() }
        guard let slash = text.lastIndex(of: "/") else { return "" }
        if slash == text.startIndex { return "/" }
        var folder = text[..<slash]
        while folder.count > 1 && folder.hasSuffix("/") { folder = folder.dropLast() }
        return String(folder)
    }
}
