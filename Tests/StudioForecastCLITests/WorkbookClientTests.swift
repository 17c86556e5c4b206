import Foundation
import Testing
import _TestSupport

/// `forecast.xlsx` as planners' software reads it: openpyxl, and LibreOffice Calc printing it.
@Suite("The workbook in real spreadsheet software", .serialized)
struct WorkbookClientTests {
    /// A baseline run's folder, made once for the suite.
    static let run: URL? = {
        guard let out = try? Fixtures.temporaryDirectory().appendingPathComponent("workbook"),
            let result = try? CommandLine.run(
                [
                    "run", Fixtures.scenarioPath("nanchang-baseline"), "--replications", "1000", "--out",
                    out.path,
                ]),
            result.status == 0
        else { return nil }
        return out
    }()

    /// Runs `executable` with `arguments`; returns the exit status, standard output and standard error.
    static func execute(_ executable: String, _ arguments: [String], in folder: URL? = nil) throws
        -> (status: Int32, output: String, errors: String)
    {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let folder { process.currentDirectoryURL = folder }
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        let errorData = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (
            process.terminationStatus, String(decoding: outputData, as: UTF8.self),
            String(decoding: errorData, as: UTF8.self)
        )
    }

    static let checker = Fixtures.packageRoot.appendingPathComponent(
        "Tests/Workbook/check_forecast_workbook.py"
    ).path

    @Test("openpyxl finds every number of the budget sheet in forecast.csv, and the charts in the file")
    func budgetSheetMatchesForecast() throws {
        let python = Fixtures.packageRoot.appendingPathComponent(".venv-notebooks/bin/python").path
        try #require(
            FileManager.default.isExecutableFile(atPath: python), "no notebook environment; run make test")
        let out = try #require(Self.run, "the baseline run failed")
        let workbook = out.appendingPathComponent("forecast.xlsx").path
        let result = try Self.execute(
            python, [Self.checker, workbook, out.appendingPathComponent("forecast.csv").path, "95", "5"])
        #expect(result.status == 0, "\(result.errors)")
        // The checker fails on a forecast the workbook was not written from.
        let other = try Fixtures.temporaryDirectory().appendingPathComponent("other")
        let rerun = try CommandLine.run(
            [
                "run", Fixtures.scenarioPath("nanchang-baseline"), "--replications", "1000", "--seed", "7",
                "--out", other.path,
            ])
        #expect(rerun.status == 0, "\(rerun.errors)")
        let mismatch = try Self.execute(
            python, [Self.checker, workbook, other.appendingPathComponent("forecast.csv").path, "95", "5"])
        #expect(mismatch.status == 1 && mismatch.errors.contains("预算表!"), "\(mismatch.errors)")
    }

    @Test(
        "compare's comparison.xlsx holds comparison.csv's paired differences by year and period, and its chart"
    )
    func comparisonWorkbook() throws {
        let python = Fixtures.packageRoot.appendingPathComponent(".venv-notebooks/bin/python").path
        try #require(
            FileManager.default.isExecutableFile(atPath: python), "no notebook environment; run make test")
        let out = try Fixtures.temporaryDirectory().appendingPathComponent("compare")
        let run = try CommandLine.run(
            [
                "compare", Fixtures.scenarioPath("nanchang-baseline"), Fixtures.scenarioPath("larger-quota"),
                "--replications", "600", "--out", out.path, "--quiet",
            ])
        #expect(run.status == 0, "\(run.errors)")
        let checker = Fixtures.packageRoot.appendingPathComponent(
            "Tests/Workbook/check_comparison_workbook.py"
        ).path
        let result = try Self.execute(
            python,
            [
                checker, out.appendingPathComponent("comparison.xlsx").path,
                out.appendingPathComponent("comparison.csv").path,
            ])
        #expect(result.status == 0, "\(result.errors)")
    }

    @Test(
        "sweep, sensitivity and solve write their table as a workbook that reads back as their CSV file",
        arguments: [
            (["sweep", "--set", "quota.per_year=4,5"], "sweep"),
            (["sensitivity"], "sensitivity"),
            (["sensitivity", "--output", "any_budget_breach", "--period", "2026-2030"], "sensitivity"),
            (
                ["solve", "--lever", "quota.per_year", "--maximize", "--range", "0:10", "--constraint",
                 "any_budget_breach mean 2026-2030 <= 0.05"], "solve"
            ),
        ])
    func tableWorkbooks(command: [String], name: String) throws {
        let python = Fixtures.packageRoot.appendingPathComponent(".venv-notebooks/bin/python").path
        try #require(
            FileManager.default.isExecutableFile(atPath: python), "no notebook environment; run make test")
        let out = try Fixtures.temporaryDirectory().appendingPathComponent(name)
        let run = try CommandLine.run(
            [command[0], Fixtures.scenarioPath("nanchang-baseline")] + command.dropFirst()
                + ["--replications", "200", "--out", out.path, "--quiet"])
        #expect(run.status == 0, "\(run.errors)")
        #expect(run.output.contains("\(name).xlsx"))
        let checker = Fixtures.packageRoot.appendingPathComponent("Tests/Workbook/check_table_workbook.py")
            .path
        let result = try Self.execute(
            python,
            [
                checker, out.appendingPathComponent("\(name).xlsx").path,
                out.appendingPathComponent("\(name).csv").path,
            ])
        #expect(result.status == 0, "\(result.errors)")
    }

    @Test("LibreOffice prints the budget table's numbers as formatted and its Chinese headings")
    func printsInLibreOffice() throws {
        let soffice = try #require(
            ["/usr/bin/soffice", "/usr/bin/libreoffice"].first {
                FileManager.default.isExecutableFile(atPath: $0)
            },
            "LibreOffice is not installed; run make test")
        let pdftotext = try #require(
            ["/usr/bin/pdftotext"].first { FileManager.default.isExecutableFile(atPath: $0) },
            "pdftotext is not installed; run make test")
        let out = try #require(Self.run, "the baseline run failed")
        let pdfFolder = try Fixtures.temporaryDirectory()
        let profile = try Fixtures.temporaryDirectory()
        let convert = try Self.execute(
            soffice,
            [
                "-env:UserInstallation=\(profile.absoluteString)", "--headless", "--convert-to", "pdf",
                "--outdir",
                pdfFolder.path, out.appendingPathComponent("forecast.xlsx").path,
            ])
        #expect(convert.status == 0, "\(convert.errors)")
        let text = try Self.execute(
            pdftotext, ["-layout", pdfFolder.appendingPathComponent("forecast.pdf").path, "-"])
        #expect(text.status == 0)
        for heading in ["预算表", "预算项目", "创建补助（第十一条）", "净支出", "P95（审慎水平）", "超预算概率", "在册与撤销"] {
            #expect(text.output.contains(heading), "\(heading)")
        }
        // Each year's mean net outflow, the first period's subtotal and the horizon's total, in 万元
        // with two decimals and thousands separators, as forecast.csv gives them.
        let csv = try String(contentsOf: out.appendingPathComponent("forecast.csv"), encoding: .utf8)
        var means: [Int: Double] = [:]
        for line in csv.split(separator: "\n") {
            let fields = line.split(separator: ",")
            if fields.count == 5, fields[2] == "net_outflow", fields[3] == "mean", let year = Int(fields[1]),
                let value = Double(fields[4])
            {
                means[year] = value
            }
        }
        #expect(means.count == 10)
        let years = means.keys.sorted()
        let figures =
            years.map { means[$0] ?? 0 } + [
                years.prefix(5).reduce(0) { $0 + (means[$1] ?? 0) }, means.values.reduce(0, +),
            ]
        for figure in figures {
            let formatted = Self.tenThousandYuan(figure)
            #expect(text.output.contains(formatted), "\(formatted) is not in the printed workbook")
        }
    }

    /// `#,##0.00` of yuan ÷ 10,000.
    static func tenThousandYuan(_ yuan: Double) -> String {
        let fixed = String(format: "%.2f", abs(yuan / 10_000))
        let parts = fixed.split(separator: ".")
        var whole = String(parts[0])
        var groups: [String] = []
        while whole.count > 3 {
            groups.insert(String(whole.suffix(3)), at: 0)
            whole = String(whole.dropLast(3))
        }
        groups.insert(whole, at: 0)
        return (yuan < 0 ? "-" : "") + groups.joined(separator: ",") + "."
            + (parts.count > 1 ? String(parts[1]) : "00")
    }
}
