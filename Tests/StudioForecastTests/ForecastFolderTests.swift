import Foundation
import StudioForecast
import Testing
import _TestSupport

/// Writing a forecast's standard output folder from the library.
@Suite("Forecast folder")
struct ForecastFolderTests {
    @Test("write(to:) writes the three files the writers give, byte for byte")
    func writesForecastFiles() throws {
        let baseline = try Scenario(
            contentsOf: URL(fileURLWithPath: Fixtures.scenarioPath("nanchang-baseline")))
        let forecast = try Simulation(baseline).run(replications: 100)
        let root = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let folder = root.appendingPathComponent("mine")
        try ForecastFolder(forecast).write(to: folder)
        let files = ForecastFiles(forecast: forecast)
        let expected = [
            "forecast.csv": files.forecastCSV(), "summary.csv": files.summaryCSV(labels: .en),
            "cohorts.csv": files.cohortsCSV(),
        ]
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter {
            !$0.hasPrefix(".")
        }
        #expect(Set(names) == Set(expected.keys))
        for (name, text) in expected {
            #expect(try Data(contentsOf: folder.appendingPathComponent(name)) == Data(text.utf8))
        }
    }

    @Test("A folder that is not empty is refused without force and replaced with it")
    func refusesWithoutForce() throws {
        let forecast = try Simulation(
            try Scenario(contentsOf: URL(fileURLWithPath: Fixtures.scenarioPath("nanchang-baseline")))
        )
        .run(replications: 50)
        let folder = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("x".utf8).write(to: folder.appendingPathComponent("forecast.csv"))
        let error = #expect(throws: OutputError.self) { try ForecastFolder(forecast).write(to: folder) }
        #expect(error?.description == OutputError.notEmpty(folder.path).description)
        #expect(try String(contentsOf: folder.appendingPathComponent("forecast.csv"), encoding: .utf8) == "x")
        try ForecastFolder(forecast).write(to: folder, force: true)
        #expect(try String(contentsOf: folder.appendingPathComponent("forecast.csv"), encoding: .utf8) != "x")
    }

    @Test("A byte-order mark and Chinese headings are applied as asked")
    func format() throws {
        let forecast = try Simulation(
            try Scenario(contentsOf: URL(fileURLWithPath: Fixtures.scenarioPath("nanchang-baseline")))
        )
        .run(replications: 50)
        let folder = ForecastFolder(forecast, format: CSVFormat(byteOrderMark: true, labels: .zh))
        let summary = try #require(folder.files.first { $0.name == "summary.csv" })
        #expect(summary.contents == "\u{FEFF}" + ForecastFiles(forecast: forecast).summaryCSV(labels: .zh))
        #expect(folder.files.allSatisfy { $0.contents.hasPrefix("\u{FEFF}") })
    }

    @Test(
        "A comparison's folder holds comparison.csv, report.html, base/ and variant/ as compare writes them")
    func comparisonFolder() throws {
        let baseline = try Scenario(
            contentsOf: URL(fileURLWithPath: Fixtures.scenarioPath("nanchang-baseline")))
        let comparison = try Simulation(baseline).compare(
            with: baseline.with { $0.quota = .perYear(7) }, replications: 100)
        let folder = ForecastFolder(comparison, language: .en)
        #expect(
            folder.files.map(\.name) == [
                "comparison.csv", "report.html", "base/forecast.csv", "base/summary.csv", "base/cohorts.csv",
                "variant/forecast.csv", "variant/summary.csv", "variant/cohorts.csv",
            ])
        let contents = Dictionary(uniqueKeysWithValues: folder.files.map { ($0.name, $0.contents) })
        #expect(contents["comparison.csv"] == ComparisonFiles.comparisonCSV(comparison.difference))
        #expect(contents["variant/forecast.csv"] == ForecastFiles(forecast: comparison.variant).forecastCSV())
        #expect(contents["base/forecast.csv"] != contents["variant/forecast.csv"])
    }
}
