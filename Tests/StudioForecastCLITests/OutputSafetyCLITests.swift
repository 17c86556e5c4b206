import Foundation
import Testing
import _TestSupport

/// A small scenario named by its first line.
private func namedScenario(_ name: String) -> String {
    """
    name: \(name)
    start_year: 2026
    horizon_years: 3
    simulation:
      replications: 200
      seed: 5
    quota:
      per_year: 2
    """
}

/// Every name under `folder`, hidden ones included, relative to it.
func everything(in folder: URL) -> [String] {
    (FileManager.default.subpaths(atPath: folder.path) ?? []).sorted()
}

/// Makes a folder unwritable, even for root (an immutable folder), and returns a way back.
private func makeUnwritable(_ folder: URL) throws -> () -> Void {
    if getuid() == 0 {
        let chattr = Process()
        chattr.executableURL = URL(fileURLWithPath: "/usr/bin/chattr")
        chattr.arguments = ["+i", folder.path]
        try chattr.run()
        chattr.waitUntilExit()
        try #require(
            chattr.terminationStatus == 0, "chattr +i is needed to make a folder unwritable for root")
        return {
            let undo = Process()
            undo.executableURL = URL(fileURLWithPath: "/usr/bin/chattr")
            undo.arguments = ["-i", folder.path]
            try? undo.run()
            undo.waitUntilExit()
        }
    }
    try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: folder.path)
    return { try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: folder.path) }
}

/// The commands that write a folder, with the arguments before `--out` for a scenario file.
private enum WritingCommand: String, CaseIterable, CustomTestStringConvertible {
    case run, compare, sweep, sensitivity, merge

    var testDescription: String { rawValue }

    func arguments(scenario: String) -> [String] {
        switch self {
        case .run: ["run", scenario]
        case .compare: ["compare", scenario, scenario]
        case .sweep: ["sweep", scenario, "--set", "quota.per_year=2,3"]
        case .sensitivity: ["sensitivity", scenario]
        case .merge: ["merge", "no-such-shard"]
        }
    }

    /// Replications far too many to finish before the deadline, for the commands that simulate.
    var huge: [String] { self == .merge ? [] : ["--replications", "10000000"] }
}

@Suite("Names never escape out/, and no formula reaches a CSV cell")
struct ScenarioNameCLITests {
    @Test(
        "A name that is a path is refused by every command, and nothing is written anywhere",
        arguments: ["../../escaped", "..", "/../../x"],
        ["run", "compare", "sweep", "sensitivity", "validate"])
    func pathNames(_ name: String, _ command: String) throws {
        let top = try Fixtures.temporaryDirectory()
        let work = top.appendingPathComponent("a/b")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        try Data(namedScenario("\"\(name)\"").utf8).write(to: work.appendingPathComponent("bad.yaml"))
        let arguments: [String] =
            switch command {
            case "compare": ["compare", "bad.yaml", "bad.yaml", "--force"]
            case "sweep": ["sweep", "bad.yaml", "--set", "quota.per_year=2,3", "--force"]
            case "validate": ["validate", "bad.yaml"]
            default: [command, "bad.yaml", "--force"]
            }
        let result = try CommandLine.run(arguments, in: work)
        #expect(result.status == 1)
        #expect(result.errors.hasPrefix("studio-forecast: bad.yaml:1: name: "), "\(result.errors)")
        #expect(result.errors.split(separator: "\n").count == 1)
        #expect(everything(in: top) == ["a", "a/b", "a/b/bad.yaml"])
    }

    @Test(
        "A name a spreadsheet would read as a formula is refused before anything is written",
        arguments: ["+cmd|' /C calc'!A0", "=HYPERLINK(\\\"x\\\")", "-1+1", "@SUM(A1)", "\\tx", "\\rx"])
    func formulaNames(_ name: String) throws {
        let scenario = try CommandLine.scenarioFile(namedScenario("\"\(name)\""))
        let out = try Fixtures.temporaryDirectory().appendingPathComponent("out")
        let result = try CommandLine.run(["run", scenario, "--excel", "--out", out.path])
        #expect(result.status == 1)
        #expect(result.errors.contains(":1: name: the name may"), "\(result.errors)")
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }
}

@Suite("One-character paths, which Foundation's path functions trap on")
struct ShortPathCLITests {
    @Test("A scenario file named a, and --out F, run and write as any other names do")
    func oneCharacterPaths() throws {
        let work = try Fixtures.temporaryDirectory()
        try Data(namedScenario("short").utf8).write(to: work.appendingPathComponent("a"))
        let validate = try CommandLine.run(["validate", "a"], in: work)
        #expect(validate.status == 0, "\(validate.errors)")
        let run = try CommandLine.run(["run", "a", "--out", "F", "--quiet"], in: work)
        #expect(run.status == 0, "\(run.errors)")
        #expect(contents(of: work.appendingPathComponent("F")) == outputFiles)
        let again = try CommandLine.run(["run", "a", "--out", "F/", "--force", "--quiet"], in: work)
        #expect(again.status == 0, "\(again.errors)")
    }
}

@Suite("Output folder problems are refused before any simulation starts")
struct EarlyRefusalTests {
    @Test("--out naming a file is refused at once", arguments: WritingCommand.allCases)
    fileprivate func outIsFile(_ command: WritingCommand) throws {
        let scenario = try CommandLine.scenarioFile(namedScenario("small"))
        let file = try Fixtures.temporaryDirectory().appendingPathComponent("a-file")
        try Data("keep".utf8).write(to: file)
        let result = try CommandLine.run(
            command.arguments(scenario: scenario) + command.huge + ["--out", file.path], deadline: 30)
        #expect(!result.timedOut && result.seconds < 3, "took \(result.seconds) s")
        #expect(result.status == 1)
        #expect(
            result.errors
                == "studio-forecast: \(file.path): is a file, not a folder; give another output folder\n")
        #expect(try String(contentsOf: file, encoding: .utf8) == "keep")
    }

    @Test("--out under a file is refused at once", arguments: WritingCommand.allCases)
    fileprivate func outUnderFile(_ command: WritingCommand) throws {
        let scenario = try CommandLine.scenarioFile(namedScenario("small"))
        let file = try Fixtures.temporaryDirectory().appendingPathComponent("a-file")
        try Data("keep".utf8).write(to: file)
        let result = try CommandLine.run(
            command.arguments(scenario: scenario) + command.huge + ["--out", file.path + "/deeper/out"],
            deadline: 30)
        #expect(!result.timedOut && result.seconds < 3, "took \(result.seconds) s")
        #expect(result.status == 1)
        #expect(
            result.errors.contains("is a file, not a folder")
                && result.errors.split(separator: "\n").count == 1)
    }

    @Test("An unwritable output folder is refused at once", arguments: WritingCommand.allCases)
    fileprivate func notWritable(_ command: WritingCommand) throws {
        let scenario = try CommandLine.scenarioFile(namedScenario("small"))
        let locked = try Fixtures.temporaryDirectory().appendingPathComponent("locked")
        try FileManager.default.createDirectory(at: locked, withIntermediateDirectories: true)
        let undo = try makeUnwritable(locked)
        defer { undo() }
        let result = try CommandLine.run(
            command.arguments(scenario: scenario) + command.huge + [
                "--out", locked.appendingPathComponent("out").path,
            ],
            deadline: 30)
        #expect(!result.timedOut && result.seconds < 3, "took \(result.seconds) s")
        #expect(result.status == 1)
        #expect(
            result.errors.hasPrefix("studio-forecast: \(locked.path): cannot write: "), "\(result.errors)")
        #expect(result.errors.split(separator: "\n").count == 1)
    }

    @Test("A non-empty folder without --force is refused at once", arguments: WritingCommand.allCases)
    fileprivate func notEmpty(_ command: WritingCommand) throws {
        let scenario = try CommandLine.scenarioFile(namedScenario("small"))
        let folder = try Fixtures.temporaryDirectory()
        try Data("mine".utf8).write(to: folder.appendingPathComponent("notes.txt"))
        let result = try CommandLine.run(
            command.arguments(scenario: scenario) + command.huge + ["--out", folder.path], deadline: 30)
        #expect(!result.timedOut && result.seconds < 3, "took \(result.seconds) s")
        #expect(result.status == 1)
        #expect(result.errors.contains("the output folder is not empty"), "\(result.errors)")
        #expect(everything(in: folder) == ["notes.txt"])
    }

    @Test("An empty --out is a bad argument (exit 64)", arguments: WritingCommand.allCases)
    fileprivate func emptyOut(_ command: WritingCommand) throws {
        let scenario = try CommandLine.scenarioFile(namedScenario("small"))
        let result = try CommandLine.run(
            command.arguments(scenario: scenario) + command.huge + ["--out", ""], deadline: 30)
        #expect(!result.timedOut && result.seconds < 3, "took \(result.seconds) s")
        #expect(result.status == 64)
        #expect(result.errors.contains("--out: the output folder's name is empty"), "\(result.errors)")
    }
}

@Suite("The analyst commands accept --quiet, and export-notebook any folder name")
struct QuietAndNotebookTests {
    @Test(
        "compare, sweep, sensitivity and solve-quota accept --quiet",
        arguments: [
            ["compare", "S", "S"], ["sweep", "S", "--set", "quota.per_year=2,3"], ["sensitivity", "S"],
            [
                "solve-quota", "S", "--budget-breach-max", "0.5", "--annual-budget", "3000000", "--max-quota",
                "4",
            ],
        ])
    func quiet(_ template: [String]) throws {
        let scenario = try CommandLine.scenarioFile(namedScenario("small"))
        let out = try Fixtures.temporaryDirectory().appendingPathComponent("out")
        var arguments = template.map { $0 == "S" ? scenario : $0 } + ["--replications", "100", "--quiet"]
        if template[0] != "solve-quota" { arguments += ["--out", out.path] }
        let result = try CommandLine.run(arguments)
        #expect(result.status == 0, "\(result.errors)")
        #expect(result.errors.isEmpty, "\(result.errors)")
    }

    @Test(
        "export-notebook binds a folder whose name holds a newline and quotes, and the binding runs in Python"
    )
    func notebookStrangeFolder() throws {
        let out = try Fixtures.temporaryDirectory().appendingPathComponent("we\"ird\nna'me \\ 名")
        let run = try CommandLine.run([
            "run", Fixtures.scenarioPath("nanchang-baseline"), "--replications", "100", "--out", out.path,
        ])
        #expect(run.status == 0, "\(run.errors)")
        let export = try CommandLine.run(["export-notebook", out.path])
        #expect(export.status == 0, "\(export.errors)")
        let data = try Data(contentsOf: out.appendingPathComponent("forecast.ipynb"))
        let notebook = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let cells = try #require(notebook["cells"] as? [[String: Any]])
        let binding = try #require(
            cells.compactMap { $0["source"] as? String }.first { $0.contains("RUN_DIR = ") })
        let python = Process()
        python.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        python.arguments = ["python3", "-c", binding + "\nimport sys\nsys.stdout.write(str(RUN_DIR))"]
        python.environment = ["PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"]
        let output = Pipe()
        python.standardOutput = output
        try python.run()
        let printed = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        python.waitUntilExit()
        #expect(python.terminationStatus == 0)
        #expect(printed == out.standardizedFileURL.path)
    }
}

@Suite("sweep refuses --set values a spreadsheet would read as formulas")
struct SweepFormulaTests {
    @Test(
        "A formula-like value is a bad argument (64); a plain negative number is not one",
        arguments: [
            ("quota.per_year=+5 #|cmd", 64), ("quota.per_year=2,@x", 64),
            ("reporting.discount_rate=-1+1", 64),
            ("reporting.discount_rate=0,0.01", 0),
            // A negative number is no formula: it reaches the scenario's own check (the rate's range).
            ("reporting.discount_rate=0,-0.01", 1),
        ])
    func formulaValues(_ setting: String, _ status: Int32) throws {
        let scenario = try CommandLine.scenarioFile(namedScenario("small"))
        let out = try Fixtures.temporaryDirectory().appendingPathComponent("out")
        let result = try CommandLine.run([
            "sweep", scenario, "--set", setting, "--replications", "50", "--out", out.path,
        ])
        #expect(result.status == status, "\(result.errors)")
        #expect(
            FileManager.default.fileExists(atPath: out.appendingPathComponent("sweep.csv").path)
                == (status == 0))
        #expect(
            result.errors.contains("a spreadsheet reads as a formula") == (status == 64), "\(result.errors)")
    }
}
