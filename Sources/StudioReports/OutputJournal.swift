import Foundation
import StudioScenario

/// The commit journal of an output folder: which temporary file becomes which final file, and
/// where the earlier file of that name is set aside meanwhile (DESIGN.md, "Writing").
///
/// A write first records its plan as the hidden file `.studio-forecast-journal.pending`, then
/// writes the temporary files; renaming the plan to `.studio-forecast-journal` is the commit
/// point. After that the renames follow, then the set-aside files and the journal are removed.
/// ``recover(folder:)`` finishes whatever a killed process left: with a committed journal it
/// rolls forward to the new set; with only the pending plan it removes the temporaries and keeps
/// the earlier set. Paths are relative to the folder and are checked to stay inside it.
struct OutputJournal: Sendable {
    /// One file of the set, its three names relative to the folder.
    struct Entry: Sendable, Hashable {
        /// The hidden temporary file the new contents are written to.
        var temporary: String
        /// The file's final name.
        var final: String
        /// The hidden name the earlier file of that name is moved to until the commit ends.
        var setAside: String
    }

    /// The committed journal's name.
    static let committedName = ".studio-forecast-journal"
    /// The plan's name before the commit point.
    static let pendingName = ".studio-forecast-journal.pending"
    /// A hidden temporary or set-aside file holds this in its name.
    static let marker = ".studio-forecast-"
    private static let header = "studio-forecast output journal 1"
    private static let footer = "end"

    /// The files of the set.
    var entries: [Entry]

    /// The journal's text: a header, one tab-separated line per entry, and a closing line.
    func text() -> String {
        ([Self.header] + entries.map { "\($0.temporary)\t\($0.final)\t\($0.setAside)" } + [Self.footer])
            .joined(separator: "\n") + "\n"
    }

    /// The hidden names of the temporary and set-aside files of `final`, for one write.
    static func entry(final: String, token: String) -> Entry {
        let folder = FilePath.parent(of: final)
        let leaf = (final as NSString).lastPathComponent
        func hidden(_ suffix: String) -> String {
            let name = ".\(leaf)\(marker)\(token).\(suffix)"
            return folder.isEmpty ? name : folder + "/" + name
        }
        return Entry(temporary: hidden("tmp"), final: final, setAside: hidden("old"))
    }

    /// Whether a name in the folder is one of the hidden files a write leaves only while it runs.
    static func isLeftover(_ name: String) -> Bool {
        name == committedName || name == pendingName
            || (name.hasPrefix(".") && name.contains(marker)
                && (name.hasSuffix(".tmp") || name.hasSuffix(".old")))
    }

    // MARK: - Reading

    /// The entries of a journal's text; a damaged or foreign line is left out (or, when
    /// `complete` is required, makes the whole journal nil).
    static func parse(_ text: String, complete: Bool) -> OutputJournal? {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard lines.first == header else { return complete ? nil : OutputJournal(entries: []) }
        var entries: [Entry] = []
        var closed = false
        for line in lines.dropFirst() {
            if line == footer {
                closed = true
                break
            }
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            let entry =
                fields.count == 3 ? Entry(temporary: fields[0], final: fields[1], setAside: fields[2]) : nil
            guard let entry, isSafe(entry) else {
                if complete { return nil }
                continue
            }
            entries.append(entry)
        }
        if complete && !closed { return nil }
        return OutputJournal(entries: entries)
    }

    /// Whether an entry's names stay inside the folder and its hidden names are a write's own.
    private static func isSafe(_ entry: Entry) -> Bool {
        let names = [entry.temporary, entry.final, entry.setAside]
        guard names.allSatisfy(isRelativeInside) else { return false }
        let folder = FilePath.parent(of: entry.final)
        return [entry.temporary, entry.setAside].allSatisfy { name in
            FilePath.parent(of: name) == folder
                && isLeftover((name as NSString).lastPathComponent)
        }
    }

    /// A relative path whose every component is a plain name (no `..`, no empty component).
    private static func isRelativeInside(_ path: String) -> Bool {
        guard !path.isEmpty, !path.hasPrefix("/"), !path.contains("\0") else { return false }
        return path.split(separator: "/", omittingEmptySubsequences: false).allSatisfy {
            $0 != "" && $0 != "." && $0 != ".."
        }
    }

    // MARK: - Recovery

    /// Restores one complete set of files in `folder` after a process was killed during a write.
    ///
    /// - Throws: ``OutputError`` when a committed journal is damaged or a rename fails.
    static func recover(folder: String) throws(OutputError) {
        func path(_ name: String) -> String { (folder as NSString).appendingPathComponent(name) }
        let committed = path(committedName)
        let pending = path(pendingName)
        if POSIXFile.exists(committed) {
            let text =
                FileManager.default.contents(atPath: committed).map { String(decoding: $0, as: UTF8.self) }
                ?? ""
            guard let journal = parse(text, complete: true) else {
                throw OutputError.damagedJournal(
                    committed, reason: "it is incomplete or names files outside the folder")
            }
            try journal.rollForward(in: folder)
            try POSIXFile.remove(pending)
            try POSIXFile.remove(committed)
            POSIXFile.syncFolder(folder)
        } else if POSIXFile.exists(pending) {
            let text =
                FileManager.default.contents(atPath: pending).map { String(decoding: $0, as: UTF8.self) }
                ?? ""
            let journal = parse(text, complete: false) ?? OutputJournal(entries: [])
            try journal.rollBack(in: folder)
            try POSIXFile.remove(pending)
            POSIXFile.syncFolder(folder)
        }
    }

    /// Completes the renames of a committed journal, then removes the set-aside files.
    func rollForward(in folder: String) throws(OutputError) {
        func path(_ name: String) -> String { (folder as NSString).appendingPathComponent(name) }
        for entry in entries where POSIXFile.exists(path(entry.temporary)) {
            if POSIXFile.exists(path(entry.final)) && !POSIXFile.exists(path(entry.setAside)) {
                try POSIXFile.rename(path(entry.final), to: path(entry.setAside))
            }
            try POSIXFile.rename(path(entry.temporary), to: path(entry.final))
        }
        for entry in entries { try POSIXFile.remove(path(entry.setAside)) }
    }

    /// Removes the temporary files of an uncommitted write and puts back any file set aside.
    func rollBack(in folder: String) throws(OutputError) {
        func path(_ name: String) -> String { (folder as NSString).appendingPathComponent(name) }
        for entry in entries {
            try POSIXFile.remove(path(entry.temporary))
            if POSIXFile.exists(path(entry.setAside)) {
                if POSIXFile.exists(path(entry.final)) {
                    try POSIXFile.remove(path(entry.setAside))
                } else {
                    try POSIXFile.rename(path(entry.setAside), to: path(entry.final))
                }
            }
        }
    }
}
