import Foundation
import Testing
import _TestSupport

/// strace, which the signal tests use to send a real signal at the N-th call of a system call.
enum Strace {
    /// The program, when installed (`make test` installs it).
    static let program: URL? = ["/usr/bin/strace", "/bin/strace"].map(URL.init(fileURLWithPath:))
        .first { FileManager.default.isExecutableFile(atPath: $0.path) }

    /// Whether strace can trace here (it cannot where ptrace is not permitted).
    static let works: Bool = {
        guard let program else { return false }
        let probe = try? CommandLine.run(
            ["-f", "-o", "/dev/null", "/bin/true"], program: program, deadline: 30)
        return probe.map { $0.status == 0 && !$0.signalled } ?? false
    }()
}

/// The two complete sets of files the signal tests expect: the earlier run's and the new run's.
private struct Sets: Sendable {
    /// A small scenario file.
    let scenario: String
    /// A folder holding the earlier run (seed 1).
    let earlier: URL
    /// A folder holding what the new run (seed 2) writes.
    let later: URL

    /// The files of a run; run.json records times, so it is compared by its seed.
    static let files = ["cohorts.csv", "forecast.csv", "forecast.xlsx", "report.html", "run.json", "summary.csv"]
    static let deterministic = ["cohorts.csv", "forecast.csv", "report.html", "summary.csv"]

    static let shared: Sets? = {
        guard let top = try? Fixtures.temporaryDirectory(),
            let scenario = try? CommandLine.scenarioFile(
                "name: small\nstart_year: 2026\nhorizon_years: 3\nsimulation:\n  replications: 200\nquota:\n  per_year: 2\n"
            )
        else { return nil }
        let earlier = top.appendingPathComponent("earlier")
        let later = top.appendingPathComponent("later")
        for (folder, seed) in [(earlier, "1"), (later, "2")] {
            guard let result = try? CommandLine.run(["run", scenario, "--seed", seed, "--out", folder.path]),
                result.status == 0
            else { return nil }
        }
        return Sets(scenario: scenario, earlier: earlier, later: later)
    }()

    /// Which complete set `folder` holds, or nil when it holds anything else (a mix, a missing
    /// file, a hidden leftover).
    func which(_ folder: URL) -> String? {
        guard everything(in: folder) == Self.files else { return nil }
        func same(_ reference: URL, seed: String) -> Bool {
            Self.deterministic.allSatisfy { name in
                FileManager.default.contents(atPath: folder.appendingPathComponent(name).path)
                    == FileManager.default.contents(atPath: reference.appendingPathComponent(name).path)
            }
                && (try? String(contentsOf: folder.appendingPathComponent("run.json"), encoding: .utf8))?
                    .contains("\"seed\": \(seed),") == true
        }
        if same(earlier, seed: "1") { return "earlier" }
        if same(later, seed: "2") { return "later" }
        return nil
    }

    /// A fresh folder holding the earlier set.
    func folderWithEarlierSet() throws -> URL {
        let folder = try Fixtures.temporaryDirectory().appendingPathComponent("run")
        try FileManager.default.copyItem(at: earlier, to: folder)
        return folder
    }

    /// The new run over `folder` with `--force`, under strace sending `signal` at the `step`-th `call`.
    func interruptedRun(_ folder: URL, call: String, signal: String, step: Int) throws
        -> CommandLine.TimedResult
    {
        let program = try #require(Strace.program)
        return try CommandLine.run(
            [
                "-f", "-o", "/dev/null", "-e", "inject=\(call):signal=\(signal):when=\(step)",
                CommandLine.executable.path,
                "run", scenario, "--seed", "2", "--out", folder.path, "--force",
            ],
            program: program, deadline: 120)
    }
}

/// The renames of a commit over a full folder: the journal's, then two for each of the six files.
private let renameSteps = 1...13
/// The fsyncs of a write: the journal's plan, the five temporary files and the staged workbook,
/// then the commit's.
private let temporarySteps = 1...7

@Suite(
    "Real signals at every step of the output commit",
    .enabled(
        if: Strace.works, "strace cannot run here (missing, or ptrace not permitted); make test installs it"))
struct SignalCommitTests {
    @Test(
        "SIGINT or SIGTERM at any rename of the commit: the new set, complete, exit 130 or 143",
        arguments: ["INT", "TERM"], renameSteps)
    func signalDuringRenames(_ signal: String, _ step: Int) throws {
        let sets = try #require(Sets.shared)
        let folder = try sets.folderWithEarlierSet()
        let result = try sets.interruptedRun(folder, call: "rename", signal: signal, step: step)
        #expect(
            !result.signalled && result.status == (signal == "INT" ? 130 : 143),
            "\(result.status) \(result.errors)")
        #expect(sets.which(folder) == "later", "\(everything(in: folder))")
    }

    @Test(
        "A signal after the last rename finds the run done: the new set, exit 0",
        arguments: ["INT", "TERM", "KILL"])
    func signalAfterCommit(_ signal: String) throws {
        let sets = try #require(Sets.shared)
        let folder = try sets.folderWithEarlierSet()
        let result = try sets.interruptedRun(
            folder, call: "rename", signal: signal, step: renameSteps.upperBound + 1)
        #expect(result.status == 0, "\(result.errors)")
        #expect(sets.which(folder) == "later")
    }

    @Test(
        "SIGINT or SIGTERM while the temporaries are written: the earlier set, no hidden file, exit 130 or 143",
        arguments: ["INT", "TERM"], temporarySteps)
    func signalDuringTemporaries(_ signal: String, _ step: Int) throws {
        let sets = try #require(Sets.shared)
        let folder = try sets.folderWithEarlierSet()
        let result = try sets.interruptedRun(folder, call: "fsync", signal: signal, step: step)
        #expect(
            !result.signalled && result.status == (signal == "INT" ? 130 : 143),
            "\(result.status) \(result.errors)")
        #expect(sets.which(folder) == "earlier", "\(everything(in: folder))")
    }

    @Test(
        "SIGKILL at any rename: the next command restores one complete set (the new one once the journal is in place)",
        arguments: renameSteps)
    func killDuringRenames(_ step: Int) throws {
        let sets = try #require(Sets.shared)
        let folder = try sets.folderWithEarlierSet()
        let killed = try sets.interruptedRun(folder, call: "rename", signal: "KILL", step: step)
        #expect(killed.signalled && killed.status == SIGKILL)
        #expect(
            sets.which(folder) == nil,
            "a kill mid-commit leaves the journal's hidden files until the next command")
        let next = try CommandLine.run(["run", sets.scenario, "--out", folder.path], deadline: 120)
        #expect(next.status == 1 && next.errors.contains("the output folder is not empty"), "\(next.errors)")
        #expect(sets.which(folder) == (step == 1 ? "earlier" : "later"), "\(everything(in: folder))")
    }

    @Test(
        "SIGKILL while the temporaries are written: the next command restores the earlier set",
        arguments: temporarySteps)
    func killDuringTemporaries(_ step: Int) throws {
        let sets = try #require(Sets.shared)
        let folder = try sets.folderWithEarlierSet()
        let killed = try sets.interruptedRun(folder, call: "fsync", signal: "KILL", step: step)
        #expect(killed.signalled && killed.status == SIGKILL)
        let next = try CommandLine.run(["run", sets.scenario, "--out", folder.path], deadline: 120)
        #expect(next.status == 1 && next.errors.contains("the output folder is not empty"), "\(next.errors)")
        #expect(sets.which(folder) == "earlier", "\(everything(in: folder))")
    }

    @Test("Hidden leftovers of a killed first run never make the folder count as not empty")
    func killedFirstRun() throws {
        let sets = try #require(Sets.shared)
        let folder = try Fixtures.temporaryDirectory().appendingPathComponent("fresh")
        let killed = try sets.interruptedRun(folder, call: "fsync", signal: "KILL", step: 3)
        #expect(killed.signalled)
        #expect(everything(in: folder).allSatisfy { $0.hasPrefix(".") }, "\(everything(in: folder))")
        let next = try CommandLine.run(
            ["run", sets.scenario, "--seed", "2", "--out", folder.path], deadline: 120)
        #expect(next.status == 0, "\(next.errors)")
        #expect(sets.which(folder) == "later", "\(everything(in: folder))")
    }
}
