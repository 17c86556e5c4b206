import Foundation
import StudioForecast
import Testing
import _TestSupport

/// A library user gets the very folder a command writes: the same scenario, seed and
/// replications written through ``ForecastFolder`` and through the built `studio-forecast`
/// (`swift build` first) give the same files, byte for byte, `run.json`'s clock aside; and
/// workbooks whose sheets hold the same cells (read with openpyxl, the clock aside) and whose
/// other parts (charts, styles, drawings) are the same bytes, their creation time aside.
@Suite("The library writes the commands' folders")
struct CommandFolderTests {
    static let replications = 400
    static let seed: UInt64 = 424_242

    /// The baseline, or the baseline with an uncertain pass rate, so that `inputs.csv` is written too.
    static func scenarioFile(uncertain: Bool) throws -> String {
        let path = Fixtures.scenarioPath("nanchang-baseline")
        guard uncertain else { return path }
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let changed = text.replacingOccurrences(
            of: "in_cycle: 0.93", with: "in_cycle: {distribution: beta, mean: 0.93, sd: 0.02}")
        #expect(changed != text)
        let file = try Fixtures.temporaryDirectory().appendingPathComponent("uncertain.yaml")
        try Data(changed.utf8).write(to: file)
        return file.path
    }

    @Test(
        "run: the library's folder is the command's, every file", arguments: [(false, "zh"), (true, "en")])
    func runFolder(uncertain: Bool, language: String) throws {
        let path = try Self.scenarioFile(uncertain: uncertain)
        let root = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let command = root.appendingPathComponent("command")
        try Self.runTool([
            "run", path, "--replications", "\(Self.replications)", "--seed", "\(Self.seed)", "--threads", "2",
            "--lang", language, "--excel", "--labels", language, "--quiet", "--out", command.path,
        ])

        let scenario = try Scenario(contentsOf: URL(fileURLWithPath: path)).with {
            $0.simulation.replications = Self.replications
            $0.simulation.seed = Self.seed
        }
        let forecast = try Simulation(scenario, threads: 2).run()
        let language = try #require(ScenarioExplanation.Language(rawValue: language))
        let labels = try #require(ForecastFiles.Labels(rawValue: language.rawValue))
        let provenance = RunProvenance(
            scenario: scenario, path: path, method: .montecarlo, replications: forecast.replications, threads: 2,
            started: Date())
        let library = root.appendingPathComponent("library")
        let folder = try ForecastFolder(
            run: forecast, of: scenario, provenance: provenance, language: language,
            format: CSVFormat(byteOrderMark: true, labels: labels))
        try folder.write(to: library)

        let expected = ["forecast.csv", "summary.csv", "cohorts.csv", "run.json", "report.html", "forecast.xlsx"]
        #expect(Set(try Self.files(in: library)) == Set(expected + (uncertain ? ["inputs.csv"] : [])))
        try Self.expectSameFiles(library, command)
    }

    @Test("compare: the library's folder is the command's, every file")
    func comparisonFolder() throws {
        let basePath = Fixtures.scenarioPath("nanchang-baseline")
        let variantPath = Fixtures.scenarioPath("larger-quota")
        let root = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let command = root.appendingPathComponent("command")
        try Self.runTool([
            "compare", basePath, variantPath, "--replications", "\(Self.replications)", "--seed", "\(Self.seed)",
            "--threads", "2", "--lang", "en", "--quiet", "--out", command.path,
        ])

        let base = try Scenario(contentsOf: URL(fileURLWithPath: basePath)).with {
            $0.simulation.replications = Self.replications
            $0.simulation.seed = Self.seed
        }
        let variant = try Scenario(contentsOf: URL(fileURLWithPath: variantPath))
        let comparison = try Simulation(base, threads: 2).compare(with: variant)
        let provenance = RunProvenance(
            scenario: base, path: basePath, method: .compare, replications: comparison.base.replications,
            threads: 2, started: Date())
        let library = root.appendingPathComponent("library")
        try ForecastFolder(comparison: comparison, of: base, provenance: provenance, language: .en).write(to: library)

        #expect(
            Set(try Self.files(in: library)) == [
                "comparison.csv", "comparison.xlsx", "report.html", "run.json", "base/forecast.csv",
                "base/summary.csv", "base/cohorts.csv", "variant/forecast.csv", "variant/summary.csv",
                "variant/cohorts.csv",
            ])
        try Self.expectSameFiles(library, command)
    }

    @Test("run --shard: the library's shard folder is the command's, every file")
    func shardFolder() throws {
        let path = try Self.scenarioFile(uncertain: true)
        let root = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let command = root.appendingPathComponent("command")
        try Self.runTool([
            "run", path, "--replications", "2100", "--seed", "\(Self.seed)", "--threads", "2", "--shard", "2/2",
            "--keep-replications", "--quiet", "--out", command.path,
        ])

        let scenario = try Scenario(contentsOf: URL(fileURLWithPath: path)).with {
            $0.simulation.replications = 2100
            $0.simulation.seed = Self.seed
        }
        let shard = try ShardRun(scenario: scenario, path: path, shard: 2, of: 2)
        let library = OutputDirectory(path: root.appendingPathComponent("library").path)
        try library.prepare(force: false)
        let output = try shard.run(threads: 2, keepingReplications: true, in: library)
        let provenance = RunProvenance(
            scenario: scenario, path: path, method: .montecarlo, replications: output.forecast.replications,
            threads: 2, started: Date())
        let folder = try ForecastFolder(shard: output, of: shard, provenance: provenance)
        #expect(
            folder.fileNames == [
                "forecast.csv", "summary.csv", "cohorts.csv", "report.html", "inputs.csv", "inputs-replications.csv",
                "run.json", "shard.json", "replications.csv", "forecast.xlsx",
            ])
        try folder.write(to: library, force: false)
        try Self.expectSameFiles(URL(fileURLWithPath: library.path), command)
    }

    @Test("A workbook that cannot be written leaves no file behind, temporary or final")
    func workbookFailureLeavesNothing() throws {
        let scenario = try Scenario(contentsOf: URL(fileURLWithPath: Fixtures.scenarioPath("nanchang-baseline")))
        let forecast = try Simulation(scenario, threads: 2).run(replications: 100)
        let root = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        // A folder where the workbook's final name lies: the text files are staged, the commit refused.
        try FileManager.default.createDirectory(
            at: root.appendingPathComponent("forecast.xlsx"), withIntermediateDirectories: false)
        #expect(throws: OutputError.self) {
            try ForecastFolder(run: forecast, of: scenario).write(to: root, force: true)
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path) == ["forecast.xlsx"])
    }

    // MARK: - Helpers

    /// Every file's path under `folder`, hidden files included.
    static func files(in folder: URL) throws -> [String] {
        let enumerator = try #require(FileManager.default.enumerator(atPath: folder.path))
        return enumerator.compactMap { $0 as? String }.filter { name in
            var isFolder: ObjCBool = false
            let exists = FileManager.default.fileExists(
                atPath: folder.appendingPathComponent(name).path, isDirectory: &isFolder)
            return exists && !isFolder.boolValue
        }
    }

    /// The record's clock: the lines of `run.json`, and the rows of a workbook's run sheet, that
    /// differ between two runs of the same scenario.
    static let clockKeys = ["started_at", "finished_at", "wall_seconds"]

    /// Expects the same files in both folders, each with the same bytes (`run.json`'s clock
    /// aside); a workbook with the same cells and other parts.
    static func expectSameFiles(_ library: URL, _ command: URL) throws {
        let names = try files(in: library).sorted()
        #expect(names == (try files(in: command).sorted()))
        for name in names {
            let mine = library.appendingPathComponent(name)
            let theirs = command.appendingPathComponent(name)
            if name.hasSuffix(".xlsx") {
                let contents = try workbookContents(mine)
                #expect(contents.count > 5, "\(name)")
                #expect(contents == (try workbookContents(theirs)), "\(name)")
            } else if name.hasSuffix("run.json") {
                let text = try String(contentsOf: mine, encoding: .utf8)
                #expect(clockMasked(text) == clockMasked(try String(contentsOf: theirs, encoding: .utf8)), "\(name)")
                #expect(text.contains("\"started_at\""), "\(name)")
            } else {
                #expect(try Data(contentsOf: mine) == Data(contentsOf: theirs), "\(name)")
            }
        }
    }

    /// `run.json`'s text with each line of its clock replaced by its key alone.
    static func clockMasked(_ json: String) -> String {
        json.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            let key = clockKeys.first { line.contains("\"\($0)\":") }
            return key ?? String(line)
        }.joined(separator: "\n")
    }

    /// A workbook as comparable text, by part: each sheet's cells as openpyxl reads them (the
    /// run sheet's clock rows masked), and every other part of the zip but `docProps/core.xml`
    /// (the creation time) and the shared strings (the sheets' text, whose order follows the
    /// clock's values) as its bytes in hex.
    static func workbookContents(_ file: URL) throws -> [String: String] {
        let python = Fixtures.packageRoot.appendingPathComponent(".venv-notebooks/bin/python")
        try #require(FileManager.default.isExecutableFile(atPath: python.path), "no notebook environment; run make test")
        let script = """
            import json, re, sys, zipfile
            import openpyxl
            clock = set(sys.argv[2].split(","))
            parts = {}
            with zipfile.ZipFile(sys.argv[1]) as book:
                for name in book.namelist():
                    if name == "docProps/core.xml" or name == "xl/sharedStrings.xml":
                        continue
                    if re.fullmatch(r"xl/worksheets/sheet[0-9]+\\.xml", name):
                        continue
                    parts[name] = book.read(name).hex()
            for sheet in openpyxl.load_workbook(sys.argv[1]).worksheets:
                rows = [list(row) for row in sheet.iter_rows(values_only=True)]
                for row in rows:
                    if row and row[0] in clock:
                        row[1:] = ["(clock)"] * (len(row) - 1)
                parts["sheet " + sheet.title] = json.dumps(rows, ensure_ascii=False, default=str)
            print(json.dumps(parts))
            """
        let output = try run(python, ["-c", script, file.path, clockKeys.joined(separator: ",")])
        return try JSONDecoder().decode([String: String].self, from: Data(output.utf8))
    }

    /// Runs the built `studio-forecast` with `arguments`, expecting success.
    static func runTool(_ arguments: [String]) throws {
        let tool = Fixtures.packageRoot.appendingPathComponent(".build/debug/studio-forecast")
        try #require(FileManager.default.isExecutableFile(atPath: tool.path), "run swift build first")
        _ = try run(tool, arguments)
    }

    /// Runs `executable` in the package's folder and returns its standard output; it must exit 0.
    static func run(_ executable: URL, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = Fixtures.packageRoot
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let printed = output.fileHandleForReading.readDataToEndOfFile()
        let problems = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(String(decoding: problems, as: UTF8.self))")
        return String(decoding: printed, as: UTF8.self)
    }
}
