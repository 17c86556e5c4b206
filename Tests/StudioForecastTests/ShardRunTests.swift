import Foundation
import StudioForecast
import Testing
import _TestSupport

/// Splitting a run into shards and merging them back, from the library.
@Suite("Shard runs and their merge")
struct ShardRunTests {
    static let path = Fixtures.scenarioPath("nanchang-baseline")

    @Test("More shards than blocks, or a shard outside 1...N, is refused before any run")
    func refused() throws {
        let scenario = try Scenario(contentsOf: URL(fileURLWithPath: Self.path)).with {
            $0.simulation.replications = 100
        }
        let tooMany = #expect(throws: ShardRunError.self) {
            try ShardRun(scenario: scenario, path: Self.path, shard: 1, of: 2)
        }
        #expect(tooMany?.description.contains("at most 1 shards") == true)
        for shard in [0, 3] {
            #expect(throws: ShardRunError.self) {
                try ShardRun(scenario: scenario, path: Self.path, shard: shard, of: 2)
            }
        }
    }

    @Test(
        "Two shards with their replications merge into the single run's forecast", arguments: [true, false])
    func mergeGivesSingleRun(keepingReplications: Bool) throws {
        let scenario = try Scenario(contentsOf: URL(fileURLWithPath: Self.path)).with {
            $0.simulation.replications = 2_100
        }
        let root = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        var folders: [String] = []
        for shard in 1...2 {
            let slice = try ShardRun(scenario: scenario, path: Self.path, shard: shard, of: 2)
            let folder = OutputDirectory(path: root.appendingPathComponent("shard\(shard)").path)
            try folder.prepare(force: false)
            let output = try slice.run(threads: 2, keepingReplications: keepingReplications, in: folder)
            var files = ForecastFolder(output.forecast)
            files.add(ShardManifest.fileName, contents: output.manifest)
            try files.write(to: folder, placing: output.placed, force: false)
            folders.append(folder.path)
        }
        let merge = try ShardMerge(folders: folders.reversed())
        try merge.checkScenarioFile()
        #expect(merge.isExact == keepingReplications)
        let merged = try merge.forecast(
            of: merge.settings(of: try Scenario(contentsOf: URL(fileURLWithPath: Self.path))))
        let single = try Simulation(scenario).run()
        #expect(merged.replications == single.replications)
        let year = try #require(single.years.last)
        #expect(merged[.cumulativeNetOutflow, year].mean == single[.cumulativeNetOutflow, year].mean)
        #expect(merged[.cumulativeNetOutflow, year].mcse == single[.cumulativeNetOutflow, year].mcse)
        if keepingReplications {
            #expect(merged.yearly == single.yearly)
            #expect(merged.cohorts == single.cohorts)
        } else {
            #expect(merged[.cumulativeNetOutflow, year].p95.isNaN)
        }
    }
}
