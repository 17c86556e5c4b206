import Foundation
import StudioReports
import Testing
import _TestSupport

/// The files of a small write, name and contents.
private func files(_ tag: String) -> [(name: String, contents: String)] {
    [
        ("forecast.csv", "forecast \(tag)\n"), ("summary.csv", "summary \(tag)\n"),
        ("base/forecast.csv", "base \(tag)\n"),
    ]
}

/// Every name under `folder`, hidden ones included, relative to it.
private func everything(in folder: URL) -> [String] {
    (FileManager.default.subpaths(atPath: folder.path) ?? []).sorted()
}

private func text(_ folder: URL, _ name: String) -> String? {
    try? String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
}

@Suite("The output folder: inside out/, checked early, all or nothing")
struct OutputFolderSafetyTests {
    @Test(
        "A default folder is one name directly inside its root",
        arguments: ["nanchang-baseline", "南昌 基线", "a..b"])
    func defaultFolderInside(_ leaf: String) throws {
        let root = try Fixtures.temporaryDirectory().appendingPathComponent("out").path
        #expect(try OutputDirectory.defaultFolder(leaf, under: root).path == root + "/" + leaf)
    }

    @Test(
        "A default folder that would lie outside its root is refused",
        arguments: ["..", "../x", "a/../../b", "", ".", "a/b"])
    func defaultFolderOutside(_ leaf: String) throws {
        let root = try Fixtures.temporaryDirectory().appendingPathComponent("out").path
        #expect(throws: OutputError.self) { try OutputDirectory.defaultFolder(leaf, under: root) }
    }

    @Test("A default folder that is a link to elsewhere is refused: the resolved path is compared")
    func defaultFolderLink() throws {
        let top = try Fixtures.temporaryDirectory()
        let root = top.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(
            atPath: root.appendingPathComponent("linked").path, withDestinationPath: top.path)
        #expect(throws: OutputError.self) { try OutputDirectory.defaultFolder("linked", under: root.path) }
    }

    @Test("prepare refuses a file, a path under a file and a non-empty folder without force")
    func prepareRefuses() throws {
        let top = try Fixtures.temporaryDirectory()
        let file = top.appendingPathComponent("file")
        try Data("x".utf8).write(to: file)
        #expect(throws: OutputError.self) { try OutputDirectory(path: file.path).prepare(force: true) }
        #expect(throws: OutputError.self) {
            try OutputDirectory(path: file.path + "/below").prepare(force: true)
        }
        #expect(throws: OutputError.self) { try OutputDirectory(path: "").prepare(force: true) }
        #expect(throws: OutputError.self) { try OutputDirectory(path: top.path).prepare(force: false) }
        try OutputDirectory(path: top.path).prepare(force: true)
        try OutputDirectory(path: top.appendingPathComponent("new/deeper").path).prepare(force: false)
    }

    @Test("A write replaces the set, leaves other files alone and no hidden file behind")
    func writeReplaces() throws {
        let folder = try Fixtures.temporaryDirectory().appendingPathComponent("run")
        let output = OutputDirectory(path: folder.path)
        try output.write(files("A"), force: false)
        try Data("mine".utf8).write(to: folder.appendingPathComponent("notes.txt"))
        #expect(throws: OutputError.self) { try output.write(files("B"), force: false) }
        #expect(text(folder, "forecast.csv") == "forecast A\n")
        try output.write(files("B"), force: true)
        #expect(
            everything(in: folder) == [
                "base", "base/forecast.csv", "forecast.csv", "notes.txt", "summary.csv",
            ])
        #expect(text(folder, "base/forecast.csv") == "base B\n" && text(folder, "notes.txt") == "mine")
    }

    @Test("Hidden leftovers of a killed write do not make a folder count as not empty")
    func leftoversAreNotContents() throws {
        let folder = try Fixtures.temporaryDirectory()
        try Data("x".utf8).write(to: folder.appendingPathComponent(".forecast.csv.studio-forecast-12-ab.tmp"))
        #expect(!OutputDirectory(path: folder.path).isNonEmpty)
        try Data("x".utf8).write(to: folder.appendingPathComponent(".hidden-by-user"))
        #expect(OutputDirectory(path: folder.path).isNonEmpty)
    }

    /// A folder holding set A, with a write of set B stopped after `renames` renames of its commit.
    private static func interruptedWrite(committed: Bool, renames: Int) throws -> URL {
        let folder = try Fixtures.temporaryDirectory().appendingPathComponent("run")
        try OutputDirectory(path: folder.path).write(files("A"), force: false)
        var lines = ["studio-forecast output journal 1"]
        var steps: [(String, String)] = []
        for file in files("B") {
            let leaf = (file.name as NSString).lastPathComponent
            let dir = (file.name as NSString).deletingLastPathComponent
            let prefix = dir.isEmpty ? "" : dir + "/"
            let temporary = prefix + ".\(leaf).studio-forecast-1-a.tmp"
            let setAside = prefix + ".\(leaf).studio-forecast-1-a.old"
            try Data(file.contents.utf8).write(to: folder.appendingPathComponent(temporary))
            lines.append("\(temporary)\t\(file.name)\t\(setAside)")
            steps += [(file.name, setAside), (temporary, file.name)]
        }
        lines.append("end")
        let journal = committed ? ".studio-forecast-journal" : ".studio-forecast-journal.pending"
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(
            to: folder.appendingPathComponent(journal))
        for (source, destination) in steps.prefix(renames) {
            #expect(
                rename(
                    folder.appendingPathComponent(source).path,
                    folder.appendingPathComponent(destination).path) == 0)
        }
        return folder
    }

    @Test("After a kill past the commit point, the next touch rolls forward to the new set", arguments: 0...6)
    func rollForward(_ renames: Int) throws {
        let folder = try Self.interruptedWrite(committed: true, renames: renames)
        try OutputDirectory(path: folder.path).prepare(force: true)
        #expect(everything(in: folder) == ["base", "base/forecast.csv", "forecast.csv", "summary.csv"])
        #expect(
            ["forecast.csv", "summary.csv", "base/forecast.csv"].allSatisfy {
                text(folder, $0)?.hasSuffix("B\n") == true
            })
    }

    @Test(
        "After a kill before the commit point, the next touch removes the temporaries and keeps the earlier set"
    )
    func rollBack() throws {
        let folder = try Self.interruptedWrite(committed: false, renames: 0)
        #expect(throws: OutputError.self) { try OutputDirectory(path: folder.path).prepare(force: false) }
        #expect(everything(in: folder) == ["base", "base/forecast.csv", "forecast.csv", "summary.csv"])
        #expect(
            ["forecast.csv", "summary.csv", "base/forecast.csv"].allSatisfy {
                text(folder, $0)?.hasSuffix("A\n") == true
            })
    }

    @Test("A journal naming files outside the folder is refused, and nothing outside is touched")
    func journalOutside() throws {
        let top = try Fixtures.temporaryDirectory()
        let folder = top.appendingPathComponent("run")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data("victim".utf8).write(to: top.appendingPathComponent("victim.txt"))
        try Data(".x.studio-forecast-1.tmp".utf8).write(
            to: folder.appendingPathComponent(".x.studio-forecast-1.tmp"))
        let journal =
            "studio-forecast output journal 1\n.x.studio-forecast-1.tmp\t../victim.txt\t.x.studio-forecast-1.old\nend\n"
        try Data(journal.utf8).write(to: folder.appendingPathComponent(".studio-forecast-journal"))
        #expect(throws: OutputError.self) { try OutputDirectory(path: folder.path).prepare(force: true) }
        #expect(text(top, "victim.txt") == "victim")
    }
}
