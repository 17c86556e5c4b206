import Foundation
import Testing
import _TestSupport

/// A small, fast scenario for end-to-end runs.
private let smallScenario = """
    name: small
    start_year: 2026
    horizon_years: 4
    simulation:
      replications: 300
      seed: 5
    quota:
      per_year: 3
    assessment:
      pass_probability:
        in_cycle: 0.9
        post_cycle: 0.95
    """

let outputFiles = ["cohorts.csv", "forecast.csv", "forecast.xlsx", "report.html", "run.json", "summary.csv"]

func contents(of folder: URL) -> [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
}

@Suite("The command line, as a user runs it")
struct StudioForecastCLITests {
    @Test("Help lists the commands and the run options")
    func help() throws {
        let root = try CommandLine.run(["--help"])
        #expect(root.status == 0)
        for command in ["run", "validate", "trace"] { #expect(root.output.contains(command)) }
        let run = try CommandLine.run(["run", "--help"])
        for option in ["--replications", "--seed", "--generator", "--threads", "--method", "--out", "--force"] {
            #expect(run.output.contains(option), "\(option)")
        }
    }

    @Test("run writes the four files and prints the table and where they went")
    func runWritesFiles() throws {
        let scenario = try CommandLine.scenarioFile(smallScenario)
        let out = try Fixtures.temporaryDirectory().appendingPathComponent("out")
        let result = try CommandLine.run(["run", scenario, "--out", out.path])
        #expect(result.status == 0, "\(result.errors)")
        #expect(contents(of: out) == outputFiles)
        #expect(result.output.contains("grant (yuan) mean"))
        #expect(result.output.contains("2029"))
        #expect(result.output.contains(out.path))
        let summary = try String(contentsOf: out.appendingPathComponent("summary.csv"), encoding: .utf8)
        #expect(summary.split(separator: "\n").count == 5)
    }

    @Test("The baseline runs with no scenario named, into out/<name>/")
    func defaultScenario() throws {
        let folder = try Fixtures.temporaryDirectory()
        try FileManager.default.createDirectory(
            at: folder.appendingPathComponent("scenarios"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            atPath: Fixtures.scenarioPath("nanchang-baseline"),
            toPath: folder.appendingPathComponent("scenarios/nanchang-baseline.yaml").path)
        let result = try CommandLine.run(["run", "--replications", "200"], in: folder)
        #expect(result.status == 0, "\(result.errors)")
        #expect(contents(of: folder.appendingPathComponent("out/nanchang-baseline")) == outputFiles)
    }

    @Test("A non-empty output folder is refused without --force and kept as it was")
    func refusesNonEmptyFolder() throws {
        let scenario = try CommandLine.scenarioFile(smallScenario)
        let out = try Fixtures.temporaryDirectory()
        try Data("keep".utf8).write(to: out.appendingPathComponent("forecast.csv"))
        let refused = try CommandLine.run(["run", scenario, "--out", out.path])
        #expect(refused.status == 1)
        #expect(refused.errors.contains("not empty") && refused.errors.contains("--force"))
        #expect(try String(contentsOf: out.appendingPathComponent("forecast.csv"), encoding: .utf8) == "keep")
        let forced = try CommandLine.run(["run", scenario, "--out", out.path, "--force"])
        #expect(forced.status == 0)
        #expect(contents(of: out) == outputFiles)
    }

    @Test("A bad scenario gets one line per problem with file, key path and line, and nothing is written")
    func badScenario() throws {
        let yaml = smallScenario.replacingOccurrences(of: "  seed: 5", with: "  seed: 5\n  sead: 6")
            .replacingOccurrences(of: "in_cycle: 0.9", with: "in_cycle: 9")
        let scenario = try CommandLine.scenarioFile(yaml, named: "bad.yaml")
        let out = try Fixtures.temporaryDirectory().appendingPathComponent("out")
        let result = try CommandLine.run(["run", scenario, "--out", out.path])
        #expect(result.status == 1)
        let lines = result.errors.split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines.first?.hasSuffix("bad.yaml:7: simulation.sead: unknown key; expected one of replications, seed, generator") == true)
        #expect(lines.last?.contains("bad.yaml:12: assessment.pass_probability.in_cycle: probability 9 is outside [0, 1]") == true)
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }

    @Test(
        "Bad arguments are refused with a clear message and a non-zero exit",
        arguments: [
            (["--replications", "0"], "--replications 0 is out of range"),
            (["--threads", "0"], "--threads 0 must be at least 1"),
            (["--generator", "mt"], "unknown GSL generator 'mt'"),
            (["--method", "guess"], "guess"),
        ])
    func badArguments(_ arguments: [String], _ message: String) throws {
        let scenario = try CommandLine.scenarioFile(smallScenario)
        let out = try Fixtures.temporaryDirectory().appendingPathComponent("out")
        let result = try CommandLine.run(["run", scenario, "--out", out.path] + arguments)
        #expect(result.status != 0)
        #expect(result.errors.contains(message), "\(result.errors)")
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }

    @Test("The exact method writes expectations; it refuses heterogeneity")
    func exactMethod() throws {
        let out = try Fixtures.temporaryDirectory().appendingPathComponent("out")
        let result = try CommandLine.run(["run", try CommandLine.scenarioFile(smallScenario), "--method", "exact", "--out", out.path])
        #expect(result.status == 0, "\(result.errors)")
        #expect(result.output.contains("exact expectations"))
        let refused = try CommandLine.run([
            "run", Fixtures.scenarioPath("stricter-assessment"), "--method", "exact", "--out", out.path, "--force",
        ])
        #expect(refused.status == 1)
        #expect(refused.errors.contains("assessment.heterogeneity"))
    }

    @Test("The same seed gives byte-identical files on 1 and 2 threads")
    func threadCountIndependence() throws {
        let scenario = Fixtures.scenarioPath("stricter-assessment")
        let root = try Fixtures.temporaryDirectory()
        for threads in ["1", "2"] {
            let result = try CommandLine.run([
                "run", scenario, "--replications", "1500", "--threads", threads, "--out",
                root.appendingPathComponent(threads).path,
            ])
            #expect(result.status == 0, "\(result.errors)")
        }
        for file in ["forecast.csv", "summary.csv", "cohorts.csv"] {
            let one = try Data(contentsOf: root.appendingPathComponent("1/\(file)"))
            let two = try Data(contentsOf: root.appendingPathComponent("2/\(file)"))
            #expect(one == two, "\(file)")
        }
    }

    @Test("validate accepts a good scenario and lists a bad one's problems")
    func validate() throws {
        let good = try CommandLine.run(["validate", Fixtures.scenarioPath("nanchang-baseline")])
        #expect(good.status == 0)
        #expect(good.output.contains("valid"))
        let bad = try CommandLine.run([
            "validate", try CommandLine.scenarioFile(smallScenario.replacingOccurrences(of: "per_year: 3", with: "per_year: [3, 4]")),
        ])
        #expect(bad.status == 1)
        #expect(bad.errors.contains("quota.per_year: has 2 entries but horizon_years is 4"))
    }

    @Test("trace prints one replication's events year by year")
    func trace() throws {
        let result = try CommandLine.run(["trace", Fixtures.scenarioPath("nanchang-baseline"), "--replication", "3"])
        #expect(result.status == 0, "\(result.errors)")
        #expect(result.output.contains("replication 3"))
        #expect(result.output.contains("== 2026: grant outflow"))
        #expect(result.output.contains("2024-E1") && result.output.contains("  named"))
        #expect(result.output.contains("applied: score") && result.output.contains("rank 1, named"))
        #expect(result.output.contains("tranche 1 earned: 300000 yuan paid in 2026"))
        #expect(result.output.contains("assessed: pass"))
        let refused = try CommandLine.run(["trace", Fixtures.scenarioPath("nanchang-baseline"), "--replication", "0"])
        #expect(refused.status != 0)
        #expect(refused.errors.contains("--replication 0 must be at least 1"))
    }
}

@Suite("trace with an applicant list")
struct ListedTraceTests {
    @Test("List ids and Chinese names appear whole in the trace, and a score shown at the shortlist is not below it")
    func listedLabels() throws {
        let path = try CommandLine.scenarioFile(
            """
            start_year: 2026
            horizon_years: 1
            quota:
              per_year: 1
            applicants:
              list: applicants.csv
            selection:
              shortlist_score: 80
            """)
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
        let list = """
            id,name,channel,quality,leader,team,facilities,projects,demonstration,base
            NC-2026-001,洪城工匠张三劳模创新工作室,,88,true,true,true,true,true,true
            NC-2026-002,Smith Jones Lab,,79.996,true,true,true,true,true,true
            """
        try Data(list.utf8).write(to: folder.appendingPathComponent("applicants.csv"))
        let result = try CommandLine.run(["trace", path, "--replication", "1"])
        #expect(result.status == 0, "\(result.errors)")
        #expect(result.output.contains("NC-2026-001 洪城工匠张三劳模创新工作室  applied: score 88.0, rank 1, named"))
        #expect(result.output.contains("NC-2026-002 Smith Jones Lab  applied: score 79.99, below the shortlist"))
    }
}

@Suite("Every shipped scenario, end to end")
struct ShippedScenarioRunTests {
    @Test("run succeeds on each shipped scenario", arguments: Fixtures.shippedScenarioNames)
    func runs(_ name: String) throws {
        let out = try Fixtures.temporaryDirectory().appendingPathComponent(name)
        let result = try CommandLine.run(["run", Fixtures.scenarioPath(name), "--replications", "200", "--out", out.path])
        #expect(result.status == 0, "\(result.errors)")
        #expect(contents(of: out) == outputFiles)
    }
}

@Suite("Analyst workflows from the command line")
struct AnalystCommandTests {
    @Test("compare writes the paired differences and both forecasts; a scenario against itself differs by zero")
    func compare() throws {
        let out = try Fixtures.temporaryDirectory().appendingPathComponent("cmp")
        let path = Fixtures.scenarioPath("nanchang-baseline")
        let result = try CommandLine.run(["compare", path, path, "--replications", "200", "--out", out.path])
        #expect(result.status == 0, "\(result.errors)")
        #expect(contents(of: out) == ["base", "comparison.csv", "comparison.xlsx", "report.html", "run.json", "variant"])
        let report = try String(contentsOf: out.appendingPathComponent("report.html"), encoding: .utf8)
        #expect(report.contains("年度净支出之差（方案 − 基准）") && report.components(separatedBy: "<svg ").count - 1 == 3)
        #expect(contents(of: out.appendingPathComponent("variant")) == ["cohorts.csv", "forecast.csv", "summary.csv"])
        let csv = try String(contentsOf: out.appendingPathComponent("comparison.csv"), encoding: .utf8)
        let rows = csv.split(separator: "\n").dropFirst()
        #expect(rows.allSatisfy { $0.hasSuffix(",0") }, "\(rows.first { !$0.hasSuffix(",0") } ?? "")")
        #expect(Set(rows.map { $0.split(separator: ",")[2] }) == ["mean", "sd", "mcse", "p05", "p50", "p95", "prob_positive"])
        #expect(result.output.contains("Δ net outflow mean"))
    }

    @Test("run A gives the same forecast files, byte for byte, as the base/ of compare A B", arguments: [1, 2])
    func runEqualsCompareBase(threads: Int) throws {
        let folder = try Fixtures.temporaryDirectory()
        let run = folder.appendingPathComponent("run")
        let cmp = folder.appendingPathComponent("cmp")
        let base = Fixtures.scenarioPath("nanchang-baseline")
        let common = ["--replications", "1100", "--seed", "31", "--threads", String(threads)]
        let single = try CommandLine.run(["run", base, "--quiet", "--out", run.path] + common)
        #expect(single.status == 0, "\(single.errors)")
        let compared = try CommandLine.run(
            ["compare", base, Fixtures.scenarioPath("larger-quota"), "--out", cmp.path] + common)
        #expect(compared.status == 0, "\(compared.errors)")
        for name in ["forecast.csv", "summary.csv", "cohorts.csv"] {
            let a = try Data(contentsOf: run.appendingPathComponent(name))
            let b = try Data(contentsOf: cmp.appendingPathComponent("base").appendingPathComponent(name))
            #expect(!a.isEmpty && a == b, "\(name) of run and compare's base/ differ")
        }
    }

    @Test("sweep runs a grid of two keys into sweep.csv, one row per point and year")
    func sweep() throws {
        let out = try Fixtures.temporaryDirectory().appendingPathComponent("sweep")
        let result = try CommandLine.run([
            "sweep", Fixtures.scenarioPath("nanchang-baseline"), "--set", "quota.per_year=4,6",
            "--set", "selection.shortlist_score=78,82", "--replications", "100", "--out", out.path,
        ])
        #expect(result.status == 0, "\(result.errors)")
        let lines = try String(contentsOf: out.appendingPathComponent("sweep.csv"), encoding: .utf8).split(separator: "\n")
        #expect(lines[0].hasPrefix("quota.per_year,selection.shortlist_score,year,named_mean"))
        #expect(lines.count == 1 + 4 * 10)
        #expect(lines[1].hasPrefix("4,78,2026,"))
        #expect(lines.last?.hasPrefix("6,82,2035,") == true)
        let bad = try CommandLine.run(["sweep", Fixtures.scenarioPath("nanchang-baseline"), "--set", "quota.per_year=4,x"])
        #expect(bad.status == 1)
        #expect(bad.errors.contains("[quota.per_year=x]: quota.per_year: expected a whole number"))
    }

    @Test("solve-quota prints the answer with the breach chance at it and one above, with MCSEs")
    func solveQuota() throws {
        let result = try CommandLine.run([
            "solve-quota", Fixtures.scenarioPath("nanchang-baseline"), "--budget-breach-max", "0.05", "--replications",
            "300", "--generator", "taus2", "--max-quota", "10",
        ])
        #expect(result.status == 0, "\(result.errors)")
        #expect(result.output.contains("Largest quota within 0.05:"))
        #expect(result.output.contains("(MCSE)"))
        let refused = try CommandLine.run(["solve-quota", Fixtures.scenarioPath("nanchang-baseline"), "--budget-breach-max", "2"])
        #expect(refused.status != 0)
        #expect(refused.errors.contains("--budget-breach-max 2.0 must be in [0, 1)"))
    }

    @Test("run --precision records the replications it used")
    func precision() throws {
        let out = try Fixtures.temporaryDirectory().appendingPathComponent("precise")
        let result = try CommandLine.run([
            "run", Fixtures.scenarioPath("larger-quota"), "--precision", "0.5", "--out", out.path,
        ])
        #expect(result.status == 0, "\(result.errors)")
        let json = try String(contentsOf: out.appendingPathComponent("run.json"), encoding: .utf8)
        #expect(json.contains("\"replications\": 8192"))
    }
}

@Suite("Shards and merge")
struct ShardCommandTests {
    /// Runs the baseline at 2,500 replications in 3 shards (and once whole) under `root`.
    static func runShards(root: URL, keep: Bool) throws {
        let path = Fixtures.scenarioPath("stricter-assessment")
        for shard in 1...3 {
            let result = try CommandLine.run(
                ["run", path, "--replications", "2500", "--shard", "\(shard)/3", "--out", root.appendingPathComponent("s\(shard)").path]
                    + (keep ? ["--keep-replications"] : []))
            #expect(result.status == 0, "\(result.errors)")
        }
        let single = try CommandLine.run(["run", path, "--replications", "2500", "--out", root.appendingPathComponent("single").path])
        #expect(single.status == 0)
    }

    static func merge(root: URL, shards: [Int] = [1, 2, 3]) throws -> CommandLine.Result {
        try CommandLine.run(
            ["merge"] + shards.map { root.appendingPathComponent("s\($0)").path } + ["--out", root.appendingPathComponent("merged").path])
    }

    @Test("With the replications kept, merged shards give the single run's files byte for byte")
    func exactMerge() throws {
        let root = try Fixtures.temporaryDirectory()
        try Self.runShards(root: root, keep: true)
        #expect(contents(of: root.appendingPathComponent("s2")) == (outputFiles + ["replications.csv", "shard.json"]).sorted())
        let result = try Self.merge(root: root, shards: [3, 1, 2])
        #expect(result.status == 0, "\(result.errors)")
        for file in ["forecast.csv", "summary.csv", "cohorts.csv"] {
            let single = try Data(contentsOf: root.appendingPathComponent("single/\(file)"))
            let merged = try Data(contentsOf: root.appendingPathComponent("merged/\(file)"))
            #expect(single == merged, "\(file)")
        }
    }

    @Test("Without them, means, spreads, extremes and counts are bit-identical and percentiles are left out")
    func momentMerge() throws {
        let root = try Fixtures.temporaryDirectory()
        try Self.runShards(root: root, keep: false)
        let result = try Self.merge(root: root)
        #expect(result.status == 0, "\(result.errors)")
        #expect(result.output.contains("percentiles left out"))
        let single = try String(contentsOf: root.appendingPathComponent("single/forecast.csv"), encoding: .utf8)
            .split(separator: "\n").filter { !$0.contains(",p05,") && !$0.contains(",p25,") && !$0.contains(",p50,") && !$0.contains(",p75,") && !$0.contains(",p95,") }
        let merged = try String(contentsOf: root.appendingPathComponent("merged/forecast.csv"), encoding: .utf8).split(separator: "\n")
        #expect(single == merged)
    }

    @Test("A missing shard or a bad --shard is refused")
    func refusals() throws {
        let root = try Fixtures.temporaryDirectory()
        try Self.runShards(root: root, keep: false)
        let missing = try Self.merge(root: root, shards: [1, 3])
        #expect(missing.status == 1)
        #expect(missing.errors.contains("give every shard 1...3 once"))
        let bad = try CommandLine.run(["run", Fixtures.scenarioPath("nanchang-baseline"), "--shard", "4/3"])
        #expect(bad.status != 0)
        #expect(bad.errors.contains("--shard 4/3: expected I/N"))
    }
}

@Suite("Sensitivity and keyed traces from the command line")
struct SensitivityCommandTests {
    @Test("sensitivity writes one row per number, largest effect first")
    func sensitivity() throws {
        let out = try Fixtures.temporaryDirectory().appendingPathComponent("tornado")
        let result = try CommandLine.run([
            "sensitivity", Fixtures.scenarioPath("larger-quota"), "--replications", "40", "--generator", "taus2", "--out",
            out.path,
        ])
        #expect(result.status == 0, "\(result.errors)")
        let lines = try String(contentsOf: out.appendingPathComponent("sensitivity.csv"), encoding: .utf8).split(separator: "\n")
        #expect(lines[0].hasPrefix("parameter,base_value,low_value,high_value,mean_change_low,mean_change_high"))
        let sizes = lines.dropFirst().map { line -> Double in
            let fields = line.split(separator: ",", omittingEmptySubsequences: false)
            return max(abs(Double(fields[4]) ?? 0), abs(Double(fields[5]) ?? 0))
        }
        #expect(sizes.count > 30)
        #expect(zip(sizes, sizes.dropFirst()).allSatisfy { $0 >= $1 })
        #expect(lines.contains { $0.hasPrefix("quota.per_year,10,9,11,") })
    }

    @Test("trace replays a replication with taus2 by default, any generator by name, and no layout option")
    func keyedTrace() throws {
        let path = Fixtures.scenarioPath("nanchang-baseline")
        let plain = try CommandLine.run(["trace", path, "--replication", "2"])
        let taus2 = try CommandLine.run(["trace", path, "--replication", "2", "--generator", "taus2"])
        let mt19937 = try CommandLine.run(["trace", path, "--replication", "2", "--generator", "mt19937"])
        #expect(plain.status == 0 && taus2.status == 0 && mt19937.status == 0)
        #expect(plain.output.hasPrefix("nanchang-baseline: replication 2, seed 20260101, taus2\n"))
        #expect(plain.output == taus2.output)
        #expect(mt19937.output != taus2.output)
        #expect(plain.output.contains("== 2035"))
        let layout = try CommandLine.run(["trace", path, "--replication", "2", "--layout", "keyed"])
        #expect(layout.status == 64)
        #expect(layout.errors.contains("--layout"))
    }
}

@Suite("Spreadsheet options and explain from the command line")
struct SpreadsheetCommandTests {
    @Test("--excel starts every CSV with a UTF-8 byte-order mark; --labels zh heads summary.csv in Chinese")
    func excel() throws {
        let out = try Fixtures.temporaryDirectory().appendingPathComponent("excel")
        let result = try CommandLine.run([
            "run", Fixtures.scenarioPath("nanchang-baseline"), "--replications", "100", "--excel", "--labels", "zh",
            "--out", out.path,
        ])
        #expect(result.status == 0, "\(result.errors)")
        for file in ["forecast.csv", "summary.csv", "cohorts.csv"] {
            let bytes = try Data(contentsOf: out.appendingPathComponent(file))
            #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF], "\(file)")
        }
        let summary = try String(contentsOf: out.appendingPathComponent("summary.csv"), encoding: .utf8)
        #expect(summary.contains("情景,年份"))
        // Not a terminal: no progress bar on standard error.
        #expect(result.errors.isEmpty)
    }

    @Test("explain prints the scenario in Chinese by default")
    func explain() throws {
        let result = try CommandLine.run(["explain", Fixtures.scenarioPath("nanchang-baseline")])
        #expect(result.status == 0)
        #expect(result.output.contains("（第十一条）"))
        let english = try CommandLine.run(["explain", Fixtures.scenarioPath("nanchang-baseline"), "--lang", "en"])
        #expect(english.output.contains("(Art. 7)"))
    }
}

@Suite("The report in a real browser")
struct ReportBrowserTests {
    /// Headless Chromium, which `make test` installs from Debian with fonts-noto-cjk.
    static let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first {
        FileManager.default.isExecutableFile(atPath: $0)
    }

    static func chromium(_ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(chromium, "Chromium is not installed; run make test"))
        process.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars"] + arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    @Test("report.html renders in headless Chromium, Chinese and charts included, and is not blank")
    func rendersInBrowser() throws {
        let out = try Fixtures.temporaryDirectory().appendingPathComponent("report")
        let run = try CommandLine.run(["run", Fixtures.scenarioPath("nanchang-baseline"), "--replications", "300", "--out", out.path])
        #expect(run.status == 0, "\(run.errors)")
        let page = out.appendingPathComponent("report.html").absoluteString
        // The DOM as the browser built it: five charts and the Chinese title.
        let dom = try Self.chromium(["--dump-dom", page])
        #expect(dom.components(separatedBy: "<svg").count - 1 == 5)
        #expect(dom.contains("南昌市示范性劳模创新工作室补助预测"))
        #expect(dom.contains("<polygon") && dom.contains("<polyline"))
        // A screenshot: a blank page of this size compresses to a few kilobytes; the charts do not.
        let shot = out.appendingPathComponent("report.png")
        _ = try Self.chromium(["--window-size=840,2400", "--screenshot=\(shot.path)", page])
        let bytes = try Data(contentsOf: shot)
        #expect(Array(bytes.prefix(4)) == [0x89, 0x50, 0x4E, 0x47])
        #expect(bytes.count > 50_000, "\(bytes.count) bytes")
    }
}

@Suite("The notebook, executed headless")
struct NotebookTests {
    @Test("export-notebook binds the notebook to a fresh run, which executes with every figure")
    func notebookRuns() throws {
        let python = Fixtures.packageRoot.appendingPathComponent(".venv-notebooks/bin/python").path
        try #require(FileManager.default.isExecutableFile(atPath: python), "no notebook environment; run make test")
        let out = try Fixtures.temporaryDirectory().appendingPathComponent("run")
        let run = try CommandLine.run(["run", Fixtures.scenarioPath("nanchang-baseline"), "--replications", "300", "--out", out.path])
        #expect(run.status == 0, "\(run.errors)")
        let export = try CommandLine.run(["export-notebook", out.path])
        #expect(export.status == 0, "\(export.errors)")
        let notebook = out.appendingPathComponent("forecast.ipynb")
        #expect(try String(contentsOf: notebook, encoding: .utf8).contains(out.standardizedFileURL.path))
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = [Fixtures.packageRoot.appendingPathComponent("notebooks-export/check_notebook.py").path, notebook.path, "5"]
        process.currentDirectoryURL = out
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(message)")
        // A second export is refused without --force.
        let again = try CommandLine.run(["export-notebook", out.path])
        #expect(again.status == 1 && again.errors.contains("already exists"))
    }
}
